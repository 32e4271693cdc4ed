"""Login throttling beyond django-axes, in the shared cache (Redis when set, so it holds across
app servers; per process while Redis is away). django-axes locks one username from one address after a few wrong passwords; two
more limits close what that leaves open:

- per address, across usernames: an address with ADDRESS_FAILURES failed log-ins in WINDOW
  (whatever names it tried) is refused until the window ends;
- per account, across addresses: once an account has ACCOUNT_FAILURES failed log-ins in WINDOW
  from anywhere, it slows down rather than locks: one attempt is read every `delay` seconds
  (doubling with each further failure, at most MAX_DELAY) and the others are refused without
  reading the password. A browser that has signed in to the account before carries a signed
  cookie (KNOWN_BROWSER_COOKIE) that passes the slow-down, so an attacker guessing from many
  addresses cannot keep the real user out.
"""

from __future__ import annotations

import hashlib

from django.core import signing

from ficarchive.core.cache import limits_cache
from ficarchive.core.ratelimit import client_address

WINDOW = 15 * 60
ACCOUNT_FAILURES = 10
ADDRESS_FAILURES = 30
MAX_DELAY = 60
KNOWN_BROWSER_COOKIE = "known_login"
KNOWN_BROWSER_DAYS = 365
_SALT = "ficarchive.accounts.known_login"


def _digest(text: str) -> str:
    """A cache key's part for any text a client sends (names have spaces and any letters)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _account_key(username: str) -> str:
    return f"login:account:{_digest(username.strip().casefold())}"


def _address_key(request) -> str:
    return f"login:address:{_digest(client_address(request))}"


def _count(key: str) -> int:
    return limits_cache().get(key, 0)


def _add_one(key: str) -> int:
    cache = limits_cache()
    if cache.add(key, 1, timeout=WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW)
        return 1


def is_known_browser(request, username: str) -> bool:
    signed = request.COOKIES.get(KNOWN_BROWSER_COOKIE, "")
    try:
        known = signing.loads(signed, salt=_SALT, max_age=KNOWN_BROWSER_DAYS * 86400)
    except signing.BadSignature:
        return False
    return username.strip().casefold() in known


def known_browser_cookie(request, username: str) -> str:
    """The cookie's new value: this account added to the ones the browser signed in to."""
    signed = request.COOKIES.get(KNOWN_BROWSER_COOKIE, "")
    try:
        known = signing.loads(signed, salt=_SALT, max_age=KNOWN_BROWSER_DAYS * 86400)
    except signing.BadSignature:
        known = []
    known = [name for name in known if name != username.casefold()][-4:]
    return signing.dumps([*known, username.casefold()], salt=_SALT)


def _delay(failures: int) -> int:
    """Seconds before the next attempt is read: 1 at the limit, doubling, at most MAX_DELAY."""
    return min(MAX_DELAY, 2 ** max(0, failures - ACCOUNT_FAILURES))


def refusal(request, username: str) -> str | None:
    """Why this attempt is not read, or None when it may be."""
    if _count(_address_key(request)) >= ADDRESS_FAILURES:
        return "Too many failed log-ins from your address. Please try again in a few minutes."
    key = _account_key(username)
    if _count(key) < ACCOUNT_FAILURES or is_known_browser(request, username):
        return None
    # The first attempt to claim the slot is read (atomic in Redis); record_failure frees the
    # slot again after the delay.
    if limits_cache().add(f"{key}:slot", 1, timeout=MAX_DELAY):
        return None
    return "This account had many failed log-ins lately. Please wait a minute and try again."


def record_failure(request, username: str) -> None:
    _add_one(_address_key(request))
    key = _account_key(username)
    failures = _add_one(key)
    if failures >= ACCOUNT_FAILURES:
        limits_cache().set(f"{key}:slot", 1, timeout=_delay(failures))


def record_success(username: str) -> None:
    key = _account_key(username)
    limits_cache().delete_many([key, f"{key}:slot"])
