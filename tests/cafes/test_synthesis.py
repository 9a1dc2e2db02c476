"""The yearly synthesis: figures on a known set of cafés and reports, compared with hand-computed values."""
import csv
import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cafes import synthesis
from cafes.models import Audience, CafePage, CafeReportPage, CountryPage, SynthesisPage
from cafes.models.reports import ReportProposal, ReportQuestion
from cafes.selectors import cafe_count_held

from .factories import country, make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def zland(module_site_tree):
    """A country of its own ("ZZ", capital Zedville), so that the other cafés of the tree do not blur the counts."""
    index = module_site_tree.cafes["fr"]
    country = CountryPage(title="Zédie", slug="zedie", country_code="ZZ", capital="Zedville")
    index.add_child(instance=country)
    country.save_revision().publish()

    def cafe(title, city, region, when, status=CafePage.Status.SCHEDULED, live=True):
        page = CafePage(title=title, slug=title.lower().replace(" ", "-"), city=city, region=region, status=status,
                        start=when, end=when.replace(hour=when.hour + 2), live=live)
        country.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page

    def report(parent, title, when, participants, audiences=(), themes=(), questions=(), proposals=(), live=True):
        page = CafeReportPage(title=title, slug=title.lower().replace(" ", "-"), date=when, participants=participants,
                              summary="…", cafe_name="" if parent is not country else title, cafe_city="" if parent is not country else "Ailleurs", live=live)
        page.audiences = list(Audience.objects.filter(code__in=audiences))
        page.themes.set(list(themes))
        page.questions = [ReportQuestion(text=t) for t in questions]
        page.proposals = [ReportProposal(text=t) for t in proposals]
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page

    a = cafe("Cafe A", "Zedville", "Centre", datetime(2025, 3, 4, 18, tzinfo=PARIS))
    b = cafe("Cafe B", "Bourg", "Nord", datetime(2025, 3, 20, 18, tzinfo=PARIS))
    c = cafe("Cafe C", "Hameau", "Nord", datetime(2025, 6, 1, 10, tzinfo=PARIS))
    cafe("Cafe annule", "Bourg", "Nord", datetime(2025, 5, 1, 10, tzinfo=PARIS), status=CafePage.Status.CANCELLED)
    cafe("Cafe brouillon", "Bourg", "Nord", datetime(2025, 5, 2, 10, tzinfo=PARIS), live=False)
    cafe("Cafe 2024", "Bourg", "Nord", datetime(2024, 5, 2, 10, tzinfo=PARIS))
    report(a, "CR A", date(2025, 3, 4), 12, ["seniors"], ["Travail", "santé"], ["Q1", "Q2"], ["P1"])
    report(b, "CR B", date(2025, 3, 20), 30, ["seniors", "etudiants"], ["travail"], ["Q3"], [])
    report(c, "CR C", date(2025, 6, 1), None, ["etudiants"], [], ["Q4"], ["P2"])
    report(country, "CR hors carte", date(2025, 9, 9), 8, [], ["école"], [], ["P3"])
    report(a, "CR refuse", date(2025, 3, 4), 500, ["seniors"], ["travail"], ["secret"], ["secret"], live=False)
    synthesis.invalidate()
    return country


def test_figures_match_hand_computed_values(zland):
    f = synthesis.compute(year=2025, country_code="ZZ")
    assert f.cafes_held == 3  # A, B, C; not the cancelled one, the draft, nor 2024's
    assert f.cafes_by_region == [("Nord", 2), ("Centre", 1)]
    assert f.cafes_by_month == [(3, 2), (6, 1)]
    assert (f.capital, f.outside_capital) == ("Zedville", 2)
    assert f.reports == 4
    assert (f.participants_total, f.participants_known) == (50, 3)
    assert f.by_audience == [("seniors", 2, 42), ("etudiants", 2, 30)] or f.by_audience == [("etudiants", 2, 30), ("seniors", 2, 42)]
    assert f.themes == [("travail", 2), ("santé", 1), ("école", 1)]
    texts = sorted(line.text for line in f.lines)
    assert texts == ["P1", "P2", "P3", "Q1", "Q2", "Q3", "Q4"]
    assert "secret" not in texts


def test_unpublishing_a_report_drops_it_from_the_cached_figures(zland):
    assert synthesis.figures_for(year=2025, country_code="ZZ").reports == 4
    CafeReportPage.objects.get(title="CR B", alias_of__isnull=True).unpublish()  # its aliases follow
    assert synthesis.figures_for(year=2025, country_code="ZZ").reports == 3


def test_year_without_data_is_an_honest_empty_state(client, zland):
    page = SynthesisPage(title="Synthèse 2031", slug="synthese-2031", year=2031, country_code="ZZ")
    zland.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Aucun café ni compte rendu publié pour 2031" in html


def test_synthesis_page_shows_figures_lines_and_curation(client, zland):
    page = SynthesisPage(title="Synthèse 2025", slug="synthese-2025", year=2025, country_code="ZZ")
    q2 = ReportQuestion.objects.get(text="Q2", page__alias_of__isnull=True)  # not its aliases' copies
    p3 = ReportProposal.objects.get(text="P3", page__alias_of__isnull=True)
    from cafes.models import SynthesisCuration

    page.curations = [SynthesisCuration(kind="question", line_id=q2.pk, action="hide"),
                      SynthesisCuration(kind="proposal", line_id=p3.pk, action="pin")]
    zland.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "nombre connu pour 3 comptes rendus sur 4" in html
    assert "Q1" in html and "Q2" not in html
    assert html.index("Mises en avant") < html.index("P3")
    assert "<svg" in html and 'role="img"' in html and "<table" in html
    assert "secret" not in html


def test_exports_parse_back_and_agree_with_the_page(client, zland):
    data = json.loads(client.get("/data/synthese.json", {"year": 2025, "country": "ZZ"}).content)
    assert data["cafes_held"] == 3 and data["reports"] == 4 and data["participants_total"] == 50
    rows = list(csv.DictReader(io.StringIO(client.get("/data/synthese.csv", {"year": 2025, "country": "zz"}).content.decode())))
    totals = {r["key"]: r["value"] for r in rows if r["section"] == "total"}
    assert totals["cafes_held"] == "3" and totals["reports_with_participants"] == "3"
    for bad in ({"year": "abc"}, {"year": "1999"}, {"country": "<script>"}):
        response = client.get("/data/synthese.json", bad)
        assert response.status_code == 400 and b"<script>" not in response.content


def test_synthesis_query_count_is_bounded(client, zland, django_assert_max_num_queries):
    page = SynthesisPage(title="Synthèse Z", slug="synthese-z", year=2025, country_code="ZZ")
    zland.add_child(instance=page)
    page.save_revision().publish()
    synthesis.invalidate()
    with django_assert_max_num_queries(60):
        client.get(page.url)  # cold: figures computed
    with django_assert_max_num_queries(25):
        client.get(page.url)  # warm: figures from the cache


def test_home_synthesis_exports_and_csv_agree_on_the_cafes_held_this_year(client, module_site_tree):
    home = module_site_tree.home["fr"]
    home.body = [("upcoming_cafes", {"title": "Prochains cafés IA", "count": 3})]  # where the home shows the figure
    home.save()
    now = timezone.now()
    year = synthesis.current_year()
    # Held this year, between its first day and now: two in France, one in Morocco; a cancelled one does not count.
    first_day = datetime(year, 1, 1, tzinfo=now.tzinfo)
    for i, parent in enumerate((country("FR"), country("FR"), country("MA"), country("FR"))):
        start = first_day + (now - first_day) * (i + 1) / 6
        make_cafe(parent, start=start, end=start + (now - start) / 2,
                  status=CafePage.Status.CANCELLED if i == 3 else CafePage.Status.SCHEDULED)
    synthesis.invalidate()
    held = synthesis.figures_for(year=year).cafes_held
    assert held > 0
    assert cafe_count_held(locale="fr", year=year) == held
    assert f"<strong>{held}</strong>" in client.get("/fr/").content.decode()
    assert json.loads(client.get("/data/synthese.json", {"year": year}).content)["cafes_held"] == held
    now = now.isoformat()
    rows = list(csv.DictReader(io.StringIO(client.get("/data/cafes.csv", {"when": "all"}).content.decode().lstrip("\ufeff"))))
    from_csv = [r for r in rows if r["start"].startswith(str(year)) and r["start"] < now and r["status"] != "annule"]
    assert len(from_csv) == held
