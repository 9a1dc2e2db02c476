"""The library index: every filter, combined filters in the URL, search, bad input, constant queries."""
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from ressources.models import ResourcePage

from .factories import bulk_resources, make_resource, recipe, resource_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

URL = "/fr/ressources/"


@pytest.fixture(scope="module")
def library(module_site_tree, django_db_blocker, tmp_path_factory):
    """The recipe (fr, ar, en) and a debate that needs screens, beside the tree's own resource (for the module)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        recipe()
        make_resource(title="Vrai ou faux ? Un débat sur les deepfakes", kind="format", with_screens="with",
                      summary="On regarde des vidéos truquées par des deepfakes, puis on en débat.")


def titles(client, query: str) -> set[str]:
    response = client.get(URL + query)
    assert response.status_code == 200
    return set(re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode()))


def test_index_lists_the_resources_in_each_language(client, library):
    assert "La recette infaillible pour organiser un café IA" in titles(client, "")
    html = client.get("/ar/ressources/").content.decode()
    assert "الوصفة المضمونة لتنظيم مقهى الذكاء الاصطناعي" in html
    assert 'dir="rtl"' in html
    assert "The foolproof recipe for running a café IA" in client.get("/en/ressources/").content.decode()


@pytest.mark.parametrize(
    ("query", "matching", "other"),
    [
        ("?kind=video", {"kind": "video"}, {"kind": "guide"}),
        ("?kind=reading-list", {"kind": "reading-list"}, {"kind": "format"}),
        ("?audience=seniors", {"audience": "seniors"}, {"audience": "youth"}),
        ("?duration=lt30", {"duration_minutes": 20}, {"duration_minutes": 45}),
        ("?duration=30-60", {"duration_minutes": 60}, {"duration_minutes": 90}),
        ("?duration=60-120", {"duration_minutes": 90}, {"duration_minutes": 150}),
        ("?duration=gt120", {"duration_minutes": 150}, {"duration_minutes": 120}),
        ("?group=50", {"group_min": 40, "group_max": 60}, {"group_min": 5, "group_max": 12}),
        ("?group=50", {"group_min": 30}, {"group_max": 12}),
        ("?screens=without", {"with_screens": "without"}, {"with_screens": "with"}),
        ("?screens=with", {"with_screens": "with"}, {"with_screens": "without"}),
        ("?licence=cc0", {"licence": "cc0"}, {"licence": "cc-by-nc-4.0"}),
        ("?licence=permission", {"licence": "permission"}, {"licence": "author-terms"}),
        ("?theme=environment", {"themes": ["environment"]}, {"themes": ["work"]}),
        ("?tag=zzessai", {"tags": ["zzessai"]}, {"tags": ["autre"]}),
        ("?tag=ZZESSAI", {"tags": ["zzessai"]}, {"tags": ["autre"]}),
    ],
)
def test_each_filter_keeps_only_matching_resources(client, query, matching, other):
    make_resource(title="Celle qui correspond", **matching)
    make_resource(title="Celle qui ne correspond pas", **other)
    found = titles(client, query)
    assert "Celle qui correspond" in found
    assert "Celle qui ne correspond pas" not in found


def test_filters_combine(client):
    make_resource(title="Format court sans écran", kind="format", duration_minutes=20, with_screens="without")
    make_resource(title="Format court avec écrans", kind="format", duration_minutes=20, with_screens="with")
    make_resource(title="Vidéo courte sans écran", kind="video", duration_minutes=20, with_screens="without")
    found = titles(client, "?kind=format&duration=lt30&screens=without")
    assert "Format court sans écran" in found
    assert "Format court avec écrans" not in found
    assert "Vidéo courte sans écran" not in found


def test_filters_stay_in_the_url_of_the_next_page(client):
    bulk_resources(20, kind="tool", audience="seniors")
    html = client.get(URL + "?kind=tool&audience=seniors").content.decode()
    assert "20 ressources" in html
    next_link = re.search(r'<a href="([^"]+)" rel="next">', html)[1]
    assert "kind=tool" in next_link and "audience=seniors" in next_link and "page=2" in next_link
    assert '<option value="tool" selected>' in html


def test_search_finds_resources_by_their_words(client, library):
    found = titles(client, "?q=deepfakes")
    assert "Vrai ou faux ? Un débat sur les deepfakes" in found
    assert "La recette infaillible pour organiser un café IA" not in found


def test_search_combines_with_filters(client, library):
    assert titles(client, "?q=deepfakes&screens=without") == set()
    assert "Vrai ou faux ? Un débat sur les deepfakes" in titles(client, "?q=deepfakes&screens=with")


@pytest.mark.parametrize(
    "query",
    ["?kind=spaceship", "?audience=martians", "?duration=forever", "?group=-3", "?group=abc",
     "?screens=holograms", "?licence=wtfpl", "?theme=cooking", "?tag=nulle-part"],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, library, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "a été ignoré" in html
    whole = ResourcePage.objects.live().child_of(resource_index()).count()
    assert whole >= 3 and f"{whole} ressources" in html  # the whole library: the bad filter did not apply


def test_ignored_filter_message_is_translated(client):
    html = client.get("/ar/ressources/?kind=spaceship").content.decode()
    assert "spaceship" in html
    assert "a été ignoré" not in html
    html = client.get("/en/ressources/?kind=spaceship").content.decode()
    assert "was ignored" in html


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999999", "1e9"])
def test_bad_page_numbers_show_a_page_and_a_message(client, page):
    response = client.get(URL + f"?page={page}")
    assert response.status_code == 200
    assert "voici la" in response.content.decode()


def test_markup_in_the_query_is_escaped(client):
    html = client.get(URL + "?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html


def test_a_very_long_query_is_shortened_not_refused(client):
    response = client.get(URL + "?q=" + "ia " * 300)
    assert response.status_code == 200


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("query", ["", "?kind=tool&duration=30-60&group=10&tag=bulk&theme=work&licence=cc-by-4.0"])
def test_index_query_count_is_constant_from_20_to_500_resources(client, query):
    bulk_resources(20, kind="tool", licence="cc-by-4.0")
    client.get(URL + query)  # warm the caches (site root, chrome)
    with_20 = _count_queries(client, URL + query)
    assert with_20 <= 20
    bulk_resources(480, kind="tool", licence="cc-by-4.0")
    client.get(URL + query)
    with_500 = _count_queries(client, URL + query)
    assert with_500 == with_20
    html = client.get(URL + query).content.decode()
    assert "#<bdi>" in html  # the cards do show their prefetched tags
