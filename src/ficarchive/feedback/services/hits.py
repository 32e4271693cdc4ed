"""Hits: unique visitors per work per day, buffered in the cache and added to Work.hits_count
by a flush, so that reading a page never writes to the database.

Cache keys (all under "hits:"):
  seen:<day>:<work>:<visitor>  set once per visitor, work and day (cache.add is atomic)
  count:<work>                 hits not yet flushed (atomic incr/decr, never expires)
  registry, listed:<work>      the ids of works with buffered hits (buffers.Registry)
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from ficarchive.core.ratelimit import client_address
from ficarchive.works.models import Work

from .buffers import Registry
from .rules import fingerprint

SEEN_SECONDS = 26 * 3600
REGISTRY = Registry("hits")


def visitor_key(request) -> str:
    """A signed-in reader by account; a guest by address and browser, hashed."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return "g" + fingerprint(f"{address}|{agent}")[:32]


def count_hit(work_id: int, visitor: str) -> bool:
    """Count one hit for the visitor, once per work per day. True when it counted."""
    day = timezone.localdate().isoformat()
    if not cache.add(f"hits:seen:{day}:{work_id}:{visitor}", 1, timeout=SEEN_SECONDS):
        return False
    key = f"hits:count:{work_id}"
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
    REGISTRY.add(work_id)
    return True


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
