"""Settings shared by every environment; dev, test and production override what they must."""
import os
import zoneinfo
from datetime import timedelta
from pathlib import Path

import dj_database_url

from cafeia_site.security import content_security_policy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "cafeia_site",
    "home",
    "cafes",
    "ressources",
    "contributions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cafeia_site.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache for anonymous readers (cafeia_site.page_cache): the browser headers are set outside it,
    # the response is stored compressed, with its ETag.
    "cafeia_site.middleware.PublicCacheControlMiddleware",
    "cafeia_site.page_cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cafeia_site.middleware.RejectMalformedRequestMiddleware",
    # Above everything that may query the database (sessions, auth, redirects, views).
    "cafeia_site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cafeia_site.middleware.UnprefixedLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cafeia_site.urls"
WSGI_APPLICATION = "cafeia_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cafeia_site.context_processors.site_chrome",
            ],
        },
    },
]

# SQLite is the embedded default so `make run` needs nothing installed;
# DATABASE_URL switches to PostgreSQL (CI, production). Health checks: a persistent connection
# broken by a database restart is replaced at the start of the next request, not failed on.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username+address before the password is even checked.
    "cafeia_site.auth_backends.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French by default, Arabic (right to left) and English.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("ar", "العربية"),
    ("en", "English"),
]
RTL_LANGUAGES = {"ar"}
# The admin's language is each account's preference (Wagtail ships ar, fr, en admin catalogues); with none, Wagtail
# follows the browser, and its e-mails the language of the request that sent them: the demo sets every account's.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
# Time zone rules from the tzdata package (requirements.txt, upgraded with the site), never the
# system's copy, which can lag: Debian 12's 2025b still puts Morocco at UTC+1 after its move to
# UTC+0 on 20 September 2026, so every Moroccan café's instant (feeds, map) was an hour off.
zoneinfo.reset_tzpath(to=[])
zoneinfo.ZoneInfo.clear_cache()
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation must go live only when an editor publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
WHITENOISE_MIMETYPES = {".geojson": "application/geo+json"}  # the map's base map files (RFC 7946), not octet-stream
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files sent with contributions: never served, read by moderators through the admin only.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "contributions": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

WAGTAIL_SITE_NAME = "Café IA"
# The site's public address, the one fact behind every absolute link: e-mails read it, and the default Wagtail
# Site follows it (migrate, load_demo, `manage.py sync_site_address`), which gives page.full_url, the sitemap
# and the API's html_url. A system check (cafeia_site.E001) fails when the two disagree.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, with one PostgreSQL text-search configuration per language
        # (cafeia_site/search_backend/); on SQLite, Wagtail's FTS5 backend.
        "BACKEND": "cafeia_site.search_backend",
        # For what has no language (documents, images, users); PostgreSQL 15 has an Arabic stemmer.
        "SEARCH_CONFIG": "french",
        "SEARCH_CONFIGS": {"fr": "french", "ar": "arabic", "en": "english"},
    }
}
# Uploaded documents are checked for size and real content (cafeia_site.uploads).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ressources.forms.ResourceDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv", "zip", "png", "jpg"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatar from gravatar.com: the admin would send every editor's e-mail hash to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

TAGGIT_CASE_INSENSITIVE = True

# Background work (e-mails) goes through Django tasks: immediate here,
# the database backend with its worker in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cafeia_cache",
    },
    # Whole pages for anonymous readers, purged per path when what they show changes (cafeia_site.page_cache, cafeia_site.purge).
    # Kept 5 minutes at most: "upcoming" cafés become past ones with time alone, without any publish.
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cafeia_pages",
        "TIMEOUT": 5 * 60,
        "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
    },
    # Wagtail looks renditions up on every image it shows: keep that off the database.
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

CAFEIA_PAGE_CACHE = True
CAFEIA_PAGE_CACHE_BACKEND = "pages"
# How long a browser may reuse a public page without asking again; the server's copy is purged on publish.
CAFEIA_BROWSER_CACHE_SECONDS = 60
# How long a shared front cache (Varnish) may keep it: it is purged on publish too (cafeia_site.purge).
CAFEIA_FRONT_CACHE_SECONDS = 5 * 60
# The front cache to purge, if there is one: Wagtail's frontend cache backends (PURGE requests to Varnish).
WAGTAILFRONTENDCACHE = {}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Café IA <contact@cafeia.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Map tiles are the only third-party request a page may make, and only if
# this is set: empty means the map draws markers on a plain background.
CAFEIA_TILE_URL = os.environ.get("CAFEIA_TILE_URL", "")
CAFEIA_TILE_ATTRIBUTION = os.environ.get("CAFEIA_TILE_ATTRIBUTION", "")

# Security headers. SecurityMiddleware sends X-Content-Type-Options, Referrer-Policy and
# Cross-Origin-Opener-Policy; cafeia_site.middleware adds Permissions-Policy; django-csp
# sends the Content-Security-Policy (no 'unsafe-inline'; the admin under /admin/ is exempt).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Origins a click-to-load video may embed (e.g. "https://www.youtube-nocookie.com"); none by default.
CAFEIA_CSP_FRAME_SRC = [o.strip() for o in os.environ.get("CAFEIA_CSP_FRAME_SRC", "").split(",") if o.strip()]
CONTENT_SECURITY_POLICY = content_security_policy(tile_url=CAFEIA_TILE_URL, frame_sources=CAFEIA_CSP_FRAME_SRC)

# Request size limits (Django's defaults, stated here on purpose): an oversized form body or
# a query string with thousands of fields is a 400, not a 500. Uploads are limited by
# WAGTAILIMAGES_MAX_UPLOAD_SIZE and each form's own checks.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# Brute-force protection of the admin login (django-axes): after AXES_FAILURE_LIMIT failures
# for one username from one address, that pair is locked out for AXES_COOLOFF_TIME.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)  # templates/cafeia_site/lockout.html says "30 minutes"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cafeia_site/lockout.html"
AXES_CLIENT_IP_CALLABLE = "cafeia_site.security.client_ip"
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
CAFEIA_TRUSTED_PROXIES = int(os.environ.get("CAFEIA_TRUSTED_PROXIES", "0"))

# E-mails go through cafeia_site.tasks.send_email_task: on an SMTP failure it re-enqueues
# itself after each of these delays (seconds), then gives up and logs an error.
CAFEIA_EMAIL_RETRY_DELAYS = [60, 300, 900, 3600, 6 * 3600, 24 * 3600]

# Every retention period of personal data (days), applied daily by `manage.py purge_personal_data`.
CAFEIA_RETENTION_DAYS = {
    "login_attempts": 30,  # django-axes records: usernames and IP addresses
    "finished_tasks": 30,  # task results keep e-mail recipients and bodies
    "unconfirmed_subscribers": 7,  # lettre subscriptions whose e-mail was never confirmed
    "unconfirmed_contributions": 7,  # contributions whose e-mail was never confirmed
    "rejected_contributions": 90,  # refused contributions, kept for a possible appeal
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
