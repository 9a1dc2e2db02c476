"""An animation format (format d'animation): its form and the builder of its draft resource page."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ressources.choices import ResourceAudience, ResourceKind, Screens
from ressources.licences import LICENCE_CHOICES
from ressources.models import ResourceDocument, ResourceIndexPage, ResourcePage

from ..builders import Builder
from ..forms import ContributionForm, country_choices

STEP_SLOTS = 6


class FormatForm(ContributionForm):
    document_slots = 3

    title = forms.CharField(label=_("Nom du format"), max_length=200)
    summary = forms.CharField(label=_("En deux ou trois phrases"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    objectives = forms.CharField(label=_("Objectifs"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    audience = forms.ChoiceField(label=_("Public"), required=False, choices=[("", "—"), *ResourceAudience.choices])
    duration_minutes = forms.IntegerField(label=_("Durée (minutes)"), required=False, min_value=5, max_value=1440)
    group_min = forms.IntegerField(label=_("Participants (minimum)"), required=False, min_value=1, max_value=10_000)
    group_max = forms.IntegerField(label=_("Participants (maximum)"), required=False, min_value=1, max_value=10_000)
    with_screens = forms.ChoiceField(label=_("Écrans"), required=False, choices=[("", "—"), *Screens.choices])
    materials = forms.CharField(label=_("Matériel nécessaire"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    variations = forms.CharField(label=_("Variantes et conseils"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)
    authors = forms.CharField(label=_("Auteurs à citer"), max_length=255, help_text=_("Les noms ou la structure à créditer."))
    country_code = forms.ChoiceField(
        label=_("Votre pays"), required=False, choices=[],
        help_text=_("Les modérateurs de ce pays reliront votre format."),
    )
    licence = forms.ChoiceField(label=_("Licence"), choices=LICENCE_CHOICES, initial="cc-by-nc-4.0")
    licence_accepted = forms.BooleanField(
        label=_("Je peux partager ce format et j'accepte qu'il soit publié sous la licence choisie, avec attribution."),
        error_messages={"required": _("Nous ne pouvons publier un format que sous une licence que vous acceptez.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country_code"].choices = [("", "—")] + country_choices(self.language_code)
        for n in range(1, STEP_SLOTS + 1):
            self.fields[f"step_{n}_title"] = forms.CharField(label=_("Étape %(n)d : titre") % {"n": n}, required=n == 1, max_length=200)
            self.fields[f"step_{n}_duration"] = forms.IntegerField(
                label=_("Étape %(n)d : durée (minutes)") % {"n": n}, required=False, min_value=0, max_value=1440)
            self.fields[f"step_{n}_text"] = forms.CharField(
                label=_("Étape %(n)d : déroulé") % {"n": n}, required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)
        if self.editing:
            self.fields.pop("licence_accepted", None)
        # The steps, files, then consent come last.
        tail = [n for n in self.fields if n.startswith(("document_", "email", "consent", "licence_accepted", "website"))]
        self.order_fields([n for n in self.fields if n not in tail] + tail)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("group_min") and cleaned.get("group_max") and cleaned["group_min"] > cleaned["group_max"]:
            self.add_error("group_max", _("Le maximum doit être supérieur au minimum."))
        return cleaned


class FormatBuilder(Builder):
    page_model = ResourcePage

    def country_code(self, data):
        return data.get("country_code", "")

    def target_parent(self, data, *, locale, country_code):
        index = ResourceIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise ValidationError(_("La bibliothèque de ressources n'existe pas dans cette langue."))
        return index

    def fill(self, page, data, contribution):
        page.kind = ResourceKind.FORMAT
        for name in ("summary", "objectives", "audience", "with_screens", "materials", "authors", "licence"):
            setattr(page, name, data.get(name) or "")
        for name in ("duration_minutes", "group_min", "group_max"):
            setattr(page, name, data.get(name))
        page.variations = data.get("variations", "")
        page.steps = [
            ("step", {"title": data[f"step_{n}_title"], "duration": data.get(f"step_{n}_duration"), "text": data.get(f"step_{n}_text", "")})
            for n in range(1, STEP_SLOTS + 1) if data.get(f"step_{n}_title")
        ]

    def attach(self, page, *, photos, documents):
        if not documents:
            return []
        page.documents = [*page.documents.all(), *(
            ResourceDocument(document=document, title=record.original_name[:255]) for record, document in documents
        )]
        return ["documents"]
