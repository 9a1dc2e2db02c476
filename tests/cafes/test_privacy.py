"""A private venue's exact position never leaves the server: HTML, GeoJSON, iCal, CSV, JSON-LD."""
import csv
import io
import json
import re
from decimal import Decimal

import pytest
from icalendar import Calendar

from .factories import make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

EXACT_LAT, EXACT_LNG = Decimal("47.123456"), Decimal("1.987654")


@pytest.fixture
def private_cafe():
    return make_cafe(title="Café chez l'habitant", latitude=EXACT_LAT, longitude=EXACT_LNG, approximate_location=True,
                     venue_name="Chez Mme Secret", address="7 rue Cachée", city="Discrèteville")


def assert_no_exact(text: str):
    for needle in ("47.123", "1.9876", "47.1235", "1.98765", "Chez Mme Secret", "7 rue Cachée"):
        assert needle not in text, needle


def test_public_coordinates_are_rounded_to_the_town(private_cafe):
    assert private_cafe.public_latitude == 47.12 and private_cafe.public_longitude == 1.99
    assert private_cafe.location == "SRID=4326;POINT(1.987654 47.123456)"  # the editor still has the real point


def test_html_page_and_json_ld(client, private_cafe):
    html = client.get(private_cafe.url).content.decode()
    assert_no_exact(html)
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 47.12, "longitude": 1.99}
    assert "streetAddress" not in ld["location"]["address"]  # no empty field: a private venue has none
    assert_no_exact(client.get("/fr/cafes/?city=Discrèteville").content.decode())


def test_geojson(client, private_cafe):
    text = client.get("/data/cafes.geojson").content.decode()
    assert_no_exact(text)
    feature = next(f for f in json.loads(text)["features"] if f["id"] == private_cafe.pk)
    assert feature["geometry"]["coordinates"] == [1.99, 47.12]
    assert feature["properties"]["approximate"] is True


def test_ical(client, private_cafe):
    for url in ("/data/cafes.ics", f"/data/cafes/{private_cafe.pk}.ics"):
        body = client.get(url).content
        assert_no_exact(body.decode())
        event = next(e for e in Calendar.from_ical(body).walk("VEVENT") if str(e["SUMMARY"]) == private_cafe.title)
        assert (event["GEO"].latitude, event["GEO"].longitude) == (47.12, 1.99)


def test_csv(client, private_cafe):
    text = client.get("/data/cafes.csv").content.decode("utf-8-sig")
    assert_no_exact(text)
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == str(private_cafe.pk))
    assert (row["latitude"], row["longitude"], row["venue"], row["address"]) == ("47.12", "1.99", "", "")


def test_exact_location_is_shown_when_not_private(client):
    cafe = make_cafe(latitude=EXACT_LAT, longitude=EXACT_LNG, address="1 place Publique")
    assert "1 place Publique" in client.get(cafe.url).content.decode()
    feature = next(f for f in client.get("/data/cafes.geojson").json()["features"] if f["id"] == cafe.pk)
    assert feature["geometry"]["coordinates"] == [1.987654, 47.123456]


# --- search: the index holds what the page shows, never the hidden venue -------------------------
def _found(client, words: str, title: str) -> bool:
    return title in client.get(f"/fr/recherche/?q={words}").content.decode()


def test_site_search_never_finds_a_private_venue_by_its_hidden_name(client):
    private = make_cafe(title="Café IA entre voisins", approximate_location=True, venue_name="Chez Quatrefages",
                        address="7 impasse Tremblevif", city="Discrèteville")
    public = make_cafe(title="Café IA de la halle", venue_name="Halle Barbacane", city="Ouverteville")
    assert _found(client, "Barbacane", public.title)  # a venue shown on its page is searchable
    assert _found(client, "Discrèteville", private.title)  # the private café itself still is, by its town
    assert not _found(client, "Quatrefages", private.title)
    assert not _found(client, "Tremblevif", private.title)


def test_a_venue_turned_private_leaves_the_index(client):
    cafe = make_cafe(title="Café IA du salon", venue_name="Salon Vertbois", city="Ouverteville")
    assert _found(client, "Vertbois", cafe.title)
    cafe.approximate_location = True
    cafe.save()
    assert not _found(client, "Vertbois", cafe.title)


def test_the_api_search_and_the_list_filter_do_not_find_it_either(client):
    private = make_cafe(title="Café IA en appartement", approximate_location=True, venue_name="Chez Quatrefages")
    api = client.get("/api/v2/pages/?search=Quatrefages&type=cafes.CafePage").json()
    assert private.pk not in [item["id"] for item in api["items"]]
    assert private.title not in client.get("/fr/cafes/?q=Quatrefages&when=all").content.decode()
    assert private.title in client.get("/fr/cafes/?q=appartement&when=all").content.decode()


def test_the_migration_drops_the_index_entries_that_hold_a_hidden_name():
    import importlib

    from django.apps import apps
    from wagtail.search.models import IndexEntry

    migration = importlib.import_module("cafes.migrations.0007_private_venues_out_of_search")
    private = make_cafe(approximate_location=True, venue_name="Chez Quatrefages")
    public = make_cafe(venue_name="Halle Barbacane")
    assert IndexEntry.objects.filter(object_id=str(private.pk)).exists()
    migration.drop_private_entries(apps, None)
    assert not IndexEntry.objects.filter(object_id=str(private.pk)).exists()
    assert IndexEntry.objects.filter(object_id=str(public.pk)).exists()
