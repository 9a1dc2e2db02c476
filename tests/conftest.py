"""Test harness: the demo site is loaded once per session into the test database."""
import io
import os

import pytest
from django.core.management import call_command

# The template gate (fails a whole-suite run on a template no test rendered) and the browser harness
# (one server and one Chromium for tests/browser and tests/journeys).
pytest_plugins = ["tests.template_coverage", "tests.browser_harness"]

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run there unless told this thread is safe (it is: one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Every test sees the whole demo tree, in fr, ar and en; each test's changes roll back.

    With `--reuse-db` (a developer's loop, never CI) a database that already holds the demo is kept as it is.
    """
    with django_db_blocker.unblock():
        _ensure_test_database(request, django_db_blocker)
        if request.config.getoption("reuse_db") and _demo_loaded():
            # A browser run may have moved the Site and counted its contributions against 127.0.0.1.
            call_command("sync_site_address", stdout=io.StringIO())
            from cafeia_site.models import Counter

            Counter.objects.all().delete()
            return
        call_command("load_demo", stdout=io.StringIO())


def _ensure_test_database(request, django_db_blocker) -> None:
    """pytest-django creates the test database only for sessions that hold a `django_db` test; a session of
    journeys alone (they are not wrapped in a transaction) must not fall back on the development database."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, _serialized = _get_databases_for_setup(request.session.items)
    if aliases:
        return  # pytest-django has made them
    keepdb = bool(request.config.getoption("reuse_db"))
    names = setup_databases(verbosity=0, interactive=False, keepdb=keepdb)

    def teardown():
        with django_db_blocker.unblock():
            teardown_databases(names, verbosity=0, keepdb=keepdb)

    request.addfinalizer(teardown)


def _demo_loaded() -> bool:
    from contributions.models import Contribution
    from home.models import HomePage

    return HomePage.objects.exists() and Contribution.objects.exists()


def pytest_collection_modifyitems(config, items):
    # Browser tests run last: their server process reads the committed demo data,
    # and nothing they write can leak into the other tests' expectations.
    items.sort(key=lambda item: any(part in str(item.fspath).replace(os.sep, "/") for part in ("tests/browser/", "tests/journeys/")))
