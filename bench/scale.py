"""The capacity bench (docs/scale.md), PostgreSQL only: what an archive made by bench/generate.py
takes on disk, how fast its main read queries are, how to grow it by copying its works, and the
same queries on a partitioned copy of the postings and listing tables.

    python -P bench/scale.py sizes [--json FILE]      rows, table and index bytes, B-tree depths
    python -P bench/scale.py queries [--runs 100]     p50/p95 of the main reads beside the bare query
    python -P bench/scale.py blocks [--runs 20]       8 KB buffers each read touches (load-free)
    python -P bench/scale.py grow --times 4           copy every work 3 more times (same shape)
    python -P bench/scale.py partition [--postings 16] build the partitioned copies beside the tables
    python -P bench/scale.py partition --in-place     partition the two tables themselves (no copy
                                                      beside them: half the disk; no way back)
    python -P bench/scale.py compare [--runs 60]      the queries on the plain and the partitioned
                                                      tables, in alternating rounds
    python -P bench/scale.py unpartition              drop the partitioned copies
    python -P bench/scale.py model A.json B.json      fit bytes per work on two sizes; print 17M
    python -P bench/scale.py twowords [--pairs 6]     two-word search merged and probed, by how
                                                      much commoner one word is (PROBE_RATIO)
    REDIS_URL=... PAGE_CACHE_SECONDS=60 python -P bench/scale.py redis   Redis bytes a kept page

With DATABASE_URL, SECRET_KEY and DEBUG=false as scripts/bench.sh sets them; run heavy steps
(grow, partition) under `nice -n 19 ionice -c3` on a shared machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")  # work pages built, as for a cache miss


def bench_module(name: str):
    """Another script of bench/ as a module (bench/ is kept off the import path: its http.py
    would shadow the standard library's)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


queries = bench_module("queries")  # sets Django up
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ficarchive.core.startup import settle  # noqa: E402
from ficarchive.discovery import postings  # noqa: E402
from ficarchive.tags.models import Tag  # noqa: E402
from ficarchive.works.models import Work  # noqa: E402

AO3 = {"works": 17_000_000, "users": 9_000_000, "taggings": 1_800_000_000}


def sql(statement: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or None)
        return cursor.fetchall() if cursor.description else []


# --- sizes -----------------------------------------------------------------------------------

SIZES = """
SELECT * FROM (SELECT c.relname, c.relkind,
       CASE WHEN c.relkind = 'p' THEN (SELECT sum(GREATEST(p.reltuples, 0))
            FROM pg_partition_tree(c.oid) t JOIN pg_class p ON p.oid = t.relid WHERE t.isleaf)
            ELSE GREATEST(c.reltuples, 0) END::bigint,
       CASE WHEN c.relkind = 'p' THEN (SELECT sum(pg_table_size(t.relid))
            FROM pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_table_size(c.oid) END::bigint,
       CASE WHEN c.relkind = 'p' THEN (SELECT sum(pg_indexes_size(t.relid))
            FROM pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_indexes_size(c.oid) END::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
) found(name, kind, n, heap, idx) ORDER BY heap + idx DESC
"""
INDEXES = """
SELECT i.relname, t.relname, pg_relation_size(i.oid), am.amname
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE n.nspname = current_schema() AND NOT i.relispartition AND i.relkind = 'i'
ORDER BY 3 DESC LIMIT %s
"""


def btree_levels(index: str) -> int | None:
    """Levels below the root of a B-tree index (pageinspect), the reads a cold lookup costs."""
    try:
        return sql("SELECT level FROM bt_metap(%s)", [index])[0][0]
    except Exception:  # not a B-tree, or pageinspect not installed
        return None


def sizes(args) -> dict:
    sql("CREATE EXTENSION IF NOT EXISTS pageinspect")
    works = Work.objects.count()
    tables = [
        {"table": name, "rows": rows, "heap": heap or 0, "indexes": idx or 0}
        for name, _, rows, heap, idx in sql(SIZES)
        if (heap or 0) + (idx or 0) > 1_000_000
    ]
    indexes = [
        {"index": name, "table": table, "bytes": size, "levels": btree_levels(name)}
        for name, table, size, kind in sql(INDEXES, [12])
        if kind in ("btree", "gin")
    ]
    total = sql("SELECT pg_database_size(current_database())")[0][0]
    print(f"{works:,} works; database {total / 1e9:.2f} GB")
    print(f"{'table':32} {'rows':>14} {'heap MB':>9} {'indexes MB':>10} {'bytes/work':>10}")
    for t in tables:
        per_work = (t["heap"] + t["indexes"]) / max(1, works)
        print(f"{t['table']:32} {t['rows']:>14,} {t['heap'] / 1e6:>9,.0f} "
              f"{t['indexes'] / 1e6:>10,.0f} {per_work:>10,.0f}")  # fmt: skip
    print(f"\n{'largest indexes':44} {'table':26} {'MB':>8} {'levels':>6}")
    for i in indexes:
        levels = "-" if i["levels"] is None else i["levels"]
        print(f"{i['index']:44} {i['table']:26} {i['bytes'] / 1e6:>8,.0f} {levels:>6}")
    found = {"works": works, "database": total, "tables": tables, "indexes": indexes,
             "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(found, indent=1))
    return found


def model(args) -> None:
    """Bytes = fixed + per_work * works, fitted per table on two archives, then at AO3's size.
    Tag rows are also scaled to AO3's taggings (our ~25 a work against AO3's ~106)."""
    a, b = (json.loads(Path(p).read_text()) for p in args.files)
    small, large = sorted([a, b], key=lambda s: s["works"])
    by_name = {t["table"]: t for t in small["tables"]}
    target = AO3["works"]
    tag_rows = sum(t["rows"] for t in large["tables"]
                   if t["table"] in ("works_worktag", "works_workfiltertag"))  # fmt: skip
    taggings_factor = AO3["taggings"] / (tag_rows / large["works"] * target)
    print(f"fitted on {small['works']:,} and {large['works']:,} works; at {target:,} works "
          f"(tag rows x{taggings_factor:.1f} for AO3's {AO3['taggings']:,} taggings)")  # fmt: skip
    print(f"{'table':32} {'rows':>15} {'heap GB':>9} {'indexes GB':>10} {'total GB':>9}")
    totals = [0.0, 0.0]
    for t in large["tables"]:
        s = by_name.get(t["table"])
        if s is None or t["rows"] == 0:
            continue
        span = large["works"] - small["works"]
        factor = taggings_factor if t["table"] in ("works_worktag", "works_workfiltertag") else 1
        out = []
        for key in ("rows", "heap", "indexes"):
            slope = (t[key] - s[key]) / span
            out.append(max(0.0, (t[key] + slope * (target - large["works"])) * factor))
        totals[0] += out[1]
        totals[1] += out[2]
        print(f"{t['table']:32} {out[0]:>15,.0f} {out[1] / 1e9:>9,.1f} {out[2] / 1e9:>10,.1f} "
              f"{(out[1] + out[2]) / 1e9:>9,.1f}")  # fmt: skip
    print(f"{'all tables':32} {'':>15} {totals[0] / 1e9:>9,.1f} {totals[1] / 1e9:>10,.1f} "
          f"{sum(totals) / 1e9:>9,.1f}")  # fmt: skip


# --- queries ---------------------------------------------------------------------------------


def read_cases(rng: random.Random) -> dict:
    """The listing cases of bench/queries.py and the other main reads: all works, includes and
    excludes of popular tags, a fandom + rating by kudos as a tag page asks it."""
    cases = queries.make_cases(rng)
    freeforms = list(Tag.objects.filter(type="freeform", canonical=True, works_count__gt=0)
                     .order_by("-works_count").values_list("pk", flat=True)[:50])  # fmt: skip
    explicit = Tag.objects.get(type="rating", name="Explicit").pk

    def fandom() -> int:
        return cases["one fandom"]()[0]["include_ids"]

    return {
        "all works": lambda: ({}, None),
        **cases,
        "fandom +rating, by kudos (a tag page)": lambda: (
            {"include_ids": fandom(), "rating": explicit, "sort": "kudos"},
            None,
        ),  # fmt: skip
        "fandom +1 freeform -1 freeform": lambda: (
            {
                "include_ids": [fandom(), rng.choice(freeforms)],
                "exclude_ids": rng.choice(freeforms),
            },
            None,
        ),  # fmt: skip
    }


def work_page_sampler(rng: random.Random):
    """Random public works' pages, so that no page is answered from a cache."""
    low, high = sql("SELECT min(id), max(id) FROM works_work")[0]
    ids = [rng.randint(low, high) for _ in range(2000)]
    public = list(
        Work.objects.filter(pk__in=ids, posted=True, restricted=False).values_list("pk", flat=True)
    )
    return lambda: f"/works/{rng.choice(public)}"


def timed_page(client: Client, path: str) -> tuple[float, int, float, int]:
    """Wall ms, queries, SQL ms and bytes of one page through Django's handler."""
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        wall = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (path, response.status_code)
    sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
    return wall, len(captured), sql_ms, len(response.content)


def run_queries(runs: int, rng: random.Random, label: str = "", *, pages: bool = True) -> dict:
    """Print and return p50/p95 (ms) of each read, with the bare indexed query of the same run;
    `pages`: also work pages through Django's handler (guest, built; signed in)."""
    found = {}
    cases = read_cases(rng)
    for page in (1, 100):
        b50, b95 = queries.percentiles(
            [queries.timed(lambda p=page: queries.baseline(p)) for _ in range(runs)]
        )
        found[f"bare indexed query|{page}"] = (b50, b95)
        for name, make in cases.items():
            samples = []
            for _ in range(runs):
                params, user = make()
                samples.append(
                    queries.timed(lambda p=params, u=user, n=page: queries.listing(p, n, u))
                )
            found[f"{name}|{page}"] = queries.percentiles(samples)
    facet_runs = [cases["one fandom"]()[0] for _ in range(runs)]
    found["facets of one fandom|-"] = queries.percentiles(
        [queries.timed(lambda p=p: queries.facets(p)) for p in facet_runs]
    )
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # production's manifest
    page = work_page_sampler(rng)
    guest, reader = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    reader.force_login(queries.reader_muting([]))
    clients = [("work page, guest (built)", guest), ("work page, signed in", reader)]
    for name, client in clients if pages else []:
        client.get(page())
        samples = [timed_page(client, page()) for _ in range(runs)]
        found[f"{name}|-"] = queries.percentiles([s[0] for s in samples])
        found[f"{name}: SQL ms|-"] = queries.percentiles([s[2] for s in samples])
        found[f"{name}: queries|-"] = queries.percentiles([s[1] for s in samples])
        found[f"{name}: KB|-"] = queries.percentiles([s[3] / 1000 for s in samples])
    if label:
        print(f"\n{label}")
    print(f"{'read':46} {'page':>4} {'p50':>8} {'p95':>8}")
    for key, (p50, p95) in found.items():
        name, page_no = key.split("|")
        print(f"{name:46} {page_no:>4} {p50:8.1f} {p95:8.1f}")
    return found


def blocks_of(statements: list[str]) -> int:
    """Buffers (8 KB pages: shared hits and reads, and temporary files) that these SELECTs
    touch, from EXPLAIN (ANALYZE, BUFFERS): the work of a query, whatever the machine's load."""
    total = 0
    for statement in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        plan = sql(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {statement}")[0][0][0]["Plan"]
        total += sum(plan.get(f"{kind} Blocks", 0) for kind in (
            "Shared Hit", "Shared Read", "Temp Read", "Temp Written"))  # fmt: skip
    return total


def run_blocks(runs: int, rng: random.Random, label: str = "") -> dict:
    """Print and return p50/p95 of the buffers each listing read touches (blocks_of)."""
    found = {}
    cases = read_cases(rng)
    for page in (1, 100):
        for name, make in cases.items():
            samples = []
            for _ in range(runs):
                params, user = make()
                with CaptureQueriesContext(connection) as captured:
                    queries.listing(params, page, user)
                samples.append(blocks_of([q["sql"] for q in captured.captured_queries]))
            found[f"{name}|{page}"] = queries.percentiles(samples)
    if label:
        print(f"\n{label}")
    print(f"{'read: 8 KB buffers touched':46} {'page':>4} {'p50':>8} {'p95':>8}")
    for key, (p50, p95) in found.items():
        name, page_no = key.split("|")
        print(f"{name:46} {page_no:>4} {p50:8.0f} {p95:8.0f}")
    return found


RATIO_BANDS = [(1, 3), (3, 10), (10, 30), (30, 100), (100, 300), (300, 10_000)]


def execution(statements: list[str]) -> tuple[float, int]:
    """Server-side ms (EXPLAIN ANALYZE's execution time, the best of three: the machine's
    load only adds) and buffers of the SELECTs that read the postings."""
    ms, buffers = 0.0, 0
    for statement in statements:
        if "discovery_workword" not in statement or not statement.startswith("SELECT"):
            continue
        runs = [sql(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {statement}")[0][0][0]
                for _ in range(3)]  # fmt: skip
        ms += min(r["Execution Time"] for r in runs)
        plan = runs[0]["Plan"]
        buffers += plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0)
    return ms, buffers


def two_words(args) -> None:
    """Two searched words of known counts (the statistics' commonest terms), in bands of how
    much commoner the second is, read with the postings merged (PROBE_RATIO off) and with
    the commoner one probed for each posting of the rarer: where the probes start to win."""
    counts = {t: n for t, n in postings._term_statistics.get().items() if not t.startswith("#")}
    rng = random.Random(5)
    terms = sorted(counts, key=counts.get)
    header()
    print(f"{'commoner word x times':22} {'pairs':>5} {'page':>4} {'merge ms':>9} "
          f"{'probe ms':>9} {'merge buf':>10} {'probe buf':>10}")  # fmt: skip
    for low, high in RATIO_BANDS:
        pairs = [(a, b) for a in terms for b in terms
                 if low <= counts[b] / max(counts[a], 1) < high]  # fmt: skip
        chosen = rng.sample(pairs, min(args.pairs, len(pairs)))
        if not chosen:
            continue
        for page in (1, 100):
            found = {"merge": [], "probe": []}
            for mode, ratio in (("merge", 1e18), ("probe", 0)):
                postings.PROBE_RATIO = ratio
                for a, b in chosen:
                    with CaptureQueriesContext(connection) as captured:
                        queries.listing({"q": f"{a} {b}"}, page, None)
                    found[mode].append(execution([q["sql"] for q in captured.captured_queries]))
            med = lambda rows, i: sorted(r[i] for r in rows)[len(rows) // 2]  # noqa: E731
            print(f"{f'{low}-{high}':22} {len(chosen):>5} {page:>4} "
                  f"{med(found['merge'], 0):9.1f} {med(found['probe'], 0):9.1f} "
                  f"{med(found['merge'], 1):10.0f} {med(found['probe'], 1):10.0f}")  # fmt: skip


def prewarm() -> None:
    """Read the archive into the OS cache once, as a running server has it (scripts/bench.sh)."""
    sql("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    sql("SELECT sum(pg_prewarm(c.oid::regclass, 'read')) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i')")  # fmt: skip


def header() -> None:
    print(f"{Work.objects.count():,} works; {queries.server_settings()}; "
          f"load average {os.getloadavg()[0]:.1f} at {time.strftime('%H:%M UTC', time.gmtime())}")  # fmt: skip


def run_queries_command(args) -> None:
    settle()
    if args.prewarm:
        prewarm()
    header()
    run_queries(args.runs, random.Random(11))
    run_blocks(args.block_runs, random.Random(11))


# --- Redis ---------------------------------------------------------------------------------


def redis_costs(args) -> None:
    """What Redis keeps for guests' pages and signed-in sessions: `pages` distinct guest work
    pages and listing pages asked once each, then one signed-in reader's session; the bytes
    (MEMORY USAGE) of every key under this run's prefix, divided by what was asked. Needs
    REDIS_URL (a database of its own: the run's keys are deleted after) and PAGE_CACHE_SECONDS
    above 0."""
    from django.conf import settings
    from django.core.cache import cache
    from redis import Redis

    if not settings.REDIS_URL or not settings.PAGE_CACHE_SECONDS:
        sys.exit("redis needs REDIS_URL and PAGE_CACHE_SECONDS > 0")
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    redis = Redis.from_url(settings.REDIS_URL)
    prefix = f"{settings.CACHES['default']['KEY_PREFIX']}:"

    def used() -> tuple[int, int]:
        keys = list(redis.scan_iter(f"{prefix}*", count=1000))
        return len(keys), sum(redis.memory_usage(k) or 0 for k in keys)

    def clear() -> None:
        for key in redis.scan_iter(f"{prefix}*", count=1000):
            redis.delete(key)

    clear()
    cache.clear()
    rng = random.Random(5)
    page = work_page_sampler(rng)
    guest = Client(HTTP_HOST="127.0.0.1")
    paths = {page() for _ in range(args.pages * 2)}
    work_paths = sorted(paths)[: args.pages]
    for path in work_paths:
        guest.get(path)
    keys, work_bytes = used()
    print(f"{len(work_paths)} guest work pages kept: {keys} keys, {work_bytes / 1e6:.1f} MB, "
          f"{work_bytes / len(work_paths) / 1000:.1f} KB a page (versions and hits included)")  # fmt: skip
    clear()
    for n in range(1, args.pages // 10 + 1):
        guest.get("/works", {"page": n})
    keys, listing_bytes = used()
    print(f"{args.pages // 10} guest listing pages kept: {keys} keys, "
          f"{listing_bytes / (args.pages // 10) / 1000:.1f} KB a page")  # fmt: skip
    clear()
    reader = Client(HTTP_HOST="127.0.0.1")
    reader.force_login(queries.reader_muting([]))
    reader.get(work_paths[0])
    keys, session_bytes = used()
    print(f"one signed-in reader after a page: {keys} keys, {session_bytes / 1000:.1f} KB")
    clear()


# --- growing ---------------------------------------------------------------------------------

# The tables bench/generate.py loads, with the id columns a copy shifts. Users, pseuds and tags
# are kept: copies are more works by the same authors in the same tags.
COPIED = {
    "works_work": {"id": "works_work"},
    "works_chapter": {"id": "works_chapter", "work_id": "works_work"},
    "works_creatorship": {"id": "works_creatorship", "work_id": "works_work"},
    "works_worktag": {"id": "works_worktag", "work_id": "works_work"},
    "works_workfiltertag": {"id": "works_workfiltertag", "work_id": "works_work"},
    "discovery_worksearch": {"work_id": "works_work"},
}


def grow(args) -> None:
    """Copy every generated work `times - 1` more times by INSERT ... SELECT, with new ids and
    its update time moved back by a few minutes a copy (so copies do not tie), inside
    generate.bulk_load: indexes dropped first, the listing and postings tables refilled and
    the indexes made again after, as generation does. Tag counts are multiplied."""
    generate = bench_module("generate")
    before = Work.objects.count()
    high = {table: sql(f"SELECT max(id) FROM {table}")[0][0]
            for table in {t for shifts in COPIED.values() for t in shifts.values()}}  # fmt: skip

    def load() -> None:
        for copy in range(1, args.times):
            for table, shifts in COPIED.items():
                columns = [c for (c,) in sql(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "AND table_schema = current_schema() AND is_generated = 'NEVER' "
                    "ORDER BY ordinal_position", [table])]  # fmt: skip
                values = []
                for column in columns:
                    if column in shifts:
                        values.append(f"{column} + {high[shifts[column]] * copy}")
                    elif table == "works_work" and column in ("updated_at", "created_at"):
                        values.append(f"{column} - interval '1 minute' * ({copy} * (id % 997))")
                    else:
                        values.append(column)
                listed = ", ".join(columns)
                original = (f"id <= {high[table]}" if "id" in shifts
                            else f"work_id <= {high['works_work']}")  # fmt: skip
                with transaction.atomic():
                    sql(f"INSERT INTO {table} ({listed}) SELECT {', '.join(values)} "
                        f"FROM {table} WHERE {original}")  # fmt: skip
            print(f"  copy {copy} made", file=sys.stderr, flush=True)
        sql(
            f"UPDATE tags_tag SET works_count = works_count * {args.times}, "
            f"public_works_count = public_works_count * {args.times}"
        )

    generate.bulk_load(load)
    print(f"grown from {before:,} to {Work.objects.count():,} works")


# --- partitioning ----------------------------------------------------------------------------

PARTED = {"discovery_workword": "discovery_workword_parted",
          "discovery_worklisting": "discovery_worklisting_parted"}  # fmt: skip


def partition(args) -> None:
    """Partitioned copies of the postings (by hash of the term: a term's range is in one
    partition) and of the listing table (by range of updated_at, a partition a year: the
    default order reads the newest first), with the same indexes, filled from the tables."""
    from ficarchive.discovery import listing_table, word_table

    started = time.perf_counter()
    sql(f"DROP TABLE IF EXISTS {PARTED['discovery_workword']}, {PARTED['discovery_worklisting']}")
    words = PARTED["discovery_workword"]
    sql(f"CREATE TABLE {words} (LIKE discovery_workword) PARTITION BY HASH (word)")
    for n in range(args.postings):
        sql(f"CREATE TABLE {words}_{n} PARTITION OF {words} "
            f"FOR VALUES WITH (MODULUS {args.postings}, REMAINDER {n})")  # fmt: skip
    sql(f"INSERT INTO {words} SELECT * FROM discovery_workword")
    print(f"  postings copied in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for statement in word_table.INDEXES:
        sql(statement.replace("ON discovery_workword", f"ON {words}")
            .replace("INDEX discovery_workword_", "INDEX discovery_workword_parted_"))  # fmt: skip
    sql(f"ALTER TABLE {words} ALTER COLUMN word SET STATISTICS 1000")
    listing = PARTED["discovery_worklisting"]
    sql(f"CREATE TABLE {listing} (LIKE discovery_worklisting INCLUDING DEFAULTS) "
        "PARTITION BY RANGE (updated_at)")  # fmt: skip
    low, high = sql("SELECT min(updated_at), max(updated_at) FROM discovery_worklisting")[0]
    for year in range(low.year, high.year + 1):
        sql(f"CREATE TABLE {listing}_{year} PARTITION OF {listing} "
            f"FOR VALUES FROM ('{year}-01-01') TO ('{year + 1}-01-01')")  # fmt: skip
    sql(f"INSERT INTO {listing} SELECT * FROM discovery_worklisting")
    for statement in listing_table.INDEXES:
        sql(statement.replace("ON discovery_worklisting", f"ON {listing}")
            .replace("INDEX discovery_listing_", "INDEX discovery_listing_parted_"))  # fmt: skip
    sql(f"CREATE INDEX discovery_listing_parted_work ON {listing} (work_id)")
    sql(f"VACUUM ANALYZE {words}")
    sql(f"VACUUM ANALYZE {listing}")
    for table in (words, listing):
        for (leaf,) in sql(f"SELECT relid::text FROM pg_partition_tree('{table}') WHERE isleaf"):
            sql(f"VACUUM ANALYZE {leaf}")
    print(f"partitioned copies made in {time.perf_counter() - started:.0f} s "
          f"({args.postings} postings partitions, {high.year - low.year + 1} listing partitions)")  # fmt: skip


def partition_in_place(args) -> None:
    """Partition the postings and listing tables themselves, for an archive whose disk cannot
    hold a copy beside them (3,000,000 works: the postings are ~26 GB): each plain table is
    renamed, its indexes dropped, its rows moved into the partitioned table made under its
    name, and then dropped. Measure the plain tables first (`blocks`, `queries`): there is no
    way back but regenerating."""
    from ficarchive.discovery import listing_table, word_table

    started = time.perf_counter()
    if partitioned_now():
        sys.exit("discovery_workword is partitioned already")
    for table in PARTED:
        sql(f"ALTER TABLE {table} RENAME TO {table}_plain")
        for (index,) in sql("SELECT indexname FROM pg_indexes WHERE tablename = %s "
                            "AND schemaname = current_schema()", [f"{table}_plain"]):  # fmt: skip
            sql(f"ALTER TABLE {table}_plain DROP CONSTRAINT IF EXISTS {index}")
            sql(f"DROP INDEX IF EXISTS {index}")
    words = "discovery_workword"
    sql(f"CREATE TABLE {words} (LIKE {words}_plain INCLUDING DEFAULTS) PARTITION BY HASH (word)")
    for n in range(args.postings):
        sql(f"CREATE TABLE {words}_{n} PARTITION OF {words} "
            f"FOR VALUES WITH (MODULUS {args.postings}, REMAINDER {n})")  # fmt: skip
    sql(f"INSERT INTO {words} SELECT * FROM {words}_plain")
    sql(f"DROP TABLE {words}_plain")
    print(f"  postings moved in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for statement in word_table.INDEXES:
        sql(statement)
    sql(f"ALTER TABLE {words} ALTER COLUMN word SET STATISTICS 1000")
    listing = "discovery_worklisting"
    sql(f"CREATE TABLE {listing} (LIKE {listing}_plain INCLUDING DEFAULTS) "
        "PARTITION BY RANGE (updated_at)")  # fmt: skip
    low, high = sql(f"SELECT min(updated_at), max(updated_at) FROM {listing}_plain")[0]
    for year in range(low.year, high.year + 1):
        sql(f"CREATE TABLE {listing}_{year} PARTITION OF {listing} "
            f"FOR VALUES FROM ('{year}-01-01') TO ('{year + 1}-01-01')")  # fmt: skip
    sql(f"INSERT INTO {listing} SELECT * FROM {listing}_plain")
    sql(f"DROP TABLE {listing}_plain")
    for statement in listing_table.INDEXES:
        sql(statement)
    sql(f"CREATE INDEX discovery_listing_work ON {listing} (work_id)")
    for table in (words, listing):
        sql(f"ANALYZE {table}")
        for (leaf,) in sql(f"SELECT relid::text FROM pg_partition_tree('{table}') WHERE isleaf"):
            sql(f"VACUUM ANALYZE {leaf}")
    postings._term_statistics._read_at = None
    print(f"partitioned in place in {time.perf_counter() - started:.0f} s "
          f"({args.postings} postings partitions, {high.year - low.year + 1} listing partitions)")  # fmt: skip


def swap() -> None:
    """Exchange the plain tables and their partitioned copies (by name: the models read
    `discovery_workword` and `discovery_worklisting`)."""
    with transaction.atomic():
        for table, parted in PARTED.items():
            sql(f"ALTER TABLE {table} RENAME TO {table}_swap")
            sql(f"ALTER TABLE {parted} RENAME TO {table}")
            sql(f"ALTER TABLE {table}_swap RENAME TO {parted}")
    postings._term_statistics._read_at = None  # read the statistics of the table now named so


def partitioned_now() -> bool:
    return sql("SELECT relkind FROM pg_class WHERE relname = 'discovery_workword'")[0][0] == "p"


def compare(args) -> None:
    """The reads on the plain and the partitioned tables, in alternating rounds of the same
    queries (same random draws for both), so that the machine's load falls on both alike."""
    settle()
    if partitioned_now():
        swap()
    header()
    results: dict[str, dict[str, list]] = {"plain": {}, "partitioned": {}}
    for round_no in range(args.rounds):
        for variant in ("plain", "partitioned"):
            if (variant == "partitioned") != partitioned_now():
                swap()
            label = f"round {round_no + 1}, {variant} (load {os.getloadavg()[0]:.1f})"
            found = run_queries(args.runs, random.Random(100 + round_no), label, pages=False)
            for key, value in found.items():
                results[variant].setdefault(key, []).append(value)
    blocks = {}
    for variant in ("plain", "partitioned"):
        if (variant == "partitioned") != partitioned_now():
            swap()
        blocks[variant] = run_blocks(20, random.Random(7), f"{variant}: buffers touched")
    if partitioned_now():
        swap()
    print(f"\n{'read: buffers touched, p50 and p95':46} {'page':>4} {'plain':>8} {'':>8} "
          f"{'parted':>8} {'':>8}")  # fmt: skip
    for key, (p50, p95) in blocks["plain"].items():
        name, page_no = key.split("|")
        q50, q95 = blocks["partitioned"][key]
        print(f"{name:46} {page_no:>4} {p50:8.0f} {p95:8.0f} {q50:8.0f} {q95:8.0f}")
    print(f"\nmedian over {args.rounds} rounds of each p50 and p95 (ms)")
    print(
        f"{'read':46} {'page':>4} {'plain p50':>9} {'p95':>7} {'parted p50':>10} {'p95':>7} {'p95 ratio':>9}"
    )
    for key in results["plain"]:
        plain = [sorted(v[i] for v in results["plain"][key])[args.rounds // 2] for i in (0, 1)]
        parted = [
            sorted(v[i] for v in results["partitioned"][key])[args.rounds // 2] for i in (0, 1)
        ]
        name, page_no = key.split("|")
        print(f"{name:46} {page_no:>4} {plain[0]:9.1f} {plain[1]:7.1f} {parted[0]:10.1f} "
              f"{parted[1]:7.1f} {parted[1] / max(plain[1], 0.001):8.2f}x")  # fmt: skip


def unpartition(args) -> None:
    if partitioned_now():
        swap()
    sql(f"DROP TABLE IF EXISTS {', '.join(PARTED.values())}")
    print("partitioned copies dropped")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("sizes")
    p.add_argument("--json")
    p = commands.add_parser("queries")
    p.add_argument("--runs", type=int, default=100)
    p.add_argument("--prewarm", action="store_true")
    p.add_argument("--block-runs", type=int, default=20)
    p = commands.add_parser("blocks")
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--probe-ratio", type=float, help="postings.PROBE_RATIO for this run "
                   "(1e18: always merge, as before probes)")  # fmt: skip
    p = commands.add_parser("grow")
    p.add_argument("--times", type=int, required=True)
    p = commands.add_parser("partition")
    p.add_argument("--postings", type=int, default=16)
    p.add_argument("--in-place", action="store_true")
    p = commands.add_parser("compare")
    p.add_argument("--runs", type=int, default=60)
    p.add_argument("--rounds", type=int, default=3)
    commands.add_parser("unpartition")
    p = commands.add_parser("redis")
    p.add_argument("--pages", type=int, default=200)
    p = commands.add_parser("twowords")
    p.add_argument("--pairs", type=int, default=6)
    p = commands.add_parser("model")
    p.add_argument("files", nargs=2)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/scale.py measures PostgreSQL: set DATABASE_URL to a postgres:// archive")
    if getattr(args, "probe_ratio", None) is not None:
        postings.PROBE_RATIO = args.probe_ratio
    {"sizes": sizes, "queries": run_queries_command, "grow": grow,
     "partition": lambda a: (partition_in_place if a.in_place else partition)(a),
     "compare": compare, "unpartition": unpartition, "model": model,
     "redis": redis_costs, "twowords": two_words,
     "blocks": lambda a: (header(), run_blocks(a.runs, random.Random(11)))}[args.command](args)  # fmt: skip


if __name__ == "__main__":
    main()
