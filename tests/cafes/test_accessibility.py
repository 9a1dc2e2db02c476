"""A café's accessibility (AccessibilityFeature rows): filtered on, shown, and carried by every output."""
import csv
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from icalendar import Calendar

from cafes.choices import ACCESSIBILITY_FEATURES
from cafes.models import AccessibilityFeature
from tests.factories import translate_page

from .factories import country, make_cafe
from .test_queries import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

MOTOR = "Accessible aux personnes en situation de handicap moteur"


@pytest.fixture
def cafes():
    """Three upcoming cafés in France (one with nothing, one step-free, one step-free with sign language and
    FALC) and one in Morocco, step-free."""
    return {
        "rien": make_cafe(title="Café sans mention"),
        "plain-pied": make_cafe(title="Café de plain-pied", accessibility=["plain-pied", "moteur"]),
        "complet": make_cafe(title="Café tout accessible", accessibility=["falc", "lsf", "plain-pied"]),
        "maroc": make_cafe(country("MA"), title="Café de Rabat", accessibility=["plain-pied"]),
    }


def titles(html: str) -> set[str]:
    return {title for title in ("Café sans mention", "Café de plain-pied", "Café tout accessible", "Café de Rabat")
            if title in html}


def test_the_rows_are_the_nine_features_in_order():
    assert list(AccessibilityFeature.objects.values_list("code", flat=True)) == [code for code, _ in ACCESSIBILITY_FEATURES]
    assert AccessibilityFeature.objects.get(code="moteur").label == MOTOR


@pytest.mark.parametrize("path", ["/fr/cafes/", "/fr/cafes/agenda/"])
def test_one_code_two_codes_and_a_bad_one_on_the_list_and_the_agenda(client, cafes, path):
    one = client.get(path + "?accessibilite=plain-pied").content.decode()
    assert titles(one) == {"Café de plain-pied", "Café tout accessible", "Café de Rabat"}
    two = client.get(path + "?accessibilite=plain-pied&accessibilite=lsf").content.decode()
    assert titles(two) == {"Café tout accessible"}
    bad = client.get(path + "?accessibilite=lsf&accessibilite=rampe").content.decode()
    assert titles(bad) == {"Café tout accessible"}  # the good code still filters
    assert "Le filtre « Accessibilité » a été ignoré" in bad and "rampe" in bad
    only_bad = client.get(path + "?accessibilite=rampe").content.decode()
    assert {"Café sans mention", "Café de plain-pied"} <= titles(only_bad)


def test_the_country_page_filters_within_its_country(client, cafes):
    html = client.get("/fr/cafes/maroc/?accessibilite=plain-pied").content.decode()
    assert titles(html) == {"Café de Rabat"}
    assert titles(client.get("/fr/cafes/maroc/?accessibilite=lsf").content.decode()) == set()


def test_the_filter_form_is_a_labelled_group_of_checkboxes_kept_checked_in_every_language(client, cafes):
    for language, legend in (("fr", "Accessibilité"), ("ar", "إمكانية الوصول"), ("en", "Accessibility")):
        html = client.get(f"/{language}/cafes/?accessibilite=lsf").content.decode()
        group = re.search(r'<fieldset class="field cafe-filters__choices">\s*<legend>(.*?)</legend>(.*?)</fieldset>', html, re.S)
        assert group and group.group(1) == legend, language
        boxes = re.findall(r'<input type="checkbox" name="accessibilite" value="([^"]+)"[^>]*id="([^"]+)"([^>]*)>', group.group(2))
        assert [code for code, _id, _rest in boxes] == [code for code, _ in ACCESSIBILITY_FEATURES]
        assert all(f'<label for="{box_id}">' in group.group(2) for _code, box_id, _rest in boxes)
        assert [code for code, _id, rest in boxes if "checked" in rest] == ["lsf"]
    # The map's GeoJSON, the agenda link and the feed links keep the filter (every code given).
    html = client.get("/fr/cafes/?accessibilite=lsf&accessibilite=falc").content.decode()
    assert "accessibilite=lsf&amp;accessibilite=falc" in re.search(r'data-geojson="([^"]+)"', html).group(1)
    assert re.search(r'href="/fr/cafes/agenda/\?[^"]*accessibilite=lsf&amp;accessibilite=falc', html)
    assert re.search(r'href="/data/cafes.ics\?[^"]*accessibilite=lsf&amp;accessibilite=falc', html)


def test_feeds_filter_on_every_code_given(client, cafes):
    geojson = client.get("/data/cafes.geojson?accessibilite=plain-pied&accessibilite=moteur").json()
    assert {f["properties"]["title"] for f in geojson["features"]} == {"Café de plain-pied"}
    bad = client.get("/data/cafes.geojson?accessibilite=rampe&accessibilite=lsf").json()
    assert {f["properties"]["title"] for f in bad["features"]} == {"Café tout accessible"}
    assert any("rampe" in notice for notice in bad["ignored_filters"])
    ics = client.get("/data/cafes.ics?accessibilite=lsf").content.decode()
    assert "Café tout accessible" in ics and "Café de plain-pied" not in ics
    text = client.get("/data/cafes.csv?accessibilite=plain-pied&country=MA").content.decode("utf-8-sig")
    assert [row["title"] for row in csv.DictReader(io.StringIO(text))] == ["Café de Rabat"]


def test_geojson_gives_codes_and_labels_in_the_feeds_language(client, cafes):
    def props(language):
        data = client.get(f"/data/cafes.geojson?lang={language}&when=all").json()
        return {f["id"]: f["properties"] for f in data["features"]}

    translate_page(cafes["plain-pied"], "ar", title="مقهى بلا درج")
    fr, ar = props("fr"), props("ar")
    full = cafes["complet"]
    assert fr[full.pk]["accessibility"] == ["plain-pied", "lsf", "falc"]  # the list's order, not the editor's
    assert fr[full.pk]["accessibility_labels"] == ["Accès de plain-pied", "Langue des signes (LSF)",
                                                    "Facile à lire et à comprendre (FALC)"]
    assert fr[cafes["rien"].pk]["accessibility"] == [] and fr[cafes["rien"].pk]["accessibility_labels"] == []
    arabic = next(p for p in ar.values() if p["accessibility"] == ["moteur", "plain-pied"])
    assert arabic["accessibility_labels"][0] == "متاح للأشخاص في وضعية إعاقة حركية"


def test_csv_joins_the_labels(client, cafes):
    text = client.get("/data/cafes.csv").content.decode("utf-8-sig")
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["Café de plain-pied"]["accessibility"] == f"{MOTOR} ; Accès de plain-pied"
    assert rows["Café sans mention"]["accessibility"] == ""


def test_ics_says_it_in_the_description_in_the_feeds_language(client, cafes):
    events = {str(e["summary"]): e for e in Calendar.from_ical(client.get("/data/cafes.ics").content).walk("VEVENT")}
    description = str(events["Café tout accessible"]["description"])
    assert "Accessibilité : Accès de plain-pied, Langue des signes (LSF), Facile à lire et à comprendre (FALC)" in description
    assert "Accessibilité" not in str(events["Café sans mention"]["description"])
    one = Calendar.from_ical(client.get(f"/data/cafes/{cafes['plain-pied'].pk}.ics").content).walk("VEVENT")[0]
    assert f"Accessibilité : {MOTOR}, Accès de plain-pied" in str(one["description"])
    translate_page(cafes["complet"], "ar", title="مقهى متاح للجميع")
    arabic = {str(e["summary"]): e for e in Calendar.from_ical(client.get("/data/cafes.ics?lang=ar").content).walk("VEVENT")}
    assert "إمكانية الوصول: " in str(arabic["مقهى متاح للجميع"]["description"])


def _jsonld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_json_ld_names_sign_language_by_its_schema_org_value_and_the_rest_in_words(client, cafes):
    ld = _jsonld(client.get(cafes["complet"].url).content.decode())
    assert ld["accessibilityFeature"] == ["Accès de plain-pied", "signLanguage", "Facile à lire et à comprendre (FALC)"]
    assert ld["isAccessibleForFree"] is True  # the price, unrelated
    assert "accessibilityFeature" not in _jsonld(client.get(cafes["rien"].url).content.decode())


def test_the_api_gives_the_codes(client, cafes):
    data = client.get("/api/v2/pages/?type=cafes.CafePage&locale=fr&fields=accessibility&accessibility=plain-pied").json()
    found = {item["id"]: item["accessibility"] for item in data["items"]}
    assert found == {cafes["plain-pied"].pk: ["moteur", "plain-pied"], cafes["complet"].pk: ["plain-pied", "lsf", "falc"],
                     cafes["maroc"].pk: ["plain-pied"]}
    both = client.get("/api/v2/pages/?type=cafes.CafePage&accessibility=plain-pied,lsf").json()
    assert [item["id"] for item in both["items"]] == [cafes["complet"].pk]
    bad = client.get("/api/v2/pages/?type=cafes.CafePage&accessibility=rampe")
    assert bad.status_code == 400 and "unknown accessibility code: rampe" in bad.json()["message"]


def test_the_page_shows_them_in_words_in_every_language(client, cafes):
    cafe = cafes["plain-pied"]
    expected = {"fr": [MOTOR, "Accès de plain-pied"],
                "ar": ["متاح للأشخاص في وضعية إعاقة حركية", "ولوج دون درج"],
                "en": ["Accessible to people with a physical disability", "Step-free access"]}
    pages = {"fr": cafe, "ar": translate_page(cafe, "ar", title="مقهى بلا درج"), "en": translate_page(cafe, "en", title="Step-free café")}
    for language, page in pages.items():
        assert list(page.accessibility_codes) == ["moteur", "plain-pied"], language  # synchronised
        html = client.get(page.url).content.decode()
        listed = re.search(r'<ul class="cafe__accessibility">(.*?)</ul>', html, re.S).group(1)
        assert re.findall(r'">([^<]+)</a></li>', listed) == expected[language], language
        assert "?accessibilite=moteur" in listed


def test_the_list_cards_say_it(client, cafes):
    html = client.get("/fr/cafes/").content.decode()
    assert f"Accessibilité : {MOTOR}, Accès de plain-pied" in html


def test_the_admin_ticks_them_in_a_checkbox_list(client, cafes):
    client.force_login(get_user_model().objects.create_superuser("admin-acces", "acces@example.org", "pw"))
    html = client.get(f"/admin/pages/{cafes['plain-pied'].pk}/edit/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="accessibility_features" value="(\d+)"[^>]*?( checked)?>', html)
    checked = {int(pk) for pk, on in boxes if on}
    assert len(boxes) == 9
    assert checked == set(AccessibilityFeature.objects.filter(code__in=["moteur", "plain-pied"]).values_list("pk", flat=True))


def _cafes_with_features(n: int):
    codes = [code for code, _ in ACCESSIBILITY_FEATURES]
    for i in range(n):
        make_cafe(country("FR" if i % 2 else "MA"), title=f"Café accessible {i}",
                  accessibility=["plain-pied", "moteur", codes[i % len(codes)]])


@pytest.mark.parametrize("url", ["/fr/cafes/", "/fr/cafes/?accessibilite=plain-pied&accessibilite=moteur", "/fr/cafes/maroc/",
                                 "/fr/cafes/agenda/?accessibilite=plain-pied", "/data/cafes.geojson?accessibilite=moteur",
                                 "/data/cafes.csv", "/data/cafes.ics",
                                 "/api/v2/pages/?type=cafes.CafePage&fields=accessibility&accessibility=plain-pied"])
def test_query_count_does_not_grow_with_cafes_that_have_features(client, url):
    _cafes_with_features(5)
    before = count_queries(client, url)
    _cafes_with_features(10)
    assert count_queries(client, url) == before, url


def test_the_cafe_page_reads_its_features_in_one_query(client):
    few = make_cafe(accessibility=["plain-pied"])
    many = make_cafe(accessibility=[code for code, _ in ACCESSIBILITY_FEATURES])
    assert count_queries(client, many.url) == count_queries(client, few.url)
