"""Open-data feeds, parsed back: GeoJSON with json, iCalendar with icalendar, CSV with csv."""
import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar

from cafes.models import CafePage
from cafes.selectors import upcoming_q

from .factories import country, make_cafe, make_weekly_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree", "cafes")]


@pytest.fixture
def cafes():
    """Upcoming cafés in France and Morocco, in French and Arabic, one over, and two weekly sessions."""
    cnnum = organisation(name="Conseil national du numérique", slug="cnnum-essai")
    for language in ("fr", "ar"):
        make_cafe(country("FR", language), title=f"Café IA à Blois ({language})", city="Blois")
        make_cafe(country("MA", language), title=f"Café IA à Rabat ({language})", city="Rabat", mode="hybride")
    make_cafe(country("MA"), title="Café IA à Fès", city="Fès", organiser=cnnum)
    make_cafe(days=-20, title="Café IA passé")
    make_weekly_cafe(weekday=2, at=dt.time(10, 0), title="Cafés ressources")
    make_weekly_cafe(weekday=3, at=dt.time(13, 30), title="Cafés animations", organiser=cnnum)
    return cnnum


def test_geojson_is_a_feature_collection_of_upcoming_cafes(client):
    response = client.get("/data/cafes.geojson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    feature = data["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lng, lat = feature["geometry"]["coordinates"]
    assert -180 <= lng <= 180 and -90 <= lat <= 90
    assert set(feature["properties"]) >= {"title", "url", "start", "end", "city", "country", "mode", "status", "organiser", "approximate"}
    assert feature["properties"]["url"].startswith("http://testserver/fr/cafes/")
    assert all(f["properties"]["status"] != "passe" for f in data["features"])


def test_geojson_in_arabic_links_to_arabic_pages(client):
    data = client.get("/data/cafes.geojson?lang=ar").json()
    assert data["features"]
    assert all("/ar/cafes/" in f["properties"]["url"] for f in data["features"])


def test_geojson_filters_as_the_page(client):
    data = client.get("/data/cafes.geojson?country=MA&when=all").json()
    assert {f["properties"]["country"] for f in data["features"]} == {"MA"}
    bad = client.get("/data/cafes.geojson?country=ZZ&date=2025-13-45").json()
    assert bad["ignored_filters"] and bad["features"]


def test_ics_has_every_upcoming_cafe_and_rrules_for_weekly_sessions(client):
    response = client.get("/data/cafes.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    summaries = {str(e["SUMMARY"]) for e in events}
    assert {"Cafés ressources", "Cafés animations"} <= summaries
    weekly = {str(e["SUMMARY"]): e for e in events if "RRULE" in e}
    assert weekly["Cafés ressources"]["RRULE"]["BYDAY"] == ["WE"]
    assert weekly["Cafés animations"]["RRULE"]["BYDAY"] == ["TH"]
    start = weekly["Cafés animations"]["DTSTART"].dt
    assert (start.hour, start.minute, str(start.tzinfo)) == (13, 30, "Europe/Paris")
    assert weekly["Cafés animations"]["DTEND"].dt.hour == 15
    assert list(cal.walk("VTIMEZONE"))
    assert len(events) == CafePage.objects.live().filter(locale__language_code="fr").filter(upcoming_q()).count()


def test_ics_per_country_and_per_organiser(client, cafes):
    morocco = Calendar.from_ical(client.get("/data/cafes.ics?country=MA").content)
    locations = [str(e.get("LOCATION", "")) for e in morocco.walk("VEVENT")]
    assert locations and all(loc.endswith("MA") for loc in locations)
    cnnum = Calendar.from_ical(client.get(f"/data/cafes.ics?organiser={cafes.slug}").content)
    assert cnnum.walk("VEVENT") and all("Conseil national du numérique" in str(e["ORGANIZER"].params["CN"]) for e in cnnum.walk("VEVENT"))
    assert "Cafés animations" in {str(e["SUMMARY"]) for e in cnnum.walk("VEVENT")}


def test_one_cafe_ics_download(client):
    cafe = make_cafe(title="Café à mettre dans l'agenda", status=CafePage.Status.CANCELLED)
    response = client.get(f"/data/cafes/{cafe.pk}.ics")
    assert "attachment" in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == cafe.title
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["DTSTART"].dt == cafe.start
    assert client.get("/data/cafes/999999.ics").status_code == 404
    html = client.get(cafe.url).content.decode()
    assert f'href="/data/cafes/{cafe.pk}.ics"' in html


def test_csv_has_a_header_and_one_row_per_cafe(client):
    make_cafe(country("MA"), title="=HYPERLINK(\"x\")", city="Fès")
    response = client.get("/data/cafes.csv?country=MA")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and all(r["country"] == "MA" for r in rows)
    assert {"id", "title", "url", "start", "latitude", "longitude", "approximate"} <= set(rows[0])
    assert "'=HYPERLINK(\"x\")" in {r["title"] for r in rows}  # no formula injection


def test_geojson_times_are_those_of_the_cafe(client):
    cafe = make_cafe(days=20, title="Café à l'heure")
    feature = next(f for f in client.get("/data/cafes.geojson").json()["features"] if f["id"] == cafe.pk)
    assert dt.datetime.fromisoformat(feature["properties"]["start"]) == cafe.start
    assert dt.datetime.fromisoformat(feature["properties"]["end"]) == cafe.end
