"""discovery_workword on PostgreSQL: text search postings, filled from the search rows already
there (see discovery.word_table). Nothing on SQLite, whose FTS5 index answers alone."""

from django.db import migrations

from ficarchive.discovery import word_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in word_table.CREATE:
        schema_editor.execute(sql)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        word_table.refill(cursor)
    for sql in [*word_table.INDEXES, "ANALYZE discovery_workword"]:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in word_table.DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("discovery", "0003_worklisting")]
    operations = [migrations.RunPython(create, drop)]
