"""Bring six Easy-Japanese glossary targets in line with the checker (issue 8), where unedited.

The seed (0004) only runs on a new database; existing ones get the new targets here, but only
where the row still holds the old seeded text, so a term a translator changed is left alone.
"""

from django.db import migrations

CHANGED = {
    "納期限": ("払う日の締め切り", "お金を払う最後の日"),
    "特別永住者証明書": (
        "特別永住者のカード",
        "特別永住者証明書（とくべつえいじゅうしゃしょうめいしょ）",
    ),
    "期限": ("締め切り", "最後の日"),
    "土日祝日": ("土曜日、日曜日、祝日", "土曜日、日曜日、祝日（国の休みの日）"),
    "国際交流会館": ("熊本市国際交流会館", "熊本市国際交流会館（外国の人のための市の建物）"),
    "国保": ("国民健康保険", "国民健康保険（こくみんけんこうほけん）"),
}


def forwards(apps, schema_editor):
    term_model = apps.get_model("translations", "GlossaryTerm")
    for term, (old, new) in CHANGED.items():
        term_model.objects.filter(language="ja-easy", term=term, translation=old).update(
            translation=new
        )


def backwards(apps, schema_editor):
    term_model = apps.get_model("translations", "GlossaryTerm")
    for term, (old, new) in CHANGED.items():
        term_model.objects.filter(language="ja-easy", term=term, translation=new).update(
            translation=old
        )


class Migration(migrations.Migration):
    dependencies = [("translations", "0005_delete_orphaned_translations")]

    operations = [migrations.RunPython(forwards, backwards)]
