"""The library index's filters, read from the query string: a bad value is dropped, never fatal."""
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import ResourceAudience, ResourceKind, Screens, Theme
from .licences import LICENCE_CHOICES

MAX_QUERY_LENGTH = 200

DURATION_BANDS = [
    ("lt30", gettext_lazy("Moins de 30 min")),
    ("30-60", gettext_lazy("30 min à 1 h")),
    ("60-120", gettext_lazy("1 h à 2 h")),
    ("gt120", gettext_lazy("Plus de 2 h")),
]
FILTER_NAMES = ("kind", "audience", "duration", "group", "screens", "licence", "theme", "tag")


def _any(choices):
    return [("", gettext_lazy("Indifférent"))] + list(choices)


class ResourceFilterForm(forms.Form):
    """Validates the index's query string; a field with a bad value is dropped, never fatal."""

    q = forms.CharField(label=gettext_lazy("Mots-clés"), required=False, max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), required=False, choices=_any(ResourceKind.choices))
    audience = forms.ChoiceField(label=gettext_lazy("Public"), required=False, choices=_any(ResourceAudience.choices))
    duration = forms.ChoiceField(label=gettext_lazy("Durée"), required=False, choices=_any(DURATION_BANDS))
    group = forms.IntegerField(
        label=gettext_lazy("Nombre de participants"), required=False, min_value=1, max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    screens = forms.ChoiceField(label=gettext_lazy("Écrans"), required=False, choices=_any(Screens.choices))
    licence = forms.ChoiceField(label=gettext_lazy("Licence"), required=False, choices=_any(LICENCE_CHOICES))
    theme = forms.ChoiceField(label=gettext_lazy("Thème"), required=False, choices=_any(Theme.choices))
    tag = forms.ChoiceField(label=gettext_lazy("Mot-clé"), required=False)

    def __init__(self, data=None, *, tags=(), **kwargs):
        if data is not None:
            data = data.copy()
            # A search too long is shortened, not refused.
            data["q"] = " ".join(data.get("q", "").split())[:MAX_QUERY_LENGTH]
            # Tags are case-insensitive (TAGGIT_CASE_INSENSITIVE): match the stored spelling.
            known = {t.lower(): t for t in tags}
            if data.get("tag", "").lower() in known:
                data["tag"] = known[data["tag"].lower()]
        super().__init__(data, **kwargs)
        self.fields["tag"].choices = _any((t, t) for t in tags)

    def filters(self) -> dict:
        """The valid, non-empty filters (call after is_valid())."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FILTER_NAMES if data.get(name) not in (None, "")}

    def query(self) -> str:
        return getattr(self, "cleaned_data", {}).get("q", "")

    def ignored_messages(self) -> list[str]:
        """One readable sentence per filter whose value was refused."""
        out = []
        for name in self.errors:
            field = self.fields.get(name)
            label = field.label if field else name
            value = self.data.get(name, "")
            out.append(
                _("Le filtre « %(label)s » a été ignoré : la valeur « %(value)s » n'est pas reconnue.")
                % {"label": label, "value": value[:50]}
            )
        return out
