"""Arabic pages write dates and figures with Western digits (0-9), as is usual in Morocco (README, partner countries)."""
import re

import pytest

from cafes.models import CafePage, CountryPage, SynthesisPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Text between tags (not attributes or URLs), where a reader sees dates and figures.
VISIBLE_NUMBER = re.compile(r">[^<]*\d[^<]*<")


def arabic_pages() -> dict[str, str]:
    maroc = CountryPage.objects.get(country_code="MA", locale__language_code="ar")
    cafe = CafePage.objects.live().descendant_of(maroc).filter(locale__language_code="ar").first()
    synthesis = SynthesisPage.objects.live().child_of(maroc).get()
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
