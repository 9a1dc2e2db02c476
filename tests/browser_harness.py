"""Browser harness (a pytest plugin, loaded once by tests/conftest.py for tests/browser and tests/journeys):
a real server process on 127.0.0.1 and Debian's Chromium driven by Playwright.

The server reads the same test database the session fixture filled with the demo.
Where no Chromium exists the tests skip, unless REQUIRE_BROWSER=1 (CI), where that is a failure.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "browser" / "artifacts"
MAILDIR = ARTIFACTS / "mail"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(settings_dict) -> str:
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture(scope="session")
def server_url(django_db_setup, django_db_blocker):
    from django.db import connection

    shutil.rmtree(MAILDIR, ignore_errors=True)
    MAILDIR.mkdir(parents=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # The server's public address is its own: its e-mails and pages link to it, and the Site record agrees
    # (browser tests run last, so the other tests keep theirs).
    with django_db_blocker.unblock():
        from cafeia_site.site_address import site_address_sync

        site_address_sync(base_url=url)
    env = {
        **os.environ,
        "WAGTAILADMIN_BASE_URL": url,
        "CONTRIBUTIONS_RATE_LIMIT_PER_HOUR": "200",  # every journey contributes from 127.0.0.1
        "DJANGO_SETTINGS_MODULE": "cafeia_site.settings.test",
        "DATABASE_URL": _database_url(connection.settings_dict),
        "EMAIL_FILE_PATH": str(MAILDIR),
        "CAFEIA_PAGE_CACHE": "1",  # pages are read through the page cache, as in production
    }
    log = open(ARTIFACTS.parent / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urlopen(f"{url}/fr/", timeout=2)  # noqa: S310
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"test server exited; see {log.name}")
            time.sleep(0.3)
    else:
        proc.terminate()
        pytest.fail("test server did not start in 30 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()
    if connection.vendor == "postgresql":
        # The server process is gone; make sure PostgreSQL has dropped its session too,
        # or the test database cannot be destroyed at the end of the run.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


def guarded_tab(browser, server_url, request, *, suffix="", **options):
    """A new browser tab whose requests may not leave the test server; a screenshot of it when the test ends."""
    context = browser.new_context(base_url=server_url, locale="fr-FR", **options)
    # No request may leave 127.0.0.1: anything else is blocked and recorded.
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(server_url) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name) + suffix
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
    assert outside == [], f"third-party requests: {outside}"


@pytest.fixture
def page(browser, server_url, request):
    yield from guarded_tab(browser, server_url, request)


def sent_mail() -> list[str]:
    """The messages the server process sent, oldest first, as raw text."""
    return [p.read_text() for p in sorted(MAILDIR.glob("*.log"), key=lambda p: p.stat().st_mtime)]


def axe_violations(tab) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]
