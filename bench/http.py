"""HTTP benchmark (`make bench-http`): the archive served as `ficarchive serve` serves it, in
production mode, driven by wrk at 16 and 64 connections, beside a minimal Django view served by
the same server code in the same run.

    python -P bench/http.py [--duration 5] [--soak 60] [--connections 16,64]
                             [--sqlite-only | --postgres-only] [--profile PAGE]

For each database (SQLite in a fresh folder; then PostgreSQL + Redis when both answer, in
BENCH_HTTP_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/fa_bench_http, which is
dropped and made again, and BENCH_HTTP_REDIS_URL with a key prefix of this run only) it loads
the demo content plus a 100,000-word work, signs a reader in, starts the archive and the
baseline on free loopback ports, and prints req/s, p50/p95/p99 and errors of each page and its
ratio to the baseline; then a soak of the anonymous pages at the highest connection count.

`-P` keeps bench/ off the import path: this file is named http, like the standard library's.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
# Run without -P, this folder would shadow the standard library's http for everything below.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

LONG_WORK_WORDS = 100_000
LONG_WORK_CHAPTERS = 20
READER = "benchreader"

# One Lua script for every run: the paths are taken in turn (a soak sends a mix), and done()
# prints the figures as one JSON line. wrk's latencies are in microseconds.
WRK_SCRIPT = """
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS"), "[^\\n]+") do paths[#paths + 1] = path end
local cookie = os.getenv("BENCH_COOKIE")
local n = 0
request = function()
  n = n + 1
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "max": %f, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reachable(url: str, default_port: int) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or default_port), 2).close()
    except OSError:
        return False
    return True


def run(cmd: list[str], env: dict) -> str:
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def start(cmd: list[str], env: dict, port: int, log: Path) -> subprocess.Popen:
    """A server in its own process group (so that its workers stop with it), once it answers."""
    out = log.open("w")
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"{' '.join(cmd)} stopped:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    stop(proc)
    sys.exit(f"{' '.join(cmd)} did not answer on port {port}:\n{log.read_text()}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def fetch(base: str, path: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(base: str, paths: list[str], connections: int, seconds: int, cookie: str) -> dict:
    # The requests a run before left queued (wrk closes its connections, the server still answers
    # them) are done before this run starts: this one request waits behind them.
    fetch(base, paths[0], cookie)
    script = Path(tempfile.gettempdir()) / f"bench-http-{os.getpid()}.lua"
    script.write_text(WRK_SCRIPT)
    env = {**os.environ, "BENCH_PATHS": "\n".join(paths), "BENCH_COOKIE": cookie}
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", str(script)]
    done = subprocess.run([*cmd, base], env=env, capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    kinds = ["connect", "read", "write", "status", "timeout"]
    figures["errors"] = sum(figures[k] for k in kinds)
    figures["kinds"] = ", ".join(f"{figures[k]} {k}" for k in kinds if figures[k])
    return figures


def prepare_archive(env: dict) -> dict:
    """Migrate, load the lexicon and the demo, then add what this bench reads (in this same
    file, run as `--prepare` in a process with the archive's settings)."""
    for command in (["migrate", "--noinput", "-v", "0"], ["load_lexicon"], ["load_demo"]):
        run([str(BIN / "ficarchive"), *command], env)
    run([str(BIN / "ficarchive"), "collectstatic", "--noinput", "-v", "0"], env)
    return json.loads(run([sys.executable, "-P", __file__, "--prepare"], env).splitlines()[-1])


def prepare() -> None:
    """Inside the archive's settings: the long work, a signed-in reader, the pages to ask."""
    import random

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from ficarchive.accounts.models import User
    from ficarchive.accounts.services import create_account
    from ficarchive.discovery.models import MutedTag
    from ficarchive.tags.models import Tag
    from ficarchive.works.chapters import add_chapter
    from ficarchive.works.demo_stories import DEMO_WORKS
    from ficarchive.works.models import Work
    from ficarchive.works.services import post_work

    # The long work's words are the demo stories' own, drawn at random.
    words = " ".join(body for story in DEMO_WORKS for _, body in story["chapters"]).split()
    words = [w for w in words if w.isalpha()]
    rng = random.Random(11)

    def chapter_body(count: int) -> str:
        paragraphs, left = [], count
        while left > 0:
            size = min(left, rng.randint(40, 160))
            paragraphs.append("<p>" + " ".join(rng.choices(words, k=size)) + "</p>")
            left -= size
        return "\n".join(paragraphs)

    author = User.objects.get(username="quillfeather").default_pseud
    per_chapter = LONG_WORK_WORDS // LONG_WORK_CHAPTERS
    long_work = post_work(
        pseuds=[author], title="The Long Ledger", rating="General Audiences",
        fandoms=["Sherlock Holmes - Arthur Conan Doyle"], summary="A bench's long read.",
        chapter_title="Chapter 1", body=chapter_body(per_chapter),
        chapters_expected=LONG_WORK_CHAPTERS,
    )  # fmt: skip
    for number in range(2, LONG_WORK_CHAPTERS + 1):
        add_chapter(long_work, title=f"Chapter {number}", body=chapter_body(per_chapter))

    # A demo work of several chapters that every reader sees without the adult question.
    shown = [
        w
        for w in Work.objects.filter(posted=True, restricted=False, hidden_by_admin=False)
        if not w.is_adult and w.pk != long_work.pk and w.chapters.filter(posted=True).count() > 1
    ][0]
    chapters = list(shown.chapters.filter(posted=True).order_by("position"))
    fandom = shown.filter_tags.filter(type="fandom").first()
    reader = create_account(username=READER, email="reader@bench.invalid", password=secrets.token_hex(16))  # fmt: skip
    muted = Tag.objects.filter(type="freeform").exclude(works=shown).first()
    if muted is not None:  # a reader who mutes something, as many do
        MutedTag.objects.create(user=reader, tag=muted)
    client = Client()
    client.force_login(reader)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    search_word = next(w for w in shown.title.lower().split() if len(w) > 3)
    work_url = reverse("work", args=[shown.pk])
    pages = {
        "home page": reverse("home"),
        "work page": work_url,
        "chapter": reverse("chapter", args=[shown.pk, chapters[1].pk]),
        "full view, 100,000 words": reverse("work", args=[long_work.pk]) + "?view_full_work=true",
        "listing": reverse("works_index"),
        "tag page": reverse("tag_works", args=[fandom.name]),
        "search": reverse("works_search") + "?" + urllib.parse.urlencode({"q": search_word}),
    }
    signed_in = {"signed-in work page": work_url, "signed-in listing": reverse("works_index")}
    print(json.dumps({"pages": pages, "signed_in": signed_in, "cookie": cookie}))


class RedisTrips:
    """The round trips this process makes to Redis, each as the commands it sent (a pipeline
    is one trip of several), while in a `with` block."""

    def __init__(self):
        self.trips: list[tuple[str, ...]] = []

    def __enter__(self):
        from redis.connection import AbstractConnection

        self._saved = AbstractConnection.send_command, AbstractConnection.pack_commands
        send_command, pack_commands = self._saved
        trips = self.trips

        def counted_send(conn, *args, **kwargs):
            trips.append((str(args[0]),))
            return send_command(conn, *args, **kwargs)

        def counted_pack(conn, commands):
            commands = list(commands)
            trips.append(tuple(str(c[0]) for c in commands))
            return pack_commands(conn, commands)

        AbstractConnection.send_command = counted_send
        AbstractConnection.pack_commands = counted_pack
        return self

    def __exit__(self, *exc):
        from redis.connection import AbstractConnection

        AbstractConnection.send_command, AbstractConnection.pack_commands = self._saved

    def named(self) -> str:
        return " ".join("+".join(t) for t in self.trips)


def page_costs(plan: dict, runs: int, profile: str) -> None:
    """Inside the archive's settings: the queries, Redis round trips and CPU milliseconds of
    each page, asked in this process through Django's handler (median of `runs`, after one
    warm-up; through Django's middleware, not the WSGI front that answers a guest's kept page
    under `ficarchive serve`, which does less); with `profile`, pyinstrument's profile of that page instead."""
    import statistics

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ficarchive.core.startup import settle

    settle()
    name, _, value = plan["cookie"].partition("=")
    pages = [(n, p, False) for n, p in plan["pages"].items()]
    pages += [(n, p, True) for n, p in plan["signed_in"].items()]
    for page, path, signed_in in pages:
        if profile and page != profile:
            continue
        client = Client(HTTP_HOST="127.0.0.1")
        if signed_in:
            client.cookies[name] = value
        client.get(path)
        if profile:
            from pyinstrument import Profiler

            with Profiler(interval=0.0002) as profiler:
                for _ in range(runs):
                    client.get(path)
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            continue
        cpu, queries, trips = [], [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured, RedisTrips() as redis:
                started = time.thread_time()
                assert client.get(path).status_code == 200, path
                cpu.append((time.thread_time() - started) * 1000)
            queries.append(len(captured))
            trips.append(len(redis.trips))
        print(f"  {page:<27}{statistics.median(queries):>9.0f}{statistics.median(trips):>9.0f}"
              f"{statistics.median(cpu):>9.1f}  {redis.named()}")  # fmt: skip


def baseline_server(port: int) -> None:
    """A minimal Django project (one view, the security middleware) on the archive's server."""
    import django
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.http import HttpResponse
    from django.urls import path

    def hello(request):
        return HttpResponse("<!doctype html><title>baseline</title><p>Hello, reader.</p>")

    settings.configure(
        DEBUG=False, SECRET_KEY=secrets.token_hex(32), ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__, MIDDLEWARE=["django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware"],
    )  # fmt: skip
    globals()["urlpatterns"] = [path("", hello)]
    django.setup()
    from ficarchive.core.server import cores, default_threads, serve

    # Loaded here, in __main__, and found there by the forked workers (as serve does).
    globals()["application"] = get_wsgi_application()
    serve(
        "__main__:application",
        host="127.0.0.1",
        port=port,
        workers=cores(),
        threads=default_threads(),
    )


def environment(work_dir: Path, database_url: str, redis_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DEBUG="false", SECRET_KEY=secrets.token_hex(32), FICARCHIVE_DATA_DIR=str(work_dir),
        DATABASE_URL=database_url, SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false",
        ALLOWED_HOSTS="127.0.0.1", LOG_LEVEL="ERROR",
        CACHE_KEY_PREFIX=f"bench-http-{secrets.token_hex(4)}",
    )  # fmt: skip
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def recreate_postgres(url: str) -> None:
    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def line(name: str, f: dict, baseline_rps: float) -> str:
    ratio = f"{100 * f['rps'] / baseline_rps:5.1f}%" if baseline_rps else ""
    return (
        f"  {name:<27}{f['rps']:>9,.0f}{f['p50']:>9.1f}{f['p95']:>9.1f}{f['p99']:>9.1f}"
        f"{f['errors']:>8}  {ratio}" + (f"  ({f['kinds']})" if f["kinds"] else "")
    )


def bench_one(label: str, env: dict, args, work_dir: Path) -> None:
    print(f"\n## {label}", flush=True)
    started = time.monotonic()
    plan = prepare_archive(env)
    print(f"archive prepared in {time.monotonic() - started:.0f} s", flush=True)
    costs = [sys.executable, "-P", __file__, "--page-costs", json.dumps(plan)]
    if args.profile:
        print(run([*costs, "--profile", args.profile], env))
        return
    print(f"\nin one process, median of 20\n  {'page':<27}{'queries':>9}{'Redis':>9}{'CPU ms':>9}"
          "  (Redis: round trips, the last request's named)")  # fmt: skip
    print(run(costs, env), end="", flush=True)
    app_port, base_port = free_port(), free_port()
    serve_cmd = [str(BIN / "ficarchive"), "serve", "--host", "127.0.0.1", "--port", str(app_port)]
    archive = start(serve_cmd, env, app_port, work_dir / "serve.log")
    base_cmd = [sys.executable, "-P", __file__, "--baseline-server", str(base_port)]
    baseline = start(base_cmd, env, base_port, work_dir / "baseline.log")
    app, base = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{base_port}"
    cookie = plan["cookie"]
    try:
        runs = [("baseline (minimal Django view)", base, "/", "")]
        runs += [(name, app, path, "") for name, path in plan["pages"].items()]
        runs += [(name, app, path, cookie) for name, path in plan["signed_in"].items()]
        for name, url, path, with_cookie in runs:  # every page answers, and is warm
            for _ in range(5):
                status, body = fetch(url, path, with_cookie)
            if status != 200 or (with_cookie and READER.encode() not in body):
                sys.exit(f"{name} ({path}) answered {status}; see {work_dir}/serve.log")
        for connections in args.connections:
            print(f"\n{connections} connections, {args.duration} s each")
            print(f"  {'page':<27}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
                  f"{'errors':>8}  of baseline")  # fmt: skip
            baseline_rps = 0.0
            for name, url, path, with_cookie in runs:
                figures = wrk(url, [path], connections, args.duration, with_cookie)
                baseline_rps = baseline_rps or figures["rps"]
                print(line(name, figures, baseline_rps), flush=True)
            print(f"  (load average {os.getloadavg()[0]:.1f})")
        if args.soak:
            connections = max(args.connections)
            anonymous = list(plan["pages"].values())
            print(f"\nsoak: the anonymous pages in turn, {connections} connections, {args.soak} s")
            figures = wrk(app, anonymous, connections, args.soak, "")
            print(line("anonymous mix", figures, 0.0), flush=True)
    finally:
        stop(archive)
        stop(baseline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and load")
    parser.add_argument("--soak", type=int, default=60, help="seconds of the soak; 0: none")
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres-only", action="store_true", help="PostgreSQL + Redis only")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--page-costs", help=argparse.SUPPRESS)  # the plan, as JSON
    parser.add_argument("--profile", default="", help="print the profile of this page instead")
    args = parser.parse_args()
    if args.prepare:
        return prepare()
    if args.page_costs:
        return page_costs(json.loads(args.page_costs), 20 if not args.profile else 200, args.profile)  # fmt: skip
    if args.baseline_server:
        return baseline_server(args.baseline_server)
    args.connections = [int(c) for c in args.connections.split(",")]
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `make bench-http` installs it (Debian package wrk)")
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} before the run")
    pg = os.environ.get("BENCH_HTTP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fa_bench_http")  # fmt: skip
    redis = os.environ.get("BENCH_HTTP_REDIS_URL", "redis://127.0.0.1:6379/0")
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        work_dir = Path(tmp)
        sqlite_url = f"sqlite:///{work_dir / 'bench.sqlite3'}"
        if not args.postgres_only:
            bench_one("SQLite, the shared cache in DATA_DIR/cache", environment(work_dir, sqlite_url, ""), args, work_dir)  # fmt: skip
        if args.sqlite_only:
            return None
        if not (reachable(pg, 5432) and reachable(redis, 6379)):
            print(f"\nPostgreSQL ({pg}) or Redis ({redis}) not reachable: SQLite only")
            return None
        recreate_postgres(pg)
        pg_dir = work_dir / "pg"
        pg_dir.mkdir()
        bench_one("PostgreSQL + Redis", environment(pg_dir, pg, redis), args, pg_dir)
    return None


if __name__ == "__main__":
    main()
