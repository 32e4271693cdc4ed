"""Imports under load (issue 12, finding 2): IMPORTS documents of SIZE MB uploaded at once, each
from its own account, to the archive as `ficarchive serve --no-worker` serves it (production
settings, SQLite) with one `ficarchive db_worker` beside it; a guest asks for a work page all
the while.

    python -P bench/imports_under_load.py [--imports 8] [--size-mb 10] [--timeout 1200]

Prints the guest page's latency on the idle archive (the baseline, measured in the same run)
and while the imports are uploaded and read, with their ratio; how long each upload took to be
answered; how long until every import was read; and the peak memory (RSS) of the server
process, of the worker process and of the largest child that read a document.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_http", HERE / "http.py")
bench_http = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_http)  # its helpers: ports, processes, the environment
BIN, run, start, stop = bench_http.BIN, bench_http.run, bench_http.start, bench_http.stop
PASSWORD = "bench password 123"
_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def prepare(imports: int) -> None:
    """Inside the archive's settings: the importing accounts and a work for the guest."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
    django.setup()
    from ficarchive.accounts.services import create_account
    from ficarchive.works.services import post_work

    users = [create_account(username=f"importer{n}", email=f"importer{n}@example.org",
                            password=PASSWORD) for n in range(imports)]  # fmt: skip
    work = post_work(pseuds=[users[0].default_pseud], title="A quiet harbour",
                     rating="General Audiences", fandoms=["Original Work"],
                     body="<p>The boats came home one by one.</p>" * 200)  # fmt: skip
    print(json.dumps({"work": work.get_absolute_url()}))


def document(size_mb: float) -> bytes:
    line = b"<p>She walked down the long road to the harbour, where the lamps were lit.</p>\n"
    return (
        b"<html><body><h1>Harbour</h1>" + line * int(size_mb * 1e6 / len(line)) + b"</body></html>"
    )


def session(base: str, username: str) -> tuple[urllib.request.OpenerDirector, str]:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    token = _TOKEN.search(opener.open(base + "/login").read()).group(1).decode()
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username,
                                   "password": PASSWORD}).encode()  # fmt: skip
    opener.open(base + "/login", data)
    token = _TOKEN.search(opener.open(base + "/works/import").read()).group(1).decode()
    return opener, token


def upload(opener, token: str, base: str, data: bytes) -> tuple[float, str, object]:
    boundary = "benchboundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in (("csrfmiddlewaretoken", token), ("format", "auto"))]  # fmt: skip
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="story.html"\r\nContent-Type: text/html\r\n\r\n'.encode())  # fmt: skip
    body = b"".join(parts) + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(base + "/works/import", body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}"})  # fmt: skip
    started = time.monotonic()
    with opener.open(request, timeout=600) as response:
        return time.monotonic() - started, response.url, opener


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            pass
    return found


class Peaks(threading.Thread):
    """Samples the RSS of the server, the worker and the worker's children every 50 ms."""

    def __init__(self, server: int, worker: int):
        super().__init__(daemon=True)
        self.server, self.worker, self.stopped = server, worker, threading.Event()
        self.peak = {"server": 0.0, "worker": 0.0, "reading child": 0.0}

    def run(self) -> None:
        while not self.stopped.is_set():
            self.peak["server"] = max(self.peak["server"], rss_mb(self.server))
            self.peak["worker"] = max(self.peak["worker"], rss_mb(self.worker))
            for child in children(self.worker):
                self.peak["reading child"] = max(self.peak["reading child"], rss_mb(child))
            time.sleep(0.05)


def guest_latency(url: str, until) -> list[float]:
    samples = []
    while not until():
        started = time.monotonic()
        urllib.request.urlopen(url, timeout=120).read()
        samples.append((time.monotonic() - started) * 1000)
    return samples


def figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (f"p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  "
            f"max {ordered[-1]:7.1f} ms  ({len(ordered)} requests)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--imports", type=int, default=8)
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--timeout", type=int, default=1200, help="seconds to wait for reading")
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare)
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} before the run")
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as tmp:
        work_dir = Path(tmp)
        env = bench_http.environment(work_dir, f"sqlite:///{work_dir / 'bench.sqlite3'}", "")
        env["IMPORTS_ACTIVE_PER_SITE"] = str(args.imports)
        for command in (["migrate", "--noinput", "-v", "0"], ["load_lexicon"],
                        ["collectstatic", "--noinput", "-v", "0"]):  # fmt: skip
            run([str(BIN / "ficarchive"), *command], env)
        plan = json.loads(run([sys.executable, "-P", __file__, "--prepare", str(args.imports)],
                              env).splitlines()[-1])  # fmt: skip
        port = bench_http.free_port()
        serve = [str(BIN / "ficarchive"), "serve", "--no-worker", "--no-periodic",
                 "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
        server = start(serve, env, port, work_dir / "serve.log")
        worker_log = (work_dir / "worker.log").open("w")
        worker = bench_http.subprocess.Popen(
            [str(BIN / "ficarchive"), "db_worker", "--no-reload", "--no-startup-delay"],
            env=env, cwd=bench_http.ROOT, stdout=worker_log, stderr=worker_log,
            start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        guest = base + plan["work"]
        try:
            sessions = [session(base, f"importer{n}") for n in range(args.imports)]
            for _ in range(5):
                urllib.request.urlopen(guest).read()
            idle_until = time.monotonic() + 10
            idle = guest_latency(guest, lambda: time.monotonic() > idle_until)
            idle_memory = {"server": rss_mb(server.pid), "worker": rss_mb(worker.pid)}
            data = document(args.size_mb)
            peaks = Peaks(server.pid, worker.pid)
            peaks.start()
            uploads: list[tuple[float, str, object]] = []
            threads = [threading.Thread(target=lambda s=s: uploads.append(upload(*s, base, data)))
                       for s in sessions]  # fmt: skip
            started = time.monotonic()
            for thread in threads:
                thread.start()

            def all_read() -> bool:
                if time.monotonic() - started > args.timeout:
                    return True
                if len(uploads) < len(sessions):
                    return False
                pages = [opener.open(url).read() for _, url, opener in uploads]
                return not any(b"Reading your import" in page for page in pages)

            busy: list[float] = []
            while not all_read():  # the guest asks for two seconds between checks
                batch = time.monotonic()
                busy += guest_latency(guest, lambda t=batch: time.monotonic() - t > 2)
            read_seconds = time.monotonic() - started
            peaks.stopped.set()
            peaks.join()
        finally:
            stop(server)
            stop(worker)
        print(
            f"\n{args.imports} imports of {args.size_mb:g} MB (HTML), one account each, one worker"
        )
        print(f"  guest work page, idle archive:  {figures(idle)}")
        print(f"  guest work page, during imports: {figures(busy)}")
        print(
            f"  ratio of p50 during / idle: {statistics.median(busy) / statistics.median(idle):.2f}"
        )
        answers = sorted(seconds for seconds, _, _ in uploads)
        print(
            f"  uploads answered in {answers[0]:.2f} to {answers[-1]:.2f} s (the document stored)"
        )
        print(f"  every import read after {read_seconds:.0f} s")
        print(
            f"  memory, idle: server {idle_memory['server']:.0f} MB, worker {idle_memory['worker']:.0f} MB"
        )
        print("  memory, peak: " + ", ".join(f"{k} {v:.0f} MB" for k, v in peaks.peak.items()))
        print(f"  (load average {os.getloadavg()[0]:.1f})")
    return None


if __name__ == "__main__":
    main()
