"""Django's Redis cache, made to step aside while Redis is away.

Several application servers share one Redis for the page cache, the chrome and the feeds. When it restarts
or is unreachable the site must keep answering, rendering what it would have read: a read answers "missing",
a write is dropped, and each is logged. The site's own data never lives here (counters and sessions are in
PostgreSQL), so nothing is lost with it.
"""
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class ResilientRedisCache(RedisCache):
    def _away(self, operation: str) -> None:
        logger.warning("Redis is unavailable (%s): carrying on without the cache", operation)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _UNAVAILABLE:
            self._away("get")
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except _UNAVAILABLE:
            self._away("get_many")
            return {}

    def add(self, key, value, timeout=None, version=None):  # noqa: DJ012 (the base's signature)
        try:
            return super().add(key, value, timeout, version)
        except _UNAVAILABLE:
            self._away("add")
            return False

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except _UNAVAILABLE:
            self._away("set")

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except _UNAVAILABLE:
            self._away("set_many")
            return list(data)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except _UNAVAILABLE:
            self._away("delete")
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except _UNAVAILABLE:
            self._away("delete_many")
