"""On PostgreSQL, a trigram index under the "every word anywhere in the name" search, which
is otherwise a scan of every organization for each query (80 ms at 36,000; the public
site's one search runs it on every query). SQLite has no such index and keeps scanning."""

from django.db import migrations

INDEX = "organization_search_trigram"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON registry_organization "
        "USING gin (search_key gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_reading_order_index")]

    operations = [migrations.RunPython(create, drop)]
