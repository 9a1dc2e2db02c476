"""Dates of cafés: their time zones, recurrence rules and the occurrences of a weekly session."""
import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.utils import timezone
from django.utils.translation import gettext as _

ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def is_valid_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))  # reads the zone database from disk: once


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in _zone_names()]


def zone(name: str | None) -> dt.tzinfo:
    """The named zone, or the site's own when the name is empty or unknown."""
    return ZoneInfo(name) if name and is_valid_time_zone(name) else timezone.get_default_timezone()


def localise(naive: dt.datetime, tz_name: str) -> dt.datetime:
    """A wall-clock date and time, as typed, read in the given zone."""
    return naive.replace(tzinfo=zone(tz_name))


def as_typed(value: str) -> dt.datetime:
    """The date and time a person typed in a form, without a zone, from its stored ISO text: a form's
    DateTimeField reads it in the site's zone (no view activates another); a value without a zone stays."""
    parsed = dt.datetime.fromisoformat(value)
    if timezone.is_aware(parsed):
        parsed = timezone.localtime(parsed, timezone.get_default_timezone()).replace(tzinfo=None)
    return parsed


def wall_clock(value: dt.datetime, tz_name: str) -> dt.datetime:
    """The wall-clock date and time, without a zone, that `value` shows in the given zone."""
    return value.astimezone(zone(tz_name)).replace(tzinfo=None)


def zone_label(name: str) -> str:
    """The zone as readers say it, in the active language: "heure de Casablanca"."""
    known = {"Europe/Paris": _("heure de Paris"), "Africa/Casablanca": _("heure de Casablanca"), "UTC": _("temps universel")}
    if name in known:
        return known[name]
    place = name.rsplit("/", 1)[-1].replace("_", " ")
    return _("heure de %(place)s") % {"place": place}


def rrule(weekday: int, until: dt.date) -> dict:
    """The RRULE of a weekly session, as the icalendar package takes it."""
    return {"FREQ": "WEEKLY", "BYDAY": ICAL_DAYS[weekday], "UNTIL": dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=dt.UTC)}


def occurrences(start: dt.datetime, end: dt.datetime, tz_name: str, weekday: int | None, until: dt.date | None,
                *, after: dt.date, before: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of the café falling on a day in [after, before), in the café's own time zone."""
    tz = zone(tz_name)
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
