"""discovery_workword, PostgreSQL only: the postings of text search in the listing's own order.
One row (word, updated_at, work_id, restricted) for each distinct word of the search document of
each posted, unhidden work, under a (word, updated_at DESC, work_id DESC) INCLUDE (restricted)
btree index.

Why: the GIN index over discovery_worksearch.vector finds the matching rows, but reading their
work ids costs one page of the wide search table per match, and PostgreSQL's other plan, walking
the listing's sort index and testing each work's vector, costs a detoasted vector per work
walked (1,000,000 works: two common words 100-450 ms). Here a word's works are already sorted as
the default listing ("updated") shows them, in an index read alone: one word is a range of it;
several words walk the rarest word's range and test each work for the others, by a hashed set of
their postings or by one exact probe of this same index (textsearch.ordered_by_postings).

It holds the lexemes of `to_tsvector('simple', document)`, so it agrees with the GIN index beside
it, of the works a listing can show at all (posted, not hidden by an admin; `restricted` for
guests). Kept by triggers: on discovery_worksearch (the words change) and on
discovery_worklisting (a work's date, visibility or restriction changes). Counters (kudos, hits)
change neither, so they rewrite nothing here."""

from __future__ import annotations

# The works' rows, rebuilt from their listing and search rows. (Deleting and inserting ~60 rows
# when a work changes is simpler than keeping them in step, and as quick.)
_ROWS = """SELECT word, l.updated_at, l.work_id, l.restricted
    FROM discovery_worklisting l
    JOIN discovery_worksearch s ON s.work_id = l.work_id,
    unnest(tsvector_to_array(s.vector)) AS word
    WHERE l.posted AND NOT l.hidden_by_admin"""

CREATE = [
    "CREATE TABLE discovery_workword (word text NOT NULL, updated_at timestamptz NOT NULL, "
    "work_id bigint NOT NULL, restricted boolean NOT NULL)",
    # Statistics of the 1,000 commonest words: textsearch.word_counts reads their frequencies.
    "ALTER TABLE discovery_workword ALTER COLUMN word SET STATISTICS 1000",
    f"""CREATE FUNCTION discovery_workword_refresh(work bigint) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM discovery_workword WHERE work_id = work;
        INSERT INTO discovery_workword (word, updated_at, work_id, restricted)
        {_ROWS} AND l.work_id = work;
    END $$""",
    """CREATE FUNCTION discovery_workword_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM discovery_workword_refresh(OLD.work_id);
        ELSE
            PERFORM discovery_workword_refresh(NEW.work_id);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_workword_sync AFTER INSERT OR DELETE "
    "ON discovery_worksearch FOR EACH ROW EXECUTE FUNCTION discovery_workword_sync()",
    "CREATE TRIGGER discovery_workword_sync_document AFTER UPDATE ON discovery_worksearch "
    "FOR EACH ROW WHEN (OLD.document IS DISTINCT FROM NEW.document) "
    "EXECUTE FUNCTION discovery_workword_sync()",
    "CREATE TRIGGER discovery_workword_sync_listing AFTER INSERT OR DELETE "
    "ON discovery_worklisting FOR EACH ROW EXECUTE FUNCTION discovery_workword_sync()",
    "CREATE TRIGGER discovery_workword_sync_visibility AFTER UPDATE ON discovery_worklisting "
    "FOR EACH ROW WHEN ((OLD.updated_at, OLD.posted, OLD.hidden_by_admin, OLD.restricted) "
    "IS DISTINCT FROM (NEW.updated_at, NEW.posted, NEW.hidden_by_admin, NEW.restricted)) "
    "EXECUTE FUNCTION discovery_workword_sync()",
]
# TRUNCATE fires no row trigger (Django's test flush truncates the search rows, not this
# table, which has no model of its own to flush): empty it along with its source.
TRUNCATE = [
    """CREATE FUNCTION discovery_workword_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE discovery_workword;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_workword_truncate AFTER TRUNCATE ON discovery_worksearch "
    "FOR EACH STATEMENT EXECUTE FUNCTION discovery_workword_truncate()",
]
TRUNCATE_DROP = [
    "DROP TRIGGER IF EXISTS discovery_workword_truncate ON discovery_worksearch",
    "DROP FUNCTION IF EXISTS discovery_workword_truncate()",
]
REFILL = [
    "TRUNCATE discovery_workword",
    f"INSERT INTO discovery_workword (word, updated_at, work_id, restricted) {_ROWS}",
]
INDEXES = [
    "CREATE INDEX discovery_workword_ordered ON discovery_workword "
    "(word, updated_at DESC, work_id DESC) INCLUDE (restricted)",
    "CREATE INDEX discovery_workword_work ON discovery_workword (work_id)",
]
DROP = [
    "DROP TRIGGER IF EXISTS discovery_workword_sync ON discovery_worksearch",
    "DROP TRIGGER IF EXISTS discovery_workword_sync_document ON discovery_worksearch",
    "DROP TRIGGER IF EXISTS discovery_workword_sync_listing ON discovery_worklisting",
    "DROP TRIGGER IF EXISTS discovery_workword_sync_visibility ON discovery_worklisting",
    "DROP FUNCTION IF EXISTS discovery_workword_sync()",
    "DROP FUNCTION IF EXISTS discovery_workword_refresh(bigint)",
    "DROP TABLE IF EXISTS discovery_workword",
]


def refill(cursor) -> None:
    """Rebuild every row from the listing and search rows (after listing_table.refill)."""
    for sql in REFILL:
        cursor.execute(sql)
