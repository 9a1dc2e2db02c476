"""Middleware for every request: security headers, malformed-request guard, database-outage page."""
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.template import loader
from django.utils import translation

from . import page_cache
from .localisation import text_direction
from .security import PERMISSIONS_POLICY

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def language_from_path(path: str) -> str:
    """The language of the URL prefix (/ar/...), else the default; never touches the database."""
    prefix = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return prefix if prefix in codes else settings.LANGUAGE_CODE


def render_standalone(template_name: str, request, *, status: int) -> HttpResponse:
    """Render an error page with no request context: no context processor, no database query."""
    language = language_from_path(request.path_info if request is not None else "/")
    with translation.override(language):
        html = loader.get_template(template_name).render(
            {
                "LANGUAGE_CODE": language,
                "LANGUAGE_DIR": text_direction(language),
                "home_url": f"/{language}/",
            }
        )
    response = HttpResponse(html, status=status)
    response["Content-Language"] = language
    return response


def database_unavailable_response(request) -> HttpResponse:
    response = render_standalone("503.html", request, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never let a cache or a proxy keep the outage page once the database is back.
    response["Cache-Control"] = "no-store"
    return response


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy (Django's SecurityMiddleware sets the other security headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PublicCacheControlMiddleware:
    """Lets browsers keep a page of the page cache for a short while, then revalidate it by its ETag.

    The server's copy lasts until something is published; a browser's copy only
    CAFEIA_BROWSER_CACHE_SECONDS, since nothing can empty it. Pages the cache skipped keep the
    `no-cache`/`private` header they were given.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get(page_cache.HEADER) in ("hit", "miss") and response.status_code in (200, 304):
            response["Cache-Control"] = (f"public, max-age={settings.CAFEIA_BROWSER_CACHE_SECONDS}, "
                                         f"s-maxage={settings.CAFEIA_FRONT_CACHE_SECONDS}")
            del response["Expires"]
        return response


class UnprefixedLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 of the API stays a 404. Django redirects any 404
    outside the language prefixes to /fr/<path> when that path resolves, and Wagtail's catch-all
    resolves every path: a client asking for a page id that no longer exists got a 302 to an HTML page."""

    KEPT_PATHS = ("/api/",)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.KEPT_PATHS):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class RejectMalformedRequestMiddleware:
    """Answers 400 to a path or query string carrying NUL or other control characters.

    No legitimate link contains them, and PostgreSQL refuses NUL in a query parameter
    (it would surface as a 500 in whichever view passed the value to the ORM).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_control_chars(request.path_info) or any(
            _has_control_chars(key) or any(_has_control_chars(v) for v in values)
            for key, values in request.GET.lists()
        ):
            return render_standalone("400.html", request, status=400)
        return self.get_response(request)


def _has_control_chars(value: str) -> bool:
    # Tabs and newlines are ordinary whitespace in a search box; the rest of C0 is not.
    return any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value) or "\x7f" in value


class DatabaseUnavailableMiddleware:
    """Turns a database outage into a static, translated 503 page with Retry-After.

    Placed near the top of MIDDLEWARE: it catches the errors raised by views (and their
    template rendering) through process_exception; errors raised inside other middleware
    reach `cafeia_site.views.server_error`, which gives the same page. Nothing is cached
    here, so the next request after the database returns is served normally.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except DATABASE_ERRORS:  # raised by an outer layer's own code, not converted by Django
            logger.exception("Database unavailable while serving %s", request.path)
            return database_unavailable_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable while serving %s: %s", request.path, exception)
            return database_unavailable_response(request)
        return None
