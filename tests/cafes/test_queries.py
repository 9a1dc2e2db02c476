"""The café index and a café page run the same number of SQL queries however many cafés exist."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


def count_queries(client, url) -> int:
    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_cafes(n: int):
    """`n` cafés in both countries, from two organisers, half of them around Blois (postcode 41000)."""
    orgs = [organisation(), organisation()]
    for i in range(n):
        make_cafe(country("FR" if i % 2 else "MA"), title=f"Café en masse {i}", organiser=orgs[i % 2],
                  audiences=["seniors", "jeunes"], tags=[f"tag{i}", "masse"], postcode="41000" if i % 2 else "10000")


@pytest.mark.parametrize("url", ["/fr/cafes/", "/fr/cafes/?when=all&audience=seniors&tag=masse", "/fr/cafes/?near=41000",
                                 "/fr/cafes/france/", "/fr/cafes/agenda/", "/data/cafes.geojson", "/data/cafes.csv"])
def test_listing_query_count_does_not_grow_with_cafes(client, url, django_assert_max_num_queries):
    add_cafes(5)  # so every filter matches something before the growth
    before = count_queries(client, url)
    add_cafes(10)  # three times as many
    after = count_queries(client, url)
    assert after == before, (before, after)
    # A country page also reads its news, organisers and synthesis (tests/cafes/test_country_page.py).
    with django_assert_max_num_queries(30 if url == "/fr/cafes/france/" else 25):
        client.get(url)


def test_cafe_page_query_count_does_not_grow_with_cafes(client, django_assert_max_num_queries):
    cafe = make_cafe(organiser=organisation(), audiences=["seniors"], tags=["a", "b"])
    add_cafes(5)
    before = count_queries(client, cafe.url)
    add_cafes(10)  # three times as many
    assert count_queries(client, cafe.url) == before
    with django_assert_max_num_queries(27):  # 25, its accessibility features and its changed dates
        client.get(cafe.url)
