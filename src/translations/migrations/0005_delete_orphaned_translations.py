"""Remove translations left behind by objects deleted before deletion cascaded to them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from translations.orphans import delete_orphaned

    delete_orphaned(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0004_seed_glossary"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
