"""The home page in a real browser: French and Arabic, the language switcher, and axe."""
import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_home_in_french_then_arabic_through_the_switcher(page):
    page.goto("/")
    assert page.url.endswith("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Langues").get_by_role("link", name="العربية").click()
    page.wait_for_url("**/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="اللغات").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_skip_link_moves_focus_to_the_content(page):
    page.goto("/fr/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/fr/quest-ce-que-cafe-ia/", "/ar/quest-ce-que-cafe-ia/", "/fr/recherche/?q=café", "/ar/nulle-part/"])
def test_pages_pass_axe(page, path):
    page.goto(path)
    assert axe_violations(page) == []
