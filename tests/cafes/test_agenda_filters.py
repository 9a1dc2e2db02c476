"""The agenda takes every filter of the café list, keeps them across months and links, and each country
has its own agenda (a route of its page) in every language; bad values are ignored with a message."""
import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import locale, translate_page

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

MONTH = (timezone.localdate().replace(day=1) + dt.timedelta(days=40)).replace(day=1)  # the month after next
MOIS = MONTH.strftime("%Y-%m")


def at(day: int, hour: int = 18, zone: str = "Africa/Casablanca") -> dict:
    start = dt.datetime.combine(MONTH.replace(day=day), dt.time(hour), tzinfo=ZoneInfo(zone))
    return {"start": start, "end": start + dt.timedelta(minutes=90)}


@pytest.fixture
def programme():
    """Three Moroccan cafés in the month (Rabat, translated into Arabic; Fès, online, for students, of the
    university, tagged; Tanger, French only) and one in France."""
    university = organisation(name="Université Al Akhawayn", slug="akhawayn-essai")
    rabat = make_cafe(country("MA"), title="Café IA à Rabat", city="Rabat", region="Rabat-Salé-Kénitra", **at(5))
    translate_page(rabat, "ar", title="مقهى الذكاء الاصطناعي في الرباط", city="الرباط")
    fes = make_cafe(country("MA"), title="Café IA en ligne depuis Fès", city="Fès", region="Fès-Meknès", mode="en-ligne",
                    organiser=university, audiences=["etudiants"], tags=["université"], **at(12))
    translate_page(fes, "ar", title="مقهى الذكاء الاصطناعي عن بعد من فاس", city="فاس")
    tanger = make_cafe(country("MA"), title="Café IA à Tanger", city="Tanger", region="Tanger-Tétouan-Al Hoceïma", **at(19))
    make_cafe(country("FR"), title="Café IA à Blois", city="Blois", region="Loir-et-Cher", **at(7, zone="Europe/Paris"))
    return {"rabat": rabat, "fes": fes, "tanger": tanger}


def titles(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return set(re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()))


MOROCCO_FR = {"Café IA à Rabat", "Café IA en ligne depuis Fès", "Café IA à Tanger"}
MOROCCO_AR = {"مقهى الذكاء الاصطناعي في الرباط", "مقهى الذكاء الاصطناعي عن بعد من فاس"}


def test_each_country_has_its_agenda_in_french_and_arabic(client, programme):
    assert titles(client, f"/fr/cafes/maroc/agenda/?mois={MOIS}") == MOROCCO_FR
    assert titles(client, f"/fr/cafes/agenda/?country=MA&mois={MOIS}") == MOROCCO_FR
    assert titles(client, f"/ar/cafes/maroc/agenda/?mois={MOIS}") == MOROCCO_AR
    assert titles(client, f"/fr/cafes/france/agenda/?mois={MOIS}") == {"Café IA à Blois"}
    assert len(titles(client, f"/fr/cafes/agenda/?mois={MOIS}")) == 4


def test_the_moroccan_agenda_in_arabic_shows_the_untranslated_cafe_once_it_has_an_alias(client, programme):
    programme["tanger"].copy_for_translation(locale("ar"), alias=True)
    assert titles(client, f"/ar/cafes/maroc/agenda/?mois={MOIS}") == MOROCCO_AR | {"Café IA à Tanger"}


def test_the_organisation_page_links_to_its_agenda(client, programme):
    html = client.get("/ar/cafes/structures/akhawayn-essai/").content.decode()
    assert 'href="/ar/cafes/agenda/?organiser=akhawayn-essai"' in html
    assert titles(client, f"/ar/cafes/agenda/?organiser=akhawayn-essai&mois={MOIS}") == {"مقهى الذكاء الاصطناعي عن بعد من فاس"}


def test_the_country_page_links_to_its_agenda_keeping_its_filters(client, programme):
    html = client.get("/ar/cafes/maroc/?mode=en-ligne").content.decode()
    assert 'href="/ar/cafes/maroc/agenda/?mode=en-ligne"' in html
    assert 'href="/fr/cafes/agenda/?country=MA"' in client.get("/fr/cafes/?country=MA").content.decode()


@pytest.mark.parametrize(("query", "expected"), [
    ("mode=en-ligne", {"Café IA en ligne depuis Fès"}),
    ("audience=etudiants", {"Café IA en ligne depuis Fès"}),
    ("organiser=akhawayn-essai", {"Café IA en ligne depuis Fès"}),
    ("tag=université", {"Café IA en ligne depuis Fès"}),
    ("region=Tanger-Tétouan-Al Hoceïma", {"Café IA à Tanger"}),
    ("city=rabat", {"Café IA à Rabat"}),
    ("q=Tanger", {"Café IA à Tanger"}),
    ("q=Blois", set()),
])
def test_every_filter_of_the_list_applies_to_the_agenda(client, programme, query, expected):
    assert titles(client, f"/fr/cafes/maroc/agenda/?mois={MOIS}&{query}") == expected
    assert titles(client, f"/fr/cafes/agenda/?country=MA&mois={MOIS}&{query}") == expected


def test_filters_in_arabic_script_match_arabic_values(client, programme):
    assert titles(client, f"/ar/cafes/maroc/agenda/?mois={MOIS}&city=فاس") == {"مقهى الذكاء الاصطناعي عن بعد من فاس"}
    assert titles(client, f"/ar/cafes/agenda/?mois={MOIS}&q=الرباط") == {"مقهى الذكاء الاصطناعي في الرباط"}


def test_an_empty_result_says_the_filters_found_nothing(client, programme):
    html = client.get(f"/fr/cafes/maroc/agenda/?mois={MOIS}&q=Blois").content.decode()
    assert "Aucun café ne correspond à ces critères ce mois-ci." in html
    assert 'href="?mois=' in html  # the way back: clear the filters


def test_month_links_feed_and_list_keep_the_filters(client, programme):
    html = client.get(f"/fr/cafes/agenda/?country=MA&mode=en-ligne&mois={MOIS}").content.decode()
    next_link = re.search(r'<a href="([^"]+)" rel="next">', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_link).query) == {
        "country": ["MA"], "mode": ["en-ligne"], "mois": [(MONTH + dt.timedelta(days=32)).strftime("%Y-%m")]}
    assert 'href="/fr/cafes/?country=MA&amp;mode=en-ligne"' in html
    assert "/data/cafes.ics?lang=fr&amp;country=MA&amp;mode=en-ligne" in html
    assert f'name="mois" value="{MOIS}"' in html  # the filter form stays on the month
    country_html = client.get(f"/ar/cafes/maroc/agenda/?mode=en-ligne&mois={MOIS}").content.decode()
    previous = re.search(r'<a href="([^"]+)" rel="prev">', country_html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(previous).query) == {
        "mode": ["en-ligne"], "mois": [(MONTH - dt.timedelta(days=1)).strftime("%Y-%m")]}
    assert 'href="/ar/cafes/maroc/?mode=en-ligne"' in country_html
    assert "country=MA" in country_html  # its feed still names the country
    # The language switcher keeps the country's agenda, its filters and its month.
    assert f'href="/fr/cafes/maroc/agenda/?mode=en-ligne&amp;mois={MOIS}" hreflang="fr"' in country_html


@pytest.mark.parametrize(("url", "message", "shown"), [
    (f"/fr/cafes/agenda/?mois={MOIS}&country=XX", "Le filtre « Pays » a été ignoré", 4),
    (f"/fr/cafes/agenda/?mois={MOIS}&country=المغرب", "Le filtre « Pays » a été ignoré", 4),
    (f"/fr/cafes/maroc/agenda/?mois={MOIS}&mode=حضوري", "Le filtre « Format » a été ignoré", 3),
    (f"/fr/cafes/maroc/agenda/?mois={MOIS}&organiser=جامعة", "Le filtre « Structure » a été ignoré", 3),
    (f"/fr/cafes/maroc/agenda/?mois={MOIS}&organiser=inconnue", "Structure inconnue", 3),
    (f"/fr/cafes/maroc/agenda/?mois={MOIS}&audience=martiens", "Le filtre « Public » a été ignoré", 3),
    (f"/fr/cafes/maroc/agenda/?mois={MOIS}&q={'x' * 500}", "Le filtre « Mots » a été ignoré", 3),
])
def test_bad_filter_values_are_ignored_with_a_message(client, programme, url, message, shown):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'class="notice notice--error" role="status"' in html
    assert len(titles(client, url)) == shown


@pytest.mark.parametrize("value", ["2025-13", "abcd", "٢٠٢٥-١٣", "mars", "99999-01", "<b>"])
def test_a_malformed_month_shows_the_current_month_and_says_so(client, programme, value):
    for url in (f"/fr/cafes/maroc/agenda/?mois={value}", f"/ar/cafes/maroc/agenda/?mois={value}&mode=en-ligne"):
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="notice notice--error" role="status"' in response.content.decode()
    assert "Mois invalide : voici le mois en cours." in client.get(f"/fr/cafes/maroc/agenda/?mois={value}").content.decode()


def test_an_unknown_country_has_no_agenda(client):
    assert client.get("/fr/cafes/atlantide/agenda/").status_code == 404


def test_agenda_query_count_does_not_grow_with_cafes(client, django_assert_max_num_queries):
    org = organisation(slug="akhawayn-essai")

    def add(n):
        for i in range(n):
            cafe = make_cafe(country("MA"), organiser=org, mode="en-ligne", audiences=["etudiants"], tags=["masse"],
                             **at(1 + i % 27))
            if i % 2:
                translate_page(cafe, "ar")

    urls = (f"/fr/cafes/maroc/agenda/?mois={MOIS}", f"/ar/cafes/maroc/agenda/?mois={MOIS}",
            f"/fr/cafes/agenda/?mois={MOIS}&country=MA&mode=en-ligne&audience=etudiants&organiser=akhawayn-essai&tag=masse")

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(3)
    before = {url: queries(url) for url in urls}
    add(9)  # 12 cafés
    assert {url: queries(url) for url in urls} == before
    for url in urls:
        with django_assert_max_num_queries(25):
            client.get(url)
