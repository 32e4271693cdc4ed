"""discovery_workword, PostgreSQL only: postings in the listing's own order. One row (term,
updated_at, work_id, restricted) for each distinct word of the search document of each posted,
unhidden work, and for each of its filter tags (the term "#" and the tag's id), under a (word,
updated_at DESC, work_id DESC) INCLUDE (restricted) btree index.

Why: the GIN index over discovery_worksearch.vector finds the matching rows, but reading their
work ids costs one page of the wide search table per match, and PostgreSQL's other plan, walking
the listing's sort index and testing each work's vector, costs a detoasted vector per work
walked (1,000,000 works: two common words 100-450 ms). A tag alone gathers its works' listing
rows and sorts them (a mid-sized fandom: 5,000-10,000 rows read from the heap). Here a term's
works are already sorted as the default listing ("updated") shows them, in an index read alone:
one term is a range of it; several terms (a fandom and two words, say) merge their ranges in
that order (textsearch.ordered_by_postings).

It holds the lexemes of `to_tsvector('simple', document)`, so it agrees with the GIN index beside
it, and the filter tags of the listing row, for the works a listing can show at all (posted, not
hidden by an admin; `restricted` for guests). Kept by triggers: on discovery_worksearch (the
words change) and on discovery_worklisting (a work's date, visibility or restriction changes:
its rows are rebuilt; its filter tags change: those tags' rows are added or removed). Counters
(kudos, hits) change none of it, so they rewrite nothing here."""

from __future__ import annotations

# A work's rows, rebuilt from its listing and search rows: its words, and its filter tags as
# terms of their own ("#" and the tag's id; no searched word has a "#", see textsearch.normalise).
# (Deleting and inserting a work's ~70 rows when it changes is simpler than keeping them in step,
# and as quick.)
_ROWS = """SELECT word, l.updated_at, l.work_id, l.restricted
    FROM discovery_worklisting l
    JOIN discovery_worksearch s ON s.work_id = l.work_id,
    unnest(tsvector_to_array(s.vector)) AS word
    WHERE l.posted AND NOT l.hidden_by_admin{and_work}
    UNION ALL
    SELECT '#' || tag_id, l.updated_at, l.work_id, l.restricted
    FROM discovery_worklisting l, unnest(l.filter_tag_ids) AS tag_id
    WHERE l.posted AND NOT l.hidden_by_admin{and_work}"""
_WORK_ROWS = _ROWS.format(and_work=" AND l.work_id = work")
_ALL_ROWS = _ROWS.format(and_work="")

# What every row of a work copies from its listing row: a change rebuilds the work's rows.
_KEPT = ["updated_at", "posted", "hidden_by_admin", "restricted"]
_KEPT_OLD = ", ".join(f"OLD.{c}" for c in _KEPT)
_KEPT_NEW = ", ".join(f"NEW.{c}" for c in _KEPT)

CREATE = [
    "CREATE TABLE discovery_workword (word text NOT NULL, updated_at timestamptz NOT NULL, "
    "work_id bigint NOT NULL, restricted boolean NOT NULL)",
    # Statistics of the 1,000 commonest terms: postings.term_counts reads their frequencies.
    "ALTER TABLE discovery_workword ALTER COLUMN word SET STATISTICS 1000",
    f"""CREATE FUNCTION discovery_workword_refresh(work bigint) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM discovery_workword WHERE work_id = work;
        INSERT INTO discovery_workword (word, updated_at, work_id, restricted)
        {_WORK_ROWS};
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
    f"FOR EACH ROW WHEN (({_KEPT_OLD}) IS DISTINCT FROM ({_KEPT_NEW})) "
    "EXECUTE FUNCTION discovery_workword_sync()",
    # Only the filter tags changed (wrangling, a work's tags edited): the tags' own rows, added
    # or removed one by one, not the work's ~70 rows for each tag row changed.
    """CREATE FUNCTION discovery_workword_tags() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM discovery_workword
        WHERE work_id = NEW.work_id AND word IN (
            SELECT '#' || t FROM unnest(OLD.filter_tag_ids) t
            EXCEPT SELECT '#' || t FROM unnest(NEW.filter_tag_ids) t);
        IF NEW.posted AND NOT NEW.hidden_by_admin THEN
            INSERT INTO discovery_workword (word, updated_at, work_id, restricted)
            SELECT '#' || t, NEW.updated_at, NEW.work_id, NEW.restricted FROM (
                SELECT unnest(NEW.filter_tag_ids) EXCEPT SELECT unnest(OLD.filter_tag_ids)
            ) added(t);
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_workword_sync_tags AFTER UPDATE ON discovery_worklisting "
    f"FOR EACH ROW WHEN (({_KEPT_OLD}) IS NOT DISTINCT FROM ({_KEPT_NEW}) "
    "AND OLD.filter_tag_ids IS DISTINCT FROM NEW.filter_tag_ids) "
    "EXECUTE FUNCTION discovery_workword_tags()",
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
    f"INSERT INTO discovery_workword (word, updated_at, work_id, restricted) {_ALL_ROWS}",
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
    "DROP TRIGGER IF EXISTS discovery_workword_sync_tags ON discovery_worklisting",
    "DROP FUNCTION IF EXISTS discovery_workword_sync()",
    "DROP FUNCTION IF EXISTS discovery_workword_tags()",
    "DROP FUNCTION IF EXISTS discovery_workword_refresh(bigint)",
    "DROP TABLE IF EXISTS discovery_workword",
]


def refill(cursor) -> None:
    """Rebuild every row from the listing and search rows (after listing_table.refill)."""
    for sql in REFILL:
        cursor.execute(sql)
