"""Benchmark of the café section: 2,000 cafés for query counts, 10,000 for the GeoJSON feed (`make bench`)."""
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cafes.models import CafePage, CountryPage
from cafes.signals import bump_data_version

from . import volume

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

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

    volume.cafes(france, 2000 - total)
    at_2000 = CafePage.objects.live().filter(locale__language_code="fr").count()
    index_2000, cafe_2000 = queries(client, "/fr/cafes/"), queries(client, cafe_url)
    index_ms = timed(client, "/fr/cafes/")
    print(f"\n[cafes] {total} cafés: index {base_index[0]} queries, café page {base_cafe[0]} queries")
    print(f"[cafes] {at_2000} cafés: index {index_2000[0]} queries, {index_2000[1] / 1024:.1f} KB HTML, {index_ms:.0f} ms; "
          f"café page {cafe_2000[0]} queries")
    assert index_2000[0] == base_index[0]
    assert cafe_2000[0] == base_cafe[0]
    assert index_2000[1] < 60 * 1024

    volume.cafes(france, 10000 - at_2000, first=100000)
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

