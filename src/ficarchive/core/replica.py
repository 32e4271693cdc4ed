"""Read replicas (DATABASE_REPLICA_URLS): the reads of a page that may be a moment stale go to a
PostgreSQL streaming replica; everything else, and everything after a write, to the primary.

- A view says it may read a replica with `@may_read_replica` (listings, search, tag pages,
  feeds, OPDS) or `@may_read_replica(guests_only=True)` (a work's page: a signed-in reader's
  shows their own kudos and bookmarks). Only its GETs and HEADs do.
- A write in a request (any statement but a SELECT on the primary's connection) sends the
  rest of that request to the primary, and its answer sets a short cookie
  (READ_YOUR_WRITES_SECONDS) under which that browser's next pages read the primary too: a
  reader never misses their own comment.
- A replica is used only while it streams from the primary and is at most
  REPLICA_MAX_LAG_SECONDS behind; each server process asks it at most every
  REPLICA_CHECK_SECONDS. Unreachable, lagging or not a replica, it is left out (a warning in
  the log, and another when it is back), and its reads go to the primary. A page whose
  replica read fails midway is drawn again from the primary.
- Sessions, login throttling and the task queue always use the primary.

With no replica set, settings.py installs neither the router nor the middleware.
"""

from __future__ import annotations

import contextvars
import logging
import random
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections

log = logging.getLogger(__name__)

COOKIE = "read_primary"
# Apps whose rows must be exactly current: a session just made, a login just throttled, a task
# just queued.
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes", "django_tasks_db"})

# Whether the replica streams from the primary, and how many seconds of the primary's commits
# it has not replayed yet: 0 when it has replayed all it received (a replica that just started
# again reports a received position before its replayed one), else the age of the last commit
# it replayed.
LAG_SQL = """
SELECT pg_is_in_recovery(),
       EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'),
       CASE WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
       END
"""


def replica_aliases() -> list[str]:
    return list(getattr(settings, "REPLICA_DATABASES", ()))


def may_read_replica(view=None, *, guests_only: bool = False):
    """Mark a view whose GET may read a replica (a moment stale); `guests_only`: only for
    readers without a session."""

    def mark(func):
        func.may_read_replica = "guests" if guests_only else "all"
        return func

    return mark(view) if view is not None else mark


# --- Which replicas are usable (per server process) -------------------------------------------


@dataclass
class _Health:
    checked_at: float = float("-inf")
    trouble: str = ""  # "" (usable), "unreachable", "behind", "not streaming", "not a replica"
    slow: bool = False  # the check itself waited (a connect timeout: the machine is gone)


_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


def _ask(alias: str) -> tuple[str, str]:
    """(trouble, what it is) of the replica now; ("", "") when it may be read."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(LAG_SQL)
            in_recovery, streaming, lag = cursor.fetchone()
    except DatabaseError as error:
        connections[alias].close()
        first_line = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
        return "unreachable", f"unreachable ({first_line})"
    if not in_recovery:
        return "not a replica", "not a replica (it is not in recovery)"
    if not streaming:
        return "not streaming", "not streaming from the primary"
    bound = settings.REPLICA_MAX_LAG_SECONDS
    if float(lag) > bound:
        return "behind", f"{float(lag):.1f} s behind the primary (the bound is {bound} s)"
    return "", ""


def _record(alias: str, trouble: str, description: str, slow: bool = False) -> None:
    """Keep what the check found; a line in the log when that changes (usable to not, back,
    or one trouble to another: behind, then unreachable)."""
    with _health_lock:
        health = _health.setdefault(alias, _Health())
        before, health.trouble, health.checked_at = health.trouble, trouble, time.monotonic()
        health.slow = slow
    if trouble and trouble != before:
        log.warning("read replica %s left out: %s; its reads go to the primary", alias, description)
    elif before and not trouble:
        log.warning("read replica %s is back: reads go to it again", alias)


# An unreachable replica whose check waited (a connect timeout, which a request waits too) is
# asked again after this long; one that refused at once (its server stopped, its machine up)
# after REPLICA_CHECK_SECONDS, like any other, so that it is read again a second after it is.
UNREACHABLE_RETRY_SECONDS = 5
SLOW_CHECK_SECONDS = 1.0


def is_usable(alias: str) -> bool:
    health = _health.get(alias)
    interval = settings.REPLICA_CHECK_SECONDS
    if health is not None and health.trouble == "unreachable" and health.slow:
        interval = max(interval, UNREACHABLE_RETRY_SECONDS)
    if health is None or time.monotonic() - health.checked_at >= interval:
        started = time.monotonic()
        trouble, description = _ask(alias)
        _record(alias, trouble, description, time.monotonic() - started > SLOW_CHECK_SECONDS)
        health = _health[alias]
    return not health.trouble


def mark_failed(alias: str, error: Exception) -> None:
    connections[alias].close()
    _record(alias, "unreachable", f"unreachable (a read failed: {error.__class__.__name__})")


def choose_replica() -> str | None:
    """A usable replica, or None for the primary."""
    aliases = replica_aliases()
    random.shuffle(aliases)
    for alias in aliases:
        if is_usable(alias):
            return alias
    return None


# --- What this request may read ---------------------------------------------------------------


@dataclass
class RequestReads:
    may_read_replica: bool = False
    wrote: bool = False
    replica: str | None = None  # the one chosen at the first read
    chosen: bool = False

    def alias(self) -> str:
        if not self.may_read_replica or self.wrote:
            return DEFAULT_DB_ALIAS
        if not self.chosen:
            self.replica, self.chosen = choose_replica(), True
        return self.replica or DEFAULT_DB_ALIAS


_current: contextvars.ContextVar[RequestReads | None] = contextvars.ContextVar(
    "replica_reads", default=None
)


def read_from_replica() -> bool:
    """Whether this request has read a replica so far (the page cache keeps such pages only
    as long as a replica may lag)."""
    reads = _current.get()
    return bool(reads and reads.replica and not reads.wrote)


class ReplicaRouter:
    """Django database router: reads to the replica the request may read, all else to the
    primary. Outside a request (commands, the task worker) everything is the primary's."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        if (
            reads is None
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return reads.alias()

    def db_for_write(self, model, **hints):
        # Also for objects read from a replica. (Django asks this of unsaved objects too, so
        # whether the request wrote is seen on the connection: ReplicaMiddleware.)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replicas hold the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaMiddleware:
    """Sets what each request may read (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads()
        token = _current.set(reads)

        def watch(execute, sql, params, many, context):
            if not sql.lstrip()[:6].upper().startswith("SELECT"):
                reads.wrote = True  # an INSERT, UPDATE, DELETE (or a savepoint: a transaction)
            return execute(sql, params, many, context)

        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(watch):
                response = self.get_response(request)
        finally:
            _current.reset(token)
        if reads.wrote:
            response.set_cookie(
                COOKIE, "1", max_age=settings.READ_YOUR_WRITES_SECONDS, httponly=True,
                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        kind = getattr(view_func, "may_read_replica", None)
        reads = _current.get()
        if (
            reads is None
            or kind is None
            or request.method not in ("GET", "HEAD")
            or COOKIE in request.COOKIES
            or (kind == "guests" and settings.SESSION_COOKIE_NAME in request.COOKIES)
        ):
            return None
        reads.may_read_replica = True
        return None

    def process_exception(self, request, exception):
        """A replica that went away midway: leave it out and draw the page from the primary
        (a GET that may read a replica writes nothing, so it is safe to run again)."""
        reads = _current.get()
        if (
            reads is None
            or not reads.replica
            or reads.wrote
            or not isinstance(exception, OperationalError | InterfaceError)
            or not connections[reads.replica].errors_occurred
        ):
            return None
        mark_failed(reads.replica, exception)
        reads.may_read_replica = False
        match = request.resolver_match
        return match.func(request, *match.args, **match.kwargs)
