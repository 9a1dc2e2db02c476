"""The four kinds of contribution: each a public form and a builder of its draft page."""
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from cafes import timing
from cafes.models import Audience, CafePage, CafeReportPage, CountryPage, Organisation
from cafes.models.reports import ReportPhoto, ReportProposal, ReportQuestion
from home.lettre_models import TestimonyIndexPage, TestimonyPage
from ressources.choices import ResourceAudience, ResourceKind, Screens
from ressources.licences import LICENCE_CHOICES
from ressources.models import ResourceDocument, ResourceIndexPage, ResourcePage

from .builders import Builder, register
from .forms import ContributionForm, LinesField, page_id
from .models import Kind

STEP_SLOTS = 6


def _country_choices(language_code):
    pages = CountryPage.objects.live().filter(locale__language_code=language_code).order_by("title")
    return [(p.country_code, p.title) for p in pages]


def _country_page(locale, country_code):
    page = CountryPage.objects.filter(locale=locale, country_code=country_code).first()
    if page is None:
        raise ValidationError(_("Ce pays n'a pas encore de section sur le site."))
    return page


def _credit(data) -> str:
    mode = data.get("author_credit_mode", "anonymous")
    return "" if mode == "anonymous" else (data.get("author_credit") or "").strip()


class CreditFields(forms.Form):
    author_credit_mode = forms.ChoiceField(
        label=_("Comment vous citer"), widget=forms.RadioSelect, initial="name",
        choices=[("name", _("Sous mon nom")), ("pseudonym", _("Sous un pseudonyme")), ("anonymous", _("Anonymement"))],
    )
    author_credit = forms.CharField(label=_("Nom ou pseudonyme à afficher"), required=False, max_length=120)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("author_credit_mode") in ("name", "pseudonym") and not (cleaned.get("author_credit") or "").strip():
            self.add_error("author_credit", _("Indiquez le nom ou le pseudonyme à afficher, ou choisissez « anonymement »."))
        return cleaned


# --- Compte rendu ---------------------------------------------------------------------------
class ReportForm(ContributionForm, CreditFields):
    kind = Kind.REPORT
    label = _("Compte rendu d'un café")
    description = _("Racontez un café IA qui a eu lieu : qui était là, ce qui a été débattu, les questions et les propositions.")
    photo_slots = 5
    field_order = ["cafe", "cafe_name", "cafe_city", "cafe_region", "country", "date", "participants", "audiences",
                   "themes", "format", "summary", "questions", "proposals", "quotes"]

    cafe = forms.ModelChoiceField(
        label=_("Le café, s'il est sur la carte"), required=False, queryset=CafePage.objects.none(),
        empty_label=_("— Il n'est pas sur la carte —"),
    )
    cafe_name = forms.CharField(label=_("Sinon, son nom"), required=False, max_length=200)
    cafe_city = forms.CharField(label=_("Sa ville"), required=False, max_length=120)
    cafe_region = forms.CharField(label=_("Sa région ou son département"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Son pays"), required=False, choices=[])
    date = forms.DateField(label=_("Date du café"), widget=forms.DateInput(attrs={"type": "date"}))
    participants = forms.IntegerField(label=_("Nombre de participants"), required=False, min_value=0, max_value=100_000)
    audiences = forms.MultipleChoiceField(
        label=_("Publics présents"), required=False, widget=forms.CheckboxSelectMultiple, choices=Audience.CHOICES
    )
    themes = forms.CharField(
        label=_("Thèmes abordés"), required=False, max_length=300,
        help_text=_("Séparés par des virgules, par exemple : travail, éducation, désinformation."),
    )
    format = forms.ModelChoiceField(
        label=_("Format d'animation utilisé"), required=False, queryset=ResourcePage.objects.none(),
        empty_label=_("— Aucun ou autre —"),
    )
    summary = forms.CharField(label=_("Ce qui s'est passé"), widget=forms.Textarea(attrs={"rows": 8}), max_length=6000)
    questions = LinesField(label=_("Les questions posées par les participants"), help_text=_("Une question par ligne."))
    proposals = LinesField(label=_("Leurs propositions"), help_text=_("Une proposition par ligne."))
    quotes = LinesField(label=_("Paroles entendues"), help_text=_("Une citation par ligne, sans nom de personne."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.now()
        # A café's page links here with ?cafe=<its id>: that café is offered even when older than the list's range.
        named = page_id(self.data.get("cafe") if self.is_bound else self.query.get("cafe"))
        offered = Q(start__gte=now - timedelta(days=550)) | Q(pk=named or 0)
        self.fields["cafe"].queryset = (
            CafePage.objects.live().filter(offered, locale__language_code=self.language_code, start__lte=now)
            .order_by("-start").only("id", "title", "start", "city")
        )
        if not self.is_bound and named and self.fields["cafe"].queryset.filter(pk=named).exists():
            self.initial["cafe"] = named
        self.fields["cafe"].label_from_instance = lambda p: f"{p.title} — {p.city} ({p.start:%d/%m/%Y})" if p.city else p.title
        self.fields["country"].choices = [("", "—")] + _country_choices(self.language_code)
        self.fields["format"].queryset = ResourcePage.objects.live().filter(
            locale__language_code=self.language_code, kind=ResourceKind.FORMAT
        ).order_by("title").only("id", "title")

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate() + timedelta(days=1):
            raise ValidationError(_("Un compte rendu raconte un café qui a déjà eu lieu."))
        return value

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("cafe") and not (cleaned.get("cafe_name") and cleaned.get("cafe_city") and cleaned.get("country")):
            self.add_error("cafe_name", _("Choisissez le café dans la liste, ou donnez son nom, sa ville et son pays."))
        return cleaned

    def content_data(self):
        data = super().content_data()
        data["title"] = self.report_title(data)
        return data

    def report_title(self, data):
        cafe = self.cleaned_data.get("cafe")
        name = cafe.title if cafe else data.get("cafe_name", "")
        return str(_("Compte rendu : %(name)s") % {"name": name})


@register(Kind.REPORT)
class ReportBuilder(Builder):
    page_model = CafeReportPage

    def _cafe(self, data):
        return CafePage.objects.filter(pk=data.get("cafe")).first() if data.get("cafe") else None

    def country_code(self, data):
        cafe = self._cafe(data)
        if cafe is not None:
            return cafe.get_parent().specific.country_code
        return data.get("country", "")

    def target_parent(self, data, *, locale, country_code):
        return self._cafe(data) or _country_page(locale, country_code)

    def fill(self, page, data, contribution):
        page.date = parse_date(data["date"])
        page.participants = data.get("participants")
        page.summary = data.get("summary", "")
        page.author_credit = _credit(data)
        page.cafe_name = "" if data.get("cafe") else data.get("cafe_name", "")
        page.cafe_city = "" if data.get("cafe") else data.get("cafe_city", "")
        page.cafe_region = "" if data.get("cafe") else data.get("cafe_region", "")
        page.quotes = [("quote", {"text": q, "attribution": ""}) for q in data.get("quotes", [])]
        page.questions = [ReportQuestion(text=t) for t in data.get("questions", [])]
        page.proposals = [ReportProposal(text=t) for t in data.get("proposals", [])]
        page.audiences = list(Audience.objects.filter(code__in=data.get("audiences", [])))
        themes = [t.strip()[:100] for t in (data.get("themes") or "").split(",") if t.strip()]
        page.themes.set(themes[:15])
        if hasattr(page, "format_id"):
            page.format_id = data.get("format") or None

    def attach(self, page, *, photos, documents):
        if not photos:
            return []
        page.photos = [*page.photos.all(), *(
            ReportPhoto(image=image, alt_text=record.alt_text[:250], consent=record.consent) for record, image in photos
        )]
        return ["photos"]


# --- Format d'animation ---------------------------------------------------------------------
class FormatForm(ContributionForm):
    kind = Kind.FORMAT
    label = _("Format d'animation")
    description = _("Partagez une façon d'animer un café IA qui a marché, pour que d'autres la reprennent.")
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
        self.fields["country_code"].choices = [("", "—")] + _country_choices(self.language_code)
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


@register(Kind.FORMAT)
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


# --- Témoignage -----------------------------------------------------------------------------
class TestimonyForm(ContributionForm):
    kind = Kind.TESTIMONY
    label = _("Témoignage")
    description = _("« Le regard de… » : dites ce que les cafés IA vous ont apporté, ou ce que l'IA change pour vous.")
    photo_slots = 1

    person_name = forms.CharField(label=_("Votre nom, tel qu'il sera publié"), max_length=120)
    role = forms.CharField(label=_("Ce que vous faites"), max_length=200, help_text=_("Par exemple : bibliothécaire à Blois."))
    body = forms.CharField(label=_("Votre témoignage"), widget=forms.Textarea(attrs={"rows": 10}), max_length=6000)
    country_code = forms.ChoiceField(label=_("Votre pays"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country_code"].choices = [("", "—")] + _country_choices(self.language_code)

    def content_data(self):
        data = super().content_data()
        data["title"] = str(_("Le regard de %(name)s") % {"name": data["person_name"]})
        return data


@register(Kind.TESTIMONY)
class TestimonyBuilder(Builder):
    page_model = TestimonyPage

    def country_code(self, data):
        return data.get("country_code", "")

    def target_parent(self, data, *, locale, country_code):
        index = TestimonyIndexPage.objects.filter(locale=locale).first()
        if index is None:
            raise ValidationError(_("La page des témoignages n'existe pas dans cette langue."))
        return index

    def fill(self, page, data, contribution):
        page.person_name = data["person_name"]
        page.role = data["role"]
        page.body = data["body"]
        page.country_code = data.get("country_code", "")

    def attach(self, page, *, photos, documents):
        if not photos or page.photo_id is not None:
            return []  # a photo an editor chose stays
        page.photo = photos[0][1]
        return ["photo"]


# --- Déclarer un café -----------------------------------------------------------------------
class CafeForm(ContributionForm):
    kind = Kind.CAFE
    label = _("Déclarer un café")
    description = _("Vous organisez un café IA ? Ajoutez-le à la carte et à l'agenda.")

    title = forms.CharField(label=_("Nom du café"), max_length=200)
    summary = forms.CharField(label=_("En quelques mots"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))
    start = forms.DateTimeField(label=_("Début"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    end = forms.DateTimeField(label=_("Fin"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    mode = forms.ChoiceField(label=_("Sur place ou en ligne"), choices=CafePage.Mode.choices)
    venue_name = forms.CharField(label=_("Lieu"), required=False, max_length=200)
    address = forms.CharField(label=_("Adresse"), required=False, max_length=250)
    postcode = forms.CharField(label=_("Code postal"), required=False, max_length=12)
    city = forms.CharField(label=_("Ville"), required=False, max_length=120)
    region = forms.CharField(label=_("Région ou département"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Pays"), choices=[])
    organisation = forms.CharField(label=_("Structure organisatrice"), max_length=200)
    audiences = forms.MultipleChoiceField(
        label=_("Publics attendus"), required=False, widget=forms.CheckboxSelectMultiple, choices=Audience.CHOICES
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
        self.fields["country"].choices = _country_choices(self.language_code)

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
        if mode in (CafePage.Mode.ON_SITE, CafePage.Mode.HYBRID) and not cleaned.get("city"):
            self.add_error("city", _("Indiquez au moins la ville d'un café sur place."))
        if mode in (CafePage.Mode.ONLINE, CafePage.Mode.HYBRID) and not cleaned.get("meeting_url") and not cleaned.get("registration_url"):
            self.add_error("registration_url", _("Pour un café en ligne, donnez un lien d'inscription ou de visioconférence."))
        return cleaned


@register(Kind.CAFE)
class CafeBuilder(Builder):
    page_model = CafePage

    def country_code(self, data):
        return data.get("country", "")

    def target_parent(self, data, *, locale, country_code):
        return _country_page(locale, country_code)

    def fill(self, page, data, contribution):
        for name in ("summary", "mode", "venue_name", "address", "postcode", "city", "region", "price",
                     "registration_url", "meeting_url"):
            setattr(page, name, data.get(name) or "")
        # The hours typed are those of the café's place: its country's zone, not the site's.
        page.time_zone = _country_page(contribution.locale, self.country_code(data)).time_zone
        page.start, page.end = (timing.localise(timing.as_typed(data[name]), page.time_zone) for name in ("start", "end"))
        page.organiser = Organisation.objects.filter(
            locale=contribution.locale, name__iexact=data.get("organisation", "").strip()
        ).first()
        page.audiences = list(Audience.objects.filter(code__in=data.get("audiences", [])))
        # The organiser's contact stays in the contribution, for the moderators only.


FORMS_BY_SLUG = {
    "compte-rendu": ReportForm,
    "format": FormatForm,
    "temoignage": TestimonyForm,
    "cafe": CafeForm,
}
SLUG_BY_KIND = {form.kind: slug for slug, form in FORMS_BY_SLUG.items()}
