"""Demo: the formats cafés and reports used, the yearly syntheses, and upcoming cafés on the home page."""
import json

from django.utils import timezone

from cafeia_site.demo import translate, upsert_page

from .models import CafePage, CafeReportPage, SynthesisPage
from .synthesis import current_year

TITLES = {
    "fr": ("Synthèse {year} des cafés IA", "Ce que les cafés IA ont débattu en {year} : les chiffres, les questions, les propositions."),
    "ar": ("توليفة مقاهي الذكاء الاصطناعي لسنة {year}", "ما ناقشته مقاهي الذكاء الاصطناعي في {year}: الأرقام والأسئلة والمقترحات."),
    "en": ("{year} synthesis of the cafés IA", "What the cafés IA debated in {year}: the figures, the questions, the proposals."),
}
MAROC = {
    "fr": ("Synthèse {year} des cafés IA au Maroc", "Les cafés IA du Maroc en {year}."),
    "ar": ("توليفة {year} لمقاهي الذكاء الاصطناعي في المغرب", "مقاهي الذكاء الاصطناعي في المغرب سنة {year}."),
    "en": ("{year} synthesis of the cafés IA in Morocco", "The cafés IA of Morocco in {year}."),
}


def _strings(table, year):
    fr_title, fr_intro = (t.format(year=year) for t in table["fr"])
    return {code: {fr_title: table[code][0].format(year=year), fr_intro: table[code][1].format(year=year)} for code in ("ar", "en")}


def _link_formats(resources: dict) -> None:
    formats = [page for page in resources.values() if page.kind == "format"]
    if not formats:
        return
    # Live pages only: a contribution's draft waiting for moderation must never be published by the demo.
    for i, report in enumerate(CafeReportPage.objects.live().filter(locale__language_code="fr", format__isnull=True, alias_of__isnull=True).order_by("pk")):
        report.format = formats[i % len(formats)]
        report.save_revision().publish()
    for i, cafe in enumerate(CafePage.objects.live().filter(locale__language_code="fr", format__isnull=True, alias_of__isnull=True, start__lt=timezone.now()).order_by("pk")[:12]):
        cafe.format = formats[(i + 1) % len(formats)]
        cafe.save_revision().publish()


def build(context: dict, stdout=None) -> None:
    _link_formats(context.get("resources", {}))
    year = current_year()
    index = context["cafe_index"]
    title, intro = (t.format(year=year) for t in TITLES["fr"])
    national = upsert_page(index, SynthesisPage, slug=f"synthese-{year}", title=title, introduction=intro, year=year, country_code="")
    translate(national, _strings(TITLES, year))
    maroc_page = context["countries"]["MA"]
    title, intro = (t.format(year=year) for t in MAROC["fr"])
    maroc = upsert_page(maroc_page, SynthesisPage, slug=f"synthese-{year}", title=title, introduction=intro, year=year, country_code="MA")
    translate(maroc, _strings(MAROC, year))

    home = context["home"].specific
    home.refresh_from_db()
    if "upcoming_cafes" not in {block.block_type for block in home.body}:
        blocks = list(home.body.raw_data)
        blocks.insert(1, {"type": "upcoming_cafes", "value": {"title": "Prochains cafés IA", "count": 3}})
        home.body = json.dumps(blocks)
        home.save_revision().publish()
        translate(home, {"ar": {"Prochains cafés IA": "مقاهي الذكاء الاصطناعي القادمة"}, "en": {"Prochains cafés IA": "Next cafés IA"}})
    context["syntheses"] = {"national": national, "MA": maroc}
