"""RSS and Atom feeds of the lettre: valid XML, per language, full text, announced in <head>."""
import xml.etree.ElementTree as ET

import pytest

from tests.factories import translate_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def lettre(edition, make_article):
    """The edition and five news in fr, the edition in ar (from its fixture) and en."""
    for _ in range(5):
        make_article()
    translate_page(edition, "en", title="Cafés IA all over France")
    return edition


def test_rss_feed_parses_and_carries_full_text(client, lettre):
    response = client.get("/fr/lettre/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert len(items) >= 6
    by_title = {item.findtext("title"): item for item in items}
    edition = by_title["Lettre n° 3 : Des cafés IA partout en France"]
    assert edition.findtext("link") == "http://testserver/fr/lettre/lettre-3-partout-en-france/"
    description = edition.findtext("description")
    assert "huit cafés ont eu lieu" in description  # the body, not a summary
    assert 'src="http://testserver/media/' in description  # images usable outside the site


def test_atom_feed_parses_in_arabic(client, lettre):
    response = client.get("/ar/lettre/atom/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert any("مقاهي الذكاء الاصطناعي في كل أنحاء فرنسا" in t for t in titles)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary") is not None or entry.find(f"{ATOM}content") is not None


@pytest.mark.parametrize("path", ["/fr/lettre/", "/en/lettre/lettre-3-partout-en-france/"])
def test_lettre_pages_announce_their_feeds(client, lettre, path):
    html = client.get(path).content.decode()
    code = path.split("/")[1]
    assert '<link rel="alternate" type="application/rss+xml" title="' in html
    assert f'href="http://testserver/{code}/lettre/rss/"' in html
    assert f'href="http://testserver/{code}/lettre/atom/"' in html
