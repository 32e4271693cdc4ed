"""discovery_worklisting, PostgreSQL only: one narrow row per work with what listings filter and
sort on — the visibility flags, the sort keys, the rating, language, completion, the number of
fandoms and the work's filter tags as an `integer[]` under a GIN index.

Why: at 1,000,000 works a listing with several tag conditions (a fandom, a rating, excluded or
muted tags) had to join millions of WorkFilterTag rows or probe them work by work. Here it is one
GIN bitmap intersection (`filter_tag_ids @> ...`, `NOT filter_tag_ids && ...`) over rows of
~180 bytes, sorted by a column of the same row. SQLite keeps the WorkFilterTag path, which meets
its target at 100,000 works.

The table is kept exact by triggers, not by application code, because its sources change in many
places: counters in the feedback app (F() updates), filter tags in tags.filtering (wrangling),
fandom counts in indexing.index_works. Each trigger copies only what it is given; `REFILL`
rebuilds the whole table from its sources (migration 0003 and bench/generate.py use it).

Sort indexes are partial (`posted AND NOT hidden_by_admin`) and carry `restricted`: the rule for
guests and for signed-in readers both imply the predicate, so either walks the same index in
order (see listing_rows.visible_rows)."""

from __future__ import annotations

from django.db import connection

# Columns copied from works_work, in this order, by the insert trigger and REFILL.
COPIED = [
    "posted", "hidden_by_admin", "restricted", "rating_id", "language", "complete",
    "updated_at", "published_on", "kudos_count", "hits_count", "bookmarks_count",
    "comments_count", "word_count", "title",
]  # fmt: skip

# (index name, sort columns): one per discovery.forms.SORTS entry.
SORT_INDEXES = [
    ("updated", "updated_at DESC, work_id DESC"), ("published", "published_on DESC, work_id DESC"),
    ("kudos", "kudos_count DESC, work_id DESC"), ("hits", "hits_count DESC, work_id DESC"),
    ("bookmarks", "bookmarks_count DESC, work_id DESC"),
    ("comments", "comments_count DESC, work_id DESC"), ("words", "word_count DESC, work_id DESC"),
    ("title", "title, work_id"),
]  # fmt: skip

_OLD = ", ".join(f"OLD.{c}" for c in COPIED)
_NEW = ", ".join(f"NEW.{c}" for c in COPIED)

CREATE = [
    """CREATE TABLE discovery_worklisting (
        work_id bigint PRIMARY KEY,
        posted boolean NOT NULL, hidden_by_admin boolean NOT NULL, restricted boolean NOT NULL,
        rating_id bigint NOT NULL, language varchar(12) NOT NULL, complete boolean NOT NULL,
        updated_at timestamptz NOT NULL, published_on date NOT NULL,
        kudos_count integer NOT NULL, hits_count integer NOT NULL,
        bookmarks_count integer NOT NULL, comments_count integer NOT NULL,
        word_count integer NOT NULL, title varchar(255) NOT NULL,
        fandom_count smallint,
        filter_tag_ids integer[] NOT NULL DEFAULT '{}'
    )""",
    # works_work: a new work gets its row, a change of a copied column is copied, a deleted
    # work loses its row.
    f"""CREATE FUNCTION discovery_listing_work() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM discovery_worklisting WHERE work_id = OLD.id;
        ELSIF TG_OP = 'INSERT' THEN
            INSERT INTO discovery_worklisting (work_id, {", ".join(COPIED)})
            VALUES (NEW.id, {_NEW});
        ELSE
            UPDATE discovery_worklisting SET ({", ".join(COPIED)}) = ({_NEW})
            WHERE work_id = NEW.id;
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_listing_work_insert AFTER INSERT OR DELETE ON works_work "
    "FOR EACH ROW EXECUTE FUNCTION discovery_listing_work()",
    "CREATE TRIGGER discovery_listing_work_update AFTER UPDATE ON works_work FOR EACH ROW "
    f"WHEN (({_OLD}) IS DISTINCT FROM ({_NEW})) EXECUTE FUNCTION discovery_listing_work()",
    # works_workfiltertag: each row added or removed is added to or removed from the array.
    """CREATE FUNCTION discovery_listing_filter_tag() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE discovery_worklisting
            SET filter_tag_ids = array_remove(filter_tag_ids, OLD.tag_id::integer)
            WHERE work_id = OLD.work_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            UPDATE discovery_worklisting
            SET filter_tag_ids = array_append(filter_tag_ids, NEW.tag_id::integer)
            WHERE work_id = NEW.work_id AND NOT filter_tag_ids @> ARRAY[NEW.tag_id::integer];
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_listing_filter_tag AFTER INSERT OR UPDATE OR DELETE "
    "ON works_workfiltertag FOR EACH ROW EXECUTE FUNCTION discovery_listing_filter_tag()",
    # discovery_worksearch: the number of fandoms, NULL while a work has no search row (as the
    # join through WorkSearch matches no crossover filter then).
    """CREATE FUNCTION discovery_listing_fandoms() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE discovery_worklisting SET fandom_count = NULL WHERE work_id = OLD.work_id;
        ELSE
            UPDATE discovery_worklisting SET fandom_count = NEW.fandom_count
            WHERE work_id = NEW.work_id;
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_listing_fandoms AFTER INSERT OR UPDATE OR DELETE "
    "ON discovery_worksearch FOR EACH ROW EXECUTE FUNCTION discovery_listing_fandoms()",
]

# TRUNCATE fires no row trigger (Django's test flush truncates works_work but not this
# unmanaged table): empty it along with its source.
TRUNCATE = [
    """CREATE FUNCTION discovery_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE discovery_worklisting;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_listing_truncate AFTER TRUNCATE ON works_work "
    "FOR EACH STATEMENT EXECUTE FUNCTION discovery_listing_truncate()",
]
TRUNCATE_DROP = [
    "DROP TRIGGER IF EXISTS discovery_listing_truncate ON works_work",
    "DROP FUNCTION IF EXISTS discovery_listing_truncate()",
]

INDEXES = [
    "CREATE INDEX discovery_listing_tags ON discovery_worklisting USING gin (filter_tag_ids)",
    *[
        f"CREATE INDEX discovery_listing_{name} ON discovery_worklisting ({columns}) "
        "INCLUDE (restricted) WHERE posted AND NOT hidden_by_admin"
        for name, columns in SORT_INDEXES
    ],
]

REFILL = [
    "TRUNCATE discovery_worklisting",
    f"""INSERT INTO discovery_worklisting
        (work_id, {", ".join(COPIED)}, fandom_count, filter_tag_ids)
    SELECT w.id, {", ".join(f"w.{c}" for c in COPIED)}, s.fandom_count,
           COALESCE(f.ids, '{{}}')
    FROM works_work w
    LEFT JOIN discovery_worksearch s ON s.work_id = w.id
    LEFT JOIN (
        SELECT work_id, array_agg(tag_id::integer ORDER BY tag_id) AS ids
        FROM works_workfiltertag GROUP BY work_id
    ) f ON f.work_id = w.id""",
]

DROP = [
    "DROP TRIGGER IF EXISTS discovery_listing_work_insert ON works_work",
    "DROP TRIGGER IF EXISTS discovery_listing_work_update ON works_work",
    "DROP TRIGGER IF EXISTS discovery_listing_filter_tag ON works_workfiltertag",
    "DROP TRIGGER IF EXISTS discovery_listing_fandoms ON discovery_worksearch",
    "DROP FUNCTION IF EXISTS discovery_listing_work()",
    "DROP FUNCTION IF EXISTS discovery_listing_filter_tag()",
    "DROP FUNCTION IF EXISTS discovery_listing_fandoms()",
    "DROP TABLE IF EXISTS discovery_worklisting",
]


def in_use() -> bool:
    """Whether this database has the listing table (PostgreSQL only)."""
    return connection.vendor == "postgresql"


def refill(cursor) -> None:
    """Rebuild every row from works_work, works_workfiltertag and discovery_worksearch."""
    for sql in REFILL:
        cursor.execute(sql)
