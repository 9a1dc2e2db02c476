"""A report (compte rendu) of a café that took place: its form and the builder of its draft page."""
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from cafes.choices import AUDIENCES
from cafes.models import Audience, CafePage, CafeReportPage
from cafes.models.reports import ReportPhoto, ReportProposal, ReportQuestion
from ressources.choices import ResourceKind
from ressources.models import ResourcePage

from ..builders import Builder, country_page
from ..forms import ContributionForm, LinesField, country_choices, page_id


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


def _day(value) -> date | None:
    try:
        return parse_date(str(value or "")[:10])
    except ValueError:  # well formed, not a date (2026-02-30)
        return None


class ReportForm(ContributionForm, CreditFields):
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
    date = forms.DateField(label=_("Date du café"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    participants = forms.IntegerField(label=_("Nombre de participants"), required=False, min_value=0, max_value=100_000)
    audiences = forms.MultipleChoiceField(
        label=_("Publics présents"), required=False, widget=forms.CheckboxSelectMultiple, choices=AUDIENCES
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
        # The organiser's reminder also names the session's day (?date=2026-12-01); anything else is ignored.
        day = _day(self.query.get("date")) if not self.is_bound else None
        if day is not None and day <= timezone.localdate():
            self.initial["date"] = day
        self.fields["cafe"].label_from_instance = lambda p: f"{p.title} — {p.city} ({p.start:%d/%m/%Y})" if p.city else p.title
        self.fields["country"].choices = [("", "—")] + country_choices(self.language_code)
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
        return self._cafe(data) or country_page(locale, country_code)

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
        page.format_id = data.get("format") or None

    def attach(self, page, *, photos, documents):
        if not photos:
            return []
        page.photos = [*page.photos.all(), *(
            ReportPhoto(image=image, alt_text=record.alt_text[:250], consent=record.consent) for record, image in photos
        )]
        return ["photos"]
