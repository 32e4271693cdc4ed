"""SQLite: discovery_fts_terms, FTS5's own view of how many documents hold each term, which
textsearch reads to choose how a search of common words is run. Nothing on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE discovery_fts_terms USING fts5vocab(discovery_fts, row)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS discovery_fts_terms")


class Migration(migrations.Migration):
    dependencies = [("discovery", "0006_ordered_postings")]
    operations = [migrations.RunPython(create, drop)]
