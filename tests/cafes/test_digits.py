"""Arabic pages write dates and figures with Western digits (0-9), as is usual in Morocco (README, partner countries)."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from cafes.models import CafeReportPage, SynthesisPage
from home.models import ArticleIndexPage, ArticlePage

from .factories import country, home, make_cafe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Text between tags (not attributes or URLs), where a reader sees dates and figures.
VISIBLE_NUMBER = re.compile(r">[^<]*\d[^<]*<")


def arabic_pages() -> dict[str, str]:
    """Arabic pages full of dates and figures: the home with its key figure, Morocco's page, a café, a synthesis
    and the lettre's news about Morocco."""
    maroc = country("MA", "ar")
    arabic_home = home("ar")
    arabic_home.body = [("upcoming_cafes", {"title": "المقاهي القادمة", "count": 3})]
    arabic_home.save()
    make_cafe(maroc, title="مقهى الذكاء الاصطناعي في الرباط", days=-30, city="الرباط")
    cafe = make_cafe(maroc, title="مقهى الذكاء الاصطناعي في فاس", city="فاس", postcode="30000", price="20 درهم")
    lettre = ArticleIndexPage.objects.descendant_of(arabic_home).get()
    lettre.add_child(instance=ArticlePage(title="الرباط تحتضن مقهى ذكاء اصطناعي", slug="rabat-2025", chapeau="…",
                                          date=dt.date(2025, 3, 12), country=country("MA")))
    held = dt.datetime(2025, 3, 4, 18, tzinfo=ZoneInfo("Africa/Casablanca"))
    in_2025 = make_cafe(maroc, title="مقهى الذكاء الاصطناعي في مكناس", city="مكناس", start=held, end=held + dt.timedelta(hours=2))
    in_2025.add_child(instance=CafeReportPage(title="حصيلة مقهى مكناس", slug="cr-meknes-2025", date=held.date(),
                                              participants=27, summary="…"))
    synthesis = SynthesisPage(title="حصيلة 2025", slug="synthese-2025", year=2025, country_code="MA")
    maroc.add_child(instance=synthesis)
    return {"home": "/ar/", "maroc": maroc.url, "cafe": cafe.url, "synthesis": synthesis.url,
            "lettre": "/ar/lettre/?pays=MA"}


@pytest.mark.parametrize("name", ["home", "maroc", "cafe", "synthesis", "lettre"])
def test_arabic_pages_use_western_digits_only(client, name):
    url = arabic_pages()[name]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ar"' in html
    found = EASTERN_DIGITS.findall(html)
    assert not found, (url, found[:10])
    # The page does show numbers to its reader (dates, counts), so the check above means something.
    assert VISIBLE_NUMBER.search(html), url


def test_the_check_recognises_eastern_digits():
    assert EASTERN_DIGITS.search("٢٠٢٥") and EASTERN_DIGITS.search("۲۰۲۵")
    assert not EASTERN_DIGITS.search("2025 مارس 12")
