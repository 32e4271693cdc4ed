"""Full-text indexes over WorkSearch.document: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
Both see the same normalised words (textsearch.normalise), so both find the same works."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE discovery_fts USING fts5(document, content='discovery_worksearch', "
    "content_rowid='work_id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER discovery_fts_insert AFTER INSERT ON discovery_worksearch BEGIN "
    "INSERT INTO discovery_fts(rowid, document) VALUES (new.work_id, new.document); END",
    "CREATE TRIGGER discovery_fts_delete AFTER DELETE ON discovery_worksearch BEGIN "
    "INSERT INTO discovery_fts(discovery_fts, rowid, document) "
    "VALUES ('delete', old.work_id, old.document); END",
    "CREATE TRIGGER discovery_fts_update AFTER UPDATE ON discovery_worksearch BEGIN "
    "INSERT INTO discovery_fts(discovery_fts, rowid, document) "
    "VALUES ('delete', old.work_id, old.document); "
    "INSERT INTO discovery_fts(rowid, document) VALUES (new.work_id, new.document); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS discovery_fts_insert",
    "DROP TRIGGER IF EXISTS discovery_fts_delete",
    "DROP TRIGGER IF EXISTS discovery_fts_update",
    "DROP TABLE IF EXISTS discovery_fts",
]
POSTGRES = [
    "ALTER TABLE discovery_worksearch ADD COLUMN vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, document)) STORED",
    "CREATE INDEX discovery_worksearch_vector ON discovery_worksearch USING gin (vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS discovery_worksearch_vector",
    "ALTER TABLE discovery_worksearch DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
