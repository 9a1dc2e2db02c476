"""VTIMEZONE components built from the zone database, every offset change of the calendar's span included.

icalendar's own `add_missing_timezones` looks for changes in steps of up to 64 days and misses an
observance shorter than that: Morocco's hour without daylight saving during Ramadan (2024, 2027…)
was absent, so a calendar program reading the VTIMEZONE put those cafés an hour off.
"""
import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard

DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)


def _state(zone: ZoneInfo, instant: dt.datetime) -> tuple:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.dst(), local.tzname()


def _observance(onset_local: dt.datetime, before: tuple, after: tuple):
    part = TimezoneDaylight() if after[1] else TimezoneStandard()
    part.add("dtstart", onset_local)
    part.add("tzoffsetfrom", before[0])
    part.add("tzoffsetto", after[0])
    part.add("tzname", after[2] or "")
    return part


def vtimezone(name: str, first: dt.date, last: dt.date) -> Timezone:
    """The zone's observances from `first` to `last`: each day is sampled (no observance lasts less
    than a day) and each change found to the second."""
    zone = ZoneInfo(name)
    component = Timezone()
    component.add("tzid", name)
    instant = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    stop = dt.datetime.combine(last, dt.time(), tzinfo=dt.UTC) + DAY
    state = _state(zone, instant)
    component.add_component(_observance((instant + state[0]).replace(tzinfo=None), state, state))
    while instant < stop:
        following = instant + DAY
        if _state(zone, following) != state:
            low, high = instant, following
            while high - low > SECOND:
                middle = low + (high - low) / 2
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            high = high.replace(microsecond=0)
            changed = _state(zone, high)
            # DTSTART is the onset in the local time that was in force until then (RFC 5545, 3.6.5).
            component.add_component(_observance((high + state[0]).replace(tzinfo=None), state, changed))
            state = changed
        instant = following
    return component


def add_timezones(cal: Calendar) -> None:
    """One VTIMEZONE per zone the events use, covering their dates (weekly sessions up to their end)."""
    spans: dict[str, list[dt.date]] = {}
    for event in cal.walk("VEVENT"):
        values = [event[key].dt for key in ("DTSTART", "DTEND") if key in event]
        zones = {v.tzinfo.key for v in values if isinstance(getattr(v, "tzinfo", None), ZoneInfo) and v.tzinfo.key != "UTC"}
        dates = [v.date() for v in values]
        rdates = event.get("RDATE", [])  # one property, or a list of them
        for extra in rdates if isinstance(rdates, list) else [rdates]:
            dates.extend(period.dt.date() for period in extra.dts)
        if "RRULE" in event and event["RRULE"].get("UNTIL"):
            until = event["RRULE"]["UNTIL"]
            until = until[0] if isinstance(until, list) else until
            dates.append(until.date() if isinstance(until, dt.datetime) else until)
        for name in zones:
            span = spans.setdefault(name, [min(dates), max(dates)])
            span[0], span[1] = min(span[0], *dates), max(span[1], *dates)
    for position, (name, (first, last)) in enumerate(sorted(spans.items())):
        cal.subcomponents.insert(position, vtimezone(name, first - DAY, last + DAY))
