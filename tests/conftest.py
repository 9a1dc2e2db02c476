"""Test harness: the demo site is loaded once per session into the test database."""
import io
import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run there unless told this thread is safe (it is: one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test sees the whole demo tree, in fr, ar and en; each test's changes roll back."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


def pytest_collection_modifyitems(config, items):
    # Browser tests run last: their server process reads the committed demo data,
    # and nothing they write can leak into the other tests' expectations.
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath).replace(os.sep, "/"))
