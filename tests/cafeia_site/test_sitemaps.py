"""A sitemap per language behind one index, listing only live pages of that language."""
from urllib.parse import urlparse

import pytest
from defusedxml import ElementTree as ET

from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locs(response):
    assert response.status_code == 200
    return [el.text for el in ET.fromstring(response.content).findall(".//sm:loc", NS)]


def test_sitemap_index_lists_one_sitemap_per_language(client):
    locs = _locs(client.get("/sitemap.xml"))
    assert sorted(loc.rsplit("/", 1)[-1] for loc in locs) == ["sitemap-ar.xml", "sitemap-en.xml", "sitemap-fr.xml"]


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_each_language_sitemap_lists_its_own_pages_only(client, code):
    # Absolute URLs on the Wagtail site's host name (set it in Settings → Sites in production).
    paths = [urlparse(loc).path for loc in _locs(client.get(f"/sitemap-{code}.xml"))]
    assert f"/{code}/" in paths
    assert all(path.startswith(f"/{code}/") for path in paths)
    assert any("/cafes/" in path for path in paths)


def test_drafts_never_reach_the_sitemap(client, module_site_tree):
    home = module_site_tree.home["fr"]
    draft = StandardPage(title="Brouillon secret", slug="brouillon-secret", live=False)
    home.add_child(instance=draft)
    assert not any("brouillon-secret" in loc for loc in _locs(client.get("/sitemap-fr.xml")))


def test_unknown_language_sitemap_is_a_404(client):
    assert client.get("/sitemap-de.xml").status_code == 404
