"""Periodic jobs (flushing buffered hits, folding tag counts): each is a django-tasks task,
enqueued every so many seconds by one scheduler so that any worker runs it.

`ficarchive serve` runs `ficarchive periodic` as a process beside the web server; a site of
several app servers runs `ficarchive periodic` once, on one machine, instead.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
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


def run_forever(stop: threading.Event | None = None, tick: float = 5.0) -> None:
    last_run: dict[str, float] = {}
    stop = stop or threading.Event()
    while not stop.is_set():
        now = time.monotonic()
        for path in due_jobs(last_run, now):
            last_run[path] = now
            try:
                enqueue(path)
            except Exception:  # one failing job must not stop the others
                log.exception("periodic job %s failed to start", path)
        stop.wait(tick)
