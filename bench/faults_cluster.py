"""Faults of the grown-up layout, for bench/faults.py: the read replica stopped, and an app
server killed, each under a bounded stream of guests' reads and readers' comments through
nginx (core/localcluster.py starts primary, replica, Redis, two app servers and nginx on
loopback, in a folder of their own; nothing of the machine's PostgreSQL or Redis is touched).

    python -P bench/faults_cluster.py [--seconds 12]   (-P: bench/http.py is not the http)

Entry for bench/faults.py: `run(report, seconds=12)` runs both scenarios on one layout and
calls `report(name, figures)` once for each, `figures` being a dict of
    requests            requests sent
    errors              {status: count} of the answers that were not 200 or a comment's
                        redirect ("0": no answer at all)
    writes_attempted    comments posted
    writes_answered     of them answered "posted" (a redirect to the comment)
    writes_refused      of them answered with a message instead (the rate limit: must be 0)
    writes_found        of them found in the database afterwards
    half_kept           comments found without their count or inbox notice (must be 0)
    recovery_seconds    from the fault's end until the layout is whole again (the replica
                        read again; the killed server, started again, sent requests by nginx
                        and answering them)
    answered_seconds    (app server killed) from the restart until the server answers a
                        request on its own port
    start_cpu_seconds   (app server killed) CPU time its processes took until then
    seconds             how long the scenario's traffic ran
`scenarios()` lists (name, function) for callers that want one at a time: each function takes
(cluster, seconds) and returns the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from ficarchive.core import cluster_processes, localcluster
from ficarchive.core.cluster_reader import (
    Reader,
    commenters,
    default_pseud,
    half_written_works,
    one_chapter_work,
    work_page,
)
from ficarchive.core.localcluster import Cluster

READ_PATHS = ["/", "/works", "/tags", "/opds"]


@dataclass
class Traffic:
    """Guests reading and signed-in readers commenting, through the proxy, until stopped."""

    cluster: Cluster
    work_id: int
    statuses: Counter = field(default_factory=Counter)
    comments: list[tuple[str, str]] = field(default_factory=list)  # (text, outcome)
    works: list[tuple[str, str, str]] = field(default_factory=list)  # (title, outcomes)
    late_errors: int = 0  # errors answered after `late_after` (monotonic time)
    late_after: float = float("inf")
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, writers: list[str], guests: int = 4, authors: list[str] = ()) -> None:
        proxy = self.cluster.proxy
        pages = READ_PATHS + [work_page(self.work_id)]
        for number in range(guests):
            self._spawn(self._read, Reader(proxy), pages[number % len(pages) :] + pages)
        for name in writers:
            reader = Reader(proxy)
            reader.sign_in(name)
            self._spawn(self._write, reader, reader.csrf_token(work_page(self.work_id)))
        for name in authors:
            reader = Reader(proxy)
            reader.sign_in(name)
            pseud = default_pseud(self.cluster.primary, name)
            self._spawn(self._post, reader, reader.csrf_token("/works/new"), pseud)

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _read(self, reader: Reader, pages: list[str]) -> None:
        n = 0
        while not self.stop.is_set():
            self.count(_status(reader.get, pages[n % len(pages)]))
            n += 1

    def _write(self, reader: Reader, token: str) -> None:
        while not self.stop.is_set():
            text = f"A comment of the fault bench, {uuid.uuid4().hex}."
            try:
                outcome = reader.post_comment(self.work_id, text, token)
            except OSError:
                outcome = "0"
            self.count(outcome)
            self.comments.append((text, outcome))
            self.stop.wait(6.5)  # within the archive's 10 comments a minute for one reader

    def _post(self, reader: Reader, token: str, pseud: int) -> None:
        """A work, then its second chapter, every 2 s (within the 60 posts an hour)."""
        while not self.stop.is_set():
            title = f"Fault bench work {uuid.uuid4().hex[:16]}"
            outcome = chapter = "-"
            try:
                outcome = reader.post_work(title, "The lamps were lit.\n\nOne by one.", token,
                                           pseud)  # fmt: skip
                if outcome.startswith("posted:"):
                    work_id, outcome = int(outcome.split(":")[1]), "posted"
                    chapter = reader.post_chapter(work_id, "Dawn", "The lamps went out.", token)
            except OSError:  # no answer at all
                outcome, chapter = (outcome, "0") if outcome == "posted" else ("0", chapter)
            for answer in (outcome, chapter):
                if answer != "-":
                    self.count(answer)
            with self.lock:
                self.works.append((title, outcome, chapter))
            self.stop.wait(2)

    def count(self, status: int | str) -> None:
        with self.lock:
            self.statuses[status] += 1
            if status not in (200, "posted", "refused") and time.monotonic() > self.late_after:
                self.late_errors += 1

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=90)

    def work_figures(self) -> dict:
        """Works posted (and their second chapters): attempted, answered, found, and those
        found half written; none when no author posted."""
        if not self.works:
            return {}
        primary = self.cluster.primary
        titles = [title for title, _, _ in self.works]
        quoted = ", ".join(f"'{t}'" for t in titles)
        rows = primary.sql(
            "SELECT w.title, (SELECT count(*) FROM works_chapter c WHERE c.work_id = w.id)"
            f" FROM works_work w WHERE w.title IN ({quoted})"
        )
        chapters = {title: int(n) for title, n in (r.split("|") for r in rows.split("\n") if r)}
        return {
            "works_attempted": len(self.works),
            "works_answered": sum(1 for _, work, _ in self.works if work == "posted"),
            "works_found": len(chapters),
            "chapters_answered": sum(1 for _, _, chapter in self.works if chapter == "posted"),
            "chapters_found": sum(n - 1 for n in chapters.values()),
            "works_lost": sum(1 for t, work, _ in self.works if work == "posted" and t not in chapters),
            "chapters_lost": sum(1 for t, _, c in self.works if c == "posted" and chapters.get(t) != 2),
            "half_written": len(half_written_works(primary, titles)),
            "late_errors": self.late_errors,
        }  # fmt: skip

    def figures(self, seconds: float, recovery: float | None) -> dict:
        primary = self.cluster.primary
        found = half = 0
        for text, _ in self.comments:
            kept = int(
                primary.sql(f"SELECT count(*) FROM feedback_comment WHERE body LIKE '%{text}%'")
            )
            noticed = int(primary.sql(
                "SELECT count(*) FROM feedback_comment c JOIN feedback_notification n"
                f" ON n.comment_id = c.id WHERE c.body LIKE '%{text}%'"
            ))  # fmt: skip
            found += kept
            half += kept and not noticed
        return {
            "requests": sum(self.statuses.values()),
            "errors": {
                str(s): n for s, n in self.statuses.items() if s not in (200, "posted", "refused")
            },
            "writes_attempted": len(self.comments),
            "writes_answered": sum(1 for _, outcome in self.comments if outcome == "posted"),
            "writes_refused": sum(1 for _, outcome in self.comments if outcome == "refused"),
            "writes_found": found,
            "half_kept": half,
            **self.work_figures(),
            "recovery_seconds": None if recovery is None else round(recovery, 2),
            "seconds": round(seconds, 1),
        }


def _status(call, *args) -> int:
    try:
        return call(*args)[0]
    except OSError:
        return 0  # no answer at all


def _until(check, timeout: float = 60) -> float | None:
    """Seconds until check() is true, or None past the timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def _writers(cluster: Cluster, work_id: int, scenario: int) -> list[str]:
    """Four demo authors of the scenario's own (each scenario's comments within the rate limit)."""
    return commenters(cluster.primary, work_id, 4, skip=4 * scenario)


def replica_stopped(cluster: Cluster, seconds: float) -> dict:
    """The replica's server stopped (immediate: as if its machine went away) a third of the way
    in, started again at two thirds; recovery: until every app server reads it again."""
    traffic = Traffic(cluster, one_chapter_work(cluster.primary))
    logs = [len(cluster.log(n)) for n in (1, 2)]
    began = time.monotonic()
    traffic.start(_writers(cluster, traffic.work_id, 0))
    time.sleep(seconds / 3)
    cluster.replica.stop("immediate")
    time.sleep(seconds / 3)
    cluster.replica.start()
    back_at = time.monotonic()
    recovered = _until(
        lambda: all("is back" in cluster.log(n)[logs[n - 1] :] for n in (1, 2)), timeout=60
    )
    recovery = None if recovered is None else time.monotonic() - back_at
    time.sleep(max(0.0, seconds - (time.monotonic() - began)))
    traffic.finish()
    return traffic.figures(time.monotonic() - began, recovery)


def app_server_killed(cluster: Cluster, seconds: float) -> dict:
    """App server 2 killed (SIGKILL) a third of the way in, started again at two thirds;
    recovery: from its start until nginx has it answer a request (its access log says which
    server answered each); `answered_seconds`: until it answers on its own port."""
    layout = cluster.layout
    traffic = Traffic(cluster, one_chapter_work(cluster.primary))
    began = time.monotonic()
    traffic.start(_writers(cluster, traffic.work_id, 1))
    time.sleep(seconds / 3)
    os.killpg(layout.pids["server2"], signal.SIGKILL)
    time.sleep(seconds / 3)
    port, log = layout.server_ports[1], layout.root / "server2.log"
    proxy_log = layout.root / "nginx-access.log"
    seen = proxy_log.stat().st_size
    restarted_at, restarted_clock = time.monotonic(), time.time()
    process = cluster_processes.spawn_server(layout.env(**SERVER_ENV), port, log)
    layout.pids["server2"] = process.pid
    cluster_processes.wait_server(process, port, log, poll=0.05)
    answered = time.monotonic() - restarted_at
    cpu = cluster_processes.session_cpu_seconds(process.pid)
    proxied = None
    if _until(lambda: _proxied_to(proxy_log, seen, port), timeout=30) is not None:
        proxied = _proxied_to(proxy_log, seen, port) - restarted_clock
    time.sleep(max(0.0, seconds - (time.monotonic() - began)))
    traffic.finish()
    figures = traffic.figures(time.monotonic() - began, proxied)
    return {**figures, "answered_seconds": round(answered, 2), "start_cpu_seconds": cpu}


def _proxied_to(proxy_log, offset: int, port: int) -> float | None:
    """The time (wall clock) nginx logged the first answer of the server on `port` past
    `offset` bytes of its access log ("$msec $status $upstream_addr", the last address the one
    that answered), or None."""
    with proxy_log.open("rb") as log:
        log.seek(offset)
        for line in log.read().decode().splitlines():
            if len(parts := line.split(" ", 2)) < 3:
                continue  # a line nginx is still writing
            stamp, status, upstreams = parts
            if upstreams.rsplit(", ", 1)[-1] == f"127.0.0.1:{port}" and int(status) < 500:
                return float(stamp)
    return None


def primary_restarted(cluster: Cluster, seconds: float) -> dict:
    """The primary stopped (fast: every connection cut, as a restart does) a third of the way
    in, under guests' reads, comments and two authors posting works of two chapters, and
    started again at two thirds. Writes meanwhile must answer 503 "try again" and keep
    nothing; recovery: from the primary accepting connections again until a probe's comment
    is kept; `late_errors`: errors answered more than 5 s after it was back (must be 0)."""
    traffic = Traffic(cluster, one_chapter_work(cluster.primary))
    probe_name, *authors = _writers(cluster, traffic.work_id, 2)[:3]
    probe = Reader(cluster.proxy)
    probe.sign_in(probe_name)
    token = probe.csrf_token(work_page(traffic.work_id))
    began = time.monotonic()
    # The first scenario's commenters again (a few comments each a minute before: within the
    # limit), since the demo has not enough authors for a third set.
    traffic.start(_writers(cluster, traffic.work_id, 0), authors=authors)
    time.sleep(seconds / 3)
    cluster.primary.stop("fast")
    time.sleep(seconds / 3)
    cluster.primary.start()
    back_at = time.monotonic()
    traffic.late_after = back_at + 5

    def kept() -> bool:
        try:
            return (
                probe.post_comment(traffic.work_id, f"Probe, {uuid.uuid4().hex}.", token)
                == "posted"
            )
        except OSError:
            return False

    recovered = _until(kept, timeout=60)
    recovery = None if recovered is None else time.monotonic() - back_at
    time.sleep(max(0.0, seconds - (time.monotonic() - began), back_at + 6 - time.monotonic()))
    traffic.finish()
    return traffic.figures(time.monotonic() - began, recovery)


def scenarios():
    return [("replica stopped", replica_stopped), ("app server killed", app_server_killed),
            ("primary restarted", primary_restarted)]  # fmt: skip


# No page cache: every read reaches a database (with it, guests' pages come from Redis and a
# replica's absence is not even seen).
SERVER_ENV = {"PAGE_CACHE_SECONDS": "0"}


def run(report, seconds: float = 12, only: str | None = None) -> None:
    """Every scenario (or `only` the one of that name) on one layout (started here, removed
    afterwards); report(name, figures) for each."""
    cluster = localcluster.start_cluster([SERVER_ENV, SERVER_ENV])
    try:
        for name, scenario in scenarios():
            if only in (None, name):
                report(name, scenario(cluster, seconds))
    finally:
        localcluster.stop_cluster(cluster)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--only", choices=[name for name, _ in scenarios()])
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    run(lambda name, figures: print(json.dumps({"fault": name, **figures}), flush=True),
        args.seconds, args.only)  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
