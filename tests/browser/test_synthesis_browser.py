"""The yearly synthesis page in a real browser: charts, tables, axe, in French and Arabic."""
import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_synthesis_page_passes_axe(page, language):
    from cafes.models import SynthesisPage

    synthesis_page = SynthesisPage.objects.get(locale__language_code=language, country_code="")
    page.goto(synthesis_page.url)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("figure.chart svg").count() >= 1
    assert axe_violations(page) == []
