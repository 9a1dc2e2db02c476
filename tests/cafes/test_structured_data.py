"""What search engines and calendars read of a café page: schema.org Events, extracted by extruct (the
structured-data extractor search tools are built on), complete and with no empty field, for each kind of café:
on site with its image, organiser and animators, online, hybrid, a private venue, cancelled, full, monthly."""
import datetime as dt
import json

import extruct
import pytest

from cafes.models import AccessibilityFeature, CafeSessionChange
from tests.factories import AnimatorFactory, ImageFactory, site_tree

from .factories import make_cafe

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"

# The schema.org properties each type may carry (https://schema.org/<Type>), as far as the site uses them.
ALLOWED = {
    "Event": {"@context", "@type", "name", "url", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "location",
              "isAccessibleForFree", "inLanguage", "description", "image", "performer", "organizer",
              "maximumAttendeeCapacity", "offers", "eventSchedule", "accessibilityFeature"},
    "Place": {"@type", "name", "address", "geo"},
    "PostalAddress": {"@type", "streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry"},
    "GeoCoordinates": {"@type", "latitude", "longitude"},
    "VirtualLocation": {"@type", "url"},
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name"},
    "Offer": {"@type", "price", "priceCurrency", "url", "description"},
    "Schedule": {"@type", "repeatFrequency", "byDay", "byMonthWeek", "startDate", "endDate", "startTime", "endTime",
                 "scheduleTimezone", "exceptDate"},
}


def _events(client, cafe) -> list[dict]:
    html = client.get(cafe.url).content.decode()
    data = extruct.extract(html, base_url="http://testserver" + cafe.url, syntaxes=["json-ld"])
    return [item for item in data["json-ld"] if item.get("@type") == "Event"]


def _problems(node, path="Event") -> list[str]:
    """Empty values, unknown types, properties a type doesn't have: what a validator would flag."""
    if isinstance(node, list):
        return [f"{path}: empty list"] if not node else [p for i, v in enumerate(node) for p in _problems(v, f"{path}[{i}]")]
    if not isinstance(node, dict):
        return [f"{path}: empty"] if node in ("", None) else []
    kind = node.get("@type")
    if kind not in ALLOWED:
        return [f"{path}: unknown type {kind!r}"]
    found = [f"{path}.{key}: not a property of {kind}" for key in node if key not in ALLOWED[kind]]
    return found + [p for key, value in node.items() for p in _problems(value, f"{path}.{key}")]


@pytest.fixture
def tree():
    return site_tree()


def test_an_on_site_cafe_is_a_complete_event_with_its_image_organiser_and_animators(client, tree):
    cafe = make_cafe(tree.countries["FR"]["fr"], title="Café IA à Blois", city="Blois", organiser=tree.organisation,
                     venue_name="Médiathèque Maurice-Genevoix", address="4-6 place Jean-Jaurès", capacity=40,
                     registration_url="https://inscription.example/blois", social_image=ImageFactory())
    cafe.animators.set([AnimatorFactory(name="Claire Moreau", listed=True), AnimatorFactory(name="Non listé", listed=False)])
    cafe.accessibility_features.set(AccessibilityFeature.objects.filter(code__in=["plain-pied", "lsf"]))
    cafe.save_revision().publish()
    [event] = _events(client, cafe)
    assert _problems(event) == []
    assert event["@context"] == "https://schema.org" and event["name"] == "Café IA à Blois"
    assert event["eventStatus"] == SCHEMA + "EventScheduled"
    assert event["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    place = event["location"]
    assert place["@type"] == "Place" and place["name"] == "Médiathèque Maurice-Genevoix"
    assert place["address"]["streetAddress"] == "4-6 place Jean-Jaurès" and place["address"]["addressCountry"] == "FR"
    assert place["geo"]["@type"] == "GeoCoordinates"
    assert event["image"][0].startswith("http") and "fill-1200x630" in event["image"][0]
    assert event["organizer"]["@type"] == "Organization" and event["organizer"]["name"] == tree.organisation.name
    assert event["performer"] == [{"@type": "Person", "name": "Claire Moreau"}]
    assert dt.datetime.fromisoformat(event["startDate"]) == cafe.start
    assert event["maximumAttendeeCapacity"] == 40
    assert event["offers"] == {"@type": "Offer", "url": "https://inscription.example/blois", "price": "0", "priceCurrency": "EUR"}
    assert "signLanguage" in event["accessibilityFeature"]


@pytest.mark.parametrize("mode,types,attendance", [
    ("en-ligne", ["VirtualLocation"], "OnlineEventAttendanceMode"),
    ("hybride", ["Place", "VirtualLocation"], "MixedEventAttendanceMode"),
])
def test_online_and_hybrid_cafes_have_a_virtual_location(client, tree, mode, types, attendance):
    cafe = make_cafe(tree.countries["FR"]["fr"], mode=mode, meeting_url="https://visio.example/cafe")
    [event] = _events(client, cafe)
    assert _problems(event) == []
    locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
    assert [place["@type"] for place in locations] == types
    assert locations[-1]["url"] == "https://visio.example/cafe"
    assert event["eventAttendanceMode"] == SCHEMA + attendance


def test_a_private_venue_gives_only_its_town_and_rounded_coordinates(client, tree):
    cafe = make_cafe(tree.countries["MA"]["fr"], approximate_location=True, venue_name="Chez Samira", address="12 derb secret",
                     city="Ifrane", postcode="53000")
    [event] = _events(client, cafe)
    assert _problems(event) == []
    text = json.dumps(event, ensure_ascii=False)
    assert "Chez Samira" not in text and "derb secret" not in text
    assert event["location"]["name"] == "Ifrane" and "streetAddress" not in event["location"]["address"]
    assert event["location"]["geo"]["latitude"] == round(event["location"]["geo"]["latitude"], 2)


@pytest.mark.parametrize("status,schema_status", [("annule", "EventCancelled"), ("complet", "EventScheduled")])
def test_a_cancelled_or_full_cafe_says_so(client, tree, status, schema_status):
    cafe = make_cafe(tree.countries["FR"]["fr"], status=status)
    [event] = _events(client, cafe)
    assert _problems(event) == [] and event["eventStatus"] == SCHEMA + schema_status


def test_a_monthly_cafe_carries_its_schedule_with_the_dates_excepted(client, tree):
    start = dt.datetime(2027, 1, 5, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # the first Tuesday of January 2027
    cafe = make_cafe(tree.countries["FR"]["fr"], start=start, end=start + dt.timedelta(minutes=90), time_zone="Europe/Paris",
                     recurrence_weekday=1, recurrence_week=1, recurrence_until=dt.date(2027, 6, 30),
                     session_changes=[CafeSessionChange(date=dt.date(2027, 2, 2), change="sans-seance")])
    [event] = _events(client, cafe)
    assert _problems(event) == []
    schedule = event["eventSchedule"]
    assert (schedule["@type"], schedule["repeatFrequency"], schedule["byMonthWeek"]) == ("Schedule", "P1M", 1)
    assert schedule["exceptDate"] == ["2027-02-02"] and schedule["scheduleTimezone"] == "Europe/Paris"


@pytest.mark.parametrize("price,offer", [
    ("5 €", {"price": "5", "priceCurrency": "EUR"}),
    ("2,50", {"price": "2.50", "priceCurrency": "EUR"}),
    ("5 € ; gratuit pour les adhérents", {"description": "5 € ; gratuit pour les adhérents"}),
])
def test_a_price_is_a_number_in_the_countrys_currency_or_said_in_words(client, tree, price, offer):
    cafe = make_cafe(tree.countries["FR"]["fr"], price=price)
    [event] = _events(client, cafe)
    assert _problems(event) == []
    assert {k: v for k, v in event["offers"].items() if k not in ("@type", "url")} == offer
