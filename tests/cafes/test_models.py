"""What the admin refuses: impossible dates, endless recurrences, positions off the map or out of step."""
import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from cafes.models import CafePage

from .factories import make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


def errors_of(cafe) -> dict:
    with pytest.raises(ValidationError) as info:
        cafe.full_clean()
    return info.value.message_dict


def test_end_before_start_is_refused():
    cafe = make_cafe()
    cafe.end = cafe.start - dt.timedelta(hours=1)
    assert errors_of(cafe)["end"] == ["La fin doit être après le début."]


def test_recurrence_without_end_is_refused():
    cafe = make_cafe()
    cafe.recurrence_weekday = cafe.start.astimezone(cafe.tz).weekday()
    assert "jusqu'au" in errors_of(cafe)["recurrence_until"][0]


def test_recurrence_on_another_weekday_than_the_first_session_is_refused():
    cafe = make_cafe()
    cafe.recurrence_weekday = (cafe.start.astimezone(cafe.tz).weekday() + 1) % 7
    cafe.recurrence_until = cafe.start.date() + dt.timedelta(days=60)
    assert "recurrence_weekday" in errors_of(cafe)


def test_latitude_and_longitude_out_of_range_are_refused():
    cafe = make_cafe()
    cafe.location = ""
    cafe.latitude, cafe.longitude = Decimal("95"), Decimal("200")
    errors = errors_of(cafe)
    assert "latitude" in errors and "longitude" in errors


def test_point_out_of_the_map_is_refused():
    cafe = make_cafe()
    cafe.location, cafe.latitude, cafe.longitude = "SRID=4326;POINT(250 10)", None, None
    assert "location" in errors_of(cafe)


def test_unreadable_point_is_refused():
    cafe = make_cafe()
    cafe.location = "quelque part"
    assert "location" in errors_of(cafe)


def test_decimals_disagreeing_with_the_map_point_are_refused():
    cafe = make_cafe()
    cafe.location = "SRID=4326;POINT(2.0 48.0)"
    cafe.latitude, cafe.longitude = Decimal("45.5"), Decimal("4.5")
    errors = errors_of(cafe)
    assert "ne correspondent pas au point placé sur la carte" in errors["latitude"][0]


def test_moving_the_map_point_updates_the_decimals():
    cafe = make_cafe()
    cafe.location = "SRID=4326;POINT(2.35 48.85)"
    cafe.full_clean()
    assert (cafe.latitude, cafe.longitude) == (Decimal("48.85"), Decimal("2.35"))


def test_typing_decimals_moves_the_map_point():
    cafe = make_cafe()
    cafe.latitude, cafe.longitude = Decimal("43.3"), Decimal("5.4")
    cafe.full_clean()
    assert cafe.location == "SRID=4326;POINT(5.4 43.3)"


def test_new_cafe_from_a_map_point_gets_its_decimals():
    cafe = make_cafe(latitude=None, longitude=None, location="SRID=4326;POINT(-6.84 34.02)")
    cafe.refresh_from_db()
    assert (cafe.latitude, cafe.longitude) == (Decimal("34.020000"), Decimal("-6.840000"))


def test_unknown_time_zone_is_refused():
    cafe = make_cafe()
    cafe.time_zone = "Mars/Olympus"
    assert "time_zone" in errors_of(cafe)


def test_admin_edit_form_shows_the_errors(client):
    """Through the real admin form: the editor sees the message next to the field."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    user = get_user_model().objects.create_superuser("admin-cafes", "a@example.org", "pw")
    client.force_login(user)
    cafe = make_cafe()
    start = timezone.localtime(cafe.start)
    data = nested_form_data({
        "title": cafe.title, "slug": cafe.slug, "summary": "",
        "start": start.strftime("%Y-%m-%d %H:%M"), "end": (start - dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "time_zone": "Europe/Paris", "recurrence_weekday": "", "recurrence_until": "",
        "status": "prevu", "mode": "sur-place", "venue_name": "", "address": "", "postcode": "", "city": "X", "region": "",
        "location": "SRID=4326;POINT(2.0 48.0)", "latitude": "45.5", "longitude": "4.5",
        "price": "", "registration_url": "", "contact": "", "meeting_url": "", "tags": "", "capacity": "",
        "description": streamfield([]),
        "comments": inline_formset([]), "session_changes": inline_formset([]),
    })
    response = client.post(f"/admin/pages/{cafe.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "La fin doit être après le début." in html
    assert "ne correspondent pas au point placé sur la carte" in html
    assert CafePage.objects.get(pk=cafe.pk).end > cafe.start
