"""A small fixed-window rate limit on the shared cache, for posting, comments and kudos.

With Redis as the cache the limit holds across every app server; while Redis is away, per
process (core/cache.limits_cache).
"""

from __future__ import annotations

import time

from django.conf import settings

from .cache import limits_cache


def client_address(request) -> str:
    """The client's address: behind PROXY_COUNT trusted proxies, the one the outermost proxy
    put in X-Forwarded-For (what the client wrote before it is not trusted)."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def actor_key(request) -> str:
    """Who is acting: the signed-in user, else the guest's address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_address(request)}"


def hit_limit(action: str, who: str, limit: int, window_seconds: int) -> bool:
    """Count one more `action` by `who`; True when that goes over `limit` in the window."""
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{action}:{who}:{window}"
    cache = limits_cache()
    if cache.add(key, 1, timeout=window_seconds + 1):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window_seconds + 1)
        count = 1
    return count > limit
