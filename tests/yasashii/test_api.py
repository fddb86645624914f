"""Public API: exports, limits, empty input, JSON, lazy loading, rewrite changes, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import yasashii
from yasashii import MAX_CHARS, Rewrite, TextTooLong, analyze, rewrite

SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_public_api() -> None:
    for name in (
        "analyze",
        "reading",
        "ruby",
        "rewrite",
        "Settings",
        "Report",
        "Issue",
        "TextTooLong",
    ):
        assert name in yasashii.__all__
    assert set(yasashii.RULE_IDS) >= {
        "long-sentence",
        "many-nouns",
        "kanji-run",
        "difficult-word",
        "honorific",
        "double-negative",
        "katakana-loanword",
        "romaji",
        "nominalized-verb",
        "vague-expression",
        "era-date",
        "clock-24h",
        "tilde-range",
        "relative-date",
    }


def test_import_does_not_load_dictionaries() -> None:
    code = (
        "import sys, yasashii, yasashii._tokenize as t; "
        "assert t._sudachi_dict is None and t._fugashi_dicdir is None; "
        "assert 'sudachipy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": SRC})


def test_too_long_text_raises() -> None:
    with pytest.raises(TextTooLong) as exc:
        analyze("あ" * (MAX_CHARS + 1))
    assert isinstance(exc.value, ValueError)
    assert exc.value.limit == MAX_CHARS
    analyze("あ" * MAX_CHARS)


def test_empty_text() -> None:
    report = analyze("")
    assert report.issues == [] and report.sentences == [] and report.readability is None
    assert rewrite("").changes == []


def test_report_is_json_serialisable() -> None:
    report = analyze("令和7年4月1日（火）9:00～17:00、市役所で申請してください。")
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["issues"] and data["sentences"][0]["characters"] > 0
    assert isinstance(report.readability, float) and report.readability_level
    assert {w["jlpt"] for w in data["words"]} - {None} <= {"N1", "N2", "N3", "N4", "N5"}
    assert any(k["kanji"] == "市" and k["grade"] == 2 for k in data["kanji"])


def test_readability_matches_jreadability() -> None:
    from jreadability import compute_readability

    text = "国民健康保険料の納期限までに指定金融機関にて納付してください。相談は無料です。"
    assert analyze(text).readability == pytest.approx(compute_readability(text), abs=1e-3)


def test_rewrite_changes_can_be_accepted_one_by_one() -> None:
    text = (
        "受付は9:00～17:00です。令和7年4月1日から、至急ご提出くださいますようお願い申し上げます。"
    )
    rw: Rewrite = rewrite(text)
    assert [c.rules for c in rw.changes] == [
        ("clock-24h", "tilde-range"),
        ("era-date",),
        ("honorific",),
    ]
    for c in rw.changes:
        assert text[c.start : c.end] == c.old
    assert rw.apply(set()) == text
    assert rw.apply({1}) == text.replace("令和7年", "2025年")
    assert rw.apply() == rw.text
    json.dumps(rw.to_dict())


@pytest.mark.parametrize("command", ["check", "reading", "ruby", "rewrite"])
def test_cli(command: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "yasashii", command, "--json", "-"],
        input="令和7年4月1日に提出してください。",
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC},
        timeout=60,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.strip()


def test_threads_analyse_at_the_same_time() -> None:
    """Regression: one shared Sudachi tokenizer raised "Tokenizer is already in use" when a
    server checked two texts in two threads at once."""
    from concurrent.futures import ThreadPoolExecutor

    import yasashii

    texts = [
        f"市役所の窓口で、{n}月までに国民健康保険の手続きをしてください。" * 20
        for n in range(1, 13)
    ]
    expected = [yasashii.analyze(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(lambda t: yasashii.analyze(t).to_dict(), texts)) == expected
