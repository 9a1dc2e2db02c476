"""Development settings: debug on, e-mails printed to the console, demo passwords known."""
from .base import *  # noqa: F403
from .local import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-cafeia"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Templates change under a developer's hands: no page cache here (tests and production have it).
CAFEIA_PAGE_CACHE = False
