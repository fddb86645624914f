"""Glossary checks and seed, translation memory matches (run on SQLite and on PostgreSQL)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from core import languages
from notices.models import Notice
from translations import glossary, memory, services
from translations.models import GlossaryTerm, MemoryEntry, Status, Translation

pytestmark = pytest.mark.django_db


def test_seed_has_150_terms_in_every_target_language() -> None:
    for code in languages.TARGETS:
        assert GlossaryTerm.objects.filter(language=code).count() >= 150, code
    for term in ("国民健康保険", "保険料", "納期限", "区役所", "在留カード", "転入届"):
        assert GlossaryTerm.objects.filter(term=term).count() == len(languages.TARGETS)


def test_check_flags_a_missing_term_and_a_forbidden_variant() -> None:
    source = "区役所の窓口で保険証を受け取ってください。"
    good = "Please collect your health insurance card at the service counter of the Ward Office."
    assert glossary.check(source, good, "en") == []
    bad = "Please collect your insurance proof at the ward oficina counter."
    issues = {(i.kind, i.term) for i in glossary.check(source, bad, "en")}
    assert ("missing", "区役所") in issues and ("missing", "保険証") in issues
    assert ("forbidden", "保険証") in issues


def test_a_longer_term_hides_the_shorter_one_inside_it() -> None:
    found = [t.term for t in glossary.terms_in("国民健康保険料の納付", glossary.terms_for("en"))]
    assert "国民健康保険料" in found and "保険料" not in found and "国民健康保険" not in found


def test_easy_japanese_may_keep_the_official_word() -> None:
    assert glossary.check("保険料を払います。", "保険料を はらいます。", languages.EASY) == []


def test_glossary_csv_round_trip() -> None:
    data = glossary.export_csv("vi")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) >= 150 and set(rows[0]) == set(glossary.CSV_FIELDS)
    GlossaryTerm.objects.filter(language="vi").delete()
    assert glossary.import_csv(data) == len(rows)
    assert glossary.export_csv("vi") == data


def test_reviewed_translations_go_to_memory_and_come_back_exact_and_fuzzy() -> None:
    notice = Notice.objects.get(code="NH7K4A")
    source = "国民健康保険料は、毎月の納期限までに納めてください。"
    target = "Hãy nộp phí Bảo hiểm Y tế Quốc dân trước hạn nộp hằng tháng."
    notice.deadline_note = source
    notice.save()
    services.set_translation(notice, "deadline_note", "vi", target, status=Status.REVIEWED)
    assert MemoryEntry.objects.filter(language="vi", source=source, target=target).exists()
    exact = memory.suggest(source, "vi")
    assert exact[0].exact and exact[0].target == target
    fuzzy = memory.suggest("国民健康保険料は、毎月の納期限までに必ず納めてください。", "vi")
    match = next(s for s in fuzzy if s.target == target)
    assert 80 <= match.score < 100
    assert memory.suggest("粗大ごみの出し方", "vi") == [] or all(
        s.target != target for s in memory.suggest("粗大ごみの出し方", "vi")
    )


def test_drafts_and_machine_text_stay_out_of_memory() -> None:
    notice = Notice.objects.get(code="NH7K4A")
    before = MemoryEntry.objects.count()
    services.set_translation(notice, "title", "th", "draft", status=Status.DRAFT)
    services.set_translation(notice, "title", "th", "machine", status=Status.MACHINE)
    assert MemoryEntry.objects.count() == before


def test_fuzzy_matching_uses_trigrams_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        assert not memory._has_trigram()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() is not None
    memory.remember("児童手当の現況届を出してください。", "Submit the status notification.", "en")
    got = memory._fuzzy_postgres("児童手当の現況届を必ず出してください。", "en")
    assert got and got[0].target == "Submit the status notification."


def test_changing_the_source_marks_every_translation_outdated_and_the_page_says_so(
    client: object,
) -> None:
    notice = Notice.objects.get(code="NH7K4A")
    rows = Translation.objects.filter(object_id=notice.pk, field="summary")
    rows = rows.filter(content_type__model="notice")
    assert rows.count() >= 12 and not rows.filter(outdated=True).exists()
    notice.summary = notice.summary + "納付書をなくした場合は、区役所で再発行できます。"
    notice.save()
    assert rows.count() == rows.filter(outdated=True).count()
    page = client.get(f"/n/{notice.code}?lang=en")  # type: ignore[attr-defined]
    assert "The Japanese original has changed since this was translated." in page.content.decode()


def test_provider_settings_come_from_the_environment() -> None:
    env = dict(
        os.environ,
        TABUNKA_MT_PROVIDER="deepl",
        TABUNKA_MT_URL="http://127.0.0.1:9/",
        TABUNKA_MT_KEY="k",
        TABUNKA_MT_TERM_ID="42",
    )
    code = (
        "from tabunka import settings as s; "
        "print(s.TABUNKA_MT_PROVIDER, s.TABUNKA_MT_URL, s.TABUNKA_MT_KEY, s.TABUNKA_MT_OPTIONS)"
    )
    src = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=src, capture_output=True, text=True, check=True
    ).stdout
    assert out.split(None, 3)[:3] == ["deepl", "http://127.0.0.1:9/", "k"] and "'42'" in out
