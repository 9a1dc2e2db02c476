"""Cafés that come back, like a real calendar: weekly or monthly (the first Tuesday), a date without session
(EXDATE), a cancelled session (shown as cancelled), an added one (RDATE). The iCalendar is read back the
way calendar clients read it: parsed, then expanded by recurring-ical-events."""
import csv
import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

import extruct
import pytest
import recurring_ical_events
from django.contrib.auth import get_user_model
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cafes import timing
from cafes.models import CafePage, CafeSessionChange
from tests.factories import translate_page

from .factories import make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]
PARIS = ZoneInfo("Europe/Paris")
Change = timing.SessionChange


def _first_tuesdays(months=6, changes=(), **fields) -> CafePage:
    """The first Tuesday of every month at 18:00 in Paris, from this month's (or the next's) on."""
    today = timezone.now().astimezone(PARIS).date()
    first = timing.nth_weekday(today.year, today.month, 1, 1)
    if first <= today:
        following = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        first = timing.nth_weekday(following.year, following.month, 1, 1)
    start = dt.datetime.combine(first, dt.time(18, 0), tzinfo=PARIS)
    rhythm = timing.Rhythm(1, 1, first + dt.timedelta(days=31 * months))
    days = list(rhythm.rule_days(first, first, rhythm.until + dt.timedelta(days=1)))
    cafe = make_cafe(start=start, end=start + dt.timedelta(minutes=90), time_zone="Europe/Paris", recurrence_weekday=1,
                     recurrence_week=1, recurrence_until=rhythm.until,
                     session_changes=[CafeSessionChange(date=days[i], change=change) for i, change in changes], **fields)
    cafe.days = days
    return cafe


def _expanded(ics: bytes, after: dt.date, before: dt.date):
    return recurring_ical_events.of(Calendar.from_ical(ics)).between(after, before)


def test_a_monthly_cafe_with_a_skipped_and_a_cancelled_date_reads_right_in_a_calendar_client(client):
    cafe = _first_tuesdays(changes=[(1, Change.SKIPPED), (2, Change.CANCELLED)])
    body = client.get(f"/data/cafes/{cafe.pk}.ics").content
    assert b"RRULE:FREQ=MONTHLY;UNTIL=" in body and b"BYDAY=1TU" in body
    assert f"EXDATE;TZID=Europe/Paris:{cafe.days[1]:%Y%m%d}T180000".encode() in body
    assert f"RECURRENCE-ID;TZID=Europe/Paris:{cafe.days[2]:%Y%m%d}T180000".encode() in body

    events = _expanded(body, cafe.days[0], cafe.days[-1] + dt.timedelta(days=1))
    by_day = {e["DTSTART"].dt.date(): e for e in events}
    # What a calendar shows: every first Tuesday but the skipped one, the cancelled one struck out, at 18:00 Paris.
    assert sorted(by_day) == [d for d in cafe.days if d != cafe.days[1]]
    assert all(e["DTSTART"].dt.astimezone(PARIS).hour == 18 for e in events)
    assert str(by_day[cafe.days[2]]["STATUS"]) == "CANCELLED"
    assert {str(e["STATUS"]) for d, e in by_day.items() if d != cafe.days[2]} == {"CONFIRMED"}
    assert len({str(e["UID"]) for e in events}) == 1


def test_an_added_session_is_an_rdate_at_the_usual_hours_and_keeps_the_cafe_upcoming(client):
    cafe = make_cafe(days=-3, title="Café IA qui revient une fois")
    extra = (timezone.now() + dt.timedelta(days=9)).astimezone(PARIS).date()
    cafe.session_changes = [CafeSessionChange(date=extra, change=Change.ADDED)]
    cafe.save()
    assert cafe.last_session_on == extra and not cafe.is_past
    assert CafePage.objects.filter(pk=cafe.pk).filter(
        pk__in=CafePage.objects.filter(**{"last_session_on__gte": timezone.localdate()}).values("pk")).exists()
    body = client.get(f"/data/cafes/{cafe.pk}.ics").content
    assert b"RDATE;TZID=Europe/Paris:" in body
    events = _expanded(body, extra, extra + dt.timedelta(days=1))
    assert [e["DTSTART"].dt.astimezone(PARIS).time() for e in events] == [cafe.start.astimezone(PARIS).time()]
    assert "Café IA qui revient une fois" in client.get("/fr/cafes/").content.decode()


def test_the_agenda_shows_a_cancelled_session_as_cancelled_and_leaves_a_skipped_date_out(client):
    cafe = _first_tuesdays(changes=[(1, Change.SKIPPED), (2, Change.CANCELLED)], title="Café du premier mardi")
    for index, expected in ((0, "ok"), (1, None), (2, "cancelled")):
        day = cafe.days[index]
        html = client.get(f"/fr/cafes/agenda/?mois={day:%Y-%m}").content.decode()
        cards = re.findall(r'<li class="cafe-card cafe-card--(\w+)"><h3><a [^>]*>Café du premier mardi', html)
        if expected is None:
            assert cards == [], day
        else:
            assert cards == (["annule"] if expected == "cancelled" else ["prevu"]), day
            assert ("Séance annulée" in html) == (expected == "cancelled")


def test_the_page_lists_the_coming_sessions_with_the_cancelled_one_marked_in_three_languages(client):
    cafe = _first_tuesdays(changes=[(1, Change.SKIPPED), (2, Change.CANCELLED)])
    html = client.get(cafe.url).content.decode()
    assert "Le premier mardi du mois, 18:00–19:30 (heure de Paris)" in html
    sessions = re.search(r'<ul class="cafe__sessions">(.*?)</ul>', html, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", sessions, re.S)
    assert len(items) == 6 and sum("Séance annulée" in item for item in items) == 1
    assert "<del>" in items[1]  # days[0], then days[2] (days[1] has no session)
    for language, word in (("ar", "الأول"), ("en", "first")):
        translated = translate_page(cafe, language)
        assert word in client.get(translated.url).content.decode()


def test_feeds_give_the_rule_geojson_csv_jsonld_and_api(client):
    cafe = _first_tuesdays(changes=[(1, Change.SKIPPED), (2, Change.CANCELLED)], title="Café mensuel des flux")
    features = {f["id"]: f["properties"] for f in client.get("/data/cafes.geojson").json()["features"]}
    assert features[cafe.pk]["recurrence"].startswith("FREQ=MONTHLY;BYDAY=1TU;UNTIL=")
    assert features[cafe.pk]["weekly"] is False
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/data/cafes.csv").content.decode("utf-8-sig")))}
    assert rows[str(cafe.pk)]["rrule"] == features[cafe.pk]["recurrence"]

    # What a search engine reads of the page: one Event with its Schedule, the skipped and cancelled dates excepted.
    data = extruct.extract(client.get(cafe.url).content.decode(), base_url="http://testserver/", syntaxes=["json-ld"])
    [event] = [item for item in data["json-ld"] if item.get("@type") == "Event"]
    schedule = event["eventSchedule"]
    assert (schedule["repeatFrequency"], schedule["byDay"], schedule["byMonthWeek"]) == ("P1M", "https://schema.org/Tuesday", 1)
    assert schedule["exceptDate"] == [cafe.days[1].isoformat(), cafe.days[2].isoformat()]
    assert (schedule["startTime"], schedule["scheduleTimezone"]) == ("18:00", "Europe/Paris")
    assert event["startDate"].startswith(cafe.days[0].isoformat())

    api = client.get(f"/api/v2/pages/{cafe.pk}/?fields=recurrence").json()["recurrence"]
    assert (api["frequency"], api["weekday"], api["week"]) == ("monthly", "TU", 1)
    assert (api["skipped"], api["cancelled"]) == ([cafe.days[1].isoformat()], [cafe.days[2].isoformat()])


def test_lists_and_the_agenda_cost_the_same_for_two_or_eight_regular_cafes(client, django_assert_max_num_queries):
    month = _first_tuesdays(changes=[(2, Change.CANCELLED)]).days[0]
    url = f"/fr/cafes/agenda/?mois={month:%Y-%m}"
    _first_tuesdays(changes=[(1, Change.SKIPPED)])
    client.get(url)
    client.get("/fr/cafes/")
    with django_assert_max_num_queries(200) as few_agenda:
        client.get(url)
    with django_assert_max_num_queries(200) as few_list:
        client.get("/fr/cafes/")
    for _ in range(6):
        _first_tuesdays(changes=[(1, Change.SKIPPED), (3, Change.CANCELLED)])
    with django_assert_max_num_queries(len(few_agenda.captured_queries)):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(len(few_list.captured_queries)):
        assert client.get("/fr/cafes/").status_code == 200


def _admin_form(cafe: CafePage, changes: list[dict], **fields) -> dict:
    start = cafe.start.astimezone(PARIS)
    values = {
        "title": cafe.title, "slug": cafe.slug, "summary": "", "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + dt.timedelta(minutes=90)).strftime("%Y-%m-%d %H:%M"), "time_zone": "Europe/Paris",
        "recurrence_weekday": "1", "recurrence_week": "1", "recurrence_until": cafe.recurrence_until.isoformat(),
        "status": "prevu", "mode": "sur-place", "venue_name": "", "address": "", "postcode": "", "city": "Quimper",
        "region": "", "location": "", "latitude": "", "longitude": "", "price": "", "registration_url": "", "contact": "",
        "meeting_url": "", "tags": "", "capacity": "", "description": streamfield([]), "comments": inline_formset([]),
        "session_changes": inline_formset(changes),
    }
    values.update(fields)
    return nested_form_data(values)


def test_an_editor_changes_dates_in_the_admin_and_a_date_off_the_rhythm_is_refused(client):
    editor = get_user_model().objects.create_superuser("rythme", "r@example.org", "pw")
    client.force_login(editor)
    cafe = _first_tuesdays()
    off_rhythm = cafe.days[1] + dt.timedelta(days=1)  # a Wednesday
    response = client.post(f"/admin/pages/{cafe.pk}/edit/", _admin_form(cafe, [
        {"date": cafe.days[1].isoformat(), "change": Change.SKIPPED},
        {"date": off_rhythm.isoformat(), "change": Change.CANCELLED},
    ]))
    assert response.status_code == 200
    assert "n&#x27;est pas une date de séance de ce café" in response.content.decode()
    assert not CafeSessionChange.objects.filter(page=cafe).exists()

    response = client.post(f"/admin/pages/{cafe.pk}/edit/", _admin_form(cafe, [
        {"date": cafe.days[1].isoformat(), "change": Change.SKIPPED},
        {"date": off_rhythm.isoformat(), "change": Change.ADDED},
    ]) | {"action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert set(CafeSessionChange.objects.filter(page=cafe).values_list("date", "change")) == {(cafe.days[1], "sans-seance"), (off_rhythm, "ajoutee")}


def test_a_monthly_rule_needs_its_first_session_on_one_of_its_days(client):
    editor = get_user_model().objects.create_superuser("rythme2", "r2@example.org", "pw")
    client.force_login(editor)
    cafe = _first_tuesdays()
    response = client.post(f"/admin/pages/{cafe.pk}/edit/", _admin_form(cafe, [], recurrence_week="2"))
    assert response.status_code == 200
    assert "La première séance doit tomber ce jour-là du mois" in response.content.decode()
    assert json.dumps(CafePage.objects.get(pk=cafe.pk).recurrence_week) == "1"
