"""Journeys: each role's whole job, in Debian's Chromium, on the demo, through the real interface.

They share the browser tests' harness (tests/browser_harness.py): server, browser and guards (no request
leaves 127.0.0.1; a screenshot per test in tests/browser/artifacts/). Public forms are used with JavaScript off, as the least capable browser would; the admin
with JavaScript on, as Wagtail needs it.
"""
import pytest
from django.conf import settings

from tests.browser_harness import axe_violations, guarded_tab, sent_mail

__all__ = ["admin_login", "axe_violations", "sent_mail"]


@pytest.fixture
def live_db(django_db_blocker):
    """Database access outside any test transaction, statement by statement, as the server sees it.

    Journeys are not wrapped in a rolled-back transaction: a reader's transaction in this process would
    keep SQLite locked against the server's writes, and would not see what the server commits. What a
    journey makes stays (journeys run last), so each one names what it makes uniquely.
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def no_js_page(browser, server_url, request):
    """A reader's or contributor's browser with JavaScript off."""
    yield from guarded_tab(browser, server_url, request, suffix="-nojs", java_script_enabled=False)


def admin_login(tab, username: str) -> None:
    tab.goto("/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(settings.DEMO_PASSWORDS[username])
    tab.locator("button[type=submit]").first.click()
    tab.wait_for_url("**/admin/")
