"""Versions of scopes, and the kept pages that carry them.

A version is a random token, never a counter: two processes bumping one scope at once both
leave a token no kept page carries (a counter could land twice on the same number). A scope
with no version yet (never bumped, or evicted) is given a fresh token before a page is kept
under it, so that an evicted version can never bring an old page back.

Pages and versions live in Redis when REDIS_URL is set. Each process keeps the versions it read
in memory too, told of every bump by Redis (core/near_cache.py), and a copy of the pages it
served for a few seconds (NEAR_CACHE_SECONDS, in the `pages` cache of its own memory), checked
against those versions: a hit needs no round trip. With the near cache off, one round trip reads
a page and its versions (once this process knows the scopes of the page's key). Without Redis,
pages live in each process's memory
and versions in a file cache under DATA_DIR that every process of the machine shares, so a
change made through one process reaches them all; beside that file cache, a stamp (stamp.py)
that every bump moves on lets each process answer from the versions it read last, without
reading the file cache again, for as long as nothing has changed.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

from ficarchive.core import near_cache

from .stamp import Stamp

VERSION_PREFIX = "pcv:"
PAGE_PREFIX = "pcp:"
MEMO_PREFIX = "pcm:"


def _pages():
    return caches[settings.PAGE_CACHE_ALIAS]


def _versions():
    return caches[settings.PAGE_VERSIONS_ALIAS]


def _near_pages():
    """This process's copies of pages kept in Redis, while the near cache is on (else None)."""
    if settings.PAGE_NEAR_ALIAS and near_cache.on():
        return caches[settings.PAGE_NEAR_ALIAS]
    return None


def _token() -> str:
    return secrets.token_hex(6)


class _Remembered:
    """The versions this process read last, good while the stamp has not moved."""

    def __init__(self):
        self.lock = threading.Lock()
        self.stamp: Stamp | None = None
        self.path: Path | None = None
        self.seen = -1
        self.versions: dict[str, str] = {}
        self.scopes_of: dict[str, tuple] = {}  # page key -> its scopes (one round trip to Redis)


_here = _Remembered()
KNOWN_PAGES_LIMIT = 50_000


def _stamp() -> Stamp | None:
    """The stamp beside a file cache of versions; None for Redis (read on every request)."""
    directory = getattr(_versions(), "directory", None)
    if directory is None:
        return None
    path = Path(directory) / "pagecache.stamp"
    if _here.path != path:
        with _here.lock:
            _here.stamp, _here.path, _here.seen, _here.versions = Stamp(path), path, -1, {}
    return _here.stamp


def bump(scopes: Iterable[str]) -> None:
    """Give each scope a new version: every page kept under the old one is gone."""
    scopes = sorted(set(scopes))
    if scopes:
        _versions().set_many({VERSION_PREFIX + s: _token() for s in scopes}, timeout=None)
        near_cache.changed(VERSION_PREFIX + s for s in scopes)
        stamp = _stamp()
        if stamp is not None:
            stamp.move()  # after the versions: a process that sees it moved reads them anew


def current(scopes) -> tuple:
    """The current version of each scope (None for a scope that has none yet)."""
    stamp = _stamp()
    if stamp is None:
        found = near_cache.get_many(
            [VERSION_PREFIX + s for s in scopes], settings.PAGE_VERSIONS_ALIAS
        )
        return tuple(found.get(VERSION_PREFIX + s) for s in scopes)
    seen = stamp.read()  # before the versions: a bump from here on moves it past `seen`
    if seen != _here.seen:
        _here.seen, _here.versions = seen, {}
    remembered = _here.versions
    missing = [s for s in scopes if s not in remembered]
    if missing:
        found = _versions().get_many([VERSION_PREFIX + s for s in missing])
        for scope in missing:
            version = found.get(VERSION_PREFIX + scope)
            if version is not None:
                remembered[scope] = version
    return tuple(remembered.get(s) for s in scopes)


def lookup(page_key: str):
    """The kept page under `page_key` when its versions are the current ones, else None (and
    None while the cache of versions may have dropped a bump: core/cache.py)."""
    if not getattr(_versions(), "trusted", True):
        return None
    near = _near_pages()
    if near is not None:
        return _near_lookup(page_key, near)
    scopes = _here.scopes_of.get(page_key)
    if scopes is not None and settings.PAGE_CACHE_ALIAS == settings.PAGE_VERSIONS_ALIAS:
        keys = [VERSION_PREFIX + s for s in scopes]  # Redis: the page and its versions at once
        found = _pages().get_many([PAGE_PREFIX + page_key, *keys])
        entry = found.get(PAGE_PREFIX + page_key)
        versions_now = tuple(found.get(k) for k in keys)
        if entry is not None and entry.scopes != scopes:
            versions_now = current(entry.scopes)
    else:
        entry = _pages().get(PAGE_PREFIX + page_key)
        if entry is None:
            return None
        versions_now = current(entry.scopes)
    if len(_here.scopes_of) >= KNOWN_PAGES_LIMIT:
        _here.scopes_of.clear()
    if entry is not None:
        _here.scopes_of[page_key] = entry.scopes
    if entry is not None and None not in versions_now and entry.versions == versions_now:
        return entry
    return None


def _near_lookup(page_key: str, near):
    """lookup() with the near cache on: this process's copy of the page, else Redis's (then
    copied here), when kept under the current versions (from memory, while unchanged)."""
    key = PAGE_PREFIX + page_key
    entry = near.get(key)
    if entry is not None and _is_current(entry):
        return entry
    entry = _pages().get(key)
    if entry is None or not _is_current(entry):
        return None
    _copy_near(near, key, entry)
    return entry


def _is_current(entry) -> bool:
    return None not in entry.versions and entry.versions == current(entry.scopes)


def _copy_near(near, key: str, entry) -> None:
    seconds = min(settings.NEAR_CACHE_SECONDS, entry_expiry(entry) - time.time())
    if seconds > 0:
        near.set(key, entry, timeout=seconds)


def entry_expiry(entry) -> float:
    """When a kept page expires in the shared cache."""
    return entry.stored_at + (entry.seconds or settings.PAGE_CACHE_SECONDS)


def forget_remembered() -> None:
    """Every process reads the versions afresh (the cache of versions dropped what it held)."""
    near_cache.forget_everything()
    stamp = _stamp()
    if stamp is not None:
        stamp.move()


def settle(scopes: list[str], current: tuple) -> tuple:
    """The versions to keep a new page under: a scope without one gets a fresh token (or the
    one another process set first)."""
    if None not in current:
        return current
    cache = _versions()
    settled = []
    for scope, version in zip(scopes, current, strict=True):
        if version is None:
            key = VERSION_PREFIX + scope
            cache.add(key, _token(), timeout=None)
            version = cache.get(key)
        settled.append(version)
    return tuple(settled)


def keep(page_key: str, entry) -> None:
    """Keep a page (an Entry or readers.SharedEntry) for `entry.seconds` (0: PAGE_CACHE_SECONDS)."""
    key = PAGE_PREFIX + page_key
    _pages().set(key, entry, timeout=entry.seconds or settings.PAGE_CACHE_SECONDS)
    near = _near_pages()
    if near is not None:
        _copy_near(near, key, entry)


def remembered_scopes(work_ids: Iterable[int]) -> dict[int, list[str] | None]:
    """The scopes each work was last listed under (None when not known)."""
    ids = list(work_ids)
    found = _versions().get_many([f"{MEMO_PREFIX}{i}" for i in ids])
    return {i: found.get(f"{MEMO_PREFIX}{i}") for i in ids}


def remember_scopes(scopes_by_work: dict[int, list[str]]) -> None:
    _versions().set_many({f"{MEMO_PREFIX}{i}": s for i, s in scopes_by_work.items()}, timeout=None)


def clear() -> None:
    """Forget every kept page and version (tests)."""
    _pages().clear()
    _versions().clear()
    if settings.PAGE_NEAR_ALIAS:
        caches[settings.PAGE_NEAR_ALIAS].clear()
    near_cache.forget_everything()
    stamp = _stamp()
    if stamp is not None:
        stamp.move()
    _here.scopes_of.clear()
