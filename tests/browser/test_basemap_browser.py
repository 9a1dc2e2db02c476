"""The base map without tiles, in a real browser: outlines under the markers, city names, nothing from outside."""
import os
from pathlib import Path

import pytest

from tests.browser_harness import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Screenshots to look at, next to the harness's own (CAFEIA_WALK_DIR to put them elsewhere).
WALK = Path(os.environ.get("CAFEIA_WALK_DIR", ARTIFACTS / "walk"))


def _wait_for_map(page, path):
    page.goto(path)
    page.wait_for_selector(".cafe-map[data-basemap-drawn][data-markers]", timeout=15000)


def test_index_draws_the_base_map_under_the_markers(page):
    _wait_for_map(page, "/fr/cafes/?when=all")
    assert page.locator(".cafe-map .leaflet-tile").count() == 0
    # The outlines are SVG paths in their own pane, below the markers' and not reachable by keyboard or mouse.
    paths = page.locator(".cafe-map .leaflet-cafeBase-pane svg path")
    assert paths.count() > 50
    panes = page.evaluate("""() => {
        const z = name => +getComputedStyle(document.querySelector('.cafe-map .leaflet-' + name + '-pane')).zIndex;
        return {base: z('cafeBase'), labels: z('cafeBaseLabels'), markers: z('marker'), overlay: z('overlay')};
    }""")
    assert panes["base"] < panes["labels"] < panes["markers"]
    assert page.locator(".cafe-map .leaflet-cafeBase-pane").get_attribute("aria-hidden") == "true"
    assert page.locator(".cafe-map .leaflet-cafeBase-pane .leaflet-interactive").count() == 0
    assert page.locator(".cafe-map .leaflet-cafeBase-pane [tabindex], .cafe-map .leaflet-cafeBaseLabels-pane [tabindex]").count() == 0
    # City names, more of them once zoomed in.
    labels = page.locator(".cafe-map .cafe-map__city")
    for name in ("Paris", "Rabat"):  # the capitals; a larger city too close to one waits for a closer zoom
        labels.filter(has_text=name).wait_for(state="attached")  # a 0×0 anchor: "hidden" to Playwright
    before = labels.count()
    page.locator(".cafe-map .leaflet-control-zoom-in").click()
    for _ in range(50):  # the CSP forbids wait_for_function's eval: poll
        if labels.count() > before:
            break
        page.wait_for_timeout(100)
    assert labels.count() > before
    assert "Natural Earth" in page.locator(".cafe-map .leaflet-control-attribution").inner_text()
    # Markers stay named by their café.
    titles = [m.get_attribute("title") for m in page.locator(".cafe-map img.leaflet-marker-icon").all()]
    assert titles and all(titles)


def test_country_page_loads_only_its_own_base_map(page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    _wait_for_map(page, "/ar/cafes/maroc/?when=all")
    basemap = sorted(Path(url.split("?")[0]).name.split(".")[0] for url in requested if "/cafes/basemap/" in url
                     and url.split("?")[0].endswith(".geojson"))
    assert basemap == ["ma", "world"]
    # The capital's name wins over a larger city's; in the page's language, marked as Arabic, right to left.
    rabat = page.locator(".cafe-map .cafe-map__city span", has_text="الرباط")
    rabat.wait_for(state="attached")
    assert (rabat.get_attribute("lang"), rabat.get_attribute("dir")) == ("ar", "rtl")
    assert page.locator(".cafe-map .cafe-map__city", has_text="Rabat").count() == 0


@pytest.mark.parametrize(("path", "name", "lang"), [("/fr/cafes/maroc/?when=all", "Tanger", "fr"),
                                                    ("/en/cafes/maroc/?when=all", "Tangier", "en"),
                                                    ("/ar/cafes/france/?when=all", "باريس", "ar")])
def test_city_names_follow_the_page_language(page, path, name, lang):
    _wait_for_map(page, path)
    label = page.locator(".cafe-map .cafe-map__city span", has_text=name)
    label.wait_for(state="attached")
    assert label.first.get_attribute("lang") == lang


def test_popup_gives_the_time_in_the_cafes_zone(page):
    _wait_for_map(page, "/fr/cafes/maroc/?when=all")
    page.locator(".cafe-map img.leaflet-marker-icon").first.click()
    assert "(heure de Casablanca)" in page.locator(".cafe-map .cafe-popup__when").inner_text()


@pytest.mark.parametrize(("lang", "words"), [("fr", "Accessibilité : "), ("ar", "إمكانية الوصول: ")])
def test_popup_names_the_accessibility_features(page, lang, words):
    # Only cafés with sign language (two in the demo, Paris): the first marker or cluster leads to one.
    _wait_for_map(page, f"/{lang}/cafes/france/?when=all&accessibilite=lsf")
    line = page.locator(".cafe-map .cafe-popup__access")
    for _ in range(3):  # a click while the map still zooms to its markers can miss: click again
        page.locator(".cafe-map img.leaflet-marker-icon").first.click()
        if line.count():
            break
        page.wait_for_timeout(1000)
    line.wait_for()
    text = line.inner_text()
    assert text.startswith(words) and len(text) > len(words) + 3
    assert line.locator("*").count() == 0  # text only: the feed's words are never markup


@pytest.mark.parametrize(("path", "name"), [("/fr/cafes/?when=all", "index"), ("/fr/cafes/france/?when=all", "france"),
                                            ("/ar/cafes/maroc/?when=all", "maroc"), ("/ar/cafes/?when=all", "index-ar"),
                                            ("/fr/cafes/france/lyon-2/", "cafe")])
def test_screenshots_of_the_base_map(page, path, name):
    page.set_viewport_size({"width": 1100, "height": 900})
    _wait_for_map(page, path)
    page.wait_for_load_state("networkidle")
    if WALK.is_dir():
        page.locator(".cafe-map").screenshot(path=str(WALK / f"basemap-{name}.png"))
