"""Dates of cafés: their time zones, their rhythm (weekly, monthly, with dates changed) and its sessions."""
import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

ONE_DAY = dt.timedelta(days=1)
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


class SessionChange(models.TextChoices):
    """What an organiser can change about one date of a regular café."""

    SKIPPED = "sans-seance", _lazy("pas de séance ce jour-là")  # iCalendar EXDATE: the date just isn't one
    CANCELLED = "annulee", _lazy("séance annulée")  # shown as cancelled, in the agenda and in calendars
    ADDED = "ajoutee", _lazy("séance supplémentaire")  # iCalendar RDATE, at the usual hours


@dataclass(frozen=True)
class Rhythm:
    """When a café comes back: weekly on `weekday`, or monthly on its `week`-th one (-1: the last), until
    `until` (a date of the café's zone); and the dates an organiser changed."""

    weekday: int | None = None
    week: int | None = None
    until: dt.date | None = None
    skipped: frozenset = frozenset()
    cancelled: frozenset = frozenset()
    added: frozenset = frozenset()

    @property
    def recurring(self) -> bool:
        return self.weekday is not None and self.until is not None

    @property
    def monthly(self) -> bool:
        return self.recurring and self.week is not None

    @property
    def last_day(self) -> dt.date | None:
        """The last day a session may fall on, beyond the first (None for a one-off with no added date)."""
        days = [*self.added, *([self.until] if self.recurring else [])]
        return max(days) if days else None

    def ical(self) -> dict:
        """The RRULE as the icalendar package takes it."""
        byday = (str(self.week) if self.monthly else "") + ICAL_DAYS[self.weekday]
        return {"FREQ": "MONTHLY" if self.monthly else "WEEKLY", "BYDAY": byday,
                "UNTIL": dt.datetime.combine(self.until, dt.time(23, 59, 59), tzinfo=dt.UTC)}

    def ical_text(self) -> str:
        rule = self.ical()
        return f"FREQ={rule['FREQ']};BYDAY={rule['BYDAY']};UNTIL={rule['UNTIL']:%Y%m%dT%H%M%SZ}"

    def rule_days(self, first: dt.date, after: dt.date, before: dt.date):
        """The days of the rule in [after, before), from the first session's day on."""
        if not self.recurring:
            if after <= first < before:
                yield first
            return
        day, last = max(after, first), min(self.until, before - dt.timedelta(days=1))
        if not self.monthly:
            day += dt.timedelta(days=(self.weekday - day.weekday()) % 7)
            while day <= last:
                yield day
                day += dt.timedelta(days=7)
            return
        month = day.replace(day=1)
        while month <= last:
            found = nth_weekday(month.year, month.month, self.weekday, self.week)
            if found is not None and day <= found <= last:
                yield found
            month = (month + dt.timedelta(days=32)).replace(day=1)

    def is_rule_day(self, first: dt.date, day: dt.date) -> bool:
        return day in set(self.rule_days(first, day, day + dt.timedelta(days=1)))


def nth_weekday(year: int, month: int, weekday: int, week: int) -> dt.date | None:
    """The `week`-th `weekday` of the month (1 = the first, -1 = the last); None when the month has no fifth one."""
    if week > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))
        return day if day.month == month else None
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


class Session(NamedTuple):
    start: dt.datetime
    end: dt.datetime
    cancelled: bool = False


def occurrences(start: dt.datetime, end: dt.datetime, tz_name: str, rhythm: Rhythm | None = None,
                *, after: dt.date, before: dt.date) -> list[Session]:
    """Every session of the café on a day in [after, before), in the café's own time zone, in order: the
    rule's days but the skipped ones, the added ones, a cancelled one marked so."""
    rhythm = rhythm or Rhythm()
    tz = zone(tz_name)
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    duration, hour = local_end - local_start, local_start.timetz().replace(tzinfo=None)
    days = set(rhythm.rule_days(local_start.date(), after, before)) - rhythm.skipped
    days |= {day for day in rhythm.added if after <= day < before}
    found = []
    for day in sorted(days):
        begins = start if day == local_start.date() else dt.datetime.combine(day, hour, tzinfo=tz)
        found.append(Session(begins, begins + duration, day in rhythm.cancelled))
    return found


def next_occurrence(start, end, tz_name, rhythm: Rhythm | None = None, *, now: dt.datetime) -> Session | None:
    """The next session not yet over and not cancelled, or None once there is none left."""
    rhythm = rhythm or Rhythm()
    last = max(filter(None, [rhythm.last_day, end.astimezone(zone(tz_name)).date()]))
    for session in occurrences(start, end, tz_name, rhythm, after=now.date() - dt.timedelta(days=1),
                               before=last + dt.timedelta(days=1)):
        if session.end >= now and not session.cancelled:
            return session
    return None


def session_change_error(rhythm: Rhythm, first: dt.date, day: dt.date, change: str) -> str | None:
    """Why a date change doesn't fit the café's rhythm (a translated sentence), None when it does."""
    on_rule = rhythm.is_rule_day(first, day)
    if day < first:
        return _("Le %(day)s est avant la première séance.") % {"day": day.isoformat()}
    if change == SessionChange.ADDED:
        return _("Le %(day)s est déjà une date de séance.") % {"day": day.isoformat()} if on_rule else None
    if not on_rule and not (change == SessionChange.CANCELLED and day in rhythm.added):
        return _("Le %(day)s n'est pas une date de séance de ce café : choisissez une date de son rythme.") % {"day": day.isoformat()}
    return None
