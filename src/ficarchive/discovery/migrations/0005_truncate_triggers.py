"""PostgreSQL: truncating works_work or discovery_worksearch (as Django's test flush does)
empties the listing and word tables too; row triggers do not see a TRUNCATE."""

from django.db import migrations

from ficarchive.discovery import listing_table, word_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [*listing_table.TRUNCATE, *word_table.TRUNCATE]:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [*listing_table.TRUNCATE_DROP, *word_table.TRUNCATE_DROP]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("discovery", "0004_workword")]
    operations = [migrations.RunPython(create, drop)]
