"""With the local-memory cache, each web process holds its own buffered hits and reading-history
visits, which no task worker in another process can see. A thread in each such process flushes them every
HIT_FLUSH_SECONDS, off the request path, so that reading a page never writes to the database.
With Redis every process sees one buffer and the periodic task `feedback.tasks.flush_hits`
flushes it; no thread is started."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection

from .services.history import flush_readings
from .services.hits import flush_hits

log = logging.getLogger(__name__)
_lock = threading.Lock()
_started = False


def start_once(sender=None, **kwargs) -> None:
    """Connected to request_started: the first request of a process starts its flusher."""
    global _started
    if _started:
        return
    with _lock:
        if _started or settings.TESTING or not isinstance(caches["default"], LocMemCache):
            _started = True
            return
        _started = True
        threading.Thread(target=_run, name="hit-flush", daemon=True).start()


def _run() -> None:
    while True:
        time.sleep(settings.HIT_FLUSH_SECONDS)
        try:
            flush_hits()
            flush_readings()
        except Exception:  # a failed flush keeps the counts buffered for the next one
            log.exception("flushing buffered hits failed")
        finally:
            connection.close()
