"""Dates of cafés: recurrence rules and the occurrences of a weekly session."""
import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def is_valid_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]


def rrule(weekday: int, until: dt.date) -> dict:
    """The RRULE of a weekly session, as the icalendar package takes it."""
    return {"FREQ": "WEEKLY", "BYDAY": ICAL_DAYS[weekday], "UNTIL": dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=dt.UTC)}


def occurrences(start: dt.datetime, end: dt.datetime, tz_name: str, weekday: int | None, until: dt.date | None,
                *, after: dt.date, before: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of the café falling on a day in [after, before), in the café's own time zone."""
    tz = ZoneInfo(tz_name) if is_valid_time_zone(tz_name or "") else dt.UTC
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    duration = local_end - local_start
    if weekday is None or until is None:
        return [(start, end)] if after <= local_start.date() < before else []
    day = max(after, local_start.date())
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    last = min(until, before - dt.timedelta(days=1))
    found = []
    while day <= last:
        begins = dt.datetime.combine(day, local_start.timetz().replace(tzinfo=None), tzinfo=tz)
        found.append((begins, begins + duration))
        day += dt.timedelta(days=7)
    return found


def next_occurrence(start, end, tz_name, weekday, until, *, now: dt.datetime):
    """The next (start, end) not yet over, or None once the session has ended."""
    if weekday is None or until is None:
        return (start, end) if end >= now else None
    today = now.date()
    for begins, ends in occurrences(start, end, tz_name, weekday, until, after=today - dt.timedelta(days=1), before=until + dt.timedelta(days=1)):
        if ends >= now:
            return begins, ends
    return None
