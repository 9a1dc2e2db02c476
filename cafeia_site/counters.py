"""Counters in the shared cache (versions of cached content, rate limits, spam tallies)."""
from django.core.cache import cache


def increment(key: str, *, start: int = 0, timeout: int | None = None) -> int:
    """Adds one to the counter at `key` (created at `start` if missing) and returns the new value."""
    cache.add(key, start, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, start + 1, timeout)
        return start + 1
