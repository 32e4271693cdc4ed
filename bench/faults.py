"""Faults under load (issue 17): for each fault, the requests sent, the errors by status, the
writes attempted, answered and found afterwards, and the seconds to recover.

    python -P bench/faults.py [--seconds 12] [--json]

One archive as production runs it (`ficarchive serve`, two processes, SQLite with the demo
content, a redis-server of its own on a port of 6390-6399), its data directory on a tmpfs of
its own when this runs as root (else the disk-full fault is left out), and a stream of guests
reading and signed-in readers commenting through it:

    worker killed   two `ficarchive db_worker`s on 40 mails and 4 imports, the one reading the
                    first import killed (SIGKILL) while it reads it; "writes" are the tasks'
                    effects (each mail sent once, each import read); recovery: from the kill
                    until the other worker has taken that import up again (requeued: until it
                    is queued again; redone: until it is read)
    none            the stream alone (the baseline: no 5xx, every comment kept)
    redis stopped   Redis stopped a third of the way in, started again at two thirds;
                    recovery: until a guest's page is served from the page cache again
    disk full       the tmpfs filled to its last byte a third of the way in, emptied at two
                    thirds; recovery: until a comment is kept again

Then, when bench/faults_cluster.py is there, its faults of the grown-up layout (the replica
stopped, an app server killed), which print the same figures.

Writes are comments with a text of their own: "answered" means the archive said it was posted
(a redirect to the comment), "found" that it is in the database afterwards. Zero lost writes
means answered == found; a comment refused (503) must not be found either.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/ off the import path (its http.py would shadow the standard library's); the project's
# root on it, for the test helpers that start Redis, the server and the small disk.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from tests.core.own_redis import start_own_redis  # noqa: E402
from tests.core.production_site import Browser, production_env, serve_site, stop_site  # noqa: E402
from tests.core.small_disk import fill, small_disk  # noqa: E402

PASSWORD = "fault bench password 1"
WRITERS = 8
READ_PATHS = ["/", "/works", "/tags"]


@dataclass
class Traffic:
    """Guests reading and signed-in readers commenting until stopped (each writer within the
    archive's 10 comments a minute)."""

    url: str
    work: str
    statuses: Counter = field(default_factory=Counter)
    comments: list[tuple[str, int]] = field(default_factory=list)  # (text, status or 0)
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, writers: list[str], guests: int = 4) -> None:
        pages = [*READ_PATHS, self.work]
        for n in range(guests):
            self._spawn(self._read, Browser(self.url), pages[n % len(pages) :] + pages)
        for name in writers:
            reader = Browser(self.url)
            reader.sign_in(name, PASSWORD)
            self._spawn(self._write, reader)

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def count(self, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1

    def _read(self, guest: Browser, pages: list[str]) -> None:
        n = 0
        while not self.stop.is_set():
            self.count(_status(guest.get, pages[n % len(pages)] + "?view_adult=true"))
            n += 1

    def _write(self, reader: Browser) -> None:
        while not self.stop.is_set():
            text = f"A comment of the fault bench, {uuid.uuid4().hex}."
            status = post_comment(reader, self.work, text)
            self.count(status)
            with self.lock:
                self.comments.append((text, status))
            self.stop.wait(6.5)

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def figures(self, database: Path, seconds: float, recovery: float | None) -> dict:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as db:
            bodies = "\n".join(r[0] for r in db.execute("SELECT body FROM feedback_comment"))
        found = [text in bodies for text, _ in self.comments]
        return {
            "requests": sum(self.statuses.values()),
            "errors": {str(s): n for s, n in sorted(self.statuses.items()) if s not in (200, 302)},
            "writes_attempted": len(self.comments),
            "writes_answered": sum(1 for _, status in self.comments if status == 302),
            "writes_found": sum(found),
            "lost": sum(
                1 for f, (_, s) in zip(found, self.comments, strict=True) if s == POSTED and not f
            ),
            "refused_but_kept": sum(
                1 for f, (_, s) in zip(found, self.comments, strict=True) if s != POSTED and f
            ),
            "recovery_seconds": None if recovery is None else round(recovery, 2),
            "seconds": round(seconds, 1),
        }


POSTED = 302  # a comment kept: the archive redirects to it


def post_comment(reader: Browser, work: str, text: str) -> int:
    """POSTED when the archive kept it (a redirect to the comment), else the status of its
    answer (0: none; a refusal by the rate limit is a redirect to the work itself: 200)."""
    try:
        status, headers, _ = reader.post_form(f"{work}?view_adult=true", f"{work}/comments",
                                              {"body": text}, follow=False)  # fmt: skip
    except OSError:
        return 0
    if status == 302:
        return POSTED if "#comment_" in headers.get("Location", "") else 200
    return status


def _status(call, *args) -> int:
    try:
        return call(*args)[0]
    except OSError:
        return 0


def until(check, timeout: float = 60) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    return None


@dataclass
class Bench:
    site: object
    data_dir: Path
    env: dict
    redis: object
    logs: Path
    work: str
    quiet_work: str
    writer_names: list[str]
    scenario: int = 0

    @property
    def database(self) -> Path:
        return self.data_dir / "ficarchive.sqlite3"

    def writers(self) -> list[str]:
        """Writers of this scenario's own: a fresh set each, within the comment limit."""
        names = self.writer_names[self.scenario * WRITERS : (self.scenario + 1) * WRITERS]
        self.scenario += 1
        return names

    def faulty_run(self, seconds: float, fault, mend, recovered) -> dict:
        """The stream for `seconds`; fault() at a third, mend() at two thirds, then the
        seconds until recovered() is true."""
        traffic = Traffic(self.site.url, self.work)
        traffic.start(self.writers())
        began = time.monotonic()
        time.sleep(seconds / 3)
        fault()
        time.sleep(seconds / 3)
        mend()
        recovery = until(recovered)
        time.sleep(max(0.0, seconds - (time.monotonic() - began)))
        traffic.finish()
        return traffic.figures(self.database, time.monotonic() - began, recovery)


def manage(env: dict, *command: str) -> str:
    done = subprocess.run([sys.executable, "-m", "ficarchive", *command], env=env, check=True,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    return done.stdout


MAKE_READERS = """
from ficarchive.accounts.services import create_account
for n in range({count}):
    create_account(username=f"faultbench{{n}}", email=f"faultbench{{n}}@example.org",
                   password={password!r})
"""


def prepare(data_dir: Path, logs: Path, redis_url: str) -> Bench:
    env = production_env(data_dir, REDIS_URL=redis_url, HIT_FLUSH_SECONDS="2")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    count = WRITERS * 6
    manage(env, "shell", "-c", MAKE_READERS.format(count=count, password=PASSWORD))
    site = serve_site(data_dir, log_file=logs / "serve.log", REDIS_URL=redis_url,
                      HIT_FLUSH_SECONDS="2")  # fmt: skip
    _, _, listing = site.get("/works")
    work, quiet_work = (w.decode() for w in re.findall(rb'href="(/works/\d+)"', listing)[:2])
    names = [f"faultbench{n}" for n in range(count)]
    return Bench(site, data_dir, env, None, logs, work, quiet_work, names)


def baseline(bench: Bench, seconds: float) -> dict:
    """The stream alone; its "recovery" is one comment kept by a probe under that load (the
    least any recovery below can take, since each ends with a probe's request)."""
    probe = Browser(bench.site.url)
    probe.sign_in(bench.writers()[0], PASSWORD)

    def kept() -> bool:
        return post_comment(probe, bench.work, f"Baseline, {uuid.uuid4().hex}.") == POSTED

    return bench.faulty_run(seconds, lambda: None, lambda: None, kept)


def redis_stopped(bench: Bench, seconds: float) -> dict:
    guest = Browser(bench.site.url)
    page = bench.quiet_work + "?view_adult=true"  # a page no comment of the stream changes

    def from_the_cache() -> bool:
        status, headers, _ = guest.get(page)
        return status == 200 and headers.get("X-Page-Cache") == "hit"

    return bench.faulty_run(seconds, bench.redis.stop, bench.redis.start, from_the_cache)


def disk_full(bench: Bench, seconds: float) -> dict:
    probe = Browser(bench.site.url)
    probe.sign_in(bench.writers()[0], PASSWORD)
    filler: list[Path] = []

    def fault():
        with sqlite3.connect(bench.database, timeout=30) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no room kept in the log
        filler.append(fill(bench.data_dir))

    def kept_again() -> bool:
        return post_comment(probe, bench.work, f"Room again, {uuid.uuid4().hex}.") == POSTED

    return bench.faulty_run(seconds, fault, lambda: filler[0].unlink(), kept_again)


QUEUE_TASKS = """
from ficarchive.accounts.models import User
from ficarchive.feedback.mail import send_notification_mail
from ficarchive.feedback.models import Notification
from ficarchive.imports.services import queue_import
readers = list(User.objects.filter(username__startswith="faultbench").order_by("pk"))
for n in range({mails}):
    item = Notification.objects.create(user=readers[n % len(readers)], kind=Notification.NOTICE,
                                       message=f"fault bench mail {{n}}", link="/")
    send_notification_mail.enqueue(item.pk)
story = "<html><body><h1>The Lamplighter</h1>" + "<p>The lamps were lit.</p>" * 20000
for n in range({first}, {first} + {imports}):
    queue_import(readers[n], story + "</body></html>", filename=f"lamps{{n}}.html")
"""


def task_state(database: Path) -> dict:
    """The queue as the database holds it: {task id: (name, status, worker ids)}, and the
    number of imports read."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as db:
        rows = db.execute("SELECT id, task_path, status, worker_ids FROM "
                          "django_tasks_database_dbtaskresult")  # fmt: skip
        tasks = {id_: (path.rsplit(".", 1)[1], status, json.loads(workers))
                 for id_, path, status, workers in rows}  # fmt: skip
        ready = db.execute("SELECT count(*) FROM imports_pendingimport WHERE status = 'ready'")
        return {"tasks": tasks, "imports_ready": ready.fetchone()[0]}


def worker_killed(bench: Bench, seconds: float, mails: int = 40, imports: int = 4) -> dict:
    """Two workers; the queue they find drained first, then this scenario's mails and one
    import queued, and the worker that takes the import killed while it reads it (the other
    is then free, so what is measured is the fault's own delay, not a queue's); the other
    imports are queued once it is read again. Recovery: from the kill until the other worker
    has taken that import up again (`requeued_seconds`: until it is queued again;
    `redone_seconds`: until it is read)."""
    from tests.core.task_workers import Worker

    def start(name):
        log = bench.logs / f"{name}.log"
        env = {**bench.env, "EMAIL_URL": "console://", "IMPORT_CHILD_PROCESS": "true"}
        process = subprocess.Popen(
            [sys.executable, "-m", "ficarchive", "db_worker", "--no-reload",
             "--no-startup-delay", "--interval", "0.2", "--worker-id", name],
            env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        return Worker(process, log)

    def tasks() -> dict:
        return task_state(bench.database)["tasks"]

    def settled(ids=None) -> bool:
        return all(t[1] in ("SUCCESSFUL", "FAILED") for i, t in tasks().items()
                   if ids is None or i in ids)  # fmt: skip

    workers = {name: start(name) for name in ("first", "second")}
    try:
        until(settled, timeout=300)
        before = task_state(bench.database)
        manage(bench.env, "shell", "-c", QUEUE_TASKS.format(mails=mails, imports=1, first=0))
        began = time.monotonic()
        ours = set(tasks()) - set(before["tasks"])

        def being_read():
            return [(i, t[2][-1]) for i, t in tasks().items() if i in ours
                    and t[0] == "read_import" and t[1] == "RUNNING" and t[2]]  # fmt: skip

        held = until(being_read, timeout=120) is not None and being_read()
        requeued = retaken = redone = None
        if held:
            task, victim = held[0]
            workers[victim].kill()
            killed_at = time.monotonic()

            def since_kill(check):
                return None if until(check, 120) is None else time.monotonic() - killed_at

            requeued = since_kill(lambda: tasks()[task][1] != "RUNNING"
                                  or tasks()[task][2][-1] != victim)  # fmt: skip
            retaken = since_kill(lambda: tasks()[task][2][-1] != victim)
            redone = since_kill(lambda: tasks()[task][1] == "SUCCESSFUL")
        manage(bench.env, "shell", "-c",
               QUEUE_TASKS.format(mails=0, imports=imports - 1, first=1))  # fmt: skip
        ours = set(tasks()) - set(before["tasks"])
        until(lambda: settled(ours), timeout=300)
    finally:
        for worker in workers.values():
            worker.stop()
    final = task_state(bench.database)
    sent = [line for w in workers.values() for line in w.output().splitlines()
            if line.startswith("To: faultbench")]  # fmt: skip
    statuses = Counter(t[1] for i, t in final["tasks"].items() if i in ours)
    return {
        "requests": len(ours),
        "errors": {s: n for s, n in statuses.items() if s != "SUCCESSFUL"},
        "writes_attempted": mails + imports,
        "writes_answered": statuses["SUCCESSFUL"],
        "writes_found": len(set(sent)) + final["imports_ready"] - before["imports_ready"],
        "doubles": len(sent) - len(set(sent)),
        "requeued_seconds": None if requeued is None else round(requeued, 2),
        "recovery_seconds": None if retaken is None else round(retaken, 2),
        "redone_seconds": None if redone is None else round(redone, 2),
        "seconds": round(time.monotonic() - began, 1),
    }


def report_line(name: str, figures: dict) -> str:
    errors = ", ".join(f"{s}: {n}" for s, n in figures["errors"].items()) or "none"
    recovery = figures.get("recovery_seconds")
    return (f"{name:<18} {figures['requests']:>6} requests  errors {errors:<22} writes "
            f"{figures['writes_attempted']:>3} attempted {figures['writes_answered']:>3} answered "
            f"{figures['writes_found']:>3} found  recovery "
            f"{'—' if recovery is None else f'{recovery:.1f} s':>7}  ({figures['seconds']} s)"
            + "".join(f"  {k.replace('_', ' ')} {v}" for k, v in figures.items() if k in EXTRAS))  # fmt: skip


EXTRAS = ("lost", "refused_but_kept", "doubles", "requeued_seconds", "redone_seconds",
          "writes_refused", "half_kept")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--json", action="store_true", help="one JSON line a fault")
    parser.add_argument("--only", choices=["worker killed", "none", "redis stopped", "disk full"],
                        help="this fault alone (and not the cluster's)")  # fmt: skip
    args = parser.parse_args()

    def report(name: str, figures: dict) -> None:
        print(json.dumps({"fault": name, **figures}) if args.json else report_line(name, figures))
        sys.stdout.flush()

    print(f"load average before: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    root = os.geteuid() == 0
    with tempfile.TemporaryDirectory(prefix="ficarchive-faults-") as tmp, ExitStack() as stack:
        tmp = Path(tmp)
        logs = tmp / "logs"
        logs.mkdir()
        data = stack.enter_context(small_disk(tmp / "data", 512) if root else nullcontext())
        data = data or tmp / "data"
        redis_dir = tmp / "redis"
        redis_dir.mkdir()
        redis = start_own_redis(redis_dir)
        stack.callback(redis.close)
        bench = prepare(data, logs, redis.url)
        bench.redis = redis
        stack.callback(stop_site, bench.site)
        faults = {"worker killed": worker_killed, "none": baseline, "redis stopped": redis_stopped}
        if root:
            faults["disk full"] = disk_full
        else:
            print("disk full: left out (mounting a tmpfs needs root)", file=sys.stderr)
        for name, fault in faults.items():
            if args.only in (None, name):
                report(name, fault(bench, args.seconds))
    if args.only:
        pass
    elif (HERE / "faults_cluster.py").exists():
        spec = importlib.util.spec_from_file_location("faults_cluster", HERE / "faults_cluster.py")
        faults_cluster = importlib.util.module_from_spec(spec)
        sys.modules["faults_cluster"] = faults_cluster  # its dataclasses look their module up
        spec.loader.exec_module(faults_cluster)
        faults_cluster.run(report, seconds=args.seconds)
    else:
        print("replica stopped, app server killed: bench/faults_cluster.py is not here yet",
              file=sys.stderr)  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
