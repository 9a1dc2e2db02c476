"""Counters shared by every worker: versions of cached content, rate limits, spam tallies.

Each increment is one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` (PostgreSQL and SQLite),
so concurrent requests never lose a count: a rate limit holds under a burst from one address.
A counter with a timeout starts again from `start` once it has expired.
"""
from datetime import datetime, timedelta

from django.db import connection
from django.utils import timezone

from .models import Counter

# Only parameters vary; the table is Counter's (asserted below).
_INCREMENT = """
INSERT INTO cafeia_site_counter (name, value, expires_at) VALUES (%s, %s, %s)
ON CONFLICT (name) DO UPDATE SET
  value = CASE WHEN cafeia_site_counter.expires_at IS NOT NULL AND cafeia_site_counter.expires_at <= %s
               THEN excluded.value ELSE cafeia_site_counter.value + 1 END,
  expires_at = CASE WHEN cafeia_site_counter.expires_at IS NOT NULL AND cafeia_site_counter.expires_at <= %s
                    THEN excluded.expires_at ELSE cafeia_site_counter.expires_at END
RETURNING value
"""
assert Counter._meta.db_table == "cafeia_site_counter"


def increment(key: str, *, start: int = 0, timeout: int | None = None) -> int:
    """Adds one to the counter at `key` (created at `start` if missing or expired) and returns the new value."""
    now = timezone.now()
    expires_at = now + timedelta(seconds=timeout) if timeout else None
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(_INCREMENT, [key, start + 1, adapt(expires_at), adapt(now), adapt(now)])
        return cursor.fetchone()[0]


def value(key: str, default: int = 0) -> int:
    """The counter's current value, `default` if it was never incremented or has expired."""
    row = Counter.objects.filter(name=key).values_list("value", "expires_at").first()
    if row is None or (row[1] is not None and row[1] <= timezone.now()):
        return default
    return row[0]


def purge_expired(now: datetime) -> int:
    """Rate-limit counters are keyed by a hash of an address; once expired they serve nothing."""
    return Counter.objects.filter(expires_at__lte=now).delete()[0]
