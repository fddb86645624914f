"""Enable pg_trgm for fuzzy memory matches, on PostgreSQL only (SQLite uses a Python fallback)."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("translations", "0002_workflow_memory_glossary_jobs")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
