"""A report walks from the public form to publication, through the moderators' admin, in a real browser."""
import quopri
import re
import time

import pytest

from .conftest import axe_violations, sent_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _last_link(kind: str) -> str:
    text = quopri.decodestring(sent_mail()[-1].encode()).decode("utf-8", "replace")
    return re.findall(rf"https?://[^\s]+/{kind}/[^\s/]+/", text)[-1]


def test_report_from_public_form_to_publication(page, server_url):
    page.goto("/fr/contribuer/compte-rendu/")
    assert axe_violations(page) == []
    form = page.locator("form.contribution-form")
    form.get_by_label("Sinon, son nom").fill("Café IA de la gare")
    form.get_by_label("Sa ville").fill("Vierzon")
    form.get_by_label("Son pays").select_option("FR")
    form.get_by_label("Date du café").fill("2026-10-15")
    form.get_by_label("Nombre de participants").fill("14")
    form.get_by_label("Ce qui s'est passé").fill("Un échange vif sur les assistants vocaux à la gare de Vierzon.")
    form.get_by_label("Les questions posées par les participants").fill("Nos conversations sont-elles enregistrées ?")
    form.get_by_label("Anonymement").check()
    form.get_by_label("Votre adresse e-mail").fill("vierzon@example.org")
    form.get_by_label("J'accepte que Café IA traite").check()
    time.sleep(1.2)  # a person takes longer than the minimum fill time
    form.get_by_role("button", name="Envoyer").click()
    page.wait_for_url("**/contribuer/merci/")
    assert page.get_by_role("heading", name="Merci !").is_visible()

    page.goto(_last_link("confirmer").replace("http://testserver", server_url))
    page.get_by_role("button", name="Je confirme").click()
    assert page.get_by_role("heading", name="Contribution confirmée").is_visible()
    status_link = _last_link("suivi").replace("http://testserver", server_url)

    page.goto("/admin/login/")
    page.get_by_label("Nom d’utilisateur").or_(page.get_by_label("Username")).first.fill("moderator")
    page.locator("input[name=password]").fill("cafeia-moderator")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/contributions/?status=in_moderation")
    row = page.locator("tr", has_text="Café IA de la gare")
    row.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Approuver la sélection").click()
    page.wait_for_url("**/admin/contributions/")

    page.goto(status_link)
    assert page.get_by_text("Publiée").first.is_visible()
    page.get_by_role("link", name="La voir sur le site").click()
    assert page.get_by_text("Un échange vif sur les assistants vocaux").is_visible()


@pytest.mark.parametrize("path", ["/fr/contribuer/", "/ar/contribuer/temoignage/", "/fr/contribuer/format/", "/ar/contribuer/cafe/"])
def test_contribution_pages_pass_axe(page, path):
    page.goto(path)
    assert axe_violations(page) == []
