"""A registry in the cache of what has something buffered (the works with unflushed hits, the
reading-history lines not written yet), changed under a short lock so that a flush never loses
a member another request is adding.

Keys: <name>:registry (the set), <name>:registry-lock, <name>:listed:<member> (present while
the member is in the set, so adding it again costs one cache.add).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache


def _with_lock(lock: str, action):
    for _ in range(200):
        if cache.add(lock, 1, timeout=5):
            try:
                return action()
            finally:
                cache.delete(lock)
        time.sleep(0.005)
    raise TimeoutError(f"{lock} stayed locked")


class Registry:
    def __init__(self, name: str):
        self.key = f"{name}:registry"
        self.lock = f"{name}:registry-lock"
        self.listed = f"{name}:listed:"

    def add(self, member) -> None:
        if not cache.add(f"{self.listed}{member}", 1, timeout=None):
            return  # listed already, and the flush will find it

        def add():
            members = cache.get(self.key) or set()
            members.add(member)
            cache.set(self.key, members, timeout=None)

        try:
            _with_lock(self.lock, add)
        except TimeoutError:
            self.unlist(member)  # a later add lists it; what it buffered waits safely

    def take(self) -> set:
        """Every member, leaving the registry empty. Unlist each member before reading what it
        buffered, so that what is added meanwhile lists it again."""

        def take():
            members = cache.get(self.key) or set()
            cache.delete(self.key)
            return members

        return _with_lock(self.lock, take)

    def remove(self, matching: Callable) -> set:
        """Take out the members for which `matching(member)` is true."""

        def remove():
            members = cache.get(self.key) or set()
            gone = {m for m in members if matching(m)}
            cache.set(self.key, members - gone, timeout=None)
            return gone

        gone = _with_lock(self.lock, remove)
        for member in gone:
            self.unlist(member)
        return gone

    def unlist(self, member) -> None:
        cache.delete(f"{self.listed}{member}")
