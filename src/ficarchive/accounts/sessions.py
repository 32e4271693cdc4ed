"""The browsers signed in to an account: each sign-in is recorded (SignedInSession), its last
use is noted in the cache as requests come (no database write on a reader's GET), and the user
can sign any of them, or all the others, out. Signing out deletes the session itself from the
session store, so that browser is signed out at its next request."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.cache import cache
from django.dispatch import receiver

from .models import SignedInSession

SEEN_KEEP_SECONDS = 60 * 86400
NOTE_EVERY_SECONDS = 60  # last use is noted at most once a minute per session


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _seen_key(session_key: str) -> str:
    return f"session-seen:{session_key}"


@receiver(user_logged_in, dispatch_uid="accounts.sessions.logged-in")
def _signed_in(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if not request.session.session_key:
        request.session.save()
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key, defaults={"user": user, "user_agent": agent}
    )
    note_use(request.session.session_key)


@receiver(user_logged_out, dispatch_uid="accounts.sessions.logged-out")
def _signed_out(sender, request, user, **kwargs) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignedInSession.objects.filter(session_key=key).delete()


def note_use(session_key: str) -> None:
    cache.set(_seen_key(session_key), time.time(), timeout=SEEN_KEEP_SECONDS)


# The sessions this process noted lately, and when (monotonic): each is asked of the shared
# cache at most once a minute per process, not on every request. Bounded.
_noted_here: dict[str, float] = {}
NOTED_HERE_LIMIT = 100_000


def _noted_here_lately(key: str) -> bool:
    now = time.monotonic()
    if now - _noted_here.get(key, float("-inf")) < NOTE_EVERY_SECONDS:
        return True
    if len(_noted_here) >= NOTED_HERE_LIMIT:
        _noted_here.clear()
    _noted_here[key] = now
    return False


def note_use_middleware(get_response):
    """Keep the last use of a signed-in session in the cache (at most once a minute each)."""

    def middleware(request):
        response = get_response(request)
        key = getattr(getattr(request, "session", None), "session_key", None)
        user = getattr(request, "user", None) if key else None  # guests: no user lookup
        if user is not None and user.is_authenticated and not _noted_here_lately(key):
            if cache.add(f"session-noted:{key}", 1, timeout=NOTE_EVERY_SECONDS):
                note_use(key)
        return response

    return middleware


@dataclass
class ActiveSession:
    pk: int
    user_agent: str
    signed_in_at: object
    last_used_at: object
    current: bool


def active_sessions(request) -> list[ActiveSession]:
    """The user's signed-in sessions that still exist, the most recently used first."""
    store = _store()
    rows = list(SignedInSession.objects.filter(user=request.user))
    seen = cache.get_many([_seen_key(r.session_key) for r in rows])
    found = []
    for row in rows:
        if not store().exists(row.session_key):
            continue
        stamp = seen.get(_seen_key(row.session_key))
        last = datetime.fromtimestamp(stamp, tz=UTC) if stamp else row.created_at
        found.append(ActiveSession(row.pk, row.user_agent, row.created_at, last,
                                   row.session_key == request.session.session_key))  # fmt: skip
    return sorted(found, key=lambda s: (not s.current, -s.last_used_at.timestamp()))


def sign_out(user, rows) -> int:
    """End these sessions of `user`; the number ended."""
    ended = 0
    for row in rows.filter(user=user):
        end_sessions([row.session_key])
        row.delete()
        ended += 1
    return ended


def end_sessions(session_keys) -> None:
    """Delete these sessions from the session store: their browsers are signed out."""
    store = _store()
    for key in session_keys:
        store(key).delete()
        cache.delete(_seen_key(key))


def sign_out_others(request) -> int:
    others = SignedInSession.objects.exclude(session_key=request.session.session_key)
    return sign_out(request.user, others)
