"""Test settings: fast hashing, mail outbox, a file test database the browser server can share."""
import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES
from .local import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-cafeia"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("EMAIL_FILE_PATH"):
    # The browser tests' server process writes its e-mails where the test can read them.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# The browser tests' server is told its own address, so that its e-mails link to it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://testserver")

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so the browser tests' server process reads the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}

# Uploads of the test run stay out of the working media folders; the test server serves them.
MEDIA_ROOT = BASE_DIR / ".test-media" / "public"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-media" / "private"
STORAGES = {
    **STORAGES,  # noqa: F405
    "contributions": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
SERVE_MEDIA = True
# Spam protection stays on in tests; the minimum fill time is shortened so tests can wait it out.
CONTRIBUTIONS_MIN_FILL_SECONDS = 1
# The browser tests' server takes every journey's contributions from one address, 127.0.0.1: its own limit.
CONTRIBUTIONS_RATE_LIMIT_PER_HOUR = int(os.environ.get("CONTRIBUTIONS_RATE_LIMIT_PER_HOUR", "10"))
# The page cache adds its own lookups to every request: off by default so that query counts measure
# the pages; on in tests/cafeia_site/test_page_cache.py and in the browser tests' server.
CAFEIA_PAGE_CACHE = os.environ.get("CAFEIA_PAGE_CACHE") == "1"

if os.environ.get("CAFEIA_TEMPLATE_LOG") and (BASE_DIR / "tests" / "template_coverage.py").exists():
    # Set by the test session for the processes it starts (the browser tests' server): they report
    # the templates they render, so that the suite's template coverage counts them (tests/template_coverage.py).
    INSTALLED_APPS = [*INSTALLED_APPS, "tests.template_coverage.ServerTemplateLog"]  # noqa: F405
