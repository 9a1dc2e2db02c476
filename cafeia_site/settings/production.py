"""Production settings: everything secret or site-specific comes from the environment."""
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .objects import object_storages, with_media_origins


def _require(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value


DEBUG = False
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _require("ALLOWED_HOSTS").split(",") if h.strip()]
_require("DATABASE_URL")  # base.py already reads it; here it must be set.
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = _require("EMAIL_HOST")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = _require("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "contributions": STORAGES["contributions"],  # noqa: F405
}

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# Several application servers: one Redis for the caches they share (pages, chrome, feeds). Without it, the
# database cache tables of the embedded setup. A Redis away makes the site render instead (cache_backends).
if REDIS_URL := os.environ.get("REDIS_URL", "").strip():
    _redis = {"BACKEND": "cafeia_site.cache_backends.ResilientRedisCache", "LOCATION": REDIS_URL,
              "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}}
    CACHES = {
        **CACHES,  # noqa: F405
        "default": {**_redis, "KEY_PREFIX": "cafeia"},
        # Django's own: the page cache handles Redis being away itself, and says so (X-Cache: error).
        "pages": {**_redis, "BACKEND": "django.core.cache.backends.redis.RedisCache", "KEY_PREFIX": "cafeia-pages",
                  "TIMEOUT": CACHES["pages"]["TIMEOUT"]},  # noqa: F405
    }

# An HTTP front cache (Varnish, deploy/varnish/cafeia.vcl) in front of the application servers: purged per
# path on publish through Wagtail's frontend cache (cafeia_site.purge). Several, separated by commas.
if FRONT_CACHE_URLS := [u.strip() for u in os.environ.get("FRONT_CACHE_URLS", "").split(",") if u.strip()]:
    WAGTAILFRONTENDCACHE = {
        f"front{i}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
        for i, url in enumerate(FRONT_CACHE_URLS)
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}

# Media on object storage when the environment names the buckets (settings/objects.py); local files otherwise.
if _objects := object_storages(os.environ):
    STORAGES = {**STORAGES, **_objects}
    CONTENT_SECURITY_POLICY = with_media_origins(CONTENT_SECURITY_POLICY, os.environ)  # noqa: F405
