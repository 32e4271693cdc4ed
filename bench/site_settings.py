"""What the operator's settings, read-only mode and the terms gate cost each request, in one
process (no server, no network):

    python -P bench/site_settings.py [--rounds 3000] [--redis redis://127.0.0.1:6379/15]

On a fresh SQLite archive in production settings, with terms of service that the reader
accepted, it calls the WSGI application with a signed-in reader's GET of a minimal view, in
alternating blocks: once behind the whole middleware (read_only and terms_gate included), once
without those two (the baseline). It prints p50, min, mean and p99 wall time and the p50 ratio.
Then the `site` context processor (the settings row and the banner from the cache) beside a
dict with the settings' SITE_NAME (its former body).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/pagecache.py's helpers (configure, timed, line), loaded by path: bench/ on sys.path
# would let bench/http.py shadow the standard library's http.
_spec = importlib.util.spec_from_file_location("bench_pagecache", ROOT / "bench" / "pagecache.py")
shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shared)

NEW = ("ficarchive.core.read_only.read_only_middleware",
       "ficarchive.site_pages.terms_gate.terms_gate_middleware")  # fmt: skip


def app_with(middleware: list[str]):
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler

    settings.MIDDLEWARE = middleware
    return WSGIHandler()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3000)
    parser.add_argument("--redis", default=None)
    args = parser.parse_args()
    shared.configure(tempfile.mkdtemp(prefix="bench-site-"), args.redis)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.test import Client, RequestFactory
    from django.urls import clear_url_caches, path

    import ficarchive.urls
    from ficarchive.accounts.services import create_account
    from ficarchive.core.context_processors import site
    from ficarchive.site_pages import pages
    from ficarchive.site_pages.models import Page

    call_command("migrate", verbosity=0)
    ficarchive.urls.urlpatterns.append(path("bench-minimal", lambda r: HttpResponse("ok")))
    clear_url_caches()
    reader = create_account(username="benchreader", email="b@example.org", password="x" * 12)
    terms = pages.save_page(Page(kind=Page.TERMS, slug="tos", title="Terms", body="<p>.</p>"))
    pages.accept_terms(reader, terms.revision)
    client = Client(HTTP_HOST="bench.local")
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    full = list(settings.MIDDLEWARE)
    apps = {"with": app_with(full), "without": app_with([m for m in full if m not in NEW])}
    settings.MIDDLEWARE = full
    times: dict[str, list[float]] = {"with": [], "without": []}
    block = 100
    for _ in range(max(args.rounds // block, 1)):
        for name, app in apps.items():
            found, status = shared.timed(app, "/bench-minimal", block, HTTP_COOKIE=cookie)
            assert status.startswith("200"), status
            times[name] += found
    print(
        f"{'signed-in GET of a minimal view':<38} code    p50 µs    min µs   mean µs    p99 µs  p50 vs baseline"
    )
    base = sorted(times["without"])[len(times["without"]) // 2] * 1e6
    print(shared.line("without read_only, terms_gate (base)", times["without"], "200", None))
    print(shared.line("with read_only and terms_gate", times["with"], "200", base))

    request = RequestFactory().get("/", HTTP_HOST="bench.local")
    site(request)  # the row in the cache
    spent = {"SITE_NAME only (former)": [], "site() now": []}
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        {"SITE_NAME": settings.SITE_NAME, "reader_prefs": getattr(request, "x", None)}
        spent["SITE_NAME only (former)"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        site(request)
        spent["site() now"].append(time.perf_counter() - t0)
    former = sorted(spent["SITE_NAME only (former)"])[args.rounds // 2] * 1e6
    print(
        shared.line("context processor: former body", spent["SITE_NAME only (former)"], "---", None)
    )
    print(shared.line("context processor: site() now", spent["site() now"], "---", former))


if __name__ == "__main__":
    main()
