"""Nothing hidden by language: a country with cafés translated, untranslated and written in Arabic shows the
same cafés, as many, in every list, feed and count of fr, ar and en (Wagtail aliases, cafeia_site.localisation)."""
import csv
import io
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from cafeia_site.localisation import alias_every_page
from cafes import selectors
from cafes.models import CafePage
from tests.cafes.factories import make_cafe
from tests.factories import AnimatorFactory, site_tree, translate_page

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar", "en")


@pytest.fixture
def morocco():
    """Five Moroccan cafés: one translated into Arabic, three in French only (one past), one written in Arabic only."""
    tree = site_tree()
    ma = tree.countries["MA"]
    rabat = make_cafe(ma["fr"], title="Café IA à Rabat", slug="rabat", city="Rabat", organiser=tree.organisation)
    translate_page(rabat, "ar", title="مقهى الذكاء الاصطناعي بالرباط")
    make_cafe(ma["fr"], title="Café IA à Ifrane", slug="ifrane", city="Ifrane", days=12)
    make_cafe(ma["fr"], title="Café IA à Tanger", slug="tanger", city="Tanger", days=14)
    make_cafe(ma["ar"], title="مقهى الذكاء الاصطناعي بفاس", slug="fes", city="فاس", days=16)
    make_cafe(ma["fr"], title="Café IA à Marrakech", slug="marrakech", city="Marrakech", days=-20)
    alias_every_page()
    return tree


def _ics_keys(body: str) -> set[str]:
    return set(re.findall(r"UID:cafe-([0-9a-f-]+)-", body))


def test_every_list_and_feed_shows_the_same_cafes_in_every_language(client, morocco):
    month = timezone.now().strftime("%Y-%m")
    shown = {}
    for code in LANGUAGES:
        index = client.get(f"/{code}/cafes/?when=all")
        country = client.get(f"/{code}/cafes/maroc/")
        geojson = json.loads(client.get(f"/data/cafes.geojson?lang={code}&when=all&country=MA").content)
        ics = client.get(f"/data/cafes.ics?lang={code}&country=MA&when=all").content.decode()
        rows = list(csv.reader(io.StringIO(client.get(f"/data/cafes.csv?lang={code}&country=MA&when=all").content.decode("utf-8-sig"))))
        api = client.get(f"/api/v2/pages/?type=cafes.CafePage&locale={code}").json()
        form = client.get(f"/{code}/contribuer/compte-rendu/")
        assert index.status_code == country.status_code == form.status_code == 200
        shown[code] = {
            "index": index.content.decode().count('class="cafe-card'),
            "geojson": len(geojson["features"]),
            "ics": len(_ics_keys(ics)),
            "csv": len(rows) - 1,
            "api": api["meta"]["total_count"],
            "country": country.content.decode().count('class="cafe-card'),
        }
        assert _ics_keys(ics) == {str(c.translation_key) for c in CafePage.objects.filter(locale__language_code="fr")
                                  if c.get_parent().specific.country_code == "MA"}
        # The form for reports offers every café of the language's tree, translated or not.
        assert form.content.decode().count("Café IA à Marrakech") == 1
        agenda = client.get(f"/{code}/cafes/agenda/?mois={month}")
        assert agenda.status_code == 200
    assert shown["fr"] == shown["ar"] == shown["en"], shown
    assert shown["fr"]["api"] == 6  # France's café and Morocco's five
    assert shown["fr"]["geojson"] == 5 and shown["fr"]["ics"] == 5


def test_an_untranslated_cafe_is_shown_in_its_own_language_and_marked(client, morocco):
    arabic = client.get("/ar/cafes/?when=all").content.decode()
    # Ifrane has no Arabic version: its card keeps its French title, marked as French, with a note.
    card = re.search(r'<li class="cafe-card[^"]*">(?:(?!</li>).)*Ifrane(?:(?!</li>).)*</li>', arabic, re.S).group(0)
    assert 'lang="fr" dir="ltr"' in card
    assert "source-note" in card
    # Rabat is translated: its Arabic title, unmarked.
    assert "مقهى الذكاء الاصطناعي بالرباط" in arabic
    # The map's data says which language each title is in.
    features = json.loads(client.get("/data/cafes.geojson?lang=ar&when=all&country=MA").content)["features"]
    langs = {f["properties"]["title"]: f["properties"]["lang"] for f in features}
    assert langs["Café IA à Ifrane"] == "fr" and langs["مقهى الذكاء الاصطناعي بالرباط"] == "ar"
    events = Calendar.from_ical(client.get("/data/cafes.ics?lang=ar&when=all&country=MA").content).walk("VEVENT")
    summaries = {str(e["SUMMARY"]): e["SUMMARY"].params["LANGUAGE"] for e in events}
    assert summaries["Café IA à Ifrane"] == "fr" and summaries["مقهى الذكاء الاصطناعي بالرباط"] == "ar"
    # Fès was written in Arabic: in French, its title is marked Arabic, right to left.
    french = client.get("/fr/cafes/?when=all").content.decode()
    assert re.search(r'lang="ar" dir="rtl">مقهى الذكاء الاصطناعي بفاس', french)

    page = client.get("/ar/cafes/maroc/ifrane/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'<h1 lang="fr" dir="ltr">Café IA à Ifrane</h1>', html)
    assert 'class="wrap source-language-notice"' in html and 'href="/fr/cafes/maroc/ifrane/"' in html
    # The original is the canonical address; no hreflang claims an Arabic translation.
    assert re.search(r'<link rel="canonical" href="[^"]*/fr/cafes/maroc/ifrane/">', html)
    assert 'hreflang="ar" href' not in html


def test_counts_are_the_same_in_every_language(morocco):
    held = {code: selectors.cafes_filtered(locale=code, when="all", country="MA").count() for code in LANGUAGES}
    assert held == {"fr": 5, "ar": 5, "en": 5}
    # "Cafés held here" on the country page: the past one, in every language.
    past = {code: selectors.cafe_count_held(locale=code, country="MA") for code in LANGUAGES}
    assert past == {"fr": 1, "ar": 1, "en": 1}


@pytest.mark.parametrize("path", ["/fr/cafes/?mode=en-ligne&when=all", "/ar/cafes/agenda/?mois=2026-11"])
def test_the_language_switcher_keeps_the_route_and_the_query(client, morocco, path):
    html = client.get(path).content.decode()
    nav = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    route_and_query = path.split("/", 2)[2]
    for code in LANGUAGES:
        if code != path[1:3]:
            assert f'href="/{code}/{route_and_query}"'.replace("&", "&amp;") in nav


def test_an_untranslated_page_has_a_switcher_naming_the_language_of_its_text(client, morocco):
    nav = re.search(r'<nav class="lang-switch".*?</nav>', client.get("/fr/cafes/maroc/ifrane/").content.decode(), re.S).group(0)
    assert 'href="/ar/cafes/maroc/ifrane/"' in nav and 'href="/en/cafes/maroc/ifrane/"' in nav
    assert nav.count('class="source-note"') == 0 and nav.count("<small") == 2


def test_publishing_aliases_unpublishing_and_deleting_follow(morocco):
    ma = morocco.countries["MA"]["fr"]
    draft = make_cafe(ma, title="Café IA à Oujda", slug="oujda", live=False)
    assert not CafePage.objects.filter(translation_key=draft.translation_key).exclude(pk=draft.pk).exists()
    draft.save_revision().publish()
    aliases = CafePage.objects.filter(alias_of=draft)
    assert sorted(a.locale.language_code for a in aliases) == ["ar", "en"]
    assert all(a.live for a in aliases)
    draft.refresh_from_db()
    draft.unpublish()
    assert not CafePage.objects.filter(alias_of=draft, live=True).exists()
    draft.delete()
    assert not CafePage.objects.filter(translation_key=draft.translation_key).exists()


def test_an_address_of_another_language_leads_to_the_page_in_this_one(client, morocco):
    # Rabat's Arabic version has its own slug: its French address under /ar/ finds it.
    rabat_ar = CafePage.objects.get(locale__language_code="ar", title="مقهى الذكاء الاصطناعي بالرباط")
    rabat_ar.slug = "الرباط"
    rabat_ar.save()
    response = client.get("/fr/cafes/maroc/الرباط/")
    assert response.status_code == 302 and response["Location"] == "/fr/cafes/maroc/rabat/"
    assert client.get("/ar/cafes/maroc/nulle-part/").status_code == 404


def _event(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def _empty_values(data, path="") -> list[str]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _empty_values(value, f"{path}.{key}")]
    if isinstance(data, list):
        return [path] if not data else [p for i, value in enumerate(data) for p in _empty_values(value, f"{path}[{i}]")]
    return [path] if data in ("", None) else []


def test_the_event_data_names_the_language_of_its_text_and_has_no_empty_field(client, morocco):
    ifrane = CafePage.objects.get(slug="ifrane", locale__language_code="fr")
    ifrane.approximate_location, ifrane.venue_name, ifrane.address = True, "Chez une habitante", "3 rue privée"
    ifrane.animators.set([AnimatorFactory(name="Salma Idrissi", listed=True), AnimatorFactory(name="Caché", listed=False)])
    ifrane.save_revision().publish()
    for code, language in (("fr", "fr"), ("ar", "fr"), ("en", "fr")):
        event = _event(client.get(f"/{code}/cafes/maroc/ifrane/").content.decode())
        assert event["inLanguage"] == language  # the alias's text is French
        assert event["performer"] == [{"@type": "Person", "name": "Salma Idrissi"}]
        assert "streetAddress" not in event["location"]["address"]  # a private venue
        assert "3 rue privée" not in json.dumps(event) and "Chez une habitante" not in json.dumps(event)
        assert _empty_values(event) == []
    rabat = _event(client.get("/ar/cafes/maroc/rabat/").content.decode())
    assert rabat["inLanguage"] == "ar" and _empty_values(rabat) == []
