"""PostgreSQL: an index on tags_tag (id) INCLUDE (type), so that the facets of a listing read
the types of the few thousand tags they count from the index alone (without it PostgreSQL read
the whole table once it expected more than a few thousand ids). Nothing on SQLite, whose rows
are found by id directly."""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS tags_tag_id_type ON tags_tag (id) INCLUDE (type)"
DROP = "DROP INDEX IF EXISTS tags_tag_id_type"


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("tags", "0004_parents_through_fields")]
    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
