"""The submitted data, in the words of the form the contributor filled in, for the moderator to read."""
from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .kinds import kind_for


@dataclass
class DataRow:
    label: str
    value: object  # a str, or a list of str
    is_list: bool = False


def _readable(field, value):
    if value in (None, "", [], {}):
        return "—"
    if isinstance(field, forms.BooleanField) or isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(field, forms.ModelChoiceField):
        item = field.queryset.model._default_manager.filter(pk=value).first()
        if item is None:
            return _("n° %(pk)s (introuvable)") % {"pk": value}
        return field.label_from_instance(item)
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in field.choices}
        if isinstance(value, list):
            return [str(labels.get(str(v), v)) for v in value]
        return str(labels.get(str(value), value))
    if isinstance(field, forms.DateTimeField) and isinstance(value, str):
        parsed = parse_datetime(value)
        return date_format(parsed, "DATETIME_FORMAT") if parsed else value
    if isinstance(field, forms.DateField) and isinstance(value, str):
        parsed = parse_date(value)
        return date_format(parsed, "DATE_FORMAT") if parsed else value
    if isinstance(value, (date, datetime)):
        return date_format(value)
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)


def contribution_data_rows(contribution) -> list[DataRow]:
    """Every submitted value, in the form's order, labelled as the contributor saw it."""
    kind = kind_for(contribution.kind)
    data = dict(contribution.data or {})
    rows = []
    if data.get("title"):
        rows.append(DataRow(_("Titre"), str(data.pop("title"))))
    if kind is not None:
        form = kind.form(language_code=contribution.locale.language_code)
        for name, field in form.fields.items():
            if name in data:
                value = _readable(field, data.pop(name))
                rows.append(DataRow(str(field.label or name), value, isinstance(value, list)))
    for name, value in sorted(data.items()):  # anything an older form sent
        value = _readable(None, value)
        rows.append(DataRow(name, value, isinstance(value, list)))
    return rows
