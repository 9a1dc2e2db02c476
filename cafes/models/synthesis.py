"""The yearly synthesis page: figures computed from published cafés and reports, curated by editors."""
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from cafeia_site.localisation import live_titles
from cafeia_site.models import BasePage
from cafeia_site.vocabulary import term_labels

from ..choices import AUDIENCES, CurationAction, SynthesisLineKind
from ..synthesis.charts import bars
from ..synthesis.figures import figures_for, grouped_lines


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

    def curation(self) -> tuple[set, set, dict]:
        """The editors' choices: the lines hidden, the lines pinned, and each regrouped line's group."""
        hidden, pinned, groups = set(), set(), {}
        for c in self.curations.all():
            key = (c.kind, c.line_id)
            if c.action == CurationAction.HIDE:
                hidden.add(key)
            elif c.action == CurationAction.PIN:
                pinned.add(key)
            elif c.group:
                groups[key] = c.group
        return hidden, pinned, groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures = figures_for(year=self.year, country_code=self.country_code)
        hidden, pinned, groups = self.curation()
        highlighted, grouped = grouped_lines(figures, hidden=hidden, pinned=pinned, groups=groups)
        shown_reports = {line.report_id for line in highlighted["question"] + highlighted["proposal"]}
        for _theme, kinds in grouped:
            shown_reports |= {line.report_id for lines in kinds.values() for line in lines}
        report_pages = Page.objects.filter(pk__in=shown_reports).select_related("locale")
        audience_labels = dict(AUDIENCES)
        # Themes (and the editors' groups) by their labels, formats by their titles, in the reader's language.
        language = get_language()
        labels = term_labels(language=language)
        format_titles = live_titles([pk for pk, _title, _n in figures.formats], language=language)
        context.update({
            "figures": figures,
            "highlighted": highlighted,
            "grouped": [(labels[theme] if theme else theme, kinds) for theme, kinds in grouped],
            "formats": [(format_titles.get(pk, title), n) for pk, title, n in figures.formats],
            "report_links": {p.pk: (p.title, p.get_url(request)) for p in report_pages},
            "region_bars": bars([(r or "—", n) for r, n in figures.cafes_by_region]),
            "month_bars": bars([(str(MONTHS.get(m, m)), n) for m, n in figures.cafes_by_month]),
            "audience_rows": [(audience_labels.get(code, code), r, p) for code, r, p in figures.by_audience],
            "audience_bars": bars([(audience_labels.get(code, code), r) for code, r, _p in figures.by_audience]),
            "theme_bars": bars([(labels[theme], n) for theme, n in figures.themes]),
            "is_empty": not figures.cafes_held and not figures.reports,
        })
        return context


class SynthesisCuration(Orderable):
    """Pins, hides or regroups one question or proposal on the page; the report itself is untouched."""

    page = ParentalKey(SynthesisPage, on_delete=models.CASCADE, related_name="curations")
    kind = models.CharField(_("type"), max_length=10, choices=SynthesisLineKind.choices)
    line_id = models.PositiveIntegerField(_("numéro de la ligne"), help_text=_("Le numéro affiché après chaque ligne dans l'aperçu."))
    action = models.CharField(_("action"), max_length=10, choices=CurationAction.choices, default=CurationAction.PIN)
    group = models.CharField(_("groupe"), max_length=100, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("line_id"), FieldPanel("action"), FieldPanel("group")]

    class Meta(Orderable.Meta):
        verbose_name = _("mise en forme")
