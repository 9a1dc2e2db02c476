"""The page cache for anonymous readers (wagtail-cache): what may be stored, and how it is emptied.

A page is served from the cache only to a visitor without a Django cookie (no session, no CSRF
token) and only if it set no cookie itself: forms with a CSRF token, the admin and the private
contribution links are never stored. `cafeia_site.signals` empties it whole whenever what pages
show changes: editors' changes are visible at once, and the next reader rebuilds each page.
"""
from django.conf import settings
from wagtail import hooks
from wagtailcache.cache import clear_cache

# Paths that are never cached, whoever asks.
UNCACHED_PREFIXES = ("/admin/", "/django-admin/")


def clear() -> None:
    clear_cache()


def _has_django_cookie(request) -> bool:
    return settings.CSRF_COOKIE_NAME in request.COOKIES or settings.SESSION_COOKIE_NAME in request.COOKIES


@hooks.register("is_request_cacheable")
def _request_cacheable(request, is_cacheable: bool) -> bool:
    return is_cacheable and not request.path_info.startswith(UNCACHED_PREFIXES) and not _has_django_cookie(request)


@hooks.register("is_response_cacheable")
def _response_cacheable(response, is_cacheable: bool) -> bool:
    # A 304 answers one client's If-None-Match; a response setting a cookie belongs to one visitor.
    return is_cacheable and response.status_code != 304 and not response.cookies
