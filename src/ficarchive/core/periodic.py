"""Periodic jobs (flushing buffered hits, folding tag counts): each is a django-tasks task,
enqueued every so many seconds by one scheduler so that any worker runs it.

`ficarchive serve` runs `ficarchive periodic` as a process beside the web server. Several
schedulers may run (one per app server): each job's turn is claimed in the shared cache
(`cache.add`, atomic in Redis), so a job is enqueued once per interval across them all.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


def due_jobs(last_run: dict[str, float], now: float) -> list[str]:
    """The dotted paths of the jobs whose interval has passed since they last ran."""
    due = []
    for path, seconds in settings.PERIODIC_TASKS:
        if now - last_run.get(path, 0.0) >= seconds:
            due.append(path)
    return due


def enqueue(path: str) -> None:
    job = import_string(path)
    if hasattr(job, "enqueue"):
        job.enqueue()
    else:
        job()


def claim_turn(path: str, wall_clock: float) -> bool:
    """True for exactly one scheduler per job and interval, across app servers sharing a cache:
    the turn is the interval's number on the wall clock, and the first `add` of it wins."""
    seconds = dict(settings.PERIODIC_TASKS)[path]
    turn = int(wall_clock // seconds)
    return cache.add(f"periodic:{path}:{turn}", 1, timeout=seconds * 2)


def run_due(last_run: dict[str, float], now: float, wall_clock: float) -> list[str]:
    """Enqueue the due jobs whose turn this scheduler wins; return those it enqueued."""
    started = []
    for path in due_jobs(last_run, now):
        last_run[path] = now
        try:
            if claim_turn(path, wall_clock):
                enqueue(path)
                started.append(path)
        except Exception:  # one failing job must not stop the others
            log.exception("periodic job %s failed to start", path)
    return started


def run_forever(stop: threading.Event | None = None, tick: float = 5.0) -> None:
    last_run: dict[str, float] = {}
    stop = stop or threading.Event()
    while not stop.is_set():
        run_due(last_run, time.monotonic(), time.time())
        stop.wait(tick)
