"""The shared cache when it is Redis, and what the archive does while Redis is away.

`DegradingRedisCache` is Django's RedisCache that never fails a request because Redis cannot
be reached: a read misses, a write is dropped, `add` answers False (taken) and `incr` ValueError
(no such key), for RETRY_SECONDS before it tries Redis again. What that means for each user of
the cache is in docs/operating.md ("When Redis is away"): pages are built afresh, sessions
are read from the database, hits are not counted, periodic jobs wait, and rate limits hold per
process (`limits_cache`).

A write dropped may leave Redis holding what is no longer true (a session ended, a page's
version not bumped) if Redis kept its data through the outage. So the first time a process
reaches Redis again after dropping writes, it deletes every key but the buffers of counts not
yet written and the limits' counters (KEPT_PREFIXES): pages and session copies are then built
again from the database.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

log = logging.getLogger(__name__)

RETRY_SECONDS = 1.0
# Buffered hits and reading history (feedback), rate limits and log-in limits, periodic turns.
KEPT_PREFIXES = ("hits:", "reading:", "ratelimit:", "login:", "periodic:")
UNREACHABLE = (ConnectionError, TimeoutError)


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._dropped_writes = False
        self._lock = threading.Lock()

    @property
    def reachable(self) -> bool:
        """False while this process counts Redis as away (it failed in the last moments)."""
        return time.monotonic() >= self._down_until

    def _call(self, write: bool, fallback, method, *args, **kwargs):
        if not self.reachable:
            self._dropped_writes |= write
            return fallback()
        try:
            if self._dropped_writes:
                self._forget_what_may_be_stale()
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            if self.reachable:
                log.warning("Redis is unreachable (%s): going on without the cache", error)
            self._down_until = time.monotonic() + RETRY_SECONDS
            self._dropped_writes |= write
            return fallback()

    def _forget_what_may_be_stale(self) -> None:
        with self._lock:
            if not self._dropped_writes:
                return
            client = self._cache.get_client(write=True)
            prefix = self.make_key("")
            kept = tuple(prefix + p for p in KEPT_PREFIXES)
            doomed, dropped = [], 0
            for key in client.scan_iter(match=prefix + "*", count=1000):
                if not key.decode(errors="replace").startswith(kept):
                    doomed.append(key)
                if len(doomed) >= 1000:
                    dropped += client.delete(*doomed)
                    doomed = []
            if doomed:
                dropped += client.delete(*doomed)
            self._dropped_writes = False
            log.warning("Redis is back: %d cached entries that may be stale dropped", dropped)

    # Reads miss.
    def get(self, key, default=None, version=None):
        return self._call(False, lambda: default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(False, dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, lambda: False, super().has_key, key, version)

    # Writes are dropped; `add` answers "taken" and `incr` "no such key", so that no caller
    # counts on a write that was not made.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(True, lambda: False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call(True, lambda: None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (Redis is unreachable)")

        return self._call(True, missing, super().incr, key, delta, version)

    def clear(self):
        return self._call(True, lambda: False, super().clear)


# The limits' own counters while the shared cache is away: each process counts for itself
# (as a single machine without Redis would), so posting and signing in go on, limited.
_LOCAL_LIMITS = LocMemCache("limits-while-redis-is-away", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def shared_cache_reachable() -> bool:
    return getattr(caches["default"], "reachable", True)


def limits_cache():
    """The cache rate limits count in: the shared one, or this process's while it is away."""
    return caches["default"] if shared_cache_reachable() else _LOCAL_LIMITS
