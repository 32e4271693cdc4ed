"""Task workers that can die: each `ficarchive db_worker` beats in the database every
TASK_WORKER_BEAT_SECONDS, and the tasks still RUNNING under a worker whose beat is older than
TASK_WORKER_STALE_SECONDS (a worker killed, its machine gone) are queued again for any worker.

Every worker sweeps: at its start, every running task whose worker has no fresh beat (workers
killed before, whatever their age); then at each beat, the tasks of the beats gone stale since.
Times are the database's own (`Now()`), so the machines' clocks need not agree.

A task may therefore run again after a partial run, and, if a live worker could not beat for
the whole stale time (a database locked that long), twice at once: every task of the archive is
safe to run again (docs/operating.md, "Task workers").
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import DateTimeField, ExpressionWrapper, Value
from django.db.models.functions import Now
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerBeat

log = logging.getLogger(__name__)


def _stale_before():
    seconds = timedelta(seconds=settings.TASK_WORKER_STALE_SECONDS)
    return ExpressionWrapper(Now() - Value(seconds), output_field=DateTimeField())


def beat(worker_id: str) -> None:
    updated = WorkerBeat.objects.filter(worker_id=worker_id).update(beat_at=Now())
    if not updated:
        WorkerBeat.objects.create(worker_id=worker_id, beat_at=Now())


def _requeue(tasks) -> int:
    """Queue these running tasks again, each only if it is still the run that was seen (a
    task claimed again meanwhile has a new start time)."""
    requeued = 0
    for task in tasks:
        requeued += DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        log.warning(
            "task %s (%s) of worker %s, which stopped beating, is queued again",
            task.pk, task.task_path, task.worker_ids[-1] if task.worker_ids else "?",
        )  # fmt: skip
    return requeued


def requeue_abandoned() -> int:
    """Every running task whose worker has no fresh beat, queued again; the number queued."""
    fresh = set(
        WorkerBeat.objects.filter(beat_at__gte=_stale_before()).values_list("worker_id", flat=True)
    )
    running = DBTaskResult.objects.running().only("pk", "task_path", "worker_ids", "started_at")
    abandoned = [t for t in running if not t.worker_ids or t.worker_ids[-1] not in fresh]
    with transaction.atomic():
        requeued = _requeue(abandoned)
        WorkerBeat.objects.filter(beat_at__lt=_stale_before()).delete()
    return requeued


def requeue_stale() -> int:
    """The running tasks of the workers whose beat went stale, queued again (cheap when none
    did: it reads only the few rows of the beats)."""
    with transaction.atomic():
        stale = list(
            WorkerBeat.objects.filter(beat_at__lt=_stale_before()).values_list(
                "worker_id", flat=True
            )
        )
        if not stale:
            return 0
        running = DBTaskResult.objects.running().only("pk", "task_path", "worker_ids", "started_at")
        requeued = _requeue([t for t in running if t.worker_ids and t.worker_ids[-1] in stale])
        WorkerBeat.objects.filter(worker_id__in=stale, beat_at__lt=_stale_before()).delete()
    return requeued


def _beat_forever(worker_id: str, stop: threading.Event) -> None:
    try:
        while not stop.wait(settings.TASK_WORKER_BEAT_SECONDS):
            try:
                beat(worker_id)
                requeue_stale()
            except DatabaseError:  # the database away for a moment: beat again next time
                log.warning("worker %s could not beat", worker_id, exc_info=True)
    finally:
        connection.close()


@contextmanager
def heartbeat(worker_id: str):
    """Beat for `worker_id` while the block runs (a worker's life), sweeping up after dead
    workers; the beat is removed when the worker stops on its own."""
    beat(worker_id)
    requeued = requeue_abandoned()
    if requeued:
        log.warning("%d task(s) of workers gone away queued again", requeued)
    stop = threading.Event()
    thread = threading.Thread(
        target=_beat_forever, args=(worker_id, stop), name="worker-beat", daemon=True
    )
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=settings.TASK_WORKER_BEAT_SECONDS + 5)
        WorkerBeat.objects.filter(worker_id=worker_id).delete()
