"""The café map and list in a real browser: markers from the vendored Leaflet, the list without JS, axe in fr and ar."""
import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_index_map_shows_markers_and_clusters(page):
    page.goto("/fr/cafes/?when=all")
    page.wait_for_selector(".cafe-map[data-markers]", timeout=15000)
    assert int(page.locator(".cafe-map").get_attribute("data-markers")) >= 40
    # Leaflet drew markers, grouped in clusters where they are close.
    visible = page.locator(".cafe-map .leaflet-marker-icon")
    assert visible.count() > 0
    clusters = page.locator(".cafe-map .marker-cluster")
    assert clusters.count() > 0
    assert page.locator(".cafe-map .leaflet-tile").count() == 0  # no tile URL configured: no tiles requested
    assert not page.get_by_text("La carte a besoin de JavaScript").is_visible()
    # Every marker and cluster has an accessible name: a cluster is a button saying how many cafés it holds.
    first = clusters.first
    count = first.inner_text().strip()
    assert first.get_attribute("role") == "button"
    assert first.get_attribute("aria-label") == f"{count} cafés ici : agrandir la carte pour les voir"
    assert all(marker.get_attribute("alt") for marker in page.locator(".cafe-map img.leaflet-marker-icon").all())


def test_cafe_page_map_shows_its_marker(page):
    page.goto("/fr/cafes/france/lyon-2/")
    page.wait_for_selector(".cafe-map .leaflet-marker-icon", timeout=15000)
    assert page.locator(".cafe-map .leaflet-marker-icon").count() == 1


def test_map_follows_the_filters(page):
    page.goto("/fr/cafes/?country=MA&when=all")
    page.wait_for_selector(".cafe-map[data-markers]", timeout=15000)
    markers = int(page.locator(".cafe-map").get_attribute("data-markers"))
    assert 5 <= markers < 20


def test_list_and_filters_work_without_javascript(browser, server_url):
    context = browser.new_context(base_url=server_url, java_script_enabled=False, locale="fr-FR")
    tab = context.new_page()
    try:
        tab.goto("/fr/cafes/")
        assert tab.locator(".cafe-list .cafe-card").count() == 20
        tab.locator("summary", has_text="Filtrer les cafés").click()
        tab.select_option("#id_country", "MA")
        tab.get_by_role("button", name="Filtrer").click()
        tab.wait_for_url("**country=MA**")
        cards = tab.locator(".cafe-list .cafe-card")
        assert cards.count() > 0
        assert all("Maroc" in text for text in cards.all_inner_texts())
        tab.goto("/fr/cafes/?when=all")
        tab.get_by_role("link", name="Suivant").click()
        tab.wait_for_url("**page=2**")
        assert tab.locator(".cafe-list .cafe-card").count() > 0
        assert tab.locator(".cafe-map .leaflet-marker-icon").count() == 0
        # No empty framed box: the map stays hidden, and a note says the list has the same cafés.
        assert not tab.locator(".cafe-map").is_visible()
        assert tab.get_by_text("La carte a besoin de JavaScript").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/fr/cafes/", "/ar/cafes/", "/fr/cafes/france/lyon-2/", "/ar/cafes/france/lyon-2/",
                                  "/fr/cafes/agenda/", "/fr/cafes/structures/loir-et-cher-tech/"])
def test_cafe_pages_pass_axe(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
