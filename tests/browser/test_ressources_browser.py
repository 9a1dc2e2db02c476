"""The library in a real browser: axe on the index and a resource in fr and ar, filters, copy button."""
import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    [
        "/fr/ressources/",
        "/ar/ressources/",
        "/fr/ressources/?kind=format&screens=without",
        "/ar/ressources/?kind=spaceship&page=99",
        "/fr/ressources/la-recette-infaillible/",
        "/ar/ressources/la-recette-infaillible/",
        "/ar/ressources/debat-deepfakes/",
        "/fr/ressources/la-recette-infaillible/imprimer/",
    ],
)
def test_library_pages_pass_axe(page, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_filtering_through_the_form_puts_the_filters_in_the_url(page):
    page.goto("/fr/ressources/")
    page.get_by_label("Type").select_option("format")
    page.get_by_label("Écrans").select_option("without")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**kind=format**")
    assert "screens=without" in page.url
    assert page.get_by_role("link", name="La recette infaillible pour organiser un café IA").is_visible()
    assert page.get_by_role("link", name="Vrai ou faux ? Un débat sur les deepfakes").count() == 0


def test_attribution_can_be_selected_and_copied(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/fr/ressources/la-recette-infaillible/")
    box = page.get_by_label("Mention à copier quand vous la réutilisez")
    assert box.input_value().startswith("« La recette infaillible pour organiser un café IA »")
    page.get_by_role("button", name="Copier la mention").click()
    expect(page.get_by_text("Mention copiée")).to_be_visible()  # waits for the clipboard promise
    assert page.evaluate("navigator.clipboard.readText()") == box.input_value()
