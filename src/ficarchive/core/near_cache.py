"""Values of the shared cache kept in this process's memory too: for the keys that nearly every
request reads and that change seldom (the page cache's versions, the operator's settings, the
terms' revision, a reader's token), a read from memory instead of a round trip to Redis.

Correct across processes and app servers, within one bound:
- Whoever changes such a key calls `changed(keys)` after writing it. That publishes the keys
  on a Redis channel of this archive's own (the cache's key prefix), to which every process
  subscribes; before it answers from memory, a request takes in what has arrived on the
  subscription (a poll of its socket, no round trip) and forgets the keys named. A change is
  thus seen by every process from the first request it starts after the message reached it,
  which on one machine or a LAN is long before the writer's answer reaches its browser.
- A value read from Redis while a change was on its way is not kept (any message that arrives
  during the read forbids keeping what it read).
- While the subscription is lost (Redis restarted, the network broke) nothing is kept or used
  from memory; once subscribed again (and Redis confirmed it), memory starts empty.
- Whatever else might go wrong (a message lost without the connection breaking), nothing is
  used from memory longer than NEAR_CACHE_SECONDS after it was read from Redis: the staleness
  bound. NEAR_CACHE_SECONDS=0 turns this tier off.

Without Redis there is nothing to do here: `get_many` reads the shared file cache, and the page
cache's versions have their own stamp (pagecache/stamp.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError, TimeoutError
from redis.retry import Retry

log = logging.getLogger(__name__)

EVERYTHING = "*"  # a message that means: forget every key
KEYS_LIMIT = 200_000  # kept keys per process, then forgotten all at once
RETRY_SECONDS = 1.0
FAILURES = (ConnectionError, TimeoutError, OSError)


class _Here:
    """This process's memory, its subscription and the count of messages taken in."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pid: int | None = None
        self.subscription = None
        self.confirmed = False  # Redis confirmed the subscription on its current connection
        self.retry_at = 0.0
        self.values: dict[str, tuple[object, float]] = {}  # key -> (value, read at)
        self.messages = 0

    def connected_again(self, connection) -> None:
        """The subscription's connection was made again (under the lock, inside a read of it):
        what was published meanwhile is lost, so memory is forgotten until Redis confirms."""
        self.confirmed = False
        self.values.clear()
        self.messages += 1


_here = _Here()


def _shared():
    return caches["default"]


def _redis() -> bool:
    return settings.NEAR_CACHE_SECONDS > 0 and isinstance(_shared(), RedisCache)


def on() -> bool:
    """True when values may come from this process's memory (Redis, the tier not turned off,
    no write to the cache dropped lately: core/cache.py)."""
    return _redis() and getattr(_shared(), "trusted", True)


def _client():
    return _shared()._cache.get_client(write=True)


def _channel() -> str:
    """This archive's channel: its key prefix and Redis database (a channel is the server's)."""
    db = _client().connection_pool.connection_kwargs.get("db", 0)
    return _shared().make_key(f"near-cache:changed:{db}")


def _forget_all() -> None:
    _here.values.clear()
    _here.messages += 1


def _subscribe() -> bool:
    """Under the lock: subscribe, on a connection of its own that does not retry (a request
    waits for it), and wait for Redis to confirm, so that every change published from then on
    reaches this process."""
    if time.monotonic() < _here.retry_at:
        return False
    shared = _shared()
    client = redis.Redis.from_url(
        shared._servers[0], socket_connect_timeout=1, socket_timeout=2,
        retry=Retry(NoBackoff(), 0),
    )  # fmt: skip
    subscription = client.pubsub()
    try:
        subscription.subscribe(_channel())
        subscription.connection.register_connect_callback(_here.connected_again)
        _here.subscription, _here.confirmed = subscription, False
        _forget_all()
        _take_messages(wait=1.0)
    except FAILURES as error:
        _lost(error)
        return False
    return _here.confirmed


def _lost(error) -> None:
    log.warning("the near cache is off for a moment (%s)", error)
    if _here.subscription is not None:
        try:
            _here.subscription.close()
        except FAILURES:
            pass
    _here.subscription, _here.confirmed = None, False
    _here.retry_at = time.monotonic() + RETRY_SECONDS
    _forget_all()


def _take_messages(wait: float = 0.0) -> None:
    """Under the lock: forget what the messages that arrived name."""
    while (message := _here.subscription.get_message(timeout=wait)) is not None:
        wait = 0.0
        if message["type"] == "subscribe":
            _here.confirmed = True
        elif message["type"] == "message":
            _here.messages += 1
            names = message["data"].decode().split("\n")
            if EVERYTHING in names:
                _here.values.clear()
            for name in names:
                _here.values.pop(name, None)


def _take_in() -> bool:
    """Under the lock: forget what the messages that arrived name; True while memory may be
    used (subscribed, confirmed)."""
    if _here.pid != os.getpid():  # a forked server worker: a subscription of its own
        _here.pid, _here.subscription, _here.confirmed = os.getpid(), None, False
        _forget_all()
    if _here.subscription is None:
        return _subscribe()
    try:
        _take_messages()
    except FAILURES as error:
        _lost(error)
        return False
    return _here.confirmed


def get_many(keys: Iterable[str], alias: str = "default") -> dict:
    """The values of `keys` that the cache `alias` holds, from memory where they may be (only
    the shared cache's, "default", are kept here)."""
    keys = list(keys)
    if alias != "default" or not on():
        return caches[alias].get_many(keys)
    started, bound = time.monotonic(), settings.NEAR_CACHE_SECONDS
    with _here.lock:
        usable = _take_in()
        found, missing = {}, []
        for key in keys:
            kept = _here.values.get(key) if usable else None
            if kept is not None and started - kept[1] < bound:
                found[key] = kept[0]
            else:
                missing.append(key)
        messages = _here.messages
    if not missing:
        return found
    read = _shared().get_many(missing)
    found.update(read)
    if usable and read:
        with _here.lock:
            if _take_in() and _here.messages == messages:  # no change on its way meanwhile
                if len(_here.values) + len(read) > KEYS_LIMIT:
                    _here.values.clear()
                for key, value in read.items():
                    _here.values[key] = (value, started)
    return found


def get(key: str, default=None, alias: str = "default"):
    return get_many([key], alias).get(key, default)


def changed(keys: Iterable[str]) -> None:
    """These keys were just written (or deleted) in the shared cache: every process forgets
    what it kept of them."""
    keys = [k for k in keys if k]
    if not keys or not _redis():
        return
    with _here.lock:
        for key in keys:
            _here.values.pop(key, None)
        _here.messages += 1
    if not on():  # the cache away: the write was dropped too, and reconciling forgets all
        return
    try:
        _client().publish(_channel(), "\n".join(keys))
    except FAILURES as error:  # the write before failed too: core/cache.py distrusts the cache
        log.warning("the near cache could not announce a change (%s)", error)


def forget_everything() -> None:
    """Every process forgets everything it kept (the shared cache was cleared)."""
    with _here.lock:
        _forget_all()
    changed([EVERYTHING])
