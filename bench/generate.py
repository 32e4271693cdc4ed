"""A synthetic archive for benchmarks: N works with long-tail fandoms and tags, skewed kudos
and hits, written by bulk inserts. It writes what the services would:
users with pseuds, works with one chapter, creatorships, typed tags (WorkTag), filterable tag
sets (WorkFilterTag: canonical tags plus ancestors) and discovery's WorkSearch rows.
(Tag counts are written to Tag.works_count and public_works_count directly; the tags app's count
journal is left empty.)

Loading is the fast path of each database: the secondary indexes, unique and foreign-key
constraints (and SQLite's full-text trigger) of the loaded tables are dropped first and made
again after the load (on PostgreSQL with row triggers off: discovery's listing and word tables
are filled from the loaded tables in one pass each afterwards), which goes by COPY in batches of 50,000 works on PostgreSQL and by
executemany in one transaction per batch with PRAGMA synchronous=OFF on SQLite; VACUUM ANALYZE
(ANALYZE on SQLite) at the end.

    DEBUG=1 DATABASE_URL=... python bench/generate.py --works 100000
Run it on a freshly migrated, empty database (scripts/bench.sh does).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ficarchive.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402

from ficarchive.discovery import listing_table, word_table  # noqa: E402
from ficarchive.discovery.indexing import search_document  # noqa: E402
from ficarchive.tags.fixed import CATEGORIES, RATINGS, WARNINGS  # noqa: E402
from ficarchive.tags.models import Tag, name_key  # noqa: E402

SYLLABLES = "ka ri to na mi su ha ru lo ve an el ia or sh th en ya ko de mo la se".split()
RATING_WEIGHTS = [30, 30, 15, 15, 10]
NOW = datetime(2026, 11, 1, tzinfo=UTC)
SEQUENCED = ["tags_tag", "tags_tagparent", "accounts_user", "accounts_pseud", "works_work",
             "works_chapter", "works_creatorship", "works_worktag", "works_workfiltertag"]  # fmt: skip
LOADED = [*SEQUENCED, "discovery_worksearch"]
# Filled from the others after the load:
LOADED_POSTGRES = [*LOADED, "discovery_worklisting", "discovery_workword"]
BATCH = 50_000


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def zipf_picker(rng: random.Random, n: int, s: float = 1.05):
    """Pick indexes 0..n-1 with probability ~ 1/(i+1)^s (a long tail)."""
    weights = [1 / (i + 1) ** s for i in range(n)]
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)

    def pick(k: int = 1) -> list[int]:
        return rng.choices(range(n), cum_weights=cum, k=k)

    return pick


def insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buf = io.StringIO()
            for row in rows:
                buf.write("\t".join(_copy_value(v) for v in row) + "\n")
            buf.seek(0)
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write(buf.read())
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                [tuple(_sqlite_value(v) for v in row) for row in rows],
            )


def _sqlite_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _copy_value(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def _postgres_drop(cursor) -> list[str]:
    """Drop the loaded tables' constraints (but primary keys) and secondary indexes; return the
    statements that make them again, in order."""
    tables = ", ".join(f"'{t}'::regclass" for t in LOADED_POSTGRES)
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype "
        f"FROM pg_constraint WHERE conrelid IN ({tables}) AND contype IN ('u', 'f') "
        "ORDER BY contype DESC"  # unique before foreign keys when made again
    )
    constraints = cursor.fetchall()
    for table, name, _, _ in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        f"AND tablename IN ({', '.join(repr(t) for t in LOADED_POSTGRES)}) "
        "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')"
    )
    indexes = cursor.fetchall()
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes] + [
        f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
        for table, name, definition, _ in constraints
    ]


def _sqlite_drop(cursor) -> list[str]:
    """Drop the loaded tables' indexes and the full-text insert trigger; return what makes
    them again (the full-text index is rebuilt from its content table first)."""
    names = ", ".join(repr(t) for t in LOADED)
    cursor.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        f"AND ((type = 'index' AND tbl_name IN ({names})) "
        "OR (type = 'trigger' AND name = 'discovery_fts_insert'))"
    )
    found = cursor.fetchall()
    for kind, name, _ in found:
        cursor.execute(f'DROP {kind.upper()} "{name}"')
    rebuild = "INSERT INTO discovery_fts(discovery_fts) VALUES ('rebuild')"
    return [rebuild] + [sql for _, _, sql in found]


def bulk_load(load) -> None:
    """Run `load()` without the indexes and constraints of the loaded tables, then make them
    again and analyse. Prints how long each step took."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("SET synchronous_commit = off")
            cursor.execute("SET maintenance_work_mem = '512MB'")
            # No row triggers while loading: the listing table is filled in one pass after.
            cursor.execute("SET session_replication_role = replica")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
        with transaction.atomic():
            restore = _postgres_drop(cursor) if postgres else _sqlite_drop(cursor)
    started = time.perf_counter()
    try:
        load()
    except BaseException:
        # The indexes and constraints were dropped for good by now: make them again before
        # failing, or the next run on this database finds none to drop and makes none.
        with connection.cursor() as cursor:
            if postgres:
                cursor.execute("SET session_replication_role = origin")
            for sql in restore:
                cursor.execute(sql)
        raise
    print(f"  rows loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        if postgres:  # still without row triggers: each table is filled in one pass
            listing_table.refill(cursor)
            word_table.refill(cursor)
            cursor.execute("SET session_replication_role = origin")
        for sql in restore:
            cursor.execute(sql)
        if postgres:  # ids were given explicitly: move the sequences on
            for table in SEQUENCED:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                )
            cursor.execute("VACUUM ANALYZE")  # the visibility map lets index-only scans work
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA foreign_keys = ON")
    print(f"  indexes, constraints and statistics in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)  # fmt: skip


class Archive:
    def __init__(self, works: int, seed: int):
        self.rng = random.Random(seed)
        self.works = works
        self.authors = max(50, works // 10)
        self.fandoms = max(20, works // 50)
        self.freeforms = max(200, works // 20)
        self._ancestors: dict[int, set[int]] = {}

    def make_tags(self) -> None:
        rng = self.rng
        fixed = {(t.type, t.name): t.pk for t in Tag.objects.all()}
        self.ratings = [fixed[("rating", n)] for n in RATINGS]
        self.warnings = [fixed[("warning", n)] for n in WARNINGS]
        self.categories = [fixed[("category", n)] for n in CATEGORIES]
        tag_id = next_id("tags_tag")
        rows, parents = [], []
        self.names: dict[int, str] = {}
        self.parents: dict[int, list[int]] = {}
        self.canonical: dict[int, int] = {pk: pk for pk in fixed.values()}  # typed -> canonical
        self.names.update({pk: name for (_, name), pk in fixed.items()})

        def add(tag_type: str, name: str, canonical: bool = True, synonym_of=None) -> int:
            nonlocal tag_id
            pk, tag_id = tag_id, tag_id + 1
            name = f"{name} {pk}"
            rows.append((pk, tag_type, name, name_key(name), canonical, synonym_of, 0, NOW, "[]"))
            self.names[pk] = name
            self.canonical[pk] = synonym_of or pk
            return pk

        self.fandom_ids, self.characters, self.relationships = [], {}, {}
        for _ in range(self.fandoms):
            fandom = add("fandom", word(rng).title())
            self.fandom_ids.append(fandom)
            chars = [add("character", f"{word(rng).title()} {word(rng).title()}") for _ in range(8)]
            rels = [add("relationship", f"{self.names[a]}/{self.names[b]}")
                    for a, b in zip(chars[:6], chars[1:7], strict=True)]  # fmt: skip
            for child in chars + rels:
                parents.append((fandom, child))
                self.parents[child] = [fandom]
            self.characters[fandom], self.relationships[fandom] = chars, rels
        self.freeform_ids = []
        for i in range(self.freeforms):
            pk = add("freeform", f"{word(rng)} {word(rng)}")
            if i % 10 == 3:  # a tenth of the popular tags also get typed as a synonym
                pk = add("freeform", f"{word(rng)}", canonical=False, synonym_of=pk)
            self.freeform_ids.append(pk)
        for i in range(0, len(self.freeform_ids) - 1, 50):  # meta tags over some freeforms
            parent = self.canonical[self.freeform_ids[i]]
            for child in self.freeform_ids[i + 1 : i + 5]:
                child = self.canonical[child]
                if child != parent:
                    parents.append((parent, child))
                    self.parents.setdefault(child, []).append(parent)
        insert("tags_tag", ["id", "type", "name", "name_key", "canonical", "synonym_of_id",
                            "works_count", "created_at", "media"], rows)  # fmt: skip
        link_id = next_id("tags_tagparent")
        insert("tags_tagparent", ["id", "parent_id", "child_id"],
               [(link_id + i, p, c) for i, (p, c) in enumerate(parents)])  # fmt: skip
        self.pick_fandom = zipf_picker(rng, len(self.fandom_ids), 0.8)
        self.pick_freeform = zipf_picker(rng, len(self.freeform_ids), 0.9)
        self.pick_author = zipf_picker(rng, self.authors, 0.8)
        self.vocabulary = [word(rng) for _ in range(5000)]
        self.pick_word = zipf_picker(rng, len(self.vocabulary), 1.0)

    def make_authors(self) -> None:
        user_id, pseud_id = next_id("accounts_user"), next_id("accounts_pseud")
        users, pseuds = [], []
        self.pseuds = []
        for i in range(self.authors):
            name = f"author{i}_{word(self.rng)}"
            users.append((user_id + i, "!", False, name, "", "", f"{name}@bench.invalid",
                          False, True, NOW, "", None))  # fmt: skip
            pseuds.append((pseud_id + i, user_id + i, name, "", True, NOW))
            self.pseuds.append((pseud_id + i, name))
        insert("accounts_user", ["id", "password", "is_superuser", "username", "first_name",
                                 "last_name", "email", "is_staff", "is_active", "date_joined",
                                 "bio", "last_login"], users)  # fmt: skip
        insert("accounts_pseud", ["id", "user_id", "name", "description", "is_default",
                                  "created_at"], pseuds)  # fmt: skip

    def ancestors(self, tag: int) -> set[int]:
        if tag in self._ancestors:
            return self._ancestors[tag]
        found, frontier = {tag}, [tag]
        while frontier:
            for parent in self.parents.get(frontier.pop(), []):
                if parent not in found:
                    found.add(parent)
                    frontier.append(parent)
        self._ancestors[tag] = found
        return found

    def make_works(self, batch: int = BATCH) -> None:
        rng = self.rng
        work_id, chapter_id = next_id("works_work"), next_id("works_chapter")
        link_id, tag_link_id, filter_id = (next_id("works_creatorship"), next_id("works_worktag"),
                                           next_id("works_workfiltertag"))  # fmt: skip
        counts: dict[int, int] = {}
        public: dict[int, int] = {}
        for start in range(0, self.works, batch):
            works, chapters, creators, typed, filters, search = [], [], [], [], [], []
            for n in range(start, min(start + batch, self.works)):
                pk = work_id + n
                title = " ".join(self.vocabulary[i] for i in self.pick_word(rng.randint(1, 4)))
                summary = " ".join(self.vocabulary[i] for i in self.pick_word(rng.randint(8, 30)))
                words = int(rng.lognormvariate(8, 1.2)) + 100
                kudos = int(rng.paretovariate(1.1) * 3) - 3
                hits = kudos * rng.randint(8, 20) + rng.randint(0, 200)
                updated = NOW - timedelta(seconds=rng.randint(0, 10 * 365 * 86400))
                published = updated - timedelta(days=rng.randint(0, 300))
                expected = rng.choice([1, 1, 1, None, 5, 10, 20])
                complete = expected == 1 or rng.random() < 0.3
                rating = rng.choices(self.ratings, RATING_WEIGHTS)[0]
                fandoms = {
                    self.fandom_ids[i] for i in self.pick_fandom(1 if rng.random() > 0.1 else 2)
                }
                tags = [rating, *rng.sample(self.warnings, rng.randint(1, 2)),
                        *rng.sample(self.categories, rng.randint(0, 2)), *sorted(fandoms)]  # fmt: skip
                for fandom in sorted(fandoms):
                    tags += rng.sample(self.characters[fandom], rng.randint(1, 3))
                    tags += rng.sample(self.relationships[fandom], rng.randint(0, 2))
                tags += [self.freeform_ids[i] for i in self.pick_freeform(rng.randint(3, 6))]
                tags = list(dict.fromkeys(tags))
                filter_tags: set[int] = set()
                for tag in tags:
                    filter_tags |= self.ancestors(self.canonical[tag])
                pseud, pseud_name = self.pseuds[self.pick_author()[0]]
                restricted = n % 20 == 0
                works.append((pk, title, f"<p>{summary}</p>", "", "", rating, "en", words, 1,
                              expected, complete, True, restricted, False, published.date(),
                              updated, updated, kudos, kudos // 10, kudos // 5, hits))  # fmt: skip
                chapters.append((chapter_id + n, pk, 1, "", "", "", "", "", f"<p>{summary}</p>",
                                 words, True, published.date(), updated, updated))  # fmt: skip
                creators.append((link_id + n, pk, pseud, 0))
                for position, tag in enumerate(tags):
                    typed.append((tag_link_id, pk, tag, position))
                    tag_link_id += 1
                for tag in filter_tags:
                    filters.append((filter_id, pk, tag))
                    filter_id += 1
                    counts[tag] = counts.get(tag, 0) + 1
                    if not restricted:  # Tag.public_works_count: what guests are told
                        public[tag] = public.get(tag, 0) + 1
                names = [self.names.get(t, "") for t in tags + sorted(filter_tags)]
                document = search_document(title, [summary], [*names, pseud_name])
                search.append((pk, document, len({self.canonical[f] for f in fandoms})))
            with transaction.atomic():
                insert("works_work", ["id", "title", "summary", "notes", "end_notes", "rating_id",
                                      "language", "word_count", "chapters_posted",
                                      "chapters_expected", "complete", "posted", "restricted",
                                      "hidden_by_admin", "published_on", "updated_at",
                                      "created_at", "kudos_count", "comments_count",
                                      "bookmarks_count", "hits_count"], works)  # fmt: skip
                insert("works_chapter", ["id", "work_id", "position", "title", "label", "summary",
                                         "notes", "end_notes", "body", "word_count", "posted",
                                         "published_on", "created_at", "updated_at"], chapters)  # fmt: skip
                insert("works_creatorship", ["id", "work_id", "pseud_id", "position"], creators)
                insert("works_worktag", ["id", "work_id", "tag_id", "position"], typed)
                insert("works_workfiltertag", ["id", "work_id", "tag_id"], filters)
                insert("discovery_worksearch", ["work_id", "document", "fandom_count"], search)
            print(f"  {min(start + batch, self.works):>9,} works", file=sys.stderr, flush=True)
        self.counts, self.public_counts = counts, public

    def write_counts(self) -> None:
        """Tag.works_count and public_works_count from the generated filter tags (after the
        load: one UPDATE)."""
        rows = [(t, n, self.public_counts.get(t, 0)) for t, n in self.counts.items()]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE bench_counts (tag_id integer, n integer, public integer)"
            )
            insert("bench_counts", ["tag_id", "n", "public"], rows)
            cursor.execute(
                "UPDATE tags_tag SET works_count = bench_counts.n, "
                "public_works_count = bench_counts.public FROM bench_counts "
                "WHERE bench_counts.tag_id = tags_tag.id"
            )
            cursor.execute("DROP TABLE bench_counts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    archive = Archive(args.works, args.seed)

    def load() -> None:
        with transaction.atomic():
            archive.make_tags()
            archive.make_authors()
        archive.make_works()
        archive.write_counts()

    bulk_load(load)
    print(f"generated {args.works:,} works on {connection.vendor} "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
