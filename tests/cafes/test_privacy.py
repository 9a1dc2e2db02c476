"""A private venue's exact position never leaves the server: HTML, GeoJSON, iCal, CSV, JSON-LD."""
import csv
import io
import json
import re
from decimal import Decimal

import pytest
from icalendar import Calendar

from .factories import make_cafe

pytestmark = pytest.mark.django_db

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
    assert ld["location"]["address"]["streetAddress"] == ""
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
