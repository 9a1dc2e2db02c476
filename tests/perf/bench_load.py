"""Load benchmark (`make bench`): gunicorn, production settings, PostgreSQL, demo + generated volume, wrk.

Prints one table: for each page, requests/s and p50/p95 latency at 20 connections on 2 workers, served
from the page cache and rendered (the cache bypassed), SQL queries, HTML bytes and bytes over the wire, and
the ratios to a vanilla Wagtail page (`wagtail start`, title-only template, same gunicorn and PostgreSQL)
measured in the same run (issue 19): rendered ≥ 0.5 × vanilla, page cache ≥ 5 × vanilla. Then the home page's whole transfer and the contribution load.
BENCH_SECONDS (default 10) sets each wrk run's length; BENCH_REBUILD=1 rebuilds the database.
"""
import os
import shutil
import subprocess

import pytest

from .load import contributions, reference, run

pytestmark = pytest.mark.perf

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONTRIBUTION_SECONDS = int(os.environ.get("BENCH_CONTRIBUTION_SECONDS", "60"))
P95_TARGET_MS = 200
RENDERED_TARGET = 0.5  # rendered req/s over the vanilla page's
CACHED_TARGET = 5.0  # page-cache req/s over the vanilla page's
VANILLA = "vanilla Wagtail (wagtail start)"
FLOOR = "floor (fixed string)"
HOME_TRANSFER_TARGET = 100 * 1024


def _postgres_answers() -> bool:
    return shutil.which("pg_isready") is not None and subprocess.run(
        ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0


def _kb(n) -> str:
    return "—" if n is None else f"{n / 1024:.1f}"


def _mark(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def _measure_vanilla(base: str) -> dict:
    """The vanilla page has no page cache: one wrk run, in the shape of run.measure_page's rows."""
    url = base + "/"
    renders = [run.fetch(url) for _ in range(4)]
    assert renders[-1].status == 200
    gz, br = run.compressed_sizes(renders[-1].body)
    return {
        "path": "/", "queries": min(int(r.headers["x-queries"]) for r in renders), "queries_cached": "—",
        "cache": "-", "cache_control": renders[-1].headers.get("cache-control", ""), "etag": False,
        "bytes": len(renders[-1].body), "gzip_served": None, "gzip": gz, "brotli": br,
        "cached": None, "rendered": run.wrk(url, SECONDS),
    }


def test_load():
    if shutil.which("wrk") is None:
        pytest.skip("wrk is not installed (Debian package `wrk`)")
    if not _postgres_answers():
        pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
    urls = run.prepare_database(os.environ.get("BENCH_REBUILD") == "1")
    # Measured alone, before the site starts, so that both have the machine to themselves.
    with reference.vanilla_wagtail(run.WORKERS) as vbase:
        vanilla = _measure_vanilla(vbase)
    with run.gunicorn() as base:
        rows = {VANILLA: vanilla, FLOOR: run.measure_page(base, "/banc-d-essai/plancher/", SECONDS)}
        rows.update({name: run.measure_page(base, path, SECONDS) for name, path in urls.items()})
        transfer = run.home_transfer(base)
        load = contributions.run(base, seconds=CONTRIBUTION_SECONDS)

    ref = vanilla["rendered"]["rps"]
    lines = [
        f"\n## Load: gunicorn {run.WORKERS} sync workers, production settings, PostgreSQL, wrk {run.CONNECTIONS} "
        f"connections without pause, {SECONDS} s per run, on {os.cpu_count()} cores shared with wrk\n",
        "| page | cached req/s | p50 ms | p95 ms | rendered req/s | p50 ms | p95 ms | cached / vanilla | rendered / vanilla "
        "| SQL (rendered / cached) | HTML KB | gzip KB (served) | brotli KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    failures = []
    for name, row in rows.items():
        c, r = row["cached"], row["rendered"]
        ratio_r = r["rps"] / ref
        targeted = name not in (VANILLA, FLOOR, "bare")
        ok_r = "" if not targeted or ratio_r >= RENDERED_TARGET else " **NO**"
        if c is None:
            cached_cells, ratio_c_cell = "— | — | —", "—"
        else:
            ratio_c = c["rps"] / ref
            ok_c = "" if not targeted or ratio_c >= CACHED_TARGET else " **NO**"
            cached_cells = f"{c['rps']:.0f} | {c['p50_us'] / 1000:.1f} | {c['p95_us'] / 1000:.1f}"
            ratio_c_cell = f"{ratio_c:.2f}{ok_c}"
        lines.append(
            f"| {name} `{row['path']}` | {cached_cells} "
            f"| {r['rps']:.0f} | {r['p50_us'] / 1000:.1f} | {r['p95_us'] / 1000:.1f} | {ratio_c_cell} | {ratio_r:.2f}{ok_r} "
            f"| {row['queries']} / {row['queries_cached']} | {_kb(row['bytes'])} | {_kb(row['gzip_served'])} "
            f"| {_kb(row['brotli'])} |"
        )
        for mode in ("cached", "rendered"):
            errors = {k: v for k, v in (row[mode] or {}).items() if k.startswith("errors_") and v}
            if errors:
                failures.append(f"{name} {mode}: {errors}")
        if name not in (VANILLA, FLOOR) and row["cache"] != "hit":
            failures.append(f"{name}: not served from the page cache ({row['cache']})")

    pages = {k: v for k, v in rows.items() if k not in (VANILLA, FLOOR, "bare")}
    worst_cached = min(v["cached"]["rps"] / ref for v in pages.values())
    worst_rendered = min(v["rendered"]["rps"] / ref for v in pages.values())
    worst_p95 = max(v["cached"]["p95_us"] for v in pages.values()) / 1000
    worst_rendered_p95 = max(v["rendered"]["p95_us"] for v in pages.values()) / 1000
    lines += [
        "",
        f"- reference: vanilla Wagtail {ref:.0f} req/s, {vanilla['queries']} SQL queries; fixed-string view "
        f"{rows[FLOOR]['rendered']['rps']:.0f} req/s",
        f"- every page rendered at least {RENDERED_TARGET:.1f} × vanilla: worst {worst_rendered:.2f} → "
        f"{_mark(worst_rendered >= RENDERED_TARGET)}",
        f"- every page from the page cache at least {CACHED_TARGET:.0f} × vanilla: worst {worst_cached:.2f} → "
        f"{_mark(worst_cached >= CACHED_TARGET)}",
        f"- p95 under {P95_TARGET_MS} ms at {run.CONNECTIONS} connections (page cache): worst {worst_p95:.0f} ms → "
        f"{_mark(worst_p95 < P95_TARGET_MS)}; rendered every time: worst {worst_rendered_p95:.0f} ms",
        f"- cacheable: {', '.join(sorted({v['cache_control'] for v in pages.values()}))}; "
        f"ETag on every page: {_mark(all(v['etag'] for v in pages.values()))}",
        f"- home page transfer without images: {_kb(transfer['total'])} KB (HTML {_kb(transfer['html'])} KB gzip + "
        + ", ".join(f"{a['url'].rsplit('/', 1)[-1]} {_kb(a['bytes'])} KB {a['encoding']}" for a in transfer["assets"])
        + f") → {_mark(transfer['total'] < HOME_TRANSFER_TARGET)}",
        f"- static files fingerprinted and compressed: "
        f"{_mark(all(a['fingerprinted'] and a['immutable'] and a['encoding'] != 'identity' for a in transfer['assets']))}",
        "",
        f"## Contributions: {load['submitters']} submitters for {load['seconds']} s (20 addresses of their own, "
        f"one address shared by 5), limit {contributions.LIMIT_PER_HOUR} per address and hour\n",
        "| POSTs | accepted (302) | of which sent twice | refused by the rate limit (429) | other | stored | "
        "stored distinct | all accepted stored, once | most accepted from one address | shared address | "
        "POST p50 / p95 ms |",
        "| ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |",
        f"| {load['posts']} | {load['accepted']} | {load['sent_twice']} | {load['rate_limited']} | "
        f"{', '.join(load['other']) or '—'} | {load['stored']} | {load['stored_distinct']} | "
        f"{_mark(load['all_accepted_stored'] and load['stored'] == load['stored_distinct'])} | "
        f"{load['max_per_address']} | {load['shared_address_accepted']} | "
        f"{load['post_p50_ms']:.0f} / {load['post_p95_ms']:.0f} |",
    ]
    print("\n".join(lines))

    # Correctness is asserted, and the speed targets too: they are ratios to a page measured in the same run.
    if worst_rendered < RENDERED_TARGET:
        failures.append(f"rendered {worst_rendered:.2f} × vanilla < {RENDERED_TARGET}")
    if worst_cached < CACHED_TARGET:
        failures.append(f"page cache {worst_cached:.2f} × vanilla < {CACHED_TARGET}")
    assert not failures, failures
    assert load["all_accepted_stored"] and load["stored"] == load["stored_distinct"]
    assert load["max_per_address"] <= contributions.LIMIT_PER_HOUR
    assert load["shared_address_accepted"] <= contributions.LIMIT_PER_HOUR
    assert load["rate_limited"] > 0 and not load["other"]
