"""The shared cache, and what the archive does when it cannot be reached or written: Redis
stopped, or the disk of the cache files full.

`DegradingRedisCache` (with REDIS_URL) and `DegradingDiskCache` (without: diskcache's files in
DATA_DIR/cache) are the usual backends, except that a failing cache fails no request: a read
misses, a write is dropped, `add` answers False (taken) and `incr`/`decr` ValueError (no such
key), for RETRY_SECONDS before the cache is tried again. What that means for each user of the
cache is in docs/operating.md ("When the cache is away"): pages are built afresh, sessions are
read from the database, hits are not counted, periodic jobs wait, and rate limits hold per
process (`limits_cache`).

A dropped write may leave the cache holding what is no longer true (a session ended, a page's
version not bumped). So until a process has reconciled after dropping writes, it believes none
of the guests' kept pages (`trusted`), and the first time it reaches the cache again it deletes
every key but the buffers of counts not yet written, the limits' counters and the periodic
turns (KEPT_PREFIXES): pages and session copies are then built again from the database.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

from .diskcache_backend import KeptOpenDiskCache
from .signals import cache_reconciled

log = logging.getLogger(__name__)

RETRY_SECONDS = 1.0
# Buffered hits and reading history (feedback), the authors' figures not folded yet (stats),
# rate limits and log-in limits, periodic turns.
KEPT_PREFIXES = ("hits:", "reading:", "stats:", "ratelimit:", "login:", "periodic:")


class GoesOnWithout:
    """The part shared by both backends: a class names its `failures` (exceptions meaning the
    cache is away) and how to list and delete its keys."""

    failures: tuple[type[BaseException], ...] = ()

    def _start_degrading(self) -> None:
        self._down_until = 0.0
        self._dropped_writes = False
        self._lock = threading.Lock()

    @property
    def reachable(self) -> bool:
        """False while this process counts the cache as away (it failed a moment ago)."""
        return time.monotonic() >= self._down_until

    @property
    def trusted(self) -> bool:
        """True when no write was dropped since the last reconciliation."""
        return self.reachable and not self._dropped_writes

    def _call(self, write: bool, fallback, method, *args, **kwargs):
        if not self.reachable:
            self._dropped_writes |= write
            return fallback()
        try:
            if self._dropped_writes:
                self._forget_what_may_be_stale()
            return method(*args, **kwargs)
        except self.failures as error:
            if self.reachable:
                log.warning("the cache failed (%s): going on without it", error)
            self._down_until = time.monotonic() + RETRY_SECONDS
            self._dropped_writes |= write
            return fallback()

    def _forget_what_may_be_stale(self) -> None:
        with self._lock:
            if not self._dropped_writes:
                return
            kept = tuple(self.make_key(p) for p in KEPT_PREFIXES)
            dropped = self._delete_all_but(kept)
            self._dropped_writes = False
            log.warning("the cache is back: %d entries that may be stale dropped", dropped)
        cache_reconciled.send(sender=type(self))

    def _delete_all_but(self, kept: tuple[str, ...]) -> int:
        raise NotImplementedError

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
        return self._call(True, lambda: False, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(True, lambda: False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call(True, lambda: None, super().delete_many, keys, version)

    # diskcache's decr calls incr with its own extra arguments (default, retry): pass them on.
    def incr(self, key, delta=1, version=None, *more, **options):
        return self._call(True, _no_such_key(key), super().incr, key, delta, version, *more, **options)  # fmt: skip

    def decr(self, key, delta=1, version=None, *more, **options):
        return self._call(True, _no_such_key(key), super().decr, key, delta, version, *more, **options)  # fmt: skip

    def clear(self):
        return self._call(True, lambda: False, super().clear)


def _no_such_key(key):
    def missing():
        raise ValueError(f"Key '{key}' not found (the cache is away)")

    return missing


class DegradingRedisCache(GoesOnWithout, RedisCache):
    """Django's RedisCache, going on while Redis is stopped or unreachable."""

    failures = (ConnectionError, TimeoutError)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._start_degrading()

    def _delete_all_but(self, kept):
        client = self._cache.get_client(write=True)
        doomed, dropped = [], 0
        for key in client.scan_iter(match=self.make_key("*"), count=1000):
            if not key.decode(errors="replace").startswith(kept):
                doomed.append(key)
            if len(doomed) >= 1000:
                dropped, doomed = dropped + client.delete(*doomed), []
        return dropped + (client.delete(*doomed) if doomed else 0)


class DegradingDiskCache(GoesOnWithout, KeptOpenDiskCache):
    """diskcache's DjangoCache (kept open between requests), going on while its disk is full
    or cannot be written (the cache's own SQLite files fail, even to open, with "database or
    disk is full")."""

    failures = (sqlite3.OperationalError, sqlite3.DatabaseError, OSError)

    def __init__(self, directory, params):
        BaseCache.__init__(self, params)
        self._start_degrading()
        self._opening = (directory, params)
        self._try_open()

    def _try_open(self) -> bool:
        if self._opening is None:
            return True
        if not self.reachable:
            return False
        try:
            KeptOpenDiskCache.__init__(self, *self._opening)
        except self.failures as error:
            log.warning("the cache files cannot be opened (%s): going on without them", error)
            self._down_until = time.monotonic() + RETRY_SECONDS
            return False
        self._opening = None
        return True

    def _call(self, write, fallback, method, *args, **kwargs):
        if not self._try_open():
            self._dropped_writes |= write
            return fallback()
        return super()._call(write, fallback, method, *args, **kwargs)

    def _delete_all_but(self, kept):
        dropped = 0
        for key in list(self._cache):  # every shard's keys
            if isinstance(key, str) and not key.startswith(kept):
                dropped += bool(self._cache.delete(key, retry=True))
        return dropped


# The limits' own counters while the shared cache is away: each process counts for itself
# (as a single machine without Redis would), so posting and signing in go on, limited.
_LOCAL_LIMITS = LocMemCache("limits-while-the-cache-is-away", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def shared_cache_trusted() -> bool:
    return getattr(caches["default"], "trusted", True)


def limits_cache():
    """The cache rate limits count in: the shared one, or this process's while it is away."""
    return caches["default"] if shared_cache_trusted() else _LOCAL_LIMITS
