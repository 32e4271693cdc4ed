"""discovery_workword on PostgreSQL becomes the postings in the listing's order: (word,
updated_at, work_id, restricted) for posted, unhidden works, kept from the listing and search
rows (see discovery.word_table). Rebuilt from them here; nothing on SQLite."""

import django.db.models.deletion
from django.db import migrations, models

from ficarchive.discovery import word_table


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in [*word_table.DROP, *word_table.CREATE]:
        schema_editor.execute(sql)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        word_table.refill(cursor)
    for sql in [*word_table.INDEXES, "ANALYZE discovery_workword"]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("discovery", "0005_truncate_triggers")]
    operations = [
        migrations.CreateModel(
            name="WorkWord",
            fields=[
                ("work", models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name="+", serialize=False, to="works.work")),
                ("word", models.TextField()),
                ("updated_at", models.DateTimeField()),
                ("restricted", models.BooleanField()),
            ],
            options={"db_table": "discovery_workword", "managed": False},
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]  # fmt: skip
