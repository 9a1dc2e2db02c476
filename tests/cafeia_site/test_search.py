"""Site search: results in the current language, and bad queries answered calmly."""
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


def test_search_finds_pages_of_the_current_language_only(client):
    fr = client.get("/fr/recherche/", {"q": "principes"}).content.decode()
    assert "/fr/quest-ce-que-cafe-ia/" in fr
    assert "/en/quest-ce-que-cafe-ia/" not in fr
    en = client.get("/en/recherche/", {"q": "principles"}).content.decode()
    assert "/en/quest-ce-que-cafe-ia/" in en
    assert "/fr/quest-ce-que-cafe-ia/" not in en


def test_empty_query_says_what_to_do(client):
    response = client.get("/fr/recherche/", {"q": "   "})
    assert response.status_code == 200
    assert "Tapez un ou plusieurs mots" in response.content.decode()


def test_overlong_query_is_cut_and_said_so(client):
    response = client.get("/fr/recherche/", {"q": "café " * 200})
    assert response.status_code == 200
    assert "trop longue" in response.content.decode()


def test_markup_in_the_query_is_never_reflected(client):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    html = client.get("/fr/recherche/", {"q": payload}).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999"])
def test_out_of_range_result_pages_do_not_fail(client, page):
    assert client.get("/fr/recherche/", {"q": "café", "page": page}).status_code == 200


def test_search_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get("/fr/recherche/", {"q": "café"})  # warm the shared caches, as in production
    with django_assert_max_num_queries(15):
        client.get("/fr/recherche/", {"q": "café"})
