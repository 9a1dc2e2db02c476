"""Arabic pages separate lists and the parts of a place or a date with the Arabic comma, isolate every
name, address and date built from parts from its neighbours' direction, and keep Western digits."""
import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from cafes.models import CafeReportPage
from tests.factories import ResourcePageFactory, translate_page

from .factories import country, make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
BLOIS = {"city": "Blois", "postcode": "41000", "region": "Loir-et-Cher", "address": "2 place de la Mairie"}


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load cafeia %}" + source).render(Context(context))


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", "<bdi>Blois</bdi>، <bdi>قاعة &lt;الحفلات&gt;</bdi>، <bdi>الرباط</bdi>"),
    ("fr", "<bdi>Blois</bdi>, <bdi>قاعة &lt;الحفلات&gt;</bdi>, <bdi>الرباط</bdi>"),
    ("en", "<bdi>Blois</bdi>, <bdi>قاعة &lt;الحفلات&gt;</bdi>, <bdi>الرباط</bdi>"),
])
def test_join_list_uses_the_languages_separator_and_isolates_each_item(language, expected):
    assert render("{{ items|join_list }}", language, items=["Blois", "", "قاعة <الحفلات>", "الرباط"]) == expected


def test_the_list_separator_is_the_arabic_comma_in_arabic_only():
    assert render("{% list_separator %}", "ar") == "، "
    assert render("{% list_separator %}", "fr") == ", "


def test_an_arabic_cafe_page_writes_the_address_as_isolated_parts_with_the_arabic_comma(client):
    cafe = translate_page(make_cafe(title="Café IA à Blois", **BLOIS), "ar", title="مقهى الذكاء الاصطناعي في بلوا")
    html = client.get(cafe.url).content.decode()
    address = html.split("<address>")[1].split("</address>")[0]
    # Not "Loir-et-Cher ,Blois 41000": the postcode and town stay one left-to-right unit.
    assert "<bdi>41000 Blois</bdi>، <bdi>Loir-et-Cher</bdi>" in address
    assert "<bdi>2 place de la Mairie</bdi>" in address
    assert f"<bdi>{country('FR', 'ar').title}</bdi>" in address
    assert ", " not in address
    assert not EASTERN_DIGITS.search(html)


def test_a_french_cafe_page_keeps_the_french_comma(client):
    html = client.get(make_cafe(title="Café IA à Blois", **BLOIS).url).content.decode()
    assert "<bdi>41000 Blois</bdi>, <bdi>Loir-et-Cher</bdi>" in html
    assert "، " not in html


def test_the_date_and_hours_are_joined_by_the_arabic_comma(client):
    maroc = country("MA", "ar")
    start = dt.datetime(2027, 7, 15, 18, 0, tzinfo=dt.UTC)
    cafe = make_cafe(maroc, title="مقهى الذكاء الاصطناعي في فاس", city="فاس", region="فاس مكناس", start=start,
                     end=start + dt.timedelta(minutes=90))
    html = client.get(cafe.url).content.decode()
    assert re.search(r"2027، 1\d:\d\d–", html), "the date and its hours, separated by the Arabic comma"
    assert not EASTERN_DIGITS.search(html)
    listing = client.get("/ar/cafes/maroc/?when=all").content.decode()
    assert "<bdi>فاس</bdi>، <bdi>فاس مكناس</bdi>" in listing
    assert "فاس, فاس" not in listing and "2027, " not in listing


def test_french_cards_keep_the_french_comma(client):
    make_cafe(title="Café IA à Blois", **BLOIS)
    listing = client.get("/fr/cafes/france/").content.decode()
    assert "<bdi>Blois</bdi>, <bdi>Loir-et-Cher</bdi>" in listing
    assert "، " not in listing


def test_an_arabic_report_isolates_the_cafe_the_town_and_the_date(client):
    maroc = country("MA", "ar")
    report = CafeReportPage(title="حصيلة مقهى مكناس", slug="cr-meknes-typo", date=dt.date(2025, 3, 4), participants=22,
                            cafe_name="Café IA de la maison des jeunes", cafe_city="Meknès", cafe_region="Fès-Meknès")
    report.audiences = []
    maroc.add_child(instance=report)
    html = client.get(report.url).content.decode()
    meta = html.split('<p class="meta">')[1].split("</p>")[0]
    assert "<bdi>Café IA de la maison des jeunes</bdi>، <bdi>Meknès</bdi> (<bdi>Fès-Meknès</bdi>)" in meta
    assert "<bdi>4 مارس 2025</bdi>" in meta
    assert not EASTERN_DIGITS.search(html)


def test_an_arabic_resource_names_its_authors_apart_with_the_arabic_comma(client, module_site_tree):
    resource = ResourcePageFactory(parent=module_site_tree.resources["fr"], authors="Claire Moreau",
                                   organisation="Réseau Canopé")
    arabic = translate_page(resource, "ar", title="بطاقات الذكاء الاصطناعي")
    html = client.get(arabic.url).content.decode()
    assert "<bdi>Claire Moreau</bdi>، <bdi>Réseau Canopé</bdi>" in html
    french = client.get(resource.url).content.decode()
    assert "<bdi>Claire Moreau</bdi>, <bdi>Réseau Canopé</bdi>" in french
