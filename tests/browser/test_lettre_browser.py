"""The lettre in a real browser: axe-clean in French and Arabic; videos load nothing until asked."""
import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("path", [
    "/fr/lettre/", "/ar/lettre/",
    "/fr/lettre/lettre-3-partout-en-france/", "/ar/lettre/lettre-3-partout-en-france/",
    "/fr/lettre/lettre-1-construire-ensemble/", "/ar/temoignages/",
])
def test_lettre_pages_pass_axe(page, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_video_offers_a_button_and_no_iframe_before_the_click(page):
    page.goto("/fr/lettre/lettre-3-partout-en-france/")
    video = page.locator("figure.video")
    assert video.locator("iframe").count() == 0
    assert video.get_by_role("button", name="Lire la vidéo ici").is_visible()
    assert video.get_by_role("link").count() == 1


def test_subscribing_from_the_lettre_page(page):
    page.goto("/fr/lettre/")
    form = page.locator("section.lettre-subscribe")
    form.get_by_label("Votre adresse e-mail").fill("navigateur@example.org")
    form.get_by_label("J'accepte de recevoir la lettre", exact=False).check()
    form.get_by_role("button", name="S'abonner").click()
    page.wait_for_url("**/fr/abonnement/merci/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vérifiez votre boîte de réception"
