"""Reports (comptes rendus) of a café: who came, what was asked, what was proposed."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cafeia_site.api_fields import api_value, content_language, term_labels_field
from cafeia_site.blocks import QuoteBlock
from cafeia_site.models import BasePage

from .cafe import CafePage
from .country import CountryPage


class ReportTheme(TaggedItemBase):
    content_object = ParentalKey("cafes.CafeReportPage", related_name="tagged_themes", on_delete=models.CASCADE)


class CafeReportForm(WagtailAdminPageForm):
    """At creation the page is not in the tree yet: the form knows its parent, the model does not."""

    def clean(self):
        cleaned = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is not None and parent.specific_class is CountryPage:
            if not (cleaned.get("cafe_name") and cleaned.get("cafe_city")):
                self.add_error("cafe_name", UNLISTED_CAFE_MESSAGE)
        return cleaned


UNLISTED_CAFE_MESSAGE = _("Pour un café qui n'a pas sa page, indiquez au moins son nom et sa ville.")


class CafeReportPage(BasePage):
    """A compte rendu: under its café, or under a country for a café that was never listed."""

    date = models.DateField(_("date du café"))
    participants = models.PositiveIntegerField(_("nombre de participants"), null=True, blank=True,
                                               help_text=_("Laissez vide si vous ne savez pas."))
    audiences = ParentalManyToManyField("cafes.Audience", verbose_name=_("publics présents"), blank=True, related_name="reports")
    themes = ClusterTaggableManager(through=ReportTheme, blank=True, verbose_name=_("thèmes abordés"))
    format = models.ForeignKey(
        "ressources.ResourcePage", verbose_name=_("format d'animation utilisé"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="reports", limit_choices_to={"kind": "format"},
    )
    summary = models.TextField(_("ce qui s'est passé"), blank=True)
    quotes = StreamField([("quote", QuoteBlock())], blank=True, verbose_name=_("paroles entendues"))
    author_credit = models.CharField(_("rédigé par"), max_length=200, blank=True, help_text=_("Vide : anonyme."))
    cafe_name = models.CharField(_("nom du café"), max_length=200, blank=True,
                                 help_text=_("Seulement si le café n'a pas sa page sur le site."))
    cafe_city = models.CharField(_("ville du café"), max_length=120, blank=True)
    cafe_region = models.CharField(_("région du café"), max_length=120, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("cafe_name"), FieldPanel("cafe_city"), FieldPanel("cafe_region")],
                        heading=_("Café non répertorié")),
        FieldPanel("date"),
        FieldPanel("participants"),
        FieldPanel("audiences"),
        FieldPanel("format"),
        FieldPanel("themes"),
        FieldPanel("summary"),
        InlinePanel("questions", heading=_("Questions posées"), label=_("question")),
        InlinePanel("proposals", heading=_("Propositions"), label=_("proposition")),
        FieldPanel("quotes"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        FieldPanel("author_credit"),
    ]
    # Only the public fields of a report reach the API (no contact, no author, no photos of people).
    api_fields = [
        *(APIField(name) for name in ("date", "participants", "summary", "cafe_name", "cafe_city", "cafe_region")),
        api_value("themes", "theme_names"),
        term_labels_field("theme_labels", "theme_names"),
        api_value("questions", "question_texts"),
        api_value("proposals", "proposal_texts"),
        content_language(),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("participants"), SynchronizedField("audiences")]
    parent_page_types = ["cafes.CafePage", "cafes.CountryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("compte rendu")
        verbose_name_plural = _("comptes rendus")

    base_form_class = CafeReportForm

    def clean(self):
        super().clean()
        # Only once saved: while add_child() saves a new page, a refusal here would be a server error.
        parent = self.get_parent() if self.pk else None
        if parent is not None and parent.specific_class is CountryPage and not (self.cafe_name and self.cafe_city):
            raise ValidationError({"cafe_name": UNLISTED_CAFE_MESSAGE})

    @cached_property
    def cafe(self):
        parent = self.get_parent()
        return parent.specific if parent and parent.specific_class is CafePage else None

    # --- what the API adds: with api_queryset's prefetch, a listing costs the same for 3 or 300 reports ---
    @classmethod
    def api_queryset(cls, queryset):
        return queryset.prefetch_related("questions", "proposals", "tagged_themes__tag")

    @property
    def theme_names(self) -> list[str]:
        return sorted(item.tag.name for item in self.tagged_themes.all())

    @property
    def question_texts(self) -> list[str]:
        return [line.text for line in self.questions.all()]

    @property
    def proposal_texts(self) -> list[str]:
        return [line.text for line in self.proposals.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cafe"] = self.cafe
        context["questions"] = list(self.questions.all())
        context["proposals"] = list(self.proposals.all())
        context["photos"] = [p for p in self.photos.select_related("image").all() if p.consent]
        context["report_audiences"] = list(self.audiences.all())
        context["report_themes"] = list(self.themes.all())
        return context


class _ReportLine(Orderable):
    text = models.TextField(_("texte"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.text[:80]


class ReportQuestion(_ReportLine):
    page = ParentalKey(CafeReportPage, on_delete=models.CASCADE, related_name="questions")

    class Meta(_ReportLine.Meta):
        verbose_name = _("question")


class ReportProposal(_ReportLine):
    page = ParentalKey(CafeReportPage, on_delete=models.CASCADE, related_name="proposals")

    class Meta(_ReportLine.Meta):
        verbose_name = _("proposition")


class ReportPhoto(Orderable):
    page = ParentalKey(CafeReportPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(_("description de l'image"), max_length=250,
                                help_text=_("Ce que montre la photo, pour qui ne la voit pas."))
    consent = models.BooleanField(_("les personnes reconnaissables ont donné leur accord"), default=False,
                                  help_text=_("Sans cet accord, la photo n'est pas publiée."))

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("consent")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
