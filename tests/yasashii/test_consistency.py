"""The checker never flags what the project prescribes as Easy Japanese (issue 8).

Over the whole glossary (src/translations/data/glossary.csv, ja-easy column) and the whole
paraphrase vocabulary (MOJ + curated targets): analyzing a target gives no difficult-word or
katakana-loanword issue, except on a key term that has an entry of its own (a glossary term or
a vocabulary headword) used inside a longer explanation — 「国の税金の役所」 may say 税金 because
税金 is explained where it is used.  A target that is only a word the checker flags (期限 →
締め切り while 締め切り → 最後の日) is always a contradiction.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from yasashii import analyze
from yasashii._lexicon import moj_paraphrases, notice_paraphrases, paraphrases

GLOSSARY = Path(__file__).resolve().parents[2] / "src" / "translations" / "data" / "glossary.csv"
WORD_RULES = {"difficult-word", "katakana-loanword"}
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")


def _glossary() -> list[tuple[str, str]]:
    with GLOSSARY.open(encoding="utf-8") as handle:
        return [(row["ja"], row["ja-easy"]) for row in csv.DictReader(handle) if row["ja-easy"]]


def _vocabulary() -> list[tuple[str, str]]:
    return [
        (word, target)
        for table in (moj_paraphrases(), notice_paraphrases())
        for word, targets in table.items()
        for target in targets
    ]


KEY_TERMS = {term for term, _ in _glossary()} | set(moj_paraphrases()) | set(notice_paraphrases())


def _in_key_term(target: str, start: int, end: int) -> str | None:
    """Return the key term whose occurrence in target covers [start, end), if any."""
    for term in KEY_TERMS:
        pos = target.find(term)
        while pos >= 0:
            if pos <= start and end <= pos + len(term):
                return term
            pos = target.find(term, pos + 1)
    return None


def _contradictions(target: str) -> list[str]:
    """Return the flagged words of a target that are not allowed key terms."""
    whole = _TRAILING_BRACKET.sub("", target).strip()
    bad = []
    for issue in analyze(target).issues:
        if issue.rule not in WORD_RULES:
            continue
        key = _in_key_term(target, issue.start, issue.end)
        if key is None or key == whole:
            bad.append(f"{issue.rule}:{issue.surface}")
    return bad


def test_no_glossary_target_is_flagged() -> None:
    bad = {
        f"{term} → {target}": found
        for term, target in _glossary()
        if (found := _contradictions(target))
    }
    assert bad == {}


def test_no_vocabulary_target_is_flagged() -> None:
    bad = {
        f"{word} → {target}": found
        for word, target in _vocabulary()
        if (found := _contradictions(target))
    }
    assert bad == {}


@pytest.mark.parametrize("term", ["期限", "締切", "納期限"])
def test_deadline_paraphrases_agree(term: str) -> None:
    # The glossary and the vocabulary both say 最後の日 (the MOJ vocabulary's word: 在留期限 →
    # 「外国人が日本にいることができる最後の日」); the checker accepts it.
    suggestions = paraphrases(term)
    assert suggestions and all("締め切り" not in s for s in suggestions)
    assert not analyze(suggestions[0]).issues
    glossary = dict(_glossary())
    if term in glossary:
        assert "最後の日" in glossary[term]
