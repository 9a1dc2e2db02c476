"""Declaring a café in a real browser: without JavaScript from a postcode (a commune chosen among those sharing it),
with JavaScript by clicking the map; a moderator sees each point on a map and approves; both cafés are then at
their place on the public map, in French, Arabic and English."""
import json
import os
import time
import uuid
from pathlib import Path

import pytest

from cafes import places
from tests.browser_harness import ARTIFACTS, guarded_tab
from tests.journeys.contributing import link_in, mails_to

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Screenshots to look at, next to the harness's own (CAFEIA_WALK_DIR to put them elsewhere).
WALK = Path(os.environ.get("CAFEIA_WALK_DIR", ARTIFACTS / "walk"))
VILLEBAROU = places.get("FR", "41276")
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def no_js_tab(browser, server_url, request):
    yield from guarded_tab(browser, server_url, request, suffix="-nojs", java_script_enabled=False)


@pytest.fixture
def js_tab(browser, server_url, request):
    yield from guarded_tab(browser, server_url, request, suffix="-js")


def shot(tab, name):
    WALK.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(WALK / f"declare-{name}.png"), full_page=True)


def fill_cafe(form, *, title, email):
    form.get_by_label("Nom du café").fill(title)
    form.get_by_label("En quelques mots").fill("Un café pour parler d'IA sans jargon.")
    form.get_by_label("Début").fill("2027-03-04T18:00")
    form.get_by_label("Fin (obligatoire)", exact=True).fill("2027-03-04T20:00")
    form.get_by_label("Sur place ou en ligne").select_option("sur-place")
    form.get_by_label("Pays").select_option("FR")
    form.get_by_label("Lieu", exact=True).fill("Salle des fêtes")
    form.get_by_label("Structure organisatrice").fill("Foyer rural")
    form.get_by_label("Comment les modérateurs peuvent vous joindre").fill("02 00 00 00 00")
    form.get_by_label("Votre adresse e-mail").fill(email)
    form.get_by_label("J'accepte que Café IA traite").check()


def send_and_confirm(tab, form, email):
    time.sleep(1.2)  # a person takes longer than the minimum fill time
    form.get_by_role("button", name="Envoyer").click()
    tab.wait_for_url("**/contribuer/merci/")
    tab.goto(link_in(mails_to(email)[-1], "/confirmer/"))
    tab.get_by_role("button", name="Je confirme").click()
    assert tab.get_by_role("heading", name="Contribution confirmée").is_visible()


def approve_on_the_moderators_map(tab, title, expected):
    tab.goto("/admin/contributions/?status=in_moderation")
    tab.get_by_role("link", name=title).click()
    tab.wait_for_selector("[data-cafe-map][data-markers='1']")
    marker = tab.locator("[data-cafe-map] .leaflet-marker-icon")
    assert marker.count() == 1 and marker.first.is_visible()
    text = tab.locator("#point-text").inner_text()
    assert f"{expected[0]:.6f}" in text and f"{expected[1]:.6f}" in text
    return marker


def test_a_cafe_declared_without_and_with_javascript_is_at_its_place_on_the_map(no_js_tab, js_tab, server_url):
    run = uuid.uuid4().hex[:6]
    # Without JavaScript: a postcode three communes share (five, here); the form comes back with them.
    plain, plain_email = f"Café IA de Villebarou {run}", f"villebarou-{run}@example.org"
    no_js_tab.goto("/fr/contribuer/cafe/")
    assert no_js_tab.locator("[data-declare-map]").is_hidden()
    form = no_js_tab.locator("form.contribution-form")
    fill_cafe(form, title=plain, email=plain_email)
    form.get_by_label("Code postal").fill("41000")
    time.sleep(1.2)
    form.get_by_role("button", name="Envoyer").click()
    summary = no_js_tab.locator("#error-summary")
    assert "Plusieurs communes correspondent à « 41000 »" in summary.inner_text()
    assert form.get_by_label("Nom du café").input_value() == plain  # nothing lost
    choice = form.get_by_role("radio", name="Villebarou (41000, Loir-et-Cher)")
    shot(no_js_tab, "choice-nojs-fr")
    choice.check()
    send_and_confirm(no_js_tab, form, plain_email)

    # With JavaScript: the town typed recentres the map, a click places the café.
    clicked, clicked_email = f"Café IA de Vierzon {run}", f"vierzon-{run}@example.org"
    js_tab.add_init_script(LISTEN)
    js_tab.goto("/fr/contribuer/cafe/")
    form = js_tab.locator("form.contribution-form")
    fill_cafe(form, title=clicked, email=clicked_email)
    form.get_by_label("Ville", exact=True).fill("Vierzon")
    form.get_by_label("Ville", exact=True).press("Tab")
    status = js_tab.locator("[data-declare-map] [data-status]")
    status.filter(has_text="Trouvé : Vierzon (18100, Cher)").wait_for()
    box = js_tab.locator("[data-declare-map] [data-map]").bounding_box()
    js_tab.mouse.click(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2 - 40)
    status.filter(has_text="Point placé sur la carte").wait_for()
    point = (float(form.locator("[name=latitude]").input_value()), float(form.locator("[name=longitude]").input_value()))
    assert point != (places.get("FR", "18279").latitude, places.get("FR", "18279").longitude)
    assert places.in_country("FR", *point)
    shot(js_tab, "form-fr")
    assert js_tab.evaluate("window.__cspViolations") == []
    send_and_confirm(js_tab, form, clicked_email)

    # The moderator sees each point on a map, then approves.
    js_tab.goto("/admin/login/")
    js_tab.locator("input[name=username]").fill("moderator")
    js_tab.locator("input[name=password]").fill("cafeia-moderator")
    js_tab.locator("button[type=submit]").first.click()
    js_tab.wait_for_url("**/admin/")
    for title, expected in ((plain, (VILLEBAROU.latitude, VILLEBAROU.longitude)), (clicked, point)):
        approve_on_the_moderators_map(js_tab, title, expected)
        if title == clicked:
            js_tab.locator("[data-cafe-map]").scroll_into_view_if_needed()
            js_tab.screenshot(path=str(WALK / "declare-moderator-map.png"))
        js_tab.get_by_role("button", name="Approuver et publier").click()
        js_tab.wait_for_load_state()
        assert "Publiée" in js_tab.locator(".moderation-summary").inner_text()

    # On the public map, at their places, in every language.
    for lang in ("fr", "ar", "en"):
        data = json.loads(js_tab.request.get(f"/data/cafes.geojson?lang={lang}&when=all").text())
        found = {f["properties"]["title"]: f for f in data["features"] if f["properties"]["title"] in (plain, clicked)}
        assert found[plain]["geometry"]["coordinates"] == [VILLEBAROU.longitude, VILLEBAROU.latitude], lang
        assert found[clicked]["geometry"]["coordinates"] == [point[1], point[0]], lang
        js_tab.goto(found[clicked]["properties"]["url"].replace("http://testserver", server_url))
        js_tab.wait_for_selector(".cafe-map[data-markers='1'] .leaflet-marker-icon")
        assert js_tab.locator("html").get_attribute("lang") == lang
        if lang == "ar":
            shot(js_tab, "public-ar")


@pytest.mark.parametrize("language,country,town,found", [
    ("fr", "FR", "Lannion", "Lannion (22300, Côtes-d'Armor)"), ("ar", "MA", "فاس", "فاس (Fès-Meknès)")])
def test_the_declaration_form_passes_axe_and_its_map_follows_the_town(js_tab, language, country, town, found):
    js_tab.add_init_script(LISTEN)
    js_tab.goto(f"/{language}/contribuer/cafe/")
    form = js_tab.locator("form.contribution-form")
    form.locator("[name=country]").select_option(country)
    form.locator("[name=city]").fill(town)
    form.locator("[name=city]").press("Tab")
    js_tab.locator("[data-declare-map] [data-status]").filter(has_text=found).wait_for()
    assert js_tab.locator("[data-declare-map] .leaflet-marker-icon").count() == 1
    assert js_tab.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert axe_violations(js_tab) == []
    assert js_tab.evaluate("window.__cspViolations") == []
    shot(js_tab, f"form-{language}-{country.lower()}")
