"""The archive's caches, as settings.py sets them from REDIS_URL: the shared cache, the rendered
fragments' and the page cache's, and which of them the page cache keeps its pages, its
versions and its near copies in."""

from __future__ import annotations

from pathlib import Path

from ficarchive.environment import env_int, env_str


def caches(redis_url: str, data_dir: Path, *, testing: bool, near: bool):
    """CACHES, and the aliases (pages, page versions, near copies: "" for none)."""
    found = {"default": _shared(redis_url, data_dir, testing=testing)}
    # Rendered fragments (blurbs) in each process's memory: their keys are digests of what they
    # show, so they are never stale and need no sharing between processes.
    found["template_fragments"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ENTRIES", 20_000)},
    }
    # The page cache for guests (pagecache/): pages and their versions in Redis, and each
    # process's copies of the pages it served lately (for NEAR_CACHE_SECONDS, checked against
    # the versions); without Redis, pages in each process's memory, checked against versions
    # in the cache that every process of the machine shares (the tests' own: diskcache in a
    # folder of the run's own).
    found["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 5_000)},
    }
    if redis_url:
        return found, ("default", "default", "pages" if near else "")
    if not testing:
        return found, ("pages", "default", "")
    found["page_versions"] = {
        "BACKEND": "ficarchive.core.cache.DegradingDiskCache",
        "LOCATION": env_str("PAGE_VERSIONS_DIR", str(data_dir / "page-versions")),
        "SHARDS": 4,
    }
    return found, ("pages", "page_versions", "")


def _shared(redis_url: str, data_dir: Path, *, testing: bool) -> dict:
    if redis_url:
        return {
            # Django's RedisCache, which goes on while Redis is away (core/cache.py)
            "BACKEND": "ficarchive.core.cache.DegradingRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ficarchive"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    if testing:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    # The server runs one process per core, beside a task worker: without Redis their one
    # shared cache (buffered hits, rate limits, the lexicon's version) is diskcache's, SQLite
    # files in DATA_DIR/cache that every process on the machine reads and writes.
    return {
        # diskcache's, which goes on while its disk is full (core/cache.py)
        "BACKEND": "ficarchive.core.cache.DegradingDiskCache",
        "LOCATION": str(data_dir / "cache"),
        "SHARDS": 4,
        "DATABASE_TIMEOUT": 0.25,  # seconds a write waits for a shard's lock, then retries
        "OPTIONS": {"size_limit": env_int("CACHE_SIZE_LIMIT_MB", 1024) * 1024 * 1024},
    }
