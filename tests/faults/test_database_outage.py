"""PostgreSQL (or SQLite) unavailable: a static, translated 503 page; the site recovers by itself."""
import contextlib

import pytest
from django.db import connections

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def database_unreachable():
    """Swaps Django's default connection for one whose settings point nowhere, then restores it.

    Real connection failures, no mock: SQLite cannot open a file in a missing directory,
    PostgreSQL refuses a closed port. Yields the broken wrapper's settings so a test can
    repair them in place (the database "comes back").
    """
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-cafeia-dir/db.sqlite3"
        real = {"NAME": original.settings_dict["NAME"]}
    else:
        settings_dict["PORT"] = "1"  # nothing listens on port 1
        settings_dict["HOST"] = "127.0.0.1"
        real = {"PORT": original.settings_dict["PORT"], "HOST": original.settings_dict["HOST"]}
    settings_dict["CONN_MAX_AGE"] = 0
    broken = original.__class__(settings_dict, alias="default")
    connections["default"] = broken

    def repair():
        broken.close()
        broken.settings_dict.update(real)

    try:
        yield repair
    finally:
        broken.close()
        connections["default"] = original


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [
        ("/fr/", "fr", "Site momentanément indisponible"),
        ("/ar/", "ar", "الموقع غير متاح مؤقتًا"),
        ("/en/quest-ce-que-cafe-ia/", "en", "Site temporarily unavailable"),
        ("/fr/recherche/?q=caf%C3%A9", "fr", "Site momentanément indisponible"),
    ],
)
def test_database_down_gives_a_static_translated_503(client, url, language, title):
    with database_unreachable():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert title in html
    for leak in ("Traceback", "OperationalError", "sqlite", "psycopg", "nonexistent-cafeia-dir"):
        assert leak not in html
    # The outage page keeps the security headers.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_arabic_outage_page_is_right_to_left(client):
    with database_unreachable():
        response = client.get("/ar/")
    assert 'dir="rtl"' in response.content.decode()


def test_the_admin_also_answers_503_while_the_database_is_down(client, admin_user):
    client.force_login(admin_user)
    with database_unreachable():
        response = client.get("/admin/")
    assert response.status_code == 503


@pytest.mark.demo  # the repaired connection is a new session: it reads only committed pages, the demo's
def test_the_site_recovers_by_itself_when_the_database_returns(client):
    with database_unreachable() as database_returns:
        assert client.get("/fr/").status_code == 503
        assert client.get("/fr/").status_code == 503  # still down: no half-open state
        database_returns()
        # Same Django connection object, no restart: the next request is served normally.
        response = client.get("/fr/")
        assert response.status_code == 200
        assert "Café IA" in response.content.decode()


def test_an_outage_met_outside_a_view_also_gets_the_503_page(rf):
    """Errors raised in a middleware (session save, redirects) reach handler500 instead."""
    from django.db import OperationalError

    from cafeia_site.views import server_error

    request = rf.get("/ar/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert 'lang="ar"' in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500
