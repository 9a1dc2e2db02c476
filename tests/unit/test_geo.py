"""Coordinates without a database: the geo widget's point, public rounding, distances, and how a café
reconciles its map point with its typed latitude and longitude."""
from decimal import Decimal

import pytest

from cafes import geo
from cafes.models import CafePage


def test_a_widget_point_reads_as_latitude_then_longitude():
    assert geo.parse_point("SRID=4326;POINT(-6.8416 34.0209)") == (Decimal("34.0209"), Decimal("-6.8416"))
    assert geo.parse_point("  point ( 2.35 48.85 ) ") == (Decimal("48.85"), Decimal("2.35"))


@pytest.mark.parametrize("value", ["", None, "POINT(2.35)", "SRID=4326;POINT(a b)", "LINESTRING(1 2, 3 4)", "POINT(1 2) x"])
def test_anything_else_is_not_a_point(value):
    assert geo.parse_point(value) is None


def test_format_and_parse_are_inverse():
    text = geo.format_point(Decimal("34.020900"), Decimal("-6.841600"))
    assert text == "SRID=4326;POINT(-6.841600 34.020900)"
    assert geo.parse_point(text) == (Decimal("34.020900"), Decimal("-6.841600"))


@pytest.mark.parametrize(("lat", "lng", "expected"), [(0, 0, True), (90, 180, True), (-90, -180, True),
                                                       (90.0001, 0, False), (0, -180.5, False)])
def test_in_range(lat, lng, expected):
    assert geo.in_range(Decimal(str(lat)), Decimal(str(lng))) is expected


def test_a_private_venue_is_shown_to_the_town_only():
    assert geo.public_coordinate(Decimal("47.5861234"), approximate=True) == 47.59
    assert geo.public_coordinate(Decimal("47.5861234"), approximate=False) == 47.586123
    assert geo.public_coordinate(None, approximate=True) is None


def test_distances_are_great_circle_kilometres():
    assert geo.distance_km(48.8566, 2.3522, 48.8566, 2.3522) == 0
    assert geo.distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)  # Paris–London
    assert geo.distance_km(0, 0, 0, 180) == pytest.approx(20015, abs=1)  # half the equator
    assert geo.distance_km(0, 0, 0, 180) == geo.distance_km(0, 180, 0, 0)


def _cafe(location="", lat=None, lng=None) -> CafePage:
    # An unsaved page looks its content type up in the database unless it is given one: any id will do here.
    return CafePage(content_type_id=-1, location=location, latitude=None if lat is None else Decimal(lat),
                    longitude=None if lng is None else Decimal(lng))


def test_a_map_point_alone_fills_the_decimals_and_decimals_alone_fill_the_point():
    cafe = _cafe("SRID=4326;POINT(-6.8416001 34.0209004)")
    assert cafe._sync_location() == {}
    assert (cafe.latitude, cafe.longitude) == (Decimal("34.020900"), Decimal("-6.841600"))
    cafe = _cafe(lat="34.0209", lng="-6.8416")
    assert cafe._sync_location() == {}
    assert cafe.location == "SRID=4326;POINT(-6.8416 34.0209)"


def test_points_within_fifty_metres_agree():
    cafe = _cafe("SRID=4326;POINT(-6.8416 34.0209)", "34.0213", "-6.8420")
    assert cafe._sync_location() == {}
    assert cafe.latitude == Decimal("34.0213")  # kept as typed


def test_after_an_edit_the_side_that_changed_wins():
    previous = _cafe("SRID=4326;POINT(-6.8416 34.0209)", "34.0209", "-6.8416")
    moved_on_map = _cafe("SRID=4326;POINT(2.3522 48.8566)", "34.0209", "-6.8416")
    assert moved_on_map._sync_location(previous) == {}
    assert (moved_on_map.latitude, moved_on_map.longitude) == (Decimal("48.8566"), Decimal("2.3522"))
    typed = _cafe("SRID=4326;POINT(-6.8416 34.0209)", "48.8566", "2.3522")
    assert typed._sync_location(previous) == {}
    assert typed.location == "SRID=4326;POINT(2.3522 48.8566)"


def test_both_sides_changed_and_disagreeing_is_an_error_on_both_decimals():
    previous = _cafe("SRID=4326;POINT(-6.8416 34.0209)", "34.0209", "-6.8416")
    both = _cafe("SRID=4326;POINT(2.3522 48.8566)", "45.0", "3.0")
    errors = both._sync_location(previous)
    assert set(errors) == {"latitude", "longitude"}
    assert set(_cafe("SRID=4326;POINT(2.3522 48.8566)", "45.0", "3.0")._sync_location()) == {"latitude", "longitude"}


@pytest.mark.parametrize(("cafe", "field"), [
    (_cafe("POINT(bad)"), "location"),
    (_cafe("SRID=4326;POINT(200 10)"), "location"),
    (_cafe(lat="10"), "longitude"),
    (_cafe(lng="10"), "latitude"),
    (_cafe(lat="91", lng="0"), "latitude"),
    (_cafe(lat="0", lng="-181"), "longitude"),
])
def test_unreadable_or_impossible_positions_are_refused_on_their_field(cafe, field):
    assert list(cafe._sync_location()) == [field]
