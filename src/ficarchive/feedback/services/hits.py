"""Hits: unique visitors per work per day, buffered in the cache and added to Work.hits_count
by a flush, so that reading a page never writes to the database.

Cache keys (all under "hits:"):
  seen:<day>:<work>:<visitor>  set once per visitor, work and day (cache.add is atomic)
  count:<work>                 hits not yet flushed (atomic incr/decr, never expires)
  listed:<work>                present while the work is in the registry
  registry                     the ids of works with buffered hits, changed under a lock
  next-flush                   present until the next flush is due (HIT_FLUSH_SECONDS)
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from ficarchive.core.ratelimit import client_address
from ficarchive.works.models import Work

from .rules import fingerprint

SEEN_SECONDS = 26 * 3600
REGISTRY = "hits:registry"
LOCK = "hits:registry-lock"


def visitor_key(request) -> str:
    """A signed-in reader by account; a guest by address and browser, hashed."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return "g" + fingerprint(f"{address}|{agent}")[:32]


def _with_lock(action):
    for _ in range(200):
        if cache.add(LOCK, 1, timeout=5):
            try:
                return action()
            finally:
                cache.delete(LOCK)
        time.sleep(0.005)
    raise TimeoutError("the hit registry stayed locked")


def _register(work_id: int) -> None:
    if not cache.add(f"hits:listed:{work_id}", 1, timeout=None):
        return  # listed already, and the flush will find it

    def add():
        ids = cache.get(REGISTRY) or set()
        ids.add(work_id)
        cache.set(REGISTRY, ids, timeout=None)

    try:
        _with_lock(add)
    except TimeoutError:
        cache.delete(f"hits:listed:{work_id}")  # a later hit lists it; its count waits safely


def count_hit(work: Work, visitor: str) -> bool:
    """Count one hit for the visitor, once per work per day. True when it counted."""
    day = timezone.localdate().isoformat()
    if not cache.add(f"hits:seen:{day}:{work.pk}:{visitor}", 1, timeout=SEEN_SECONDS):
        return False
    key = f"hits:count:{work.pk}"
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
    _register(work.pk)
    return True


def pending_hits(work_id: int) -> int:
    return cache.get(f"hits:count:{work_id}") or 0


def flush_hits() -> int:
    """Add every buffered count to Work.hits_count; the number of hits written."""

    def take():
        ids = cache.get(REGISTRY) or set()
        cache.delete(REGISTRY)
        return ids

    written = 0
    for work_id in sorted(_with_lock(take)):
        cache.delete(f"hits:listed:{work_id}")  # hits from here on list the work again
        key = f"hits:count:{work_id}"
        buffered = cache.get(key) or 0
        if buffered <= 0:
            continue
        cache.decr(key, buffered)
        Work.objects.filter(pk=work_id).update(hits_count=F("hits_count") + buffered)
        written += buffered
    return written


def flush_if_due() -> int:
    """Flush at most once every HIT_FLUSH_SECONDS, from whichever request comes first: with the
    local-memory cache the web process is the only one that sees the buffered hits."""
    if cache.add("hits:next-flush", 1, timeout=settings.HIT_FLUSH_SECONDS):
        return flush_hits()
    return 0
