"""Template tags of the café section: when a café happens, and who organises it, in words of the reader's language."""
from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cafeia_site.localisation import list_separator, per_request_and_language

from ..choices import WEEKDAYS, WEEKS_OF_MONTH
from ..vocabulary import OrganiserNames, organiser_names

register = template.Library()


def _weekday_every(weekday: int) -> str:
    names = [_("Chaque lundi"), _("Chaque mardi"), _("Chaque mercredi"), _("Chaque jeudi"),
             _("Chaque vendredi"), _("Chaque samedi"), _("Chaque dimanche")]
    return names[weekday]


def _monthly(cafe) -> str:
    """"Le premier mardi du mois": the weekday's name and the rank read from the choices, in the reader's language."""
    return _("Le %(rank)s %(weekday)s du mois") % {
        "rank": dict(WEEKS_OF_MONTH)[cafe.recurrence_week], "weekday": dict(WEEKDAYS)[cafe.recurrence_weekday]}


def _day(value) -> str:
    return date_format(value, "l j F Y")


def _time(value) -> str:
    return date_format(value, "H:i")


def _zone(cafe) -> str:
    # Named every time: a reader in Rabat and one in Lyon read the same page.
    return _("(%(zone)s)") % {"zone": cafe.time_zone_label}


@register.simple_tag
def cafe_when(cafe, start=None, end=None) -> str:
    """"mercredi 3 décembre 2026, 13:30–15:00 (heure de Paris)", or the rule of a weekly session and
    its next date: always in the café's own time zone, which is named."""
    tz = cafe.tz
    start = (start or cafe.start).astimezone(tz)
    end = (end or cafe.end).astimezone(tz)
    hours = f"{_time(start)}–{_time(end)} {_zone(cafe)}"
    if cafe.is_recurring:
        every = _weekday_every(cafe.recurrence_weekday) if cafe.recurrence_week is None else _monthly(cafe)
        text = _("%(every)s, %(hours)s, jusqu'au %(until)s") % {
            "every": every, "hours": hours, "until": date_format(cafe.recurrence_until, "j F Y")}
        session = cafe.next_session
        if session is not None:
            text += " — " + _("prochaine séance le %(day)s") % {"day": _day(session[0].astimezone(tz))}
        return text
    if start.date() == end.date():
        return f"{_day(start)}{list_separator(get_language())}{hours}"
    return f"{_day(start)} {_time(start)} – {_day(end)} {_time(end)} {_zone(cafe)}"


@register.simple_tag
def cafe_hours(cafe, start, end) -> str:
    """"18:00–19:30 (heure de Casablanca)": one session's hours in the café's zone (the agenda's lines)."""
    tz = cafe.tz
    return f"{_time(start.astimezone(tz))}–{_time(end.astimezone(tz))} {_zone(cafe)}"


@register.simple_tag
def day_label(value) -> str:
    return _day(value)


def _organiser_names(context) -> OrganiserNames:
    return per_request_and_language(
        context.get("request"), "_cafes_organiser_names", lambda language: organiser_names(language=language))


@register.simple_tag(takes_context=True)
def organiser_name(context, organisation) -> str:
    """The organisation's name in the reader's language, whichever version the café points at (one query per page)."""
    return _organiser_names(context).of(organisation)
