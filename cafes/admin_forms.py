"""The café page's admin form: its start and end are typed and shown in the café's own time zone."""
import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import timing

TIMES = ("start", "end")


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as typed, with no zone yet: the form reads it in the café's zone.

    Django's own field reads it in the editor's zone (the admin's, or the site's), so 18:00 typed for a
    café in Casablanca would be read as 18:00 in Paris.
    """

    def to_python(self, value):
        if isinstance(value, dt.datetime) and timezone.is_aware(value):
            return value
        # UTC has no gap nor overlap: the typed value comes back unchanged, then loses its zone.
        with timezone.override(dt.UTC):
            parsed = super().to_python(value)
        return None if parsed is None else parsed.replace(tzinfo=None)


class CafePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.time_zone or self._country_zone()
        if not self.instance.time_zone and "time_zone" in self.fields:
            self.initial["time_zone"] = zone
        for name in TIMES:
            field = self.fields.get(name)
            if field is None:
                continue
            self.fields[name] = WallClockDateTimeField(
                label=field.label, required=field.required, widget=field.widget, input_formats=field.input_formats,
                help_text=_("À l'heure du lieu du café (voir son fuseau horaire)."),
            )
            value = getattr(self.instance, name, None)
            if value is not None:
                self.initial[name] = timing.wall_clock(value, zone)

    def _country_zone(self) -> str:
        parent = getattr(self, "parent_page", None)
        return getattr(parent.specific if parent is not None else None, "time_zone", "") or timing.zone(None).key

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone") or self._country_zone()
        for name in TIMES:
            value = cleaned.get(name)
            if isinstance(value, dt.datetime) and timezone.is_naive(value):
                cleaned[name] = timing.localise(value, zone)
        self._check_session_changes(cleaned, zone)
        return cleaned

    def _check_session_changes(self, cleaned, zone) -> None:
        """Each changed date fits the rhythm typed in this same form, once."""
        formset = self.formsets.get("session_changes")
        start = cleaned.get("start")
        if formset is None or not isinstance(start, dt.datetime) or not formset.is_valid():
            return
        week = cleaned.get("recurrence_week")
        weekday, until = cleaned.get("recurrence_weekday"), cleaned.get("recurrence_until")
        kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        added = frozenset(f.cleaned_data["date"] for f in kept if f.cleaned_data.get("change") == timing.SessionChange.ADDED)
        rhythm = timing.Rhythm(None if weekday in (None, "") else int(weekday), None if week in (None, "") else int(week),
                               until, added=added)
        first, seen = start.astimezone(timing.zone(zone)).date(), set()
        for form in kept:
            day, change = form.cleaned_data.get("date"), form.cleaned_data.get("change")
            if day is None or not change:
                continue
            error = _("Cette date est déjà changée plus haut.") if day in seen else timing.session_change_error(rhythm, first, day, change)
            seen.add(day)
            if error:
                form.add_error("date", error)
