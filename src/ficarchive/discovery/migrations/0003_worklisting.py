"""discovery_worklisting on PostgreSQL: the narrow listing table, its triggers, indexes and its
first fill from the works already there (see discovery.listing_table). Nothing on SQLite."""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

from ficarchive.discovery import listing_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in listing_table.CREATE:
        schema_editor.execute(sql)
    with schema_editor.connection.cursor() as cursor:
        listing_table.refill(cursor)
    for sql in [*listing_table.INDEXES, "ANALYZE discovery_worklisting"]:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in listing_table.DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("discovery", "0002_fulltext"),
        ("tags", "0004_parents_through_fields"),
        ("works", "0003_invitations_chapter_numbers"),
    ]
    operations = [
        migrations.CreateModel(
            name="WorkListing",
            fields=[
                ("work", models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name="+", serialize=False, to="works.work")),
                ("posted", models.BooleanField()),
                ("hidden_by_admin", models.BooleanField()),
                ("restricted", models.BooleanField()),
                ("rating", models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tags.tag")),
                ("language", models.CharField(max_length=12)),
                ("complete", models.BooleanField()),
                ("updated_at", models.DateTimeField()),
                ("published_on", models.DateField()),
                ("kudos_count", models.IntegerField()),
                ("hits_count", models.IntegerField()),
                ("bookmarks_count", models.IntegerField()),
                ("comments_count", models.IntegerField()),
                ("word_count", models.IntegerField()),
                ("title", models.CharField(max_length=255)),
                ("fandom_count", models.SmallIntegerField(null=True)),
                ("filter_tag_ids", django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), size=None)),
            ],
            options={"db_table": "discovery_worklisting", "managed": False},
        ),
        migrations.RunPython(create, drop),
    ]  # fmt: skip
