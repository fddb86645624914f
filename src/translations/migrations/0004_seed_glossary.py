"""Seed the glossary with the administrative terms in src/translations/data/."""

from django.db import migrations


def seed(apps, schema_editor):
    from translations import glossary

    glossary.load_seed(apps.get_model("translations", "GlossaryTerm"))


class Migration(migrations.Migration):
    dependencies = [("translations", "0003_trigram_extension")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
