"""Test harness: an empty migrated database for every test, the whole demo only for the tests that ask for it.

A test asks for the demo with `@pytest.mark.demo` (or a module's `pytestmark`), or by taking the `demo`
fixture; the paths below get it without asking. The demo is loaded once per session, when the first test
that needs it starts: the session runs the tests without the demo first, on an empty tree, then the others.
Tests without the demo build what they need from tests/factories (a minimal tree on the test client's host).
"""
import io
import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import setup_databases, teardown_databases
from pytest_django.fixtures import _get_databases_for_setup
from wagtail.models import Locale

from cafeia_site.models import Counter
from contributions.models import Contribution
from home.models import HomePage
from tests import factories

# The template gate (fails a whole-suite run on a template no test rendered) and the browser harness
# (one server and one Chromium for tests/browser and tests/journeys).
# A fresh test database is a copy of a migrated template (tests/migrated_template.py).
pytest_plugins = ["tests.template_coverage", "tests.browser_harness", "tests.migrated_template"]

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run there unless told this thread is safe (it is: one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The demo is their subject: every role's journey, the crawl of the whole site, the browser tests, the benches.
DEMO_DIRECTORIES = ("tests/journeys/", "tests/crawl/", "tests/browser/", "tests/perf/")

# Tests still written against the demo's content (its slugs, its cafés, its accounts), not yet on factories.
# A directory ends with "/"; a file path names one module. Take a module out once it builds its own tree.
DEMO_MODULES = (
    # The demo itself is the subject: every page type it holds, in every language, renders.
    "tests/cafeia_site/test_pages_render.py",
)

# Run last: their server process reads the committed demo data, and what they write must not leak into
# the other tests' expectations.
LAST_DIRECTORIES = ("tests/browser/", "tests/journeys/")


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The migrated test database. With `--reuse-db` (a developer's loop, never CI), an earlier session's
    data stays: a test without the demo may find the demo's pages beside its own tree. tests/factories gives
    that tree its own Site on `testserver`, so its URLs route to its own pages; but what is looked up by value
    (a country by its code, a slug across the database) may find the demo's."""
    with django_db_blocker.unblock():
        _ensure_test_database(request, django_db_blocker)
        request.config.pluginmanager.get_plugin("tests.migrated_template").save_template()
        if request.config.getoption("reuse_db") and _demo_loaded():
            # A browser run may have moved the Site and counted its contributions against 127.0.0.1.
            call_command("sync_site_address", stdout=io.StringIO())
            Counter.objects.all().delete()


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The whole demo tree, in fr, ar and en, with its accounts, committed once per session.

    Each test's own changes still roll back. With `--reuse-db`, a database that already holds the demo is kept.
    """
    with django_db_blocker.unblock():
        if not _demo_loaded():
            call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def site_tree(db) -> factories.SiteTree:
    """The minimal public tree (tests/factories.py: `site_tree()`), built for this test."""
    return factories.site_tree()


@pytest.fixture(scope="module")
def migrations_data_back(django_db_blocker):
    """For a module of `transaction=True, serialized_rollback=True` tests: after its last test the tables stay
    empty, the locales, groups and rows the migrations made included; put them back (and empty the caches,
    which hold the deleted trees' paths) for the modules that run after it (the demo's)."""
    yield
    with django_db_blocker.unblock():
        if not Locale.objects.exists() and getattr(connection, "_test_serialized_contents", None):
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        for alias in settings.CACHES:
            caches[alias].clear()


@pytest.fixture(scope="module")
def module_site_tree(django_db_setup, django_db_blocker) -> factories.SiteTree:
    """One minimal public tree for a whole module (a second or more saved per test), rolled back after its last
    test. Each test still rolls back its own changes inside it. Not for modules with `transaction=True` tests."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield factories.site_tree()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _ensure_test_database(request, django_db_blocker) -> None:
    """pytest-django creates the test database only for sessions that hold a `django_db` test; a session of
    journeys alone (they are not wrapped in a transaction) must not fall back on the development database."""
    aliases, _serialized = _get_databases_for_setup(request.session.items)
    if aliases:
        return  # pytest-django has made them
    keepdb = bool(request.getfixturevalue("django_db_keepdb"))  # true too when copied from the migrated template
    names = setup_databases(verbosity=0, interactive=False, keepdb=keepdb)

    def teardown():
        with django_db_blocker.unblock():
            teardown_databases(names, verbosity=0, keepdb=keepdb)

    request.addfinalizer(teardown)


def _demo_loaded() -> bool:
    return HomePage.objects.exists() and Contribution.objects.exists()


def _relative_path(item, config) -> str:
    try:
        return item.path.relative_to(config.rootpath).as_posix()
    except ValueError:
        return item.path.as_posix()


def _needs_demo(item, path: str) -> bool:
    if item.get_closest_marker("demo") or "demo" in item.fixturenames:
        return True
    return any(path.startswith(prefix) for prefix in DEMO_DIRECTORIES + DEMO_MODULES)


def pytest_itemcollected(item):
    """Marked as it is collected, so that `-m demo` and `-m "not demo"` select on it."""
    if _needs_demo(item, _relative_path(item, item.config)):
        item.add_marker(pytest.mark.demo)
        if "demo" not in item.fixturenames:
            # First of its fixtures, so that the demo is committed before the test's transaction opens.
            item.fixturenames.insert(0, "demo")


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering, which this one keeps within each group
def pytest_collection_modifyitems(config, items):
    def rank(item):
        path = _relative_path(item, config)
        return any(path.startswith(prefix) for prefix in LAST_DIRECTORIES), item.get_closest_marker("demo") is not None

    # Tests without the demo first (they see the empty tree), then those with it, the browser last.
    items.sort(key=rank)
