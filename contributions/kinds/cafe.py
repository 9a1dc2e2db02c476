"""A café declared by its organiser: its form and the builder of its draft café page."""
from django import forms
from django.utils.translation import gettext_lazy as _

from cafes import timing
from cafes.choices import ACCESSIBILITY_FEATURES, AUDIENCES, CafeMode
from cafes.models import AccessibilityFeature, Audience, CafePage, Organisation

from ..builders import Builder, country_page
from ..forms import ContributionForm, country_choices


class CafeForm(ContributionForm):

    title = forms.CharField(label=_("Nom du café"), max_length=200)
    summary = forms.CharField(label=_("En quelques mots"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))
    start = forms.DateTimeField(label=_("Début"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    end = forms.DateTimeField(label=_("Fin"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    mode = forms.ChoiceField(label=_("Sur place ou en ligne"), choices=CafeMode.choices)
    venue_name = forms.CharField(label=_("Lieu"), required=False, max_length=200)
    address = forms.CharField(label=_("Adresse"), required=False, max_length=250)
    postcode = forms.CharField(label=_("Code postal"), required=False, max_length=12)
    city = forms.CharField(label=_("Ville"), required=False, max_length=120)
    region = forms.CharField(label=_("Région ou département"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Pays"), choices=[])
    organisation = forms.CharField(label=_("Structure organisatrice"), max_length=200)
    audiences = forms.MultipleChoiceField(
        label=_("Publics attendus"), required=False, widget=forms.CheckboxSelectMultiple, choices=AUDIENCES
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibilité"), required=False, widget=forms.CheckboxSelectMultiple, choices=ACCESSIBILITY_FEATURES
    )
    price = forms.CharField(label=_("Prix"), required=False, max_length=100, help_text=_("Laissez vide si c'est gratuit."))
    registration_url = forms.URLField(label=_("Lien d'inscription"), required=False, max_length=500, assume_scheme="https")
    meeting_url = forms.URLField(label=_("Lien de la visioconférence"), required=False, max_length=500, assume_scheme="https")
    moderator_contact = forms.CharField(
        label=_("Comment les modérateurs peuvent vous joindre"), max_length=300,
        help_text=_("Téléphone ou autre moyen : réservé aux modérateurs, jamais publié."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(self.language_code)

    def to_json(self, name, value):
        # The hours as typed, without a zone: the café's country gives it, and the resubmission form shows them back.
        if name in ("start", "end") and value is not None:
            return timing.as_typed(value.isoformat()).isoformat(timespec="minutes")
        return super().to_json(name, value)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("La fin doit être après le début."))
        mode = cleaned.get("mode")
        if mode in (CafeMode.ON_SITE, CafeMode.HYBRID) and not cleaned.get("city"):
            self.add_error("city", _("Indiquez au moins la ville d'un café sur place."))
        if mode in (CafeMode.ONLINE, CafeMode.HYBRID) and not cleaned.get("meeting_url") and not cleaned.get("registration_url"):
            self.add_error("registration_url", _("Pour un café en ligne, donnez un lien d'inscription ou de visioconférence."))
        return cleaned


class CafeBuilder(Builder):
    page_model = CafePage

    def country_code(self, data):
        return data.get("country", "")

    def target_parent(self, data, *, locale, country_code):
        return country_page(locale, country_code)

    def fill(self, page, data, contribution):
        for name in ("summary", "mode", "venue_name", "address", "postcode", "city", "region", "price",
                     "registration_url", "meeting_url"):
            setattr(page, name, data.get(name) or "")
        # The hours typed are those of the café's place: its country's zone, not the site's.
        page.time_zone = country_page(contribution.locale, self.country_code(data)).time_zone
        page.start, page.end = (timing.localise(timing.as_typed(data[name]), page.time_zone) for name in ("start", "end"))
        page.organiser = Organisation.objects.filter(
            locale=contribution.locale, name__iexact=data.get("organisation", "").strip()
        ).first()
        page.audiences = list(Audience.objects.filter(code__in=data.get("audiences", [])))
        page.accessibility_features = list(AccessibilityFeature.objects.filter(code__in=data.get("accessibility", [])))
        # The organiser's contact stays in the contribution, for the moderators only.

    def data_from_page(self, page, contribution) -> dict:
        """The form's values for what the café's page says now (an editor may have changed it since it was
        declared), for the organiser proposing changes; the rest from their declaration."""
        data = dict(contribution.data)
        data.update({name: getattr(page, name) for name in (
            "title", "summary", "mode", "venue_name", "address", "postcode", "city", "region", "price",
            "registration_url", "meeting_url")})
        data.update({name: timing.wall_clock(getattr(page, name), page.time_zone) for name in ("start", "end")})
        data["audiences"] = [a.code for a in page.audiences.all()]
        if page.organiser_id:
            data["organisation"] = page.organiser.name
        return data
