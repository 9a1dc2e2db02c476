"""The yearly synthesis page: figures computed from published cafés and reports, curated by editors."""
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from cafeia_site.models import BasePage


class SynthesisPage(BasePage):
    year = models.PositiveSmallIntegerField(_("année"), validators=[MinValueValidator(2024), MaxValueValidator(2100)])
    country_code = models.CharField(
        _("pays (code ISO)"), max_length=2, blank=True, help_text=_("Vide : synthèse nationale, tous pays confondus.")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    conclusion = models.TextField(_("ce que nous en retenons"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("year"), FieldPanel("country_code"), FieldPanel("introduction"), FieldPanel("conclusion"),
        InlinePanel("curations", label=_("Mise en forme des questions et propositions")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("conclusion")]
    parent_page_types = ["cafes.CafeIndexPage", "cafes.CountryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("synthèse annuelle")
        verbose_name_plural = _("synthèses annuelles")

    def get_context(self, request, *args, **kwargs):
        from ..synthesis import synthesis_context

        context = super().get_context(request, *args, **kwargs)
        context.update(synthesis_context(self, request))
        return context


class SynthesisCuration(Orderable):
    """Pins, hides or regroups one question or proposal on the page; the report itself is untouched."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        PROPOSAL = "proposal", _("proposition")

    class Action(models.TextChoices):
        PIN = "pin", _("mettre en avant")
        HIDE = "hide", _("masquer")
        GROUP = "group", _("classer dans un groupe")

    page = ParentalKey(SynthesisPage, on_delete=models.CASCADE, related_name="curations")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    line_id = models.PositiveIntegerField(_("numéro de la ligne"), help_text=_("Le numéro affiché après chaque ligne dans l'aperçu."))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices, default=Action.PIN)
    group = models.CharField(_("groupe"), max_length=100, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("line_id"), FieldPanel("action"), FieldPanel("group")]

    class Meta(Orderable.Meta):
        verbose_name = _("mise en forme")
