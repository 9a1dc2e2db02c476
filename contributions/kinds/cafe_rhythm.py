"""When a declared café comes back: once, weekly or monthly, until when, and the dates without a session."""
import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cafes import timing
from cafes.choices import WEEKDAYS, WEEKS_OF_MONTH
from cafes.models import CafeSessionChange

MAX_SKIPPED = 60
_SEPARATORS = re.compile(r"[\n,;]+")
_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
WEEK_CHOICES = [("", "—"), *WEEKS_OF_MONTH]


class Frequency(models.TextChoices):
    ONCE = "une-fois", gettext_lazy("Une seule fois")
    WEEKLY = "chaque-semaine", gettext_lazy("Chaque semaine, le même jour")
    MONTHLY = "chaque-mois", gettext_lazy("Chaque mois, le même jour de la même semaine (le premier mardi…)")


def _date(text: str) -> dt.date | None:
    try:
        found = _FRENCH_DATE.fullmatch(text)
        if found:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class DatesField(forms.CharField):
    """Dates typed one per line or separated by commas (2027-04-14 or 14/04/2027): a sorted list without repeats."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_SKIPPED * 12)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        items = [item.strip() for item in _SEPARATORS.split(value or "") if item.strip()]
        unreadable = [item for item in items if _date(item) is None]
        if unreadable:
            raise ValidationError(_("Date illisible : « %(text)s ». Écrivez-la 2027-04-14 ou 14/04/2027.")
                                  % {"text": unreadable[0][:30]})
        dates = sorted({_date(item) for item in items})
        if len(dates) > MAX_SKIPPED:
            raise ValidationError(_("Trop de dates : %(count)s, pour %(max)s au plus.") % {"count": len(dates), "max": MAX_SKIPPED})
        return dates

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(v.isoformat() if hasattr(v, "isoformat") else str(v) for v in value)
        return value


def _rank(day: dt.date) -> int:
    """1 to 4 for the first to fourth of its weekday in the month; -1 for the last (a fifth one is the last)."""
    if (day + dt.timedelta(days=7)).month != day.month:
        return -1
    return (day.day - 1) // 7 + 1


def rhythm_errors(*, frequency: str, first: dt.date | None, week, until, skipped: list) -> dict[str, list[str]]:
    """What is wrong with the rhythm as typed, by field (translated sentences naming the dates at fault)."""
    errors: dict[str, list[str]] = {}
    if frequency == Frequency.ONCE:
        if skipped:
            errors["skipped_dates"] = [_("Des dates sans séance ne servent qu'à un café régulier : choisissez « chaque "
                                         "semaine » ou « chaque mois », ou videz ce champ.")]
        return errors
    if until is None:
        errors["recurrence_until"] = [_("Indiquez jusqu'à quand le café revient (la date de sa dernière séance au plus tard).")]
    elif first and until < first:
        errors["recurrence_until"] = [_("La fin de la répétition doit suivre la première séance (%(day)s).")
                                      % {"day": date_format(first, "DATE_FORMAT")}]
    if frequency == Frequency.MONTHLY and week is None:
        errors["recurrence_week"] = [_("Choisissez la semaine du mois : premier, deuxième, troisième, quatrième ou dernier.")]
    if first is None or "recurrence_until" in errors or "recurrence_week" in errors:
        return errors
    monthly_week = week if frequency == Frequency.MONTHLY else None
    rhythm = timing.Rhythm(first.weekday(), monthly_week, until)
    if monthly_week is not None and not rhythm.is_rule_day(first, first):
        ranks, weekdays = dict(WEEKS_OF_MONTH), dict(WEEKDAYS)
        errors["recurrence_week"] = [_(
            "La première séance, le %(day)s, est le %(actual)s %(weekday)s du mois, pas le %(chosen)s : changez la "
            "date de début ou la semaine du mois.") % {
            "day": date_format(first, "DATE_FORMAT"), "actual": ranks[_rank(first)], "weekday": weekdays[first.weekday()],
            "chosen": ranks[monthly_week]}]
        return errors
    wrong = [message for day in skipped
             if (message := timing.session_change_error(rhythm, first, day, timing.SessionChange.SKIPPED))]
    if wrong:
        errors["skipped_dates"] = wrong
    return errors


def page_rhythm(data: dict, first: dt.date, kept=()) -> dict:
    """The CafePage fields of the rhythm stored in a contribution (a one-off café: all empty). `kept` are the
    page's other date changes (a session cancelled or added by its organiser since): the form has only the
    dates without session, and keeps them."""
    frequency = data.get("rhythm") or Frequency.ONCE
    kept = [c for c in kept if c.change != timing.SessionChange.SKIPPED]
    if frequency == Frequency.ONCE or not data.get("recurrence_until"):
        return {"recurrence_weekday": None, "recurrence_week": None, "recurrence_until": None, "session_changes": kept}
    taken = {c.date for c in kept}
    skipped = [dt.date.fromisoformat(day) for day in data.get("skipped_dates") or []]
    return {
        "recurrence_weekday": first.weekday(),
        "recurrence_week": data.get("recurrence_week") if frequency == Frequency.MONTHLY else None,
        "recurrence_until": dt.date.fromisoformat(data["recurrence_until"]),
        "session_changes": kept + [CafeSessionChange(date=day, change=timing.SessionChange.SKIPPED)
                                   for day in skipped if day not in taken],
    }


def rhythm_form_data(page) -> dict:
    """The form's rhythm fields for what a café's page says now (for a form prefilled from the page)."""
    if page.recurrence_weekday is None or page.recurrence_until is None:
        return {"rhythm": Frequency.ONCE, "recurrence_week": None, "recurrence_until": None, "skipped_dates": []}
    return {
        "rhythm": Frequency.MONTHLY if page.recurrence_week is not None else Frequency.WEEKLY,
        "recurrence_week": page.recurrence_week, "recurrence_until": page.recurrence_until.isoformat(),
        "skipped_dates": sorted(c.date.isoformat() for c in page.session_changes.all()
                                if c.change == timing.SessionChange.SKIPPED),
    }
