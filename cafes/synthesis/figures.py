"""The yearly synthesis: figures computed in the database from published cafés and reports only.

A café or report translated into several languages counts once (one row per translation key).
Figures are cached and the cache is dropped whenever a café or a report is published or unpublished.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Min, Q, Subquery, Sum
from django.db.models.functions import ExtractMonth, Lower
from django.utils import timezone

# The synthesis page model imports this module: bind the models package, not its names (a cycle).
from .. import models
from ..choices import CafeStatus
from ..signals import bump_data_version, data_version

CACHE_SECONDS = 60 * 60 * 24
TOP_THEMES = 12
TOP_FORMATS = 10
NO_THEME = ""


@dataclass(frozen=True)
class Line:
    kind: str  # "question" or "proposal"
    id: int
    text: str
    report_id: int


@dataclass
class Figures:
    year: int
    country_code: str
    cafes_held: int = 0
    cafes_by_region: list[tuple[str, int]] = field(default_factory=list)
    cafes_by_month: list[tuple[int, int]] = field(default_factory=list)
    outside_capital: int = 0
    capital: str = ""
    reports: int = 0
    participants_total: int = 0
    participants_known: int = 0
    by_audience: list[tuple[str, int, int]] = field(default_factory=list)  # code, reports, participants
    formats: list[tuple[int, str, int]] = field(default_factory=list)  # resource id, title, reports
    themes: list[tuple[str, int]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    line_themes: dict[int, list[str]] = field(default_factory=dict)  # report id → its themes

    @property
    def outside_capital_share(self) -> float | None:
        return None if not self.cafes_held or not self.capital else self.outside_capital / self.cafes_held

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "country": self.country_code or None,
            "cafes_held": self.cafes_held,
            "cafes_by_region": [{"region": r or None, "cafes": n} for r, n in self.cafes_by_region],
            "cafes_by_month": [{"month": m, "cafes": n} for m, n in self.cafes_by_month],
            "capital": self.capital or None,
            "cafes_outside_capital": self.outside_capital,
            "reports": self.reports,
            "participants_total": self.participants_total,
            "reports_with_participants": self.participants_known,
            "by_audience": [{"audience": a, "reports": r, "participants": p} for a, r, p in self.by_audience],
            "formats": [{"resource_id": i, "title": t, "reports": n} for i, t, n in self.formats],
            "themes": [{"theme": t, "reports": n} for t, n in self.themes],
        }


def invalidate() -> None:
    bump_data_version()


def _country_scope(country_code: str) -> tuple[Q, str]:
    if not country_code:
        return Q(), ""
    pages = list(models.CountryPage.objects.filter(country_code=country_code).values_list("path", "capital"))
    if not pages:
        return Q(pk__in=[]), ""
    scope = Q()
    for path, _capital in pages:
        scope |= Q(path__startswith=path)
    capitals = [c for _p, c in pages if c]
    return scope, capitals[0] if capitals else ""


def _one_per_translation(qs):
    """Keep one row per translation key (the oldest), so a translated page counts once."""
    # order_by() first: an ordering column would join the GROUP BY and split the groups.
    return qs.model.objects.filter(pk__in=Subquery(qs.order_by().values("translation_key").annotate(first=Min("pk")).values("first")))


def published_cafes(*, year: int, country_code: str = ""):
    scope, _ = _country_scope(country_code)
    held = (
        models.CafePage.objects.live().filter(scope, start__year=year, start__lt=timezone.now())
        .exclude(status=CafeStatus.CANCELLED)
    )
    return _one_per_translation(held)


def published_reports(*, year: int, country_code: str = ""):
    scope, _ = _country_scope(country_code)
    return _one_per_translation(models.CafeReportPage.objects.live().filter(scope, date__year=year))


def compute(*, year: int, country_code: str = "") -> Figures:
    _scope, capital = _country_scope(country_code)
    cafes = published_cafes(year=year, country_code=country_code)
    reports = published_reports(year=year, country_code=country_code)
    figures = Figures(year=year, country_code=country_code, capital=capital)
    figures.cafes_held = cafes.count()
    figures.cafes_by_region = list(
        cafes.values_list("region").annotate(n=Count("pk")).order_by("-n", "region")
    )
    figures.cafes_by_month = list(
        cafes.annotate(month=ExtractMonth("start")).values_list("month").annotate(n=Count("pk")).order_by("month")
    )
    if capital:
        figures.outside_capital = cafes.exclude(city__iexact=capital).count()
    totals = reports.aggregate(n=Count("pk"), known=Count("participants"), total=Sum("participants"))
    figures.reports, figures.participants_known = totals["n"], totals["known"]
    figures.participants_total = totals["total"] or 0
    # From the audience side, one join through the reports: a report with two audiences counts once in each.
    figures.by_audience = [
        (code, n, p or 0)
        for code, n, p in models.Audience.objects.filter(reports__in=reports)
        .annotate(n=Count("reports"), p=Sum("reports__participants"))
        .values_list("code", "n", "p").order_by("-n", "code")
    ]
    figures.formats = list(
        reports.filter(format__isnull=False).values_list("format_id", "format__title")
        .annotate(n=Count("pk")).order_by("-n", "format__title")[:TOP_FORMATS]
    )
    figures.themes = list(
        models.ReportTheme.objects.filter(content_object__in=reports).annotate(name=Lower("tag__name"))
        .values_list("name").annotate(n=Count("content_object", distinct=True)).order_by("-n", "name")[:TOP_THEMES]
    )
    figures.lines = [
        Line("question", pk, text, page_id)
        for pk, text, page_id in models.ReportQuestion.objects.filter(page__in=reports).values_list("pk", "text", "page_id").order_by("page_id", "sort_order")
    ] + [
        Line("proposal", pk, text, page_id)
        for pk, text, page_id in models.ReportProposal.objects.filter(page__in=reports).values_list("pk", "text", "page_id").order_by("page_id", "sort_order")
    ]
    line_themes: dict[int, list[str]] = {}
    for report_id, name in models.ReportTheme.objects.filter(content_object__in=reports).values_list("content_object_id", "tag__name"):
        line_themes.setdefault(report_id, []).append(name.lower())
    figures.line_themes = {k: sorted(v) for k, v in line_themes.items()}
    return figures


def figures_for(*, year: int, country_code: str = "") -> Figures:
    key = f"synthesis:{data_version()}:{year}:{country_code or 'all'}"
    return cache.get_or_set(key, lambda: compute(year=year, country_code=country_code), CACHE_SECONDS)


def cafes_held(*, year: int, country_code: str = "") -> int:
    """The one figure the home page shows, cached on its own: reading the whole figures back costs more."""
    key = f"synthesis-held:{data_version()}:{year}:{country_code or 'all'}"
    return cache.get_or_set(key, lambda: figures_for(year=year, country_code=country_code).cafes_held, CACHE_SECONDS)


def grouped_lines(figures: Figures, *, hidden: set[tuple[str, int]] = frozenset(), pinned: set[tuple[str, int]] = frozenset(),
                  groups: dict[tuple[str, int], str] | None = None, per_group: int | None = 20):
    """Questions and proposals by theme (a line goes under its report's first theme), curated by editors."""
    groups = groups or {}
    out: dict[str, dict[str, list[Line]]] = {}
    highlighted = {"question": [], "proposal": []}
    for line in figures.lines:
        key = (line.kind, line.id)
        if key in hidden:
            continue
        if key in pinned:
            highlighted[line.kind].append(line)
            continue
        theme = groups.get(key) or (figures.line_themes.get(line.report_id) or [NO_THEME])[0]
        out.setdefault(theme, {"question": [], "proposal": []})[line.kind].append(line)
    ordered = sorted(out.items(), key=lambda kv: (kv[0] == NO_THEME, -sum(len(v) for v in kv[1].values()), kv[0]))
    if per_group is not None:
        ordered = [(t, {k: v[:per_group] for k, v in d.items()}) for t, d in ordered]
    return highlighted, ordered


def current_year() -> int:
    return timezone.localdate().year
