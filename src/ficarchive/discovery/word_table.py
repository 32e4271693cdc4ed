"""discovery_workword, PostgreSQL only: one (word, work) row for each distinct word of each
work's search document, under a (word, work_id) btree index — the postings of text search.

Why: the GIN index over discovery_worksearch.vector finds the matching rows, but reading their
work ids costs one page of the wide search table per match (~5 µs each at 1,000,000 works), and
walking a sort index while probing each work's vector costs more. From this table a word's works
come from the index alone, so a word is filtered like a tag: a mid-frequent word as a hashed set
tested while the listing's sort index is walked, others as a semi-join (textsearch.word_filter).
It holds the lexemes of `to_tsvector('simple', document)`, kept by a trigger on
discovery_worksearch, so it always agrees with the GIN index it stands beside."""

from __future__ import annotations

CREATE = [
    "CREATE TABLE discovery_workword (word text NOT NULL, work_id bigint NOT NULL)",
    """CREATE FUNCTION discovery_workword_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            DELETE FROM discovery_workword WHERE work_id = OLD.work_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO discovery_workword (word, work_id)
            SELECT word, NEW.work_id FROM unnest(tsvector_to_array(NEW.vector)) AS word;
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER discovery_workword_sync AFTER INSERT OR UPDATE OR DELETE "
    "ON discovery_worksearch FOR EACH ROW EXECUTE FUNCTION discovery_workword_sync()",
]
# TRUNCATE fires no row trigger (Django's test flush truncates the search rows, not this
# table, which has no model): empty it along with its source.
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
    "INSERT INTO discovery_workword (word, work_id) SELECT word, work_id "
    "FROM discovery_worksearch, unnest(tsvector_to_array(vector)) AS word",
]
INDEXES = [
    "CREATE INDEX discovery_workword_word ON discovery_workword (word, work_id)",
    "CREATE INDEX discovery_workword_work ON discovery_workword (work_id)",
]
DROP = [
    "DROP TRIGGER IF EXISTS discovery_workword_sync ON discovery_worksearch",
    "DROP FUNCTION IF EXISTS discovery_workword_sync()",
    "DROP TABLE IF EXISTS discovery_workword",
]


def refill(cursor) -> None:
    for sql in REFILL:
        cursor.execute(sql)
