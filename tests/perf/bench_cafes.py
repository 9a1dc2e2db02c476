"""Benchmark of the café section: 2,000 cafés for query counts, 10,000 for the GeoJSON feed (`make bench`)."""
import statistics
import time
import uuid
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from cafes.models import CafePage, CountryPage
from cafes.signals import bump_data_version

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

BATCH = 400


def bulk_cafes(country: CountryPage, n: int, *, first: int = 0):
    """n live cafés under `country`, written with bulk inserts (treebeard paths computed here)."""
    country.refresh_from_db()
    content_type = ContentType.objects.get_for_model(CafePage)
    start_step = country.numchild + 1
    now = timezone.now()
    pages = []
    for i in range(n):
        step = start_step + i
        slug = f"bench-{first + i}"
        pages.append(Page(
            title=f"Café de banc d'essai {first + i}", draft_title=f"Café de banc d'essai {first + i}", slug=slug,
            path=Page._get_path(country.path, country.depth + 1, step), depth=country.depth + 1, numchild=0,
            url_path=f"{country.url_path}{slug}/", content_type=content_type, locale_id=country.locale_id,
            live=True, has_unpublished_changes=False, translation_key=uuid.uuid4(), first_published_at=now,
            last_published_at=now,
        ))
    created = []
    for k in range(0, n, BATCH):
        created += Page.objects.bulk_create(pages[k:k + BATCH])
    fields = list(CafePage._meta.local_concrete_fields)
    rows = []
    for i, page in enumerate(created):
        start = now + timezone.timedelta(days=1 + i % 300, hours=i % 7)
        cafe = CafePage(page_ptr_id=page.pk, start=start, end=start + timezone.timedelta(minutes=90), time_zone="Europe/Paris",
                        status="prevu", mode="sur-place", city=f"Ville {i % 500}", region=f"Région {i % 13}",
                        postcode=f"{10 + i % 80}000", latitude=Decimal("42") + Decimal(i % 900) / 100,
                        longitude=Decimal("-4") + Decimal(i % 1100) / 100, approximate_location=i % 10 == 0,
                        location="", description="[]")
        cafe.page_ptr = page
        rows.append(cafe)
    for k in range(0, n, BATCH):
        CafePage.objects._insert(rows[k:k + BATCH], fields=fields, using="default")
    CountryPage.objects.filter(pk=country.pk).update(numchild=country.numchild + n)


def queries(client, url) -> tuple[int, int]:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.content)


def timed(client, url, runs=7) -> float:
    client.get(url)
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def _timed_once(client, url, **headers) -> float:
    t = time.perf_counter()
    client.get(url, **headers)
    return (time.perf_counter() - t) * 1000


def test_cafes_bench(client):
    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    cafe_url = CafePage.objects.get(locale__language_code="fr", slug="lyon-2").url
    base_index, base_cafe = queries(client, "/fr/cafes/"), queries(client, cafe_url)
    total = CafePage.objects.live().filter(locale__language_code="fr").count()

    bulk_cafes(france, 2000 - total)
    at_2000 = CafePage.objects.live().filter(locale__language_code="fr").count()
    index_2000, cafe_2000 = queries(client, "/fr/cafes/"), queries(client, cafe_url)
    index_ms = timed(client, "/fr/cafes/")
    print(f"\n[cafes] {total} cafés: index {base_index[0]} queries, café page {base_cafe[0]} queries")
    print(f"[cafes] {at_2000} cafés: index {index_2000[0]} queries, {index_2000[1] / 1024:.1f} KB HTML, {index_ms:.0f} ms; "
          f"café page {cafe_2000[0]} queries")
    assert index_2000[0] == base_index[0]
    assert cafe_2000[0] == base_cafe[0]
    assert index_2000[1] < 60 * 1024

    bulk_cafes(france, 10000 - at_2000, first=100000)
    count = CafePage.objects.live().filter(locale__language_code="fr").count()
    url = "/data/cafes.geojson?when=all"
    body = client.get(url).content
    size = len(body)
    gz = len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content)
    cold = []
    for _ in range(3):
        bump_data_version()  # as after an editor publishes a café: the next request rebuilds the feed
        t = time.perf_counter()
        client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        cold.append((time.perf_counter() - t) * 1000)
    cold_ms = statistics.median(cold)
    geo_ms = timed(client, url, runs=7)  # served from the cache, decompressed for a client without gzip
    gz_ms = statistics.median([_timed_once(client, url, HTTP_ACCEPT_ENCODING="gzip") for _ in range(7)])
    print(f"[cafes] GeoJSON of {count} cafés: {size / 1024:.0f} KB, {gz / 1024:.0f} KB gzipped; rebuilt after a change "
          f"{cold_ms:.0f} ms, cached {gz_ms:.0f} ms gzipped / {geo_ms:.0f} ms plain (medians)")
    index_10k = queries(client, "/fr/cafes/")
    print(f"[cafes] {count} cafés: index {index_10k[0]} queries, {index_10k[1] / 1024:.1f} KB, {timed(client, '/fr/cafes/'):.0f} ms")
    assert gz < 400 * 1024
    assert gz_ms < 300 and geo_ms < 300

