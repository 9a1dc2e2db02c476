"""The page cache for anonymous readers: what may be stored, how it is served, and how it is purged per path.

A page is served from the cache only to a visitor without a Django cookie (no session, no CSRF token) and only
if it set no cookie itself: forms with a CSRF token, the admin and the private contribution links are never
stored. Each entry is the response as sent (gzipped once when the reader accepts gzip), stored under its host,
path and query string, with the moment its request *started*.

Purging does not look for keys: `purge(paths)` writes, per path, the moment it was purged, and `clear()` the
moment the whole cache was. A hit is read together with both moments in one round trip (`get_many`) and is
used only if it was started after them: every variant of a path (query strings, hosts, encodings) goes at
once, on every instance sharing the cache. A render that began before a purge of its path is sent as
private: neither this cache nor a front cache keeps what a publish has just replaced. What calls these is `cafeia_site.purge`; the front cache is purged there too.
"""
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.http import parse_etags

logger = logging.getLogger(__name__)

# Paths that are never cached, whoever asks.
UNCACHED_PREFIXES = ("/admin/", "/django-admin/")
HEADER = "X-Cache"
_CLEARED = "pc:cleared"
_STORED_STATUSES = (200, 301, 302, 404)
# Vary headers an entry may have: the encoding is part of the key; cookies are absent from cacheable requests.
_HARMLESS_VARY = {"accept-encoding", "cookie"}


def _cache():
    return caches[settings.CAFEIA_PAGE_CACHE_BACKEND]


def _timeout() -> int:
    return _cache().default_timeout


def _purged_key(path: str) -> str:
    return "pc:purged:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def clear() -> None:
    """Every stored page is stale from now on."""
    _mark([_CLEARED])


def purge(paths) -> None:
    """Every stored variant of these paths (any host, query string or encoding) is stale from now on."""
    _mark([_purged_key(p) for p in paths])


def _mark(keys: list[str]) -> None:
    if not keys:
        return
    now = time.time()
    try:
        # A savepoint: the database cache failing inside an editor's transaction must not abort it.
        with transaction.atomic():
            # A mark outlives every entry it invalidates: entries last `timeout` seconds at most.
            _cache().set_many(dict.fromkeys(keys, now), _timeout() + 60)
    except Exception:
        logger.warning("The page cache could not be purged", exc_info=True)


def _purged_since(started: float, purged_key: str) -> bool:
    try:
        marks = _cache().get_many([purged_key, _CLEARED])
    except Exception:
        return True
    return max(marks.values(), default=0) >= started


def _has_django_cookie(request) -> bool:
    return settings.CSRF_COOKIE_NAME in request.COOKIES or settings.SESSION_COOKIE_NAME in request.COOKIES


def request_cacheable(request) -> bool:
    return (request.method in ("GET", "HEAD")
            and not request.path_info.startswith(UNCACHED_PREFIXES) and not _has_django_cookie(request))


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}


def response_cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (response.status_code in _STORED_STATUSES and not response.streaming and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
            and _vary(response) <= _HARMLESS_VARY)


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _entry_key(request) -> str:
    where = f"{request.get_host()}{request.get_full_path()}"
    return f"pc:page:{'gz' if _accepts_gzip(request) else 'id'}:{hashlib.md5(where.encode(), usedforsecurity=False).hexdigest()}"


class PageCacheMiddleware:
    """Serves and stores whole responses; placed outside the gzip and conditional-GET middlewares, so that
    what it stores is compressed once and carries its ETag."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.CAFEIA_PAGE_CACHE:
            return self.get_response(request)
        if not request_cacheable(request):
            return self._skipped(self.get_response(request))
        started = time.time()
        key, purged_key = _entry_key(request), _purged_key(request.path)
        try:
            found = _cache().get_many([key, purged_key, _CLEARED])
        except Exception:
            logger.warning("The page cache does not answer: rendering", exc_info=True)
            found = None
        if found is not None:
            entry = found.get(key)
            if entry and entry[0] > max(found.get(purged_key, 0), found.get(_CLEARED, 0)):
                return self._hit(request, entry)
        response = self.get_response(request)
        if found is None:
            response[HEADER] = "error"
        elif _purged_since(started, purged_key):
            # Rendered from what a publish has just replaced: neither stored here nor by a front cache.
            self._skipped(response)
        elif response_cacheable(response) and self._store(key, started, response):
            response[HEADER] = "miss"
        else:
            self._skipped(response)
        return response

    @staticmethod
    def _skipped(response):
        # Not shared: neither may a front cache keep it (a signed-in editor's page, a form with its token).
        response.headers.setdefault("Cache-Control", "private, no-cache")
        response[HEADER] = "skip"
        return response

    def _hit(self, request, entry):
        _started, status, headers, body = entry
        etag = dict(headers).get("ETag")
        if etag and status == 200 and etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            response = HttpResponse(status=304)
            response["ETag"] = etag
        else:
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
        response[HEADER] = "hit"
        return response

    def _store(self, key, started, response) -> bool:
        timeout = get_max_age(response)
        timeout = _timeout() if timeout is None else min(timeout, _timeout())
        if not timeout:
            return False
        headers = [(k, v) for k, v in response.items() if k.lower() not in ("set-cookie", "expires", HEADER.lower())]
        try:
            _cache().set(key, (started, response.status_code, headers, response.content), timeout)
        except Exception:
            logger.warning("The page cache could not store a page", exc_info=True)
            return False
        return True
