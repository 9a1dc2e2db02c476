"""Time zones without a database: zones by name, wall clocks, weekly occurrences, and VTIMEZONE components."""
import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import translation

from cafes import timing, vtimezone

PARIS, CASABLANCA = ZoneInfo("Europe/Paris"), ZoneInfo("Africa/Casablanca")


def test_an_empty_or_unknown_zone_is_the_sites_own(settings):
    assert timing.zone("Africa/Casablanca") == CASABLANCA
    assert timing.zone("") == timing.zone(None) == timing.zone("Mars/Olympus") == ZoneInfo(settings.TIME_ZONE)
    assert not timing.is_valid_time_zone("../etc/passwd") and not timing.is_valid_time_zone("Mars/Olympus")
    assert ("Europe/Paris", "Europe/Paris") in timing.time_zone_choices()


def test_a_typed_time_is_read_in_the_cafes_zone_and_shown_back_as_typed():
    typed = dt.datetime(2026, 7, 1, 18, 0)
    in_paris = timing.localise(typed, "Europe/Paris")
    assert in_paris.utcoffset() == dt.timedelta(hours=2)
    assert timing.wall_clock(in_paris, "Europe/Paris") == typed
    assert timing.wall_clock(in_paris, "UTC") == dt.datetime(2026, 7, 1, 16, 0)
    in_rabat = timing.localise(typed, "Africa/Casablanca")
    assert timing.wall_clock(in_rabat, "Africa/Casablanca") == typed
    assert timing.as_typed("2026-07-01T18:00:00") == typed


def test_zone_labels_are_in_the_active_language():
    with translation.override("fr"):
        assert timing.zone_label("Africa/Casablanca") == "heure de Casablanca"
        assert timing.zone_label("America/Port_of_Spain") == "heure de Port of Spain"
    with translation.override("en"):
        assert "Casablanca" in timing.zone_label("Africa/Casablanca")


def test_weekly_occurrences_keep_the_wall_clock_across_a_daylight_saving_change():
    start = dt.datetime(2026, 3, 24, 18, 0, tzinfo=PARIS)  # a Tuesday, winter time
    end = start + dt.timedelta(hours=2)
    found = timing.occurrences(start, end, "Europe/Paris", timing.Rhythm(1, None, dt.date(2026, 4, 14)),
                               after=dt.date(2026, 3, 1), before=dt.date(2026, 5, 1))
    assert [s.start.date().isoformat() for s in found] == ["2026-03-24", "2026-03-31", "2026-04-07", "2026-04-14"]
    assert {s.start.hour for s in found} == {18}
    assert found[0].start.utcoffset() != found[1].start.utcoffset()  # summer time from 29 March
    assert all(s.end - s.start == dt.timedelta(hours=2) and not s.cancelled for s in found)


def test_a_single_session_occurs_once_and_the_next_occurrence_skips_finished_ones():
    start = dt.datetime(2026, 6, 2, 18, 0, tzinfo=PARIS)
    end = start + dt.timedelta(hours=1)
    assert timing.occurrences(start, end, "Europe/Paris", after=dt.date(2026, 6, 1), before=dt.date(2026, 6, 3)) == [(start, end, False)]
    assert timing.occurrences(start, end, "Europe/Paris", after=dt.date(2026, 6, 3), before=dt.date(2026, 7, 1)) == []
    now = dt.datetime(2026, 6, 9, 19, 30, tzinfo=PARIS)  # the second session is over
    session = timing.next_occurrence(start, end, "Europe/Paris", timing.Rhythm(1, None, dt.date(2026, 6, 30)), now=now)
    assert session.start.date() == dt.date(2026, 6, 16)
    assert timing.next_occurrence(start, end, "Europe/Paris", timing.Rhythm(1, None, dt.date(2026, 6, 9)), now=now) is None
    assert timing.Rhythm(1, None, dt.date(2026, 6, 30)).ical()["BYDAY"] == "TU"


def test_a_monthly_rhythm_takes_the_nth_weekday_and_the_last_one():
    start = dt.datetime(2026, 1, 6, 18, 0, tzinfo=PARIS)  # the first Tuesday of January 2026
    end = start + dt.timedelta(hours=1, minutes=30)
    first_tuesdays = timing.Rhythm(1, 1, dt.date(2026, 6, 30))
    found = timing.occurrences(start, end, "Europe/Paris", first_tuesdays, after=dt.date(2026, 1, 1), before=dt.date(2026, 7, 1))
    assert [s.start.date().isoformat() for s in found] == [
        "2026-01-06", "2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02"]
    assert first_tuesdays.ical_text() == "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20260630T235959Z"
    last_fridays = timing.Rhythm(4, -1, dt.date(2026, 5, 31))
    days = list(last_fridays.rule_days(dt.date(2026, 1, 30), dt.date(2026, 1, 1), dt.date(2026, 6, 1)))
    assert [d.isoformat() for d in days] == ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29"]
    assert timing.nth_weekday(2026, 2, 0, 5) is None  # February 2026 has four Mondays


def test_a_skipped_date_is_no_session_a_cancelled_one_is_marked_an_added_one_joins():
    start = dt.datetime(2026, 3, 4, 13, 30, tzinfo=PARIS)  # a Wednesday
    end = start + dt.timedelta(hours=1, minutes=30)
    rhythm = timing.Rhythm(2, None, dt.date(2026, 3, 25), skipped=frozenset({dt.date(2026, 3, 11)}),
                           cancelled=frozenset({dt.date(2026, 3, 18)}), added=frozenset({dt.date(2026, 4, 2)}))
    found = timing.occurrences(start, end, "Europe/Paris", rhythm, after=dt.date(2026, 3, 1), before=dt.date(2026, 5, 1))
    assert [(s.start.date().isoformat(), s.cancelled) for s in found] == [
        ("2026-03-04", False), ("2026-03-18", True), ("2026-03-25", False), ("2026-04-02", False)]
    assert found[-1].start.hour == 13 and found[-1].start.minute == 30
    assert rhythm.last_day == dt.date(2026, 4, 2)
    now = dt.datetime(2026, 3, 12, 9, 0, tzinfo=PARIS)
    assert timing.next_occurrence(start, end, "Europe/Paris", rhythm, now=now).start.date() == dt.date(2026, 3, 25)


def test_a_date_change_must_fit_the_rhythm():
    rhythm = timing.Rhythm(2, None, dt.date(2026, 3, 25))
    first = dt.date(2026, 3, 4)
    with translation.override("fr"):
        assert timing.session_change_error(rhythm, first, dt.date(2026, 3, 11), timing.SessionChange.SKIPPED) is None
        assert "n'est pas une date de séance" in timing.session_change_error(rhythm, first, dt.date(2026, 3, 12), "sans-seance")
        assert "déjà une date" in timing.session_change_error(rhythm, first, dt.date(2026, 3, 11), timing.SessionChange.ADDED)
        assert timing.session_change_error(rhythm, first, dt.date(2026, 3, 12), timing.SessionChange.ADDED) is None
        assert "avant la première" in timing.session_change_error(rhythm, first, dt.date(2026, 3, 1), timing.SessionChange.ADDED)


def _observances(component):
    return [(str(part["TZNAME"]), part["DTSTART"].dt, part["TZOFFSETTO"].td) for part in component.subcomponents]


def test_the_paris_vtimezone_has_both_changes_of_the_year_at_their_local_time():
    changes = _observances(vtimezone.vtimezone("Europe/Paris", dt.date(2026, 1, 1), dt.date(2026, 12, 31)))[1:]
    assert changes == [("CEST", dt.datetime(2026, 3, 29, 2, 0), dt.timedelta(hours=2)),
                       ("CET", dt.datetime(2026, 10, 25, 3, 0), dt.timedelta(hours=1))]


def test_the_casablanca_vtimezone_keeps_ramadans_hour_without_daylight_saving():
    """icalendar's own builder misses observances shorter than its 64-day steps; this one does not (2025: UTC+0
    from 23 February to 6 April, in the tzdata package's rules the settings pin)."""
    offsets = [offset for _name, _start, offset in
               _observances(vtimezone.vtimezone("Africa/Casablanca", dt.date(2025, 1, 1), dt.date(2025, 5, 31)))]
    assert offsets[0] == dt.timedelta(hours=1)
    assert dt.timedelta(0) in offsets[1:] and offsets[-1] == dt.timedelta(hours=1)
