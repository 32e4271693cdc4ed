"""Versions of scopes, and the kept pages that carry them.

A version is a random token, never a counter: two processes bumping one scope at once both
leave a token no kept page carries (a counter could land twice on the same number). A scope
with no version yet (never bumped, or evicted) is given a fresh token before a page is kept
under it, so that an evicted version can never bring an old page back.

Pages and versions live in Redis when REDIS_URL is set (one round trip reads both). Without
Redis, pages live in each process's memory and versions in a file cache under DATA_DIR that
every process of the machine shares, so a change made through one process reaches them all.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import caches

VERSION_PREFIX = "pcv:"
PAGE_PREFIX = "pcp:"
MEMO_PREFIX = "pcm:"


def _pages():
    return caches[settings.PAGE_CACHE_ALIAS]


def _versions():
    return caches[settings.PAGE_VERSIONS_ALIAS]


def _token() -> str:
    return secrets.token_hex(6)


def bump(scopes: Iterable[str]) -> None:
    """Give each scope a new version: every page kept under the old one is gone."""
    scopes = sorted(set(scopes))
    if scopes:
        _versions().set_many({VERSION_PREFIX + s: _token() for s in scopes}, timeout=None)


def lookup(page_key: str, scopes: list[str]):
    """(entry, versions): the kept page when its versions are the current ones (else None),
    and the current versions (None for a scope that has none yet)."""
    keys = [VERSION_PREFIX + s for s in scopes]
    if settings.PAGE_CACHE_ALIAS == settings.PAGE_VERSIONS_ALIAS:
        found = _pages().get_many([PAGE_PREFIX + page_key, *keys])
        entry = found.get(PAGE_PREFIX + page_key)
    else:
        found = _versions().get_many(keys)
        entry = _pages().get(PAGE_PREFIX + page_key)
    current = tuple(found.get(k) for k in keys)
    if entry is not None and None not in current and entry.versions == current:
        return entry, current
    return None, current


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
    _pages().set(PAGE_PREFIX + page_key, entry, timeout=settings.PAGE_CACHE_SECONDS)


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
