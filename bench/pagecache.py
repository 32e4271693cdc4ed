"""The page cache's cost per request, in Python, in one process (no server, no network):

    python -P bench/pagecache.py [--rounds 2000] [--redis redis://127.0.0.1:6379/15]

On a fresh SQLite archive with the demo content, in production settings, it calls the WSGI
application directly with a guest's GET and prints the p50, min, mean and p99 wall time of:
- a minimal Django view behind the same middleware (the baseline);
- a work page and the works listing built (the cache told to keep nothing: a miss every time);
- the same pages answered from the cache (a hit), and a revalidation answered 304.
With --redis the cache lives in that Redis database (under a key prefix of this run's own)
instead of local memory.
`-P` keeps bench/ off the import path (bench/http.py would shadow the standard library's http).
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(data_dir: str, redis_url: str | None) -> None:
    os.environ.update(
        DEBUG="false", SECRET_KEY=secrets.token_hex(32), FICARCHIVE_DATA_DIR=data_dir,
        DATABASE_URL=f"sqlite:///{data_dir}/bench.sqlite3", ALLOWED_HOSTS="bench.local",
        DJANGO_SETTINGS_MODULE="ficarchive.settings", PAGE_CACHE_PROXY_SECONDS="0",
    )  # fmt: skip
    os.environ.pop("REDIS_URL", None)
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
        os.environ["CACHE_KEY_PREFIX"] = "bench-" + secrets.token_hex(4)


def environ_for(path: str, **extra) -> dict:
    query = ""
    if "?" in path:
        path, query = path.split("?", 1)
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": "bench.local", "SERVER_PORT": "443", "HTTP_HOST": "bench.local",
        "REMOTE_ADDR": "10.1.2.3", "HTTP_USER_AGENT": "bench", "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
        "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False, **extra,
    }  # fmt: skip


def timed(app, path: str, rounds: int, **extra) -> tuple[list[float], str]:
    status_seen = []

    def start_response(status, headers, exc_info=None):
        status_seen.append(status)

    times = []
    for _ in range(rounds):
        environ = environ_for(path, **extra)
        t0 = time.perf_counter()
        body = b"".join(app(environ, start_response))
        times.append(time.perf_counter() - t0)
    assert body is not None
    return times, status_seen[-1]


def line(name: str, times: list[float], status: str, baseline: float | None) -> str:
    mean = statistics.fmean(times) * 1e6
    ordered = sorted(times)
    p50 = ordered[len(ordered) // 2] * 1e6
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1e6
    ratio = f"{p50 / baseline:6.2f}x" if baseline else "  1.00x"
    return f"{name:<38} {status[:3]:>4} {p50:9.0f} {ordered[0] * 1e6:9.0f} {mean:9.0f} {p99:9.0f} {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--redis", default=None)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="bench-pagecache-")
    configure(data_dir, args.redis)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    import ficarchive.urls
    from ficarchive.core.startup import settle

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # pages name the hashed files
    ficarchive.urls.urlpatterns.append(
        path("bench-baseline", lambda request: HttpResponse("ok"), name="bench_baseline")
    )
    clear_url_caches()
    from django.core.wsgi import get_wsgi_application

    from ficarchive.works.models import Work

    app = get_wsgi_application()
    settle()
    work = Work.objects.filter(posted=True, hidden_by_admin=False, restricted=False).first()
    pages = {"work page": f"/works/{work.pk}", "works listing": "/works"}
    quarter = max(args.rounds // 4, 50)
    print(
        f"{'request (guest, in process)':<38} code    p50 µs    min µs   mean µs    p99 µs  p50 vs baseline"
    )
    base_times, status = timed(app, "/bench-baseline", args.rounds)
    baseline = sorted(base_times)[len(base_times) // 2] * 1e6
    print(line("minimal Django view (baseline)", base_times, status, None))
    from django.conf import settings

    for name, url in pages.items():
        adult = {"HTTP_COOKIE": "view_adult=1"}  # past the question a Mature work asks
        kept = settings.PAGE_CACHE_SECONDS
        settings.PAGE_CACHE_SECONDS = 0
        miss, status = timed(app, url, quarter, **adult)
        settings.PAGE_CACHE_SECONDS = kept
        print(line(f"{name}, no page cache", miss, status, baseline))
        timed(app, url, 1, **adult)  # kept
        hit, status = timed(app, url, args.rounds, **adult)
        print(line(f"{name}, from the page cache", hit, status, baseline))
    etag_env = {"HTTP_COOKIE": "view_adult=1"}
    first = environ_for(f"/works/{work.pk}", **etag_env)
    headers = {}
    b"".join(app(first, lambda s, h, e=None: headers.update(dict(h))))
    not_modified, status = timed(
        app, f"/works/{work.pk}", args.rounds, HTTP_IF_NONE_MATCH=headers["ETag"], **etag_env
    )
    print(line("work page, revalidated (304)", not_modified, status, baseline))


if __name__ == "__main__":
    main()
