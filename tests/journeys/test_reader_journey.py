"""The reader's first steps: on each language's home page, every call to action leads somewhere that answers;
in Arabic, every Moroccan café on the map and in the agenda, translated or not."""
import pytest
from playwright.sync_api import expect

from tests.browser_harness import ARTIFACTS

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_db")]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_every_call_to_action_of_the_home_page_leads_somewhere(no_js_page, language):
    tab = no_js_page
    tab.goto(f"/{language}/")
    assert tab.locator("html").get_attribute("lang") == language
    calls = tab.locator("main .cta")
    assert calls.count() >= 1, "the home page shows its calls to action"
    dead_ends = [calls.nth(i).inner_text()[:60] for i in range(calls.count()) if calls.nth(i).locator("a[href]").count() == 0]
    assert dead_ends == [], f"calls to action without a link: {dead_ends}"

    hrefs = tab.locator("main .cta a[href], main .hero a[href], main a.button[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert hrefs
    for href in dict.fromkeys(hrefs):
        response = tab.request.get(href)
        assert response.status == 200, f"{href} answered {response.status}"
        assert response.url.startswith(tab.url.split(f"/{language}/")[0]), f"{href} left the site"

    tab.locator("main .cta a[href]").first.click()
    tab.wait_for_load_state()
    assert tab.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_home_page_passes_axe(page, language):
    # axe runs in the page: this one has JavaScript on.
    page.goto(f"/{language}/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert axe_violations(page) == []


def _rtl_and_clean(page):
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []


def test_an_arabic_reader_sees_every_moroccan_cafe_on_the_map_and_in_the_agenda(page):
    """Every live Moroccan café, translated or not, is on the Arabic map and in the Arabic agenda; the pages
    that mix Arabic chrome and French text pass axe."""
    from cafes import selectors
    from cafes.models import CafePage

    in_french = selectors.cafes_filtered(locale="fr", when="all", country="MA").count()
    untranslated = CafePage.objects.live().filter(locale__language_code="ar", alias_of__isnull=False)
    assert untranslated.exists()  # the demo has Moroccan cafés with no Arabic version
    page.goto("/fr/cafes/?country=MA&when=all")
    page.wait_for_selector(".cafe-map[data-markers]", timeout=15000)
    markers_in_french = int(page.locator(".cafe-map").get_attribute("data-markers"))
    page.goto("/ar/cafes/?country=MA&when=all")
    page.wait_for_selector(".cafe-map[data-markers]", timeout=15000)
    # Cafés without a position (declared through the form) are in the list, not on the map.
    assert int(page.locator(".cafe-map").get_attribute("data-markers")) == markers_in_french >= 9
    assert page.locator(".cafe-card").count() == in_french
    expect(page.locator(".cafe-card [lang='fr']").first).to_be_visible()
    _rtl_and_clean(page)
    page.screenshot(path=str(ARTIFACTS / "maroc_cafes_ar.png"), full_page=True)

    page.goto("/fr/cafes/agenda/")
    in_french_agenda = page.locator(".agenda .cafe-card").count()
    page.goto("/ar/cafes/agenda/")
    assert page.locator(".agenda .cafe-card").count() == in_french_agenda > 0
    _rtl_and_clean(page)

    cafe = untranslated.filter(path__startswith=selectors.countries(locale="ar")[-1].path).first() or untranslated.first()
    page.goto(cafe.url)
    _rtl_and_clean(page)
    expect(page.locator(".source-language-notice")).to_be_visible()
    expect(page.locator("h1")).to_have_attribute("lang", "fr")
    page.screenshot(path=str(ARTIFACTS / "untranslated_cafe_ar.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_pages_that_mix_languages_pass_axe(page, language):
    """The lettre, the resources and the search, in Arabic and English, where some cards are shown in French;
    and a French-only page read in that language."""
    from cafes.models import CafeReportPage

    for path in (f"/{language}/lettre/", f"/{language}/ressources/", f"/{language}/recherche/?q=caf%C3%A9"):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path
    untranslated = CafeReportPage.objects.live().filter(locale__language_code=language, alias_of__isnull=False).first()
    if untranslated is not None:
        page.goto(untranslated.url)
        expect(page.locator(".source-language-notice")).to_be_visible()
        assert axe_violations(page) == []
