"""The reader's first steps: on each language's home page, every call to action leads somewhere that answers."""
import pytest

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
