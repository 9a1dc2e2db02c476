"""Bad input on every public endpoint: a 4xx with a clear page or a normal 200, never a server error, never
reflected markup, in any format. Endpoints come from endpoints.py (add new ones there).

The module's tree (tests/factories.py) holds a café whose every text is hostile: each response that shows it
must escape it the way its format does (HTML, JSON, CSV against formula injection, iCalendar per RFC 5545).
"""
import csv
import datetime as dt
import io
import json
import logging
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.documents.models import Document

from cafeia_site.views import MAX_QUERY_LENGTH
from home.models import Subscriber
from tests.factories import CafePageFactory, CountryPageFactory, OrganisationFactory

from .endpoints import CSRF_EXEMPT_FORMS, PUBLIC_FORM_ENDPOINTS, PUBLIC_GET_ENDPOINTS, TEXT_PARAMS

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<iframe src=//evil.example>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "{{ 7|add:7 }}{% now 'Y' %}",
]
SQL_PAYLOADS = [
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    '" UNION SELECT password FROM auth_user --',
    "%' AND 1=1 --",
    "\\'; SELECT pg_sleep(5); --",
]
ODD_VALUES = ["-1", "0", "999999", "1e9", "NaN", "2025-13-45", "", " ", "ا" * 50, "🙂" * 20, "a" * 5000]

MARKERS = ["<script>alert(1)", "<img src=x", "<svg/onload", "<iframe src=//evil", "<a href=\"javascript:"]

# A café an editor (or a forged contribution) filled with what breaks each format: markup for HTML, quotes and
# backslashes for JSON, formula starts for spreadsheets, commas, semicolons and line breaks for iCalendar.
HOSTILE = {
    "title": '=HYPERLINK("http://evil.example";"x") <script>alert(1)</script>, fin; \\ ok',
    "city": "+33 <img src=x onerror=alert(1)>",
    "region": "@SUM(A1:A9)",
    "venue_name": "-2+3 <svg/onload=alert(1)>",
    "address": '1 rue "des Guillemets", Essai',
    "postcode": "=1+1",
    "summary": "Première ligne\nSeconde ; ligne, avec \\ barre <iframe src=//evil.example>",
}
HOSTILE_ORGANISER = "Structure ; piégée, <b>gras</b>"
ERROR_PAGE = "Un problème est survenu"  # templates/500.html, in French


@pytest.fixture(scope="module", autouse=True)
def tree(module_site_tree, django_db_blocker):
    """The minimal public tree, plus the hostile café, in a country of its own: a country's list finds its
    cafés by country code, and on a reused database the demo's France and Maroc come first."""
    with django_db_blocker.unblock():
        country = CountryPageFactory(parent=module_site_tree.cafes["fr"], title="Pays d'essai", slug="pays-essai",
                                     country_code="XZ")
        organiser = OrganisationFactory(name=HOSTILE_ORGANISER, slug="structure-piegee")
        # The next café of all (in an hour), so that it heads every list.
        start = timezone.now() + dt.timedelta(hours=1)
        hostile = CafePageFactory(parent=country, organiser=organiser, slug="cafe-hostile", start=start,
                                  end=start + dt.timedelta(hours=1), **HOSTILE)
    return module_site_tree, hostile


@pytest.fixture(autouse=True)
def no_server_error_logged(caplog):
    """Django logs every server error (5xx) on `django.request`, whatever page then answers: none here.
    (`django.security.*` reports the refused requests at ERROR too: that is the refusal working.)"""
    caplog.set_level(logging.ERROR, logger="django.request")
    yield
    errors = [r.getMessage() for r in caplog.get_records("call") if r.name == "django.request" and r.levelno >= logging.ERROR]
    assert errors == [], errors


def _params(url):
    return TEXT_PARAMS.get(url, []) + ["unknown"]


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
ICS_LINE = re.compile(r"[A-Z][A-Z0-9-]*(?:;[^:]*)?:")


def ics_text(value: str) -> str:
    """A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon, comma and line break escaped."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_unfolded_lines(body: str) -> list[str]:
    return body.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def _assert_escaped_for_its_format(response, body: str) -> None:
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        for marker in MARKERS:
            assert marker not in body, f"reflected markup: {marker}"
    elif "json" in content_type:
        # Quotes and backslashes escaped: the body parses, so no value broke out of its string.
        json.loads(body)
        assert response.get("X-Content-Type-Options") == "nosniff"
    elif content_type.startswith("text/csv"):
        for row in csv.reader(io.StringIO(body.lstrip("\ufeff"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or NUMBER.fullmatch(cell), f"formula: {cell!r}"
    elif content_type.startswith("text/plain"):
        # Shown as text, never sniffed into HTML; and nothing of the input is echoed.
        assert response.get("X-Content-Type-Options") == "nosniff"
        for marker in MARKERS:
            assert marker not in body, f"reflected markup: {marker}"
    elif content_type.startswith("text/calendar"):
        # A line break left in a value would start a line of its own: every line is a property.
        for line in ics_unfolded_lines(body.rstrip("\r\n")):
            assert ICS_LINE.match(line), f"not a content line: {line!r}"
    else:
        raise AssertionError(f"no escaping check for {content_type!r}")


def _assert_safe(response, *, allowed=(200, 301, 302, 400, 404, 405)):
    assert response.status_code in allowed, response.status_code
    body = _body(response)
    assert ERROR_PAGE not in body
    _assert_escaped_for_its_format(response, body)


def _cases():
    for url in PUBLIC_GET_ENDPOINTS:
        for param in _params(url):
            for payload in XSS_PAYLOADS + SQL_PAYLOADS + ODD_VALUES:
                yield url, param, payload


@pytest.mark.parametrize(("url", "param", "payload"), list(_cases()))
def test_payloads_in_query_parameters_never_break_or_reflect(client, url, param, payload):
    _assert_safe(client.get(url, {param: payload}))


# --- The hostile café, in each format that shows it --------------------------------------


@pytest.mark.parametrize("url", ["/fr/cafes/", "/fr/cafes/pays-essai/", "/fr/cafes/agenda/", "/fr/cafes/pays-essai/cafe-hostile/"])
def test_html_pages_show_the_hostile_cafe_escaped(client, url):
    response = client.get(url)
    html = _body(response)
    assert response.status_code == 200
    assert escape(HOSTILE["title"]) in html
    _assert_safe(response)


def test_the_geojson_feed_carries_the_hostile_texts_json_escaped(client):
    response = client.get("/data/cafes.geojson")
    _assert_safe(response)
    [feature] = [f for f in json.loads(_body(response))["features"] if f["properties"].get("title") == HOSTILE["title"]]
    assert HOSTILE["city"] in feature["properties"].values()


def test_the_csv_export_neutralises_formulas_and_quotes_every_special_cell(client):
    response = client.get("/data/cafes.csv")
    _assert_safe(response)
    rows = list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))
    [row] = [r for r in rows if r["title"].endswith(HOSTILE["title"])]
    assert row["title"] == "'" + HOSTILE["title"]  # kept as text, commas and quotes inside one cell
    assert row["city"] == "'" + HOSTILE["city"] and row["region"] == "'" + HOSTILE["region"]
    assert row["venue"] == "'" + HOSTILE["venue_name"] and row["postcode"] == "'" + HOSTILE["postcode"]
    assert row["address"] == HOSTILE["address"]


@pytest.mark.parametrize("one_cafe", [False, True])
def test_the_calendars_escape_the_hostile_texts_per_rfc_5545(client, tree, one_cafe):
    _tree, hostile = tree
    response = client.get(f"/data/cafes/{hostile.pk}.ics" if one_cafe else "/data/cafes.ics")
    _assert_safe(response)
    lines = ics_unfolded_lines(_body(response))
    assert f"SUMMARY;LANGUAGE=fr:{ics_text(HOSTILE['title'])}" in lines
    location = next(line for line in lines if line.startswith("LOCATION:") and "Guillemets" in line)
    assert ics_text(HOSTILE["venue_name"]) in location and ics_text(HOSTILE["address"]) in location
    description = next(line for line in lines if line.startswith("DESCRIPTION;LANGUAGE=fr:") and "Première ligne" in line)
    assert description.startswith(f"DESCRIPTION;LANGUAGE=fr:{ics_text(HOSTILE['summary'])}")
    # A parameter value holding ";", "," or ":" is quoted (RFC 5545, 3.2).
    assert f'ORGANIZER;CN="{HOSTILE_ORGANISER}":' in "\n".join(lines)


def test_search_shows_the_query_escaped_and_a_message_when_too_long(client):
    response = client.get("/fr/recherche/", {"q": "<b>café</b> " + "x" * 400})
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;b&gt;café&lt;/b&gt;" in html
    assert "<b>café</b>" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/fr/../../etc/passwd",
        "/fr/%2e%2e/%2e%2e/etc/passwd",
        "/fr/..%2f..%2fmanage.py",
        "/static/../manage.py",
        "/static/%2e%2e/cafeia_site/settings/base.py",
        "/static/css/..%2f..%2f..%2fsettings%2fbase.py",
        "/media/../cafeia_site/settings/base.py",
        "/media/original_images/..%2f..%2fmanage.py",
        "/documents/1/..%2f..%2fmanage.py",
        "/documents/999999/passwd",
        "/fr/%5C..%5C..%5Cwindows%5Cwin.ini",
    ],
)
def test_path_traversal_never_serves_a_file_outside_the_public_roots(client, path):
    response = client.get(path)
    assert response.status_code in (301, 302, 400, 403, 404)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"SECRET_KEY" not in body and b"root:x:" not in body and b"DJANGO_SETTINGS_MODULE" not in body


@pytest.mark.parametrize(
    "url",
    [
        "/fr/recherche/?q=%ff%fe%fd",
        "/fr/recherche/?q=%c3%28",
        "/fr/recherche/?q=%e2%82",
        "/fr/recherche/?q=%zz%",
        "/fr/recherche/?q=%",
        "/fr/recherche/?%ff=1",
        "/fr/recherche/?q=caf%C3%A9&&&==&q",
        "/fr/%ff%fe/",
        "/fr/%c3%28/",
        "/fr/%zz/",
        "/%ff/",
        "/fr/quest-ce-que-cafe-ia/%e2%82/",
    ],
)
def test_malformed_utf8_and_percent_encoding_are_answered_cleanly(client, url):
    _assert_safe(client.get(url))


@pytest.mark.parametrize("url", ["/fr/recherche/?q=a%00b", "/fr/%00/", "/fr/recherche/?q=%1b[31m", "/fr/?x=%00"])
def test_control_characters_get_a_clear_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()


def test_the_400_page_is_in_the_language_of_the_url(client):
    response = client.get("/ar/recherche/?q=%00")
    assert response.status_code == 400
    assert 'lang="ar"' in response.content.decode() and 'dir="rtl"' in response.content.decode()


def test_an_oversized_query_string_is_not_a_500(client):
    _assert_safe(client.get("/fr/recherche/", {"q": "café " * 20000}))
    too_many = "&".join(f"f{i}=x" for i in range(1500))
    _assert_safe(client.get(f"/fr/recherche/?{too_many}"))


def test_an_oversized_body_is_refused_with_a_4xx(client, settings):
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024)
    csrf_client = Client()
    response = csrf_client.post("/admin/login/", {"username": "someone", "password": big})
    assert response.status_code == 400
    for url in PUBLIC_GET_ENDPOINTS:
        response = client.post(url, {"q": big})
        assert response.status_code == 405


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", PUBLIC_GET_ENDPOINTS)
def test_wrong_methods_on_read_only_endpoints_get_a_clear_405(client, url, method):
    response = getattr(client, method)(url, data="a=1", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    title = {"ar": "طريقة غير مسموح بها", "en": "Method not allowed"}.get(url.split("/")[1], "Méthode non autorisée")
    assert title in response.content.decode()


@pytest.mark.parametrize("url", PUBLIC_GET_ENDPOINTS)
def test_head_and_options_are_answered(client, url):
    assert client.head(url).status_code == 200
    assert client.options(url).status_code == 200


def test_forms_refuse_a_post_without_csrf_token_with_a_4xx():
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    for url, data in PUBLIC_FORM_ENDPOINTS:
        if url not in CSRF_EXEMPT_FORMS:
            assert csrf_client.post(url, data).status_code == 403, url


def test_the_lettre_subscription_takes_no_csrf_token_and_a_forged_one_confirms_nothing(django_capture_on_commit_callbacks):
    """The subscription form is in every page's footer; without a token, pages can be cached and shared.

    A cross-site POST can only ask for a confirmation e-mail, which the form lets anyone do anyway;
    the address is subscribed only once its owner follows the link, and a second request within
    ten minutes sends nothing.
    """
    forged = Client(enforce_csrf_checks=True)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = forged.post("/fr/abonnement/", {"email": "cible@example.org", "language": "fr", "consent": "on"},
                                   HTTP_ORIGIN="https://ailleurs.example")
        assert response.status_code == 302
    assert Subscriber.objects.get(email="cible@example.org").status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1


# --- Property-based: any unicode text ---------------------------------------------------

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=any_text, page=st.one_of(st.integers(), any_text))
@example(query='<b onclick="x">café</b> & \'ok\'', page=1)  # every character escaping changes, always tried
def test_search_never_fails_on_any_unicode(client, query, page):
    response = client.get("/fr/recherche/", {"q": query, "page": str(page)})
    assert response.status_code in (200, 400)
    shown = " ".join(query.split())[:MAX_QUERY_LENGTH]  # as the view normalises it
    if response.status_code == 200 and shown:
        assert escape(shown) in response.content.decode()  # the query is shown back, escaped


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=any_text.filter(lambda s: s.strip("/")), value=any_text)
def test_any_unicode_in_paths_and_parameters_is_never_a_500(client, segment, value):
    url = "/fr/" + quote(segment, safe="") + "/"
    response = client.get(url, {"filtre": value})
    assert response.status_code in (200, 301, 302, 400, 404)
    response = client.get("/fr/quest-ce-que-cafe-ia/", {"q": value, "page": value})
    assert response.status_code in (200, 400)


# --- Forms (listed in endpoints.PUBLIC_FORM_ENDPOINTS) ------------------------------------


@pytest.mark.parametrize(("url", "data"), PUBLIC_FORM_ENDPOINTS)
def test_form_fields_take_any_unicode_without_a_500(client, url, data):
    @settings(max_examples=25, deadline=None)
    @given(value=any_text)
    def check(value):
        for field in data:
            response = client.post(url, {**data, field: value})
            _assert_safe(response, allowed=(200, 302, 303, 400, 403, 429))

    check()


@pytest.mark.parametrize(("url", "data"), PUBLIC_FORM_ENDPOINTS)
@pytest.mark.parametrize("payload", XSS_PAYLOADS + SQL_PAYLOADS)
def test_form_fields_never_reflect_markup(client, url, data, payload):
    for field in data:
        _assert_safe(client.post(url, {**data, field: payload}), allowed=(200, 302, 303, 400, 403, 429))


@pytest.mark.parametrize(
    "filename", ["../../../../etc/passwd.txt", "..\\..\\settings.txt", "/etc/cron.d/evil.txt", "a/../../b.txt", "…‮txt.exe.txt"]
)
def test_uploaded_file_names_cannot_escape_the_media_folder(client, admin_user, settings, tmp_path, filename):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    client.force_login(admin_user)
    upload = SimpleUploadedFile(filename, b"contenu", content_type="text/plain")
    response = client.post("/admin/documents/add/", {"title": "Essai", "file": upload})
    assert response.status_code in (200, 302)
    document = Document.objects.order_by("-pk").first()
    if response.status_code == 302:
        stored = (tmp_path / "media" / document.file.name).resolve()
        assert stored.is_relative_to((tmp_path / "media").resolve())
        assert ".." not in document.file.name
    outside = list(tmp_path.glob("**/*.txt"))
    assert all(p.resolve().is_relative_to((tmp_path / "media").resolve()) for p in outside)
