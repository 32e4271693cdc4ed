"""Real `ficarchive db_worker` processes on the test run's own database (committed rows, so the
tests that use them are transactional), for the worker tests and bench/faults.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection


def database_url() -> str | None:
    """The URL of the database this process uses, for another process; None when that database
    is SQLite in memory, which no other process can open."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(s["NAME"])
        return None if name == ":memory:" or name.startswith("file:") else f"sqlite:///{name}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@dataclass
class Worker:
    process: subprocess.Popen
    log: Path
    asked_to_stop: bool = False

    def kill(self) -> None:
        """SIGKILL to the worker and its children (a machine gone, an out-of-memory kill)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        self.ask_to_stop()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def ask_to_stop(self) -> None:
        """SIGTERM, once: the worker finishes its task and stops (stop() waits for it)."""
        if self.process.poll() is None and not self.asked_to_stop:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.asked_to_stop = True

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def start_worker(folder: Path, name: str, **env: str) -> Worker:
    """A `ficarchive db_worker` on this process's database, its output in folder/name.log."""
    environment = {**os.environ, "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
                   "DATABASE_URL": database_url(), "TASK_WORKER_BEAT_SECONDS": "1", **env}  # fmt: skip
    environment.pop("REDIS_URL", None)
    log = folder / f"{name}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "ficarchive", "db_worker", "--no-reload", "--no-startup-delay",
         "--interval", "0.2", "--worker-id", name],
        env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    return Worker(process, log)


def wait_for(condition, seconds: float, what: str, workers=()):
    """Poll `condition` until it is true (returned) or `seconds` pass (AssertionError)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        for worker in workers:
            assert worker.process.poll() is None, f"a worker stopped:\n{worker.output()}"
        time.sleep(0.05)
    logs = "\n".join(w.output() for w in workers)
    raise AssertionError(f"{what}: not within {seconds} s\n{logs}")
