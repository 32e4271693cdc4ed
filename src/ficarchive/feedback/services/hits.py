"""Hits: unique visitors per work per day, buffered in the cache and added to Work.hits_count
by a flush, so that reading a page never writes to the database.

Cache keys (all under "hits:"):
  seen:<day>:<work>:<visitor>  set once per visitor, work and day (cache.add is atomic)
  count:<work>                 hits not yet flushed (atomic incr/decr, never expires)
  registry, listed:<work>      the ids of works with buffered hits (buffers.Registry)
"""

from __future__ import annotations

import threading

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from ficarchive.core.cache import shared_cache_trusted
from ficarchive.core.ratelimit import client_address
from ficarchive.core.signals import hit_counted
from ficarchive.works.models import Work

from .buffers import Registry
from .rules import fingerprint

SEEN_SECONDS = 26 * 3600
REGISTRY = Registry("hits")
# What this process has counted today: (work, visitor) by day. A visitor who opens the chapters
# of a work one by one asks the shared cache only for the first; the rest cost a set lookup.
# It only ever skips what the shared cache has seen already (remembered only once the cache
# answered); bounded, and cleared each day.
SEEN_HERE_LIMIT = 200_000
_seen_here: dict[str, set[tuple]] = {}  # day -> {(work, visitor), ...}
_seen_lock = threading.Lock()


def visitor_key(request) -> str:
    """A signed-in reader by account; a guest by address and browser, hashed."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return "g" + fingerprint(f"{address}|{agent}")[:32]


def first_here_today(day: str, item: tuple) -> bool:
    """False when this process has counted `item` (a work and a visitor, say) on `day`: the
    shared cache has seen it too, and needs no round trip."""
    today = _seen_here.get(day)
    return today is None or item not in today


def remember_here_today(day: str, item: tuple) -> None:
    """Remember `item` as counted on `day`, once the shared cache has answered for it. While
    the cache is away its `add` answers "taken" to everyone: it has seen nothing, and a visit
    it missed is counted at the next one after it is back."""
    if not shared_cache_trusted():
        return
    with _seen_lock:
        today = _seen_here.get(day)
        if today is None or len(today) >= SEEN_HERE_LIMIT:
            _seen_here.clear()
            today = _seen_here[day] = set()
        today.add(item)


def count_hit(work_id: int, visitor: str) -> bool:
    """Count one hit for the visitor, once per work per day. True when it counted."""
    day = timezone.localdate().isoformat()
    if not first_here_today(day, (work_id, visitor)):
        return False
    added = cache.add(f"hits:seen:{day}:{work_id}:{visitor}", 1, timeout=SEEN_SECONDS)
    remember_here_today(day, (work_id, visitor))
    if not added:
        return False
    key = f"hits:count:{work_id}"
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
    REGISTRY.add(work_id)
    hit_counted.send(sender=None, work_id=work_id, day=day)
    return True


def forget_seen_here() -> None:
    """Forget what this process has counted (with the shared cache cleared, in tests)."""
    with _seen_lock:
        _seen_here.clear()


def pending_hits(work_id: int) -> int:
    return cache.get(f"hits:count:{work_id}") or 0


def flush_hits() -> int:
    """Add every buffered count to Work.hits_count; the number of hits written."""

    written = 0
    for work_id in sorted(REGISTRY.take()):
        REGISTRY.unlist(work_id)  # hits from here on list the work again
        key = f"hits:count:{work_id}"
        buffered = cache.get(key) or 0
        if buffered <= 0:
            continue
        cache.decr(key, buffered)
        Work.objects.filter(pk=work_id).update(hits_count=F("hits_count") + buffered)
        written += buffered
    return written
