"""Production settings plus what the load benchmark needs: plain HTTP on 127.0.0.1, a floor view, query counts.

The runner sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, EMAIL_HOST, DEFAULT_FROM_EMAIL and
SECURE_SSL_REDIRECT=0 in the environment, as a deployment would.
"""
import os

from cafeia_site.settings.production import *  # noqa: F403
from cafeia_site.settings.production import MIDDLEWARE

ROOT_URLCONF = "tests.perf.load.urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
# Plain HTTP on the loopback: no proxy in front to say the request came in over TLS.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
# The submitters of the contribution load come "from" their own addresses, as behind one reverse proxy.
CAFEIA_TRUSTED_PROXIES = 1
CONTRIBUTIONS_MIN_FILL_SECONDS = 1
# Outermost: every response says how many SQL queries it took (X-Queries).
MIDDLEWARE = ["tests.perf.load.middleware.QueryCountMiddleware", *MIDDLEWARE]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
