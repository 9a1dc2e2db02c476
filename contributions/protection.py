"""Spam protection for the public forms: honeypot, minimum fill time, per-IP rate limit."""
import hashlib
import time

from django.conf import settings
from django.core import signing

from cafeia_site.counters import increment, value
from cafeia_site.security import client_ip as security_client_ip

RATE_LIMIT_WINDOW_SECONDS = 60 * 60
DEFAULT_RATE_LIMIT_PER_HOUR = 10
SPAM_COUNTER_KEY = "contributions:spam:{reason}"
_SALT = "contributions.form-started"


def min_fill_seconds() -> int:
    return getattr(settings, "CONTRIBUTIONS_MIN_FILL_SECONDS", 4)


def rate_limit_per_hour() -> int:
    return getattr(settings, "CONTRIBUTIONS_RATE_LIMIT_PER_HOUR", DEFAULT_RATE_LIMIT_PER_HOUR)


def form_started_token() -> str:
    return signing.dumps(int(time.time()), salt=_SALT)


def filled_too_fast(token: str) -> bool:
    """True when the form came back sooner than a person could fill it, or the token is forged."""
    try:
        started = signing.loads(token, salt=_SALT, max_age=60 * 60 * 24)
    except (signing.BadSignature, TypeError):
        return True
    return time.time() - int(started) < min_fill_seconds()


def client_ip(request) -> str:
    # The same address django-axes uses: X-Forwarded-For is read only behind CAFEIA_TRUSTED_PROXIES proxies.
    return security_client_ip(request) or "unknown"


def _ip_key(ip: str) -> str:
    # The counter holds a hash of the address, not the address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"contributions:rate:{digest}"


def rate_limited(ip: str) -> bool:
    """Counts one submission for this IP; True once the hourly limit is passed. Shared by all workers."""
    count = increment(_ip_key(ip), timeout=RATE_LIMIT_WINDOW_SECONDS)
    return count > rate_limit_per_hour()


def count_spam(reason: str) -> None:
    increment(SPAM_COUNTER_KEY.format(reason=reason))


def spam_count(reason: str) -> int:
    return value(SPAM_COUNTER_KEY.format(reason=reason))
