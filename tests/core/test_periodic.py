import os
import secrets
import subprocess
import sys
import time

import pytest
from django.utils.module_loading import import_string

from ficarchive.core.periodic import due_jobs, enqueue, run_due

JOBS = [("a.job", 60), ("b.job", 300)]


def test_every_job_is_due_at_the_start(settings):
    settings.PERIODIC_TASKS = JOBS
    assert due_jobs({}, now=1000.0) == ["a.job", "b.job"]


def test_a_job_waits_for_its_own_interval(settings):
    settings.PERIODIC_TASKS = JOBS
    last = {"a.job": 1000.0, "b.job": 1000.0}
    assert due_jobs(last, now=1059.0) == []
    assert due_jobs(last, now=1060.0) == ["a.job"]
    assert due_jobs(last, now=1300.0) == ["a.job", "b.job"]


@pytest.mark.django_db
def test_every_configured_periodic_job_is_a_task_that_runs(settings):
    for path, seconds in settings.PERIODIC_TASKS:
        assert hasattr(import_string(path), "enqueue"), f"{path} is not a task"
        assert seconds > 0
        enqueue(path)  # the test settings run tasks at once: a broken job raises here


def test_several_schedulers_start_each_job_once_per_interval(settings, monkeypatch):
    """Every app server runs a scheduler; the shared cache gives each interval to one."""
    from ficarchive.core import periodic

    settings.PERIODIC_TASKS = [("a.job", 60)]
    started = []
    monkeypatch.setattr(periodic, "enqueue", started.append)
    servers = [{}, {}, {}]  # each scheduler's own memory of when it last ran a job
    for server in servers:
        run_due(server, now=1000.0, wall_clock=1_800_000_010.0)
    assert started == ["a.job"]
    for server in servers:  # the next interval, a minute on
        run_due(server, now=1060.0, wall_clock=1_800_000_070.0)
    assert started == ["a.job", "a.job"]


SCHEDULER = """
import sys, time
import django
django.setup()
from django.conf import settings
from ficarchive.core import periodic

settings.PERIODIC_TASKS = [("a.job", 60)]
started = []
periodic.enqueue = started.append
base, start = float(sys.argv[1]), float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
last_run = {}
for turn in range(5):  # five intervals, a minute apart on the shared wall clock
    periodic.run_due(last_run, now=1000.0 + 60 * turn, wall_clock=base + 60 * turn)
print(len(started))
"""


def test_two_server_processes_run_each_job_once_per_interval(tmp_path):
    """Two app servers' schedulers, as processes of their own, share the cache (Redis when the
    run has it, else diskcache in one data folder): each interval's job starts once."""
    env = {k: v for k, v in os.environ.items() if k not in {"FICARCHIVE_TESTING", "DATABASE_URL"}}
    env.update(DEBUG="true", FICARCHIVE_DATA_DIR=str(tmp_path),
               CACHE_KEY_PREFIX=f"periodic-test-{secrets.token_hex(4)}",
               DJANGO_SETTINGS_MODULE="ficarchive.settings")  # fmt: skip
    base = 1_800_000_000.0 + 60 * secrets.randbelow(10**6)
    start = time.time() + 3
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", SCHEDULER, str(base), str(start)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(2)
    ]
    counts = [int(server.communicate(timeout=120)[0].split()[-1]) for server in servers]
    assert sum(counts) == 5
