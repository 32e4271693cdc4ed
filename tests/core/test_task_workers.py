"""Task workers on processes of their own, as the archive runs them: two take a queue between
them without doubles or losses, and a worker killed mid-task has its task run again by another,
once in effect (core/workers.py)."""

from __future__ import annotations

import pytest
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ficarchive.core.models import WorkerBeat
from ficarchive.feedback.mail import send_notification_mail
from ficarchive.feedback.models import Notification
from ficarchive.imports.models import PendingImport
from ficarchive.imports.services import queue_import
from tests.conftest import make_user

from .task_workers import database_url, start_worker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(database_url() is None, reason="SQLite in memory: set SQLITE_TEST_NAME"),
]


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def workers(tmp_path):
    started = []

    def start(name: str, **env):
        worker = start_worker(tmp_path, name, **env)
        started.append(worker)
        return worker

    yield start
    for worker in started:  # all at once, then wait for each
        worker.ask_to_stop()
    for worker in started:
        worker.stop()


def test_two_workers_send_every_queued_mail_once(queue, workers):
    # Neither is taken for dead while a busy machine keeps it from beating for a few seconds
    # (this test is not about dead workers: that would run a task twice).
    live = {"EMAIL_URL": "console://", "TASK_WORKER_STALE_SECONDS": "600"}
    first, second = workers("first", **live), workers("second", **live)
    wait_for(lambda: WorkerBeat.objects.count() == 2, 120, "both workers beat", [first, second])
    tasks = DBTaskResult.objects.filter(task_path__endswith="send_notification_mail")
    done = tasks.filter(status=TaskResultStatus.SUCCESSFUL)
    readers = []
    # Batches of 40 mails until both workers have taken some (one worker starved of the CPU
    # by a busy machine may miss a whole batch).
    for batch in range(5):
        for n in range(40):
            reader = make_user(f"reader{batch}x{n}")
            readers.append(reader)
            item = Notification.objects.create(
                user=reader, kind=Notification.NOTICE, message="A gift for you", link="/"
            )
            send_notification_mail.enqueue(item.pk)
        wait_for(lambda: done.count() == len(readers), 180, "every mail task done",
                 [first, second])  # fmt: skip
        if {t.worker_ids[-1] for t in tasks} == {"first", "second"}:
            break

    mailed = [line for w in (first, second) for line in w.output().splitlines()
              if line.startswith("To: ")]  # fmt: skip
    assert sorted(mailed) == sorted(f"To: {r.email}" for r in readers)
    assert {t.worker_ids[-1] for t in tasks} == {"first", "second"}
    assert Notification.objects.filter(mailed_at__isnull=False).count() == len(readers)


def test_a_worker_killed_mid_import_leaves_the_import_to_another_which_reads_it_once(
    queue, workers, author
):
    env = {"IMPORT_CHILD_PROCESS": "true", "TASK_WORKER_STALE_SECONDS": "2"}
    doomed = workers("doomed", **env)
    wait_for(lambda: WorkerBeat.objects.filter(pk="doomed").exists(), 120, "the worker beats",
             [doomed])  # fmt: skip
    story = "<html><body><h1>The Lamplighter</h1>" + "<p>The lamps were lit.</p>" * 4000
    pending = queue_import(author, story + "</body></html>", filename="lamps.html")
    being_read = PendingImport.objects.filter(pk=pending.pk, status=PendingImport.READING)
    wait_for(being_read.exists, 120, "the worker starts reading", [doomed])

    doomed.kill()
    task = DBTaskResult.objects.get(task_path__endswith="read_import")
    assert task.status == TaskResultStatus.RUNNING  # left behind, as a dead worker leaves it

    rescuer = workers("rescuer", **env)
    ready = PendingImport.objects.filter(pk=pending.pk, status=PendingImport.READY)
    wait_for(ready.exists, 300, "the import is read by the other worker", [rescuer])
    # The import is saved inside the task; the worker marks the task done a moment after.
    done = DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.SUCCESSFUL)
    wait_for(done.exists, 120, "the task is marked done", [rescuer])
    task.refresh_from_db()
    assert task.worker_ids == ["doomed", "rescuer"]
    assert ready.get().parsed["title"] == "The Lamplighter"
    assert DBTaskResult.objects.count() == 1
    assert "queued again" in rescuer.output()
