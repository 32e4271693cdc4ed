"""The near cache (core/near_cache.py): with Redis, what nearly every request reads is kept in
each process's memory, and a change any process announces is seen by every other process on
its next read; nothing kept is used past NEAR_CACHE_SECONDS, nor while the subscription that
brings the announcements is lost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache

from ficarchive.core import near_cache

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL, reason="without Redis every read goes to the shared file cache"
)

ANOTHER_SERVER = """
import django, sys
django.setup()
from django.core.cache import cache
from ficarchive.core import near_cache
cache.set(sys.argv[1], sys.argv[2], timeout=None)
near_cache.changed([sys.argv[1]])
"""


def written_elsewhere(key: str, value: str) -> None:
    """Another process (as another app server would) writes a key and announces it."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ficarchive.settings"}
    subprocess.run([sys.executable, "-c", ANOTHER_SERVER, key, value], env=env, check=True,
                   timeout=120)  # fmt: skip


def kept_here(key: str, value) -> None:
    """The key holds `value` and this process keeps it (a read keeps nothing while the
    subscription is not confirmed yet, nor while an announcement, its own, is on its way)."""
    cache.set(key, value, timeout=None)
    near_cache.changed([key])
    for _ in range(20):
        assert near_cache.get(key) == value
        if key in near_cache._here.values:
            return
    raise AssertionError(f"{key} never kept")


def test_a_change_another_process_announces_is_seen_on_the_next_read(settings):
    settings.NEAR_CACHE_SECONDS = 3600  # longer than the other process takes to start
    kept_here("near-test:colour", "blue")
    cache.set("near-test:colour", "green", timeout=None)  # written, never announced
    assert near_cache.get("near-test:colour") == "blue"  # so this process's memory answered
    written_elsewhere("near-test:colour", "red")
    assert near_cache.get("near-test:colour") == "red"


def test_nothing_kept_is_used_past_the_bound(monkeypatch):
    kept_here("near-test:tide", "low")
    cache.set("near-test:tide", "high", timeout=None)  # an announcement lost
    assert near_cache.get("near-test:tide") == "low"
    later = near_cache.time.monotonic() + settings.NEAR_CACHE_SECONDS
    monkeypatch.setattr(near_cache.time, "monotonic", lambda: later)
    assert near_cache.get("near-test:tide") == "high"


def test_a_lost_subscription_forgets_what_was_kept():
    kept_here("near-test:lamp", "lit")
    near_cache._here.subscription.connection.disconnect()  # Redis restarted, say
    cache.set("near-test:lamp", "dark", timeout=None)  # published while away: never heard
    assert near_cache.get("near-test:lamp") == "dark"


def test_keys_never_read_stay_absent_and_are_not_kept():
    assert near_cache.get_many(["near-test:nothing"]) == {}
    cache.set("near-test:nothing", "now", timeout=None)  # set by a reader filling it: no news
    assert near_cache.get("near-test:nothing") == "now"


def test_with_the_near_cache_off_every_read_goes_to_redis(settings):
    kept_here("near-test:boat", "in")
    settings.NEAR_CACHE_SECONDS = 0
    cache.set("near-test:boat", "out", timeout=None)
    assert near_cache.get("near-test:boat") == "out"
