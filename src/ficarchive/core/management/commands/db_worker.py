"""`ficarchive db_worker`: django-tasks-db's worker, beating in the database so that the tasks
of a worker killed mid-task are queued again (core/workers.py). core is listed before
django_tasks_db in INSTALLED_APPS so that this command is the one `db_worker` runs."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from ficarchive.core.workers import heartbeat


class Command(DatabaseWorkerCommand):
    help = "Run a task worker (it beats, and requeues the tasks of workers that died)."

    def handle(self, *args, worker_id: str, **options) -> None:
        with heartbeat(worker_id):
            super().handle(*args, worker_id=worker_id, **options)
