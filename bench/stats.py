"""An author's stats page with a long history, in one process (no server, no network):

    python -P bench/stats.py [--works 500] [--years 5] [--rounds 30] [--database URL]

Builds, in a fresh SQLite archive (or the given PostgreSQL database, emptied first), an author
with --works posted works in 10 fandoms, all posted --years ago, and a daily row for every work
and day since (with each week's and month's row, as the fold keeps them), plus comments and
subscriptions to count live, and a 40-chapter work with chapter hits; then the author's rollup
(stats/rollup.py, as the task their first visit asks for builds it), timed. Then it asks,
signed in as the author, through the whole middleware stack (django.test.Client), every view of
the stats pages: the account's totals and works table (sorted, narrowed by fandom and year),
its chart of each period, a year per day, week and month, one work's page (its chart of each
period and its chapters' retention chart) and the CSVs; then the same pages with the cache
emptied before each request (the charts drawn anew, as after a fold that brought new figures),
and the account's pages before its rollup is built (the works' rows summed). It prints p50,
min and CPU p50 of each beside a minimal Django view (the baseline, the same middleware and
session), and the queries each makes.
The figures are wall time and this process's CPU time (SQLite runs in the process), and with
PostgreSQL on this machine its server process's CPU time per request (from /proc, in 10 ms
ticks, so a mean over the rounds): on a loaded machine the CPU times are the server time a
request costs, the wall time adds the wait for a core.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(data_dir: str, database: str | None) -> None:
    os.environ.update(
        DEBUG="false", SECRET_KEY=secrets.token_hex(32), FICARCHIVE_DATA_DIR=data_dir,
        DATABASE_URL=database or f"sqlite:///{data_dir}/bench.sqlite3",
        ALLOWED_HOSTS="testserver", DJANGO_SETTINGS_MODULE="ficarchive.settings",
    )  # fmt: skip
    os.environ.pop("REDIS_URL", None)


def empty_postgres(url: str) -> None:
    import urllib.parse

    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')


def build(works: int, years: int):
    """The author, their works and every row the fold would have written over the years."""
    from django.db import transaction
    from django.utils import timezone

    from ficarchive.accounts.services import create_account
    from ficarchive.feedback.models import Comment, Subscription
    from ficarchive.stats.models import ChapterHits, WorkFigures
    from ficarchive.stats.periods import DAY, MONTH, WEEK, start_of
    from ficarchive.tags.models import Tag, TagType
    from ficarchive.works.models import Chapter, Creatorship, Work, WorkTag
    from ficarchive.works.services import rating_tag

    rng = random.Random(15)
    author = create_account(username="prolific", email="p@example.org", password="bench pass 123")
    reader = create_account(username="fan", email="f@example.org", password="bench pass 123")
    today = timezone.localdate()
    first = today - timedelta(days=365 * years)
    rating = rating_tag("General Audiences")
    fandoms = [
        Tag.objects.create(type=TagType.FANDOM, name=f"Fandom {n}", canonical=True)
        for n in range(10)
    ]
    with transaction.atomic():
        made = Work.objects.bulk_create(
            Work(
                title=f"Work number {n}",
                rating=rating,
                posted=True,
                word_count=rng.randint(500, 90000),
                chapters_posted=1,
                published_on=first + timedelta(days=n * 365 * years // works),
                hits_count=rng.randint(0, 50000),
                kudos_count=rng.randint(0, 3000),
                bookmarks_count=rng.randint(0, 500),
            )  # fmt: skip
            for n in range(works)
        )
        made = list(Work.objects.order_by("pk"))
        Creatorship.objects.bulk_create(
            Creatorship(work=w, pseud=author.default_pseud) for w in made
        )
        WorkTag.objects.bulk_create(
            WorkTag(work=w, tag=fandoms[i % 10]) for i, w in enumerate(made)
        )
        Chapter.objects.bulk_create(
            Chapter(
                work=w,
                position=1,
                posted_number=1,
                posted=True,
                body="<p>x</p>",
                word_count=w.word_count,
                published_on=w.published_on,
            )  # fmt: skip
            for w in made
        )
        long = made[-1]
        extra = Chapter.objects.bulk_create(
            Chapter(work=long, position=p, posted_number=p, posted=True, body="<p>x</p>")
            for p in range(2, 41)
        )
        ChapterHits.objects.bulk_create(
            ChapterHits(chapter=c, work=long, hits=4000 - 90 * i)
            for i, c in enumerate([long.chapters.get(position=1), *extra])
        )
        Comment.objects.bulk_create(
            Comment(work=rng.choice(made), user=reader, body="<p>Lovely.</p>") for _ in range(5000)
        )
        Subscription.objects.bulk_create(Subscription(user=reader, work=w) for w in made)
    from django.db import connection

    table = WorkFigures._meta.db_table
    insert = (
        f"INSERT INTO {table} (work_id, period, start, hits, kudos, comments, bookmarks,"
        " subscriptions) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    )
    rows = 0
    for work in made:
        batch: list = []
        sums: dict = {}
        day = first
        while day <= today:
            figures = (
                rng.randint(0, 40), rng.randint(0, 3), rng.randint(0, 1), rng.randint(0, 1),
                rng.randint(0, 1),
            )  # fmt: skip
            batch.append((work.pk, DAY, day.isoformat(), *figures))
            for period in (WEEK, MONTH):
                key = (period, start_of(period, day))
                sums[key] = [a + b for a, b in zip(sums.get(key, [0] * 5), figures, strict=True)]
            day += timedelta(days=1)
        batch += [(work.pk, p, start.isoformat(), *f) for (p, start), f in sums.items()]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert, batch)
        rows += len(batch)
    return author, made, fandoms, rows


def existing():
    """What an earlier run built (--reuse)."""
    from ficarchive.accounts.models import User
    from ficarchive.stats.models import WorkFigures
    from ficarchive.tags.models import Tag, TagType
    from ficarchive.works.models import Work

    author = User.objects.get(username="prolific")
    works = list(Work.objects.by_user(author).order_by("pk"))
    fandoms = list(
        Tag.objects.filter(type=TagType.FANDOM, name__startswith="Fandom ").order_by("pk")
    )
    return author, works, fandoms, WorkFigures.objects.count()


def backend_cpu() -> tuple[int, float] | None:
    """PostgreSQL's server process for this connection (on this machine) and the CPU seconds
    it has used so far, from /proc (in clock ticks: 10 ms steps, so read over many requests);
    None with SQLite, which runs in this process."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the server is on another machine
        return None
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(
    client, url: str, rounds: int, cpu: list | None = None, before=None, db_cpu: list | None = None
) -> list[float]:
    """Wall times of `rounds` requests; with `cpu`, this process's CPU time of each appended
    (with SQLite the database's too); with `db_cpu`, PostgreSQL's server process's CPU time
    over all the requests; `before` is called before each request, outside the timing."""
    times = []
    start = backend_cpu() if db_cpu is not None else None
    for _ in range(rounds):
        if before is not None:
            before()
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(url, secure=True)  # production settings redirect to https
        times.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
        assert response.status_code == 200, (url, response.status_code)
    end = backend_cpu() if start is not None else None
    if end is not None and end[0] == start[0]:  # the same connection throughout
        db_cpu.append((end[1] - start[1]) / rounds)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--works", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database", default=None, help="a PostgreSQL URL (emptied first)")
    parser.add_argument("--profile", default=None, help="cProfile of this stats page address")
    parser.add_argument("--reuse", default=None, help="a folder a run of this bench left")
    args = parser.parse_args()
    data_dir = args.reuse or tempfile.mkdtemp(prefix="bench-stats-")
    if args.database and not args.reuse:
        empty_postgres(args.database)
    configure(data_dir, args.database)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path

    import ficarchive.urls

    print(f"data in {data_dir}")
    t0 = time.perf_counter()
    if args.reuse:
        call_command("migrate", verbosity=0)  # what the code gained since
        author, works, fandoms, rows = existing()
    else:
        call_command("migrate", verbosity=0)
        call_command("load_lexicon", verbosity=0, stdout=open(os.devnull, "w"))
        call_command("collectstatic", "--noinput", verbosity=0)  # pages name the hashed files
        author, works, fandoms, rows = build(args.works, args.years)
    built = time.perf_counter() - t0
    from ficarchive.stats import rollup

    t0 = time.perf_counter()
    rollup_rows = rollup.rebuild(author.pk)
    rebuilt = time.perf_counter() - t0
    with connection.cursor() as cursor:  # fresh planner statistics, as a running archive has
        cursor.execute("ANALYZE")
    ficarchive.urls.urlpatterns.append(
        path("bench-baseline", lambda request: HttpResponse("ok"), name="bench_baseline")
    )
    clear_url_caches()
    client = Client()
    client.force_login(author, backend="django.contrib.auth.backends.ModelBackend")
    base = f"/users/{author.username}/stats"
    year = works[0].published_on.year + 2
    long = works[-1]
    work = f"{base}/works/{long.pk}"
    pages = {
        "stats page (hits per week)": base,
        "per day (90 days)": f"{base}?period=day",
        "per month (all months)": f"{base}?period=month",
        "words per month": f"{base}?figure=words&period=month",
        "kudos per week": f"{base}?figure=kudos",
        "one fandom": f"{base}?fandom={fandoms[3].pk}",
        f"one fandom, {year} per day": f"{base}?fandom={fandoms[3].pk}&year={year}&period=day",
        f"one year ({year}), per day": f"{base}?year={year}&period=day",
        f"one year ({year}), per week": f"{base}?year={year}",
        f"one year ({year}), per month": f"{base}?year={year}&period=month",
        "sorted by title": f"{base}?sort=title&order=asc",
        "sorted by kudos, ascending": f"{base}?sort=kudos&order=asc",
        "chart CSV, per day": f"{base}/chart.csv?period=day",
        f"chart CSV, {year} per day": f"{base}/chart.csv?year={year}&period=day",
        "one work, 40 chapters (per week)": work,
        "one work, per day": f"{work}?period=day",
        "one work, per month": f"{work}?period=month",
        "one work's chart CSV, per month": f"{work}/chart.csv?period=month",
        "one work's chapters CSV": f"{work}/chapters.csv",
    }
    anew = {
        "stats page, charts drawn anew": base,
        "per day, charts drawn anew": f"{base}?period=day",
        "per month, charts drawn anew": f"{base}?period=month",
        f"{year} per day, charts drawn anew": f"{base}?year={year}&period=day",
        "one work, charts drawn anew": work,
    }
    unrolled = {
        "no rollup yet: stats page": base,
        "no rollup yet: per day": f"{base}?period=day",
        "no rollup yet: per month": f"{base}?period=month",
        f"no rollup yet: {year} per day": f"{base}?year={year}&period=day",
    }
    if args.profile:
        import cProfile
        import pstats

        from django.test.utils import CaptureQueriesContext

        timed(client, base + args.profile, 2)
        with CaptureQueriesContext(connection) as queries:
            timed(client, base + args.profile, 1)
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]:
            print(f"{float(query['time']) * 1e3:7.1f} ms  {query['sql'][:300]}")
        profiler = cProfile.Profile()
        profiler.runcall(timed, client, base + args.profile, 5)
        pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(
            40
        )
        return
    print(
        f"{connection.vendor}: {len(works)} works, {rows:,} rows of figures, built in {built:.0f} s;"
        f" the author's rollup ({rollup_rows:,} rows) in {rebuilt:.1f} s;"
        f" load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'request (signed in, in process)':<38} {'p50 ms':>8} {'min ms':>8} {'cpu p50':>8}"
        f" {'db cpu':>7} {'queries':>7}   p50 and cpu vs baseline"
    )
    from django.test.utils import CaptureQueriesContext

    def report(name: str, times: list[float], cpu: list[float], url: str, db_cpu=()) -> None:
        with CaptureQueriesContext(connection) as queries:
            timed(client, url, 1)
        p50, cpu50 = statistics.median(times), statistics.median(cpu)
        db = f"{db_cpu[0] * 1e3:7.1f}" if db_cpu else f"{'-':>7}"
        print(
            f"{name:<38} {p50 * 1e3:8.1f} {min(times) * 1e3:8.1f} {cpu50 * 1e3:8.1f} {db}"
            f" {len(queries):7}   {p50 / baseline:6.1f}x {cpu50 / cpu_baseline:6.1f}x"
        )

    timed(client, "/bench-baseline", 5)
    base_cpu: list = []
    baseline = statistics.median(timed(client, "/bench-baseline", args.rounds * 4, base_cpu))
    cpu_baseline = statistics.median(base_cpu)
    print(
        f"{'minimal Django view (baseline)':<38} {baseline * 1e3:8.1f} {'':8} {cpu_baseline * 1e3:8.1f}"
    )
    for name, url in pages.items():
        timed(client, url, 2)  # warm
        cpu: list = []
        db_cpu: list = []
        report(name, timed(client, url, args.rounds, cpu, db_cpu=db_cpu), cpu, url, db_cpu)
    # New figures (the fold runs every minute) are drawn once: the page with nothing kept.
    from django.core.cache import cache

    for name, url in anew.items():
        cpu, db_cpu = [], []
        times = timed(client, url, max(args.rounds // 3, 3), cpu, cache.clear, db_cpu)
        cache.clear()
        report(name, times, cpu, url, db_cpu)
    # Before the author's rollup is built (their first visit, or a work added or deleted
    # since): the charts sum the works' own rows. The rebuild it asks for is left queued.
    from ficarchive.stats.models import AccountRollup

    AccountRollup.objects.filter(user=author).update(works_digest="stale")
    for name, url in unrolled.items():
        timed(client, url, 1)
        cpu, db_cpu = [], []
        times = timed(client, url, max(args.rounds // 3, 3), cpu, db_cpu=db_cpu)
        report(name, times, cpu, url, db_cpu)


if __name__ == "__main__":
    main()
