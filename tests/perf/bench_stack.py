"""Benchmark of the production topology (`make bench`): Varnish, one or two gunicorn instances, Redis, PostgreSQL.

On the benchmark's database (demo + volume, tests/perf/load/run.py), in one run: the vanilla Wagtail page
and the fixed-string view as references; each page through the front cache, from the page cache of one
instance, and rendered through the front with two instances then one; then a publish under load (hit rate,
time until the new title is served by the front and by each instance).
"""
import os
import shutil
import time

import pytest

from scripts.stack import REPO, Stack, missing_tools
from tests.stack.load import PUBLISH, Load, get, time_to_fresh

from .load import reference, run

pytestmark = pytest.mark.perf

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PORTS = {"front": 8300, "app1": 8301, "app2": 8302, "redis": 8379, "s3": 8390}


def _stack() -> Stack:
    static_root = str(REPO / ".stack-bench" / "static")
    stack = Stack(database=run.DB_NAME, ports=PORTS, settings="tests.perf.load.settings",
                  extra_env={"BENCH_STATIC_ROOT": static_root})
    stack.root = REPO / ".stack-bench"
    return stack


def _publish_under_load(stack: Stack, cafe_path: str, other_paths: list[str]) -> dict:
    slug = cafe_path.rstrip("/").rsplit("/", 1)[-1]
    urls = [stack.front_url + p for p in [cafe_path, *other_paths]]
    urls += [base + p for base in stack.app_urls.values() for p in other_paths]
    for url in urls:
        get(url)
    title = f"Café publié pendant le banc d'essai {int(time.time())}"
    with Load(urls, threads=8) as load:
        time.sleep(3)
        publisher = stack.popen_manage("shell", "--no-imports", "-c", PUBLISH.format(slug=slug, title=title))
        published_at = float(publisher.stdout.readline())

        fresh = time_to_fresh({"front": stack.front_url, **stack.app_urls}, cafe_path, title.replace("'", "&#x27;"),
                              published_at, limit=10)
        time.sleep(3)
        publisher.wait(timeout=30)
    return {"requests": load.total, "statuses": dict(load.statuses), "answers": dict(load.cache),
            "hit_rate": load.cache["hit"] / max(load.total, 1), "fresh": fresh}


def test_stack_bench():
    if shutil.which("wrk") is None or missing_tools():
        pytest.skip(f"needs wrk and {missing_tools() or 'the stack tools'} (Debian packages)")
    paths = run.prepare_database(os.environ.get("BENCH_REBUILD") == "1")
    paths.pop("bare", None)
    with reference.vanilla_wagtail() as vanilla:
        vanilla_rps = run.wrk(vanilla + "/", SECONDS)["rps"]
    stack = _stack()
    stack.prepare()
    rows = {}
    with stack:
        front, app1 = stack.front_url, stack.app_urls["app1"]
        floor = run.wrk(app1 + "/banc-d-essai/plancher/", SECONDS)["rps"]
        for name, path in paths.items():
            for _ in range(3):
                get(front + path), get(app1 + path)
            rows[name] = {
                "path": path,
                "front": run.wrk(front + path, SECONDS)["rps"],
                "cached": run.wrk(app1 + path, SECONDS)["rps"],
                "rendered_2": run.wrk(front + path, SECONDS, f"Cookie: {run.BYPASS_CACHE}")["rps"],
            }
        publish = _publish_under_load(stack, paths["cafe"], ["/fr/lettre/", paths["article"], "/fr/ressources/"])
        stack.stop_one("app2")
        for name, path in paths.items():
            rows[name]["rendered_1"] = run.wrk(front + path, SECONDS, f"Cookie: {run.BYPASS_CACHE}")["rps"]

    lines = [
        f"\n## The stack: Varnish → gunicorn ×2 ({stack.workers} sync workers each), Redis, PostgreSQL; wrk "
        f"{run.CONNECTIONS} connections, {SECONDS} s per run, {os.cpu_count()} cores shared by all\n",
        f"vanilla Wagtail page (`wagtail start`): {vanilla_rps:.0f} req/s; fixed-string Django view: {floor:.0f} req/s\n",
        "| page | through Varnish req/s | ÷ vanilla | ÷ fixed string | page cache, one instance req/s | ÷ vanilla "
        "| rendered, 2 instances req/s | rendered, 1 instance req/s | ÷ vanilla (1 instance) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} `{row['path']}` | {row['front']:.0f} | {row['front'] / vanilla_rps:.1f} | {row['front'] / floor:.1f} "
            f"| {row['cached']:.0f} | {row['cached'] / vanilla_rps:.1f} | {row['rendered_2']:.0f} | {row['rendered_1']:.0f} "
            f"| {row['rendered_1'] / vanilla_rps:.2f} |")
    fresh = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in publish["fresh"].items())
    lines += ["", f"- publish under load (8 threads, front and both instances): {publish['requests']} requests, "
                  f"statuses {publish['statuses']}, answers {publish['answers']}, hit rate {publish['hit_rate']:.1%}; "
                  f"new title served after: {fresh}"]
    print("\n".join(lines))
    assert set(publish["fresh"]) == {"front", "app1", "app2"} and max(publish["fresh"].values()) < 1.0, publish
    assert publish["hit_rate"] > 0.95 and set(publish["statuses"]) == {200}, publish
