"""Spam protection for the public forms: honeypot, minimum fill time bound to one submission, per-IP rate limit."""
import hashlib
import time
import uuid

from django.conf import settings
from django.core import signing

from cafeia_site.counters import increment, value
from cafeia_site.security import client_ip as security_client_ip

RATE_LIMIT_WINDOW_SECONDS = 60 * 60
DEFAULT_RATE_LIMIT_PER_HOUR = 10
STARTED_MAX_AGE_SECONDS = 60 * 60 * 24
SPAM_COUNTER_KEY = "contributions:spam:{reason}"
# Why a send is not read: shown to the sender (views.REFUSALS) and counted under this name.
TOKEN_PROBLEMS = ("too_fast", "expired", "replayed", "forged")
_SALT = "contributions.form-started"


def min_fill_seconds() -> int:
    return getattr(settings, "CONTRIBUTIONS_MIN_FILL_SECONDS", 4)


def rate_limit_per_hour() -> int:
    return getattr(settings, "CONTRIBUTIONS_RATE_LIMIT_PER_HOUR", DEFAULT_RATE_LIMIT_PER_HOUR)


def normalised_key(submission_key) -> str | None:
    try:
        return str(uuid.UUID(str(submission_key)))
    except ValueError:
        return None


def form_started_token(submission_key, *, started: float | None = None) -> str:
    """When the form was shown, signed together with the one submission it may carry."""
    when = time.time() if started is None else started
    return signing.dumps([int(when), normalised_key(submission_key)], salt=_SALT)


def started_problem(token: str, submission_key) -> str | None:
    """Why this started-token cannot carry this submission (one of TOKEN_PROBLEMS), or None when it can.

    The token names the submission it was issued for, so it carries no other: a replay under a new
    submission_key is refused, and the same key sent twice is a double submit, which
    services.contribution_submit answers with the contribution already recorded. One token, one contribution.
    """
    key = normalised_key(submission_key)
    if key is None:
        return "forged"
    try:
        started, bound_key = signing.loads(token, salt=_SALT, max_age=STARTED_MAX_AGE_SECONDS)
        started = int(started)
    except signing.SignatureExpired:
        return "expired"
    except (signing.BadSignature, TypeError, ValueError):
        return "forged"
    if bound_key != key:
        return "replayed"
    elapsed = time.time() - started
    if elapsed > STARTED_MAX_AGE_SECONDS:
        return "expired"
    if elapsed < min_fill_seconds():
        return "too_fast"
    return None


def client_ip(request) -> str:
    # The same address django-axes uses: X-Forwarded-For is read only behind CAFEIA_TRUSTED_PROXIES proxies.
    return security_client_ip(request) or "unknown"


def _ip_key(ip: str) -> str:
    # The counter holds a hash of the address, not the address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"contributions:rate:{digest}"


def over_rate_limit(ip: str) -> bool:
    """True once this IP has used its hourly submissions; reads only, so a send that fails validation costs none."""
    return value(_ip_key(ip)) >= rate_limit_per_hour()


def rate_limited(ip: str) -> bool:
    """Counts one submission for this IP; True once the hourly limit is passed. Shared by all workers."""
    count = increment(_ip_key(ip), timeout=RATE_LIMIT_WINDOW_SECONDS)
    return count > rate_limit_per_hour()


def count_spam(reason: str) -> None:
    increment(SPAM_COUNTER_KEY.format(reason=reason))


def spam_count(reason: str) -> int:
    return value(SPAM_COUNTER_KEY.format(reason=reason))
