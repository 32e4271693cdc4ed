"""Cheap counters for operators (the page cache's hits and misses): counted in the process and
added to the shared cache at most every COUNTER_FLUSH_SECONDS, one key per name and day, kept
for COUNTER_DAYS days. A request pays a dictionary increment; a flush one cache round trip per
name. What a process counted since its last flush is lost when it stops."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

COUNTER_DAYS = 14
# The page cache's answers: a guest's page served from the cache, or built and kept.
PAGE_CACHE_HIT, PAGE_CACHE_MISS = "pagecache.hit", "pagecache.miss"

_lock = threading.Lock()
_pending: Counter = Counter()
_last_flush = [time.monotonic()]


def _key(name: str, day: date | str) -> str:
    return f"counter:{name}:{day}"


def count(name: str) -> None:
    """One more of `name` today."""
    now = time.monotonic()
    with _lock:
        _pending[(name, timezone.localdate().isoformat())] += 1
        due = now - _last_flush[0] >= settings.COUNTER_FLUSH_SECONDS
    if due:
        flush()


def flush() -> None:
    """Add what this process counted to the shared cache."""
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    for (name, day), n in taken.items():
        key = _key(name, day)
        cache.add(key, 0, timeout=COUNTER_DAYS * 86400)
        try:
            cache.incr(key, n)
        except ValueError:  # evicted between add and incr
            cache.set(key, n, timeout=COUNTER_DAYS * 86400)


def forget() -> None:
    """Drop what this process counted and has not written (with the shared cache cleared, in
    tests)."""
    with _lock:
        _pending.clear()


def read(name: str, days: int = 7) -> dict[date, int]:
    """The counts of the last `days` days (today last), as flushed by every process."""
    today = timezone.localdate()
    wanted = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    found = cache.get_many([_key(name, d.isoformat()) for d in wanted])
    return {d: int(found.get(_key(name, d.isoformat()), 0)) for d in wanted}
