"""Benchmark of cafes.places on its full data: load time, then median and p95 of `find()` over varied queries (`make bench`).

Also runs alone, without the test database: `.venv/bin/python -m tests.perf.bench_places`.
"""
import random
import statistics
import time

import pytest

from cafes import places

pytestmark = [pytest.mark.perf]

FIXED = [
    ("FR", "22300"), ("FR", "223"), ("FR", "75015"), ("FR", "75"), ("FR", "97400"), ("FR", "lannion"),
    ("FR", "Lannion (22300)"), ("FR", "saint"), ("FR", "sa"), ("FR", "st denis"), ("FR", "Saint-Étienne"),
    ("FR", "valence"), ("FR", "ste marie"), ("FR", "la"), ("FR", "le"), ("FR", "paris"), ("FR", "99999"),
    ("FR", "<script>"), ("FR", "x" * 10_000), ("FR", "%"), ("MA", "casablanca"), ("MA", "الرباط"), ("MA", "ma"),
    ("MA", "fes"), ("MA", "الدار"), ("MA", "sidi"),
]


def queries(count: int = 400, seed: int = 18) -> list[tuple[str, str]]:
    """The fixed queries, then real names and postcodes of the data, whole, cut short, lower-cased, unaccented."""
    rng = random.Random(seed)
    france, morocco = places._index("FR").places, places._index("MA").places
    out = list(FIXED)
    while len(out) < count:
        country, pool = ("MA", morocco) if rng.random() < 0.2 else ("FR", france)
        place = rng.choice(pool)
        kind = rng.randrange(5)
        if kind == 0 and place.postcodes:
            text = rng.choice(place.postcodes)
        elif kind == 1 and place.postcodes:
            text = rng.choice(place.postcodes)[: rng.randint(2, 4)]
        elif kind == 2:
            text = place.name[: rng.randint(2, max(2, len(place.name)))]
        elif kind == 3:
            text = places.normalise(place.name)
        else:
            text = place.name_ar or place.name
        out.append((country, text))
    return out


def measure() -> dict[str, float]:
    places._index.cache_clear()  # as in a new process
    t = time.perf_counter()
    places._index("FR")
    places._index("MA")
    load_ms = (time.perf_counter() - t) * 1000
    samples = []
    for country, text in queries():
        t = time.perf_counter()
        places.find(country, text)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {"load_ms": load_ms, "queries": len(samples), "median_ms": statistics.median(samples),
            "p95_ms": samples[int(len(samples) * 0.95)], "max_ms": samples[-1]}


def report(result: dict[str, float]) -> str:
    return (f"[places] load {result['load_ms']:.0f} ms; find() over {result['queries']} queries: median "
            f"{result['median_ms']:.3f} ms, p95 {result['p95_ms']:.3f} ms, max {result['max_ms']:.2f} ms")


def test_places_bench():
    result = measure()
    print("\n" + report(result))
    assert result["p95_ms"] < 20
    assert result["load_ms"] < 3000


if __name__ == "__main__":
    print(report(measure()))
