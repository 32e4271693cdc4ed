"""Discovery query benchmark: p50 and p95 of what listing and search pages ask the database,
at page 1 and page 100, each beside the bare indexed top-20 query timed in the same run.

    SECRET_KEY=... DATABASE_URL=... python bench/queries.py [--runs 100]   (or: make bench)
Needs an archive made by bench/generate.py. Fandoms are drawn by popularity (as readers
visit them), so big fandoms dominate the samples.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from ficarchive.accounts.models import User  # noqa: E402
from ficarchive.core.startup import settle  # noqa: E402
from ficarchive.discovery.facets import facets_for  # noqa: E402
from ficarchive.discovery.filters import apply_filters  # noqa: E402
from ficarchive.discovery.models import MutedTag  # noqa: E402
from ficarchive.discovery.paging import page_of  # noqa: E402
from ficarchive.tags.models import Tag  # noqa: E402
from ficarchive.works.models import Work  # noqa: E402


def request_for(params: dict, user=None):
    request = RequestFactory().get("/works/", params)
    request.user = user or AnonymousUser()
    return request


def listing(params: dict, page: int, user=None):
    request = request_for(params, user)
    found = apply_filters(Work.objects.visible_to(request.user), request.GET, request)
    return page_of(found.rows, str(page))


def facets(params: dict, user=None):
    request = request_for(params, user)
    found = apply_filters(Work.objects.visible_to(request.user), request.GET, request)
    page = page_of(found.rows, "1")
    return facets_for(found.rows, page)


def baseline(page: int):
    start = (page - 1) * 20
    works = Work.objects.filter(posted=True, hidden_by_admin=False, restricted=False)
    return list(works.order_by("-updated_at").values_list("pk", flat=True)[start : start + 20])


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def reader_muting(tag_ids: list[int]):
    """The bench's signed-in reader, muting exactly these tags."""
    reader, _ = User.objects.get_or_create(
        username="bench_reader", defaults={"email": "b@x.invalid"}
    )
    MutedTag.objects.filter(user=reader).delete()
    for pk in tag_ids:
        MutedTag.objects.create(user=reader, tag_id=pk)
    return reader


def make_cases(rng: random.Random) -> dict:
    """name -> a function giving (query parameters, user) for one run of that listing: fandoms
    drawn by popularity, excluded tags among the 50 most used, search words from titles."""
    fandoms = list(
        Tag.objects.filter(type="fandom", works_count__gt=0).values_list("pk", "works_count")
    )
    freeforms = list(Tag.objects.filter(type="freeform", canonical=True, works_count__gt=0)
                     .order_by("-works_count").values_list("pk", flat=True)[:200])  # fmt: skip
    explicit = Tag.objects.get(type="rating", name="Explicit").pk
    words = [w for doc in Work.objects.values_list("title", flat=True)[:2000] for w in doc.split()]
    reader = reader_muting(freeforms[:3])

    def fandom() -> int:
        return rng.choices([f for f, _ in fandoms], weights=[n for _, n in fandoms])[0]

    return {
        "one fandom": lambda: ({"include_ids": fandom()}, None),
        "fandom -2 tags +rating, by kudos": lambda: (
            {
                "include_ids": fandom(),
                "exclude_ids": rng.sample(freeforms[:50], 2),
                "rating": explicit,
                "sort": "kudos",
            },
            None,
        ),  # fmt: skip
        "muted-tag reader, all works": lambda: ({}, reader),
        "text search (2 words)": lambda: ({"q": " ".join(rng.sample(words, 2))}, None),
        "text search (1 word)": lambda: ({"q": rng.choice(words)}, None),
    }


def server_settings() -> str:
    """What the figures depend on: how much the PostgreSQL server caches (empty on SQLite)."""
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('shared_buffers'), current_setting('work_mem')")
        return "shared_buffers {}, work_mem {}".format(*cursor.fetchone())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    settle()  # as a server process does once loaded (wsgi.py)
    rng = random.Random(11)
    cases = make_cases(rng)
    total = Work.objects.count()
    print(f"{connection.vendor}, {total:,} works, {args.runs} runs per line (times in ms)")
    if server_settings():
        print(server_settings())
    print(
        f"{'query':40} {'page':>4} {'p50':>7} {'p95':>7}   {'base p50':>8} {'base p95':>8}  {'p95 ratio':>9}"
    )
    for page in (1, 100):
        base = [timed(lambda p=page: baseline(p)) for _ in range(args.runs)]
        b50, b95 = percentiles(base)
        for name, make in cases.items():
            samples = []
            for _ in range(args.runs):
                params, user = make()
                samples.append(timed(lambda p=params, u=user, n=page: listing(p, n, u)))
            p50, p95 = percentiles(samples)
            print(
                f"{name:40} {page:>4} {p50:7.1f} {p95:7.1f}   {b50:8.1f} {b95:8.1f}  {p95 / b95:8.1f}x"
            )
    samples = []
    for _ in range(args.runs):
        params, user = cases["one fandom"]()
        samples.append(timed(lambda p=params: facets(p)))
    p50, p95 = percentiles(samples)
    b50, b95 = percentiles([timed(lambda: baseline(1)) for _ in range(args.runs)])
    print(
        f"{'facets of one fandom':40} {'-':>4} {p50:7.1f} {p95:7.1f}   {b50:8.1f} {b95:8.1f}  {p95 / b95:8.1f}x"
    )


if __name__ == "__main__":
    main()
