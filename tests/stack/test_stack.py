"""The production topology, really run (scripts/stack.py): Varnish, two gunicorn instances, Redis, S3, the worker.

Under a load from other threads, a café is published from another process; its new title must be served
within a second through the front cache and by both instances, while the pages that do not show it stay
cached. Then an instance is killed, and Redis restarted, during a load: the front retries, the site renders.
Needs Debian's varnish and redis-server (CI installs them); without them the module skips, unless
REQUIRE_STACK=1 or CI is set, where that is a failure.
"""
import os
import signal
import time

import pytest

from scripts.stack import Stack, missing_tools

from .load import PUBLISH, Load, get, time_to_fresh

PORTS = {"front": 8200, "app1": 8201, "app2": 8202, "redis": 8279, "s3": 8290}
@pytest.fixture(scope="module")
def stack():
    if missing := missing_tools():
        reason = f"the stack needs Debian's {', '.join(missing)}"
        if os.environ.get("REQUIRE_STACK") == "1" or os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    running = Stack(database="cafeia_stack_test", ports=PORTS, root=None)
    running.root = running.root.with_name(".stack-test")
    running.prepare(rebuild=True)
    with running:
        yield running


def _cafe_paths(stack: Stack) -> list[str]:
    rows = stack._psql(
        "SELECT p.slug, p.url_path FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id "
        "JOIN django_content_type t ON t.id = p.content_type_id WHERE l.language_code = 'fr' AND t.model = 'cafepage' "
        "AND p.live ORDER BY p.path LIMIT 3", stack.database).splitlines()
    return [(slug, "/fr/" + path.split("/", 2)[2]) for slug, path in (row.split("|") for row in rows)]


def test_a_cafe_published_during_a_load_is_served_within_a_second_everywhere_and_the_rest_stays_cached(stack):
    (slug, path), (_other_slug, other_path), _third = _cafe_paths(stack)
    urls = [stack.front_url + p for p in ("/fr/", "/fr/cafes/", other_path, "/fr/lettre/", "/ar/", path)]
    urls += [stack.app_urls["app1"] + other_path, stack.app_urls["app2"] + other_path]
    for url in urls:
        get(url)
        get(url)
    title = f"Café publié pendant la charge {int(time.time())}"
    with Load(urls) as load:
        time.sleep(2)
        before = load.total
        publisher = stack.popen_manage("shell", "--no-imports", "-c", PUBLISH.format(slug=slug, title=title))
        published_at = float(publisher.stdout.readline())
        fresh_after = time_to_fresh({"front": stack.front_url, **stack.app_urls}, path, title, published_at)
        time.sleep(1)
        publisher.wait(timeout=30)
    served = load.total
    # A page that does not show the café kept its copy on both instances (the page cache) and in the front.
    for base in stack.app_urls.values():
        assert get(base + other_path)[1]["x-cache"] == "hit"
    assert get(stack.front_url + other_path)[1]["x-front-cache"] == "hit"
    hits = load.cache["hit"] / served
    print(f"\n[stack] {served} requests ({served - before} after the publish), statuses {dict(load.statuses)}, "
          f"answers {dict(load.cache)}, hit rate {hits:.1%}; fresh content after "
          + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in fresh_after.items()))
    assert set(fresh_after) == {"front", "app1", "app2"}, fresh_after
    assert max(fresh_after.values()) < 1.0, fresh_after
    assert load.statuses.keys() == {200}
    assert hits > 0.95


def test_an_instance_killed_during_a_load_costs_no_error_through_the_front(stack):
    urls = [stack.front_url + p + f"?charge={i}" for i in range(40) for p in ("/fr/cafes/", "/fr/lettre/")]
    with Load(urls) as load:
        time.sleep(1)
        stack.stop_one("app1", signal.SIGKILL)
        time.sleep(4)
    print(f"\n[stack] app1 killed under load: {load.total} requests, statuses {dict(load.statuses)}")
    stack.start_app("app1")
    errors = sum(n for status, n in load.statuses.items() if status != 200)
    assert errors <= 4, load.statuses  # at most the requests in flight on the killed instance (4 threads)


def test_redis_restarting_during_a_load_leaves_the_site_rendering(stack):
    urls = [stack.app_urls[name] + p + f"?redis={i}" for i in range(20) for name in ("app1", "app2")
            for p in ("/fr/", "/fr/cafes/")]
    with Load(urls) as load:
        time.sleep(1)
        stack.stop_one("redis")
        time.sleep(2)
        stack.start_redis()
        time.sleep(2)
    print(f"\n[stack] Redis restarted under load: {load.total} requests, statuses {dict(load.statuses)}, "
          f"page cache answers {dict(load.cache)}")
    assert load.statuses.keys() == {200}, load.statuses
    assert load.cache["error"] > 0  # the pages rendered while Redis was away
