"""The filters of the café list, map and feeds: validated from the query string, bad values dropped."""
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ACCESSIBILITY_FEATURES, AUDIENCES, WHEN, CafeMode

MAX_TEXT = 100


class CafeFilterForm(forms.Form):
    when = forms.ChoiceField(label=_("Quand"), choices=WHEN, required=False)
    q = forms.CharField(label=_("Mots"), max_length=MAX_TEXT, required=False)
    near = forms.CharField(label=_("Près de (code postal ou ville)"), max_length=60, required=False)
    country = forms.ChoiceField(label=_("Pays"), required=False)
    region = forms.CharField(label=_("Région ou département"), max_length=MAX_TEXT, required=False)
    city = forms.CharField(label=_("Ville"), max_length=MAX_TEXT, required=False)
    mode = forms.ChoiceField(label=_("Format"), choices=[("", _("Tous"))] + list(CafeMode.choices), required=False)
    audience = forms.ChoiceField(label=_("Public"), choices=[("", _("Tous"))] + list(AUDIENCES), required=False)
    accessibilite = forms.MultipleChoiceField(label=_("Accessibilité"), choices=ACCESSIBILITY_FEATURES, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    organiser = forms.SlugField(label=_("Structure"), max_length=120, required=False)
    tag = forms.CharField(label=_("Mot-clé"), max_length=MAX_TEXT, required=False)
    date = forms.DateField(label=_("À la date du"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_from = forms.DateField(label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    # What the feeds accept too (the page's own form shows the rest).
    FEED_FIELDS = ("when", "q", "country", "region", "city", "mode", "audience", "accessibilite", "organiser", "tag",
                   "date", "date_from", "date_to")

    def __init__(self, data=None, *, countries=(), **kwargs):
        data, self._unknown_codes = self._known_codes_only(data)
        super().__init__(data, **kwargs)
        self._countries = countries
        self.fields["country"].choices = [("", _("Tous"))] + [(c.country_code, c.title) for c in countries]
        for name in ("date", "date_from", "date_to"):
            self.fields[name].input_formats = ["%Y-%m-%d"]

    @staticmethod
    def _known_codes_only(data):
        """Without the accessibility codes that are not in the list, and those codes: a bad one is dropped
        alone (and said), the others still filter."""
        if data is None or not hasattr(data, "getlist"):
            return data, []
        asked = data.getlist("accessibilite")
        known = dict(ACCESSIBILITY_FEATURES)
        unknown = [code for code in asked if code not in known]
        if unknown:
            data = data.copy()
            data.setlist("accessibilite", list(dict.fromkeys(code for code in asked if code in known)))
        return data, unknown

    def filters(self) -> tuple[dict, list[str]]:
        """The valid filters, and one message per value that had to be ignored."""
        self.is_valid()
        notices = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else name
            notices.append(_("Le filtre « %(label)s » a été ignoré : %(error)s") % {"label": label, "error": " ".join(errors)})
        field = self.fields["accessibilite"]
        for code in self._unknown_codes[:3]:
            error = field.error_messages["invalid_choice"] % {"value": code[:40]}
            notices.append(_("Le filtre « %(label)s » a été ignoré : %(error)s") % {"label": field.label, "error": error})
        cleaned = {k: v for k, v in self.cleaned_data.items() if v not in ("", None, [])}
        for text in ("q", "near", "region", "city", "tag"):
            if text in cleaned:
                cleaned[text] = " ".join(cleaned[text].split())
        if "date" in cleaned:
            cleaned["date_from"] = cleaned["date_to"] = cleaned.pop("date")
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            notices.append(_("La date de début suivait la date de fin : elles ont été inversées."))
            cleaned["date_from"], cleaned["date_to"] = cleaned["date_to"], cleaned["date_from"]
        if ("date_from" in cleaned or "date_to" in cleaned) and "when" not in cleaned:
            cleaned["when"] = "all"
        cleaned.setdefault("when", "upcoming")
        return cleaned, notices

    def without_errors(self) -> "CafeFilterForm":
        """The same form with the ignored values removed, to show what was actually applied."""
        data = self.data.copy()
        for name in self.errors:
            data.pop(name, None)
        form = type(self)(data, countries=self._countries)
        form.is_valid()
        return form

    def querystring(self, cleaned: dict) -> str:
        """The valid filters as a query string, for the map's GeoJSON and the feed links."""
        pairs = [(k, v.isoformat() if hasattr(v, "isoformat") else v) for k, v in cleaned.items() if k in self.FEED_FIELDS]
        return urlencode(pairs, doseq=True)


class AgendaFilterForm(CafeFilterForm):
    """The agenda's filters: the café list's, less what the month stands for (when, dates) and "near",
    which orders a list rather than selects from it."""

    MONTH_FIELDS = ("when", "near", "date", "date_from", "date_to")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in self.MONTH_FIELDS:
            del self.fields[name]

    def filters(self) -> tuple[dict, list[str]]:
        cleaned, notices = super().filters()
        cleaned.pop("when")
        return cleaned, notices
