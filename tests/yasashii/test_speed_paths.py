"""The fast path of analyze() finds exactly what the full path finds (issue 10).

Fast path: per-morpheme forms cached by Sudachi word id, per-kind analysis cached, the
readability score (a second, UniDic pass) computed only when read.  Full path
(_analyze.full_report): every cache emptied, every token field read from Sudachi, the score
computed at once.  Compared over the golden texts, the demo notices, and the held-out bench sets.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from yasashii import Report, Settings, analyze
from yasashii._analyze import full_report
from yasashii._tokenize import tokenize, tokenize_reference

ROOT = Path(__file__).resolve().parents[2]


def _strings(node: object) -> list[str]:
    """Return every string in a YAML tree that has Japanese in it."""
    if isinstance(node, str):
        return [node] if any("\u3041" <= c <= "\u9fff" for c in node) else []
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def corpus() -> list[str]:
    """Return the texts: golden, demo notices, held-out bench sentences, odd input."""
    data = ROOT / "tests" / "yasashii" / "data"
    texts = [item["text"] for item in json.loads((data / "golden_issues.json").read_text())]
    for path in sorted((ROOT / "src" / "notices" / "demo").glob("*.yaml")):
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    bench = ROOT / "bench" / "data"
    for line in (bench / "heldout_notices.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            texts.append(line)
    for line in (bench / "stiff_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            texts.append(line.split("\t", 1)[0])
    texts += [
        "ｘｙｚ2,000円と２０００ﾃｽﾄ　です。一万五千円。",
        "ヴァイオリンフィギュアバボボを 持参の上、お越しください。\n\n12:00～13:00",
        "",
        "😀 emoji と\u0000制御文字",
    ]
    return texts


TEXTS = corpus()


def test_corpus_is_large() -> None:
    assert len(TEXTS) > 300
    assert sum(map(len, TEXTS)) > 20_000


def test_fast_tokens_equal_reference_tokens() -> None:
    for text in TEXTS + TEXTS:  # the second pass reads the forms from the cache
        assert tokenize(text) == tokenize_reference(text), text


@pytest.mark.parametrize(
    "config",
    [None, Settings(first_use_only=False, accept_explained_terms=False)],
    ids=["default", "plain"],
)
def test_fast_findings_equal_full_path(config: Settings | None) -> None:
    for text in TEXTS:
        analyze(text, config)  # warm the fast path's caches with every text first
    mismatches = []
    for text in TEXTS:
        fast = analyze(text, config, known_terms={"国際交流会館"}, domain="tax")
        full = full_report(text, config, known_terms={"国際交流会館"}, domain="tax")
        if fast.to_dict() != full.to_dict():
            mismatches.append(text)
    assert mismatches == []


def test_score_is_computed_on_demand_and_equal() -> None:
    text = "国民健康保険料の納付書が届いたら、4月30日までに払ってください。"
    fast = analyze(text)
    assert "_score" not in fast.__dict__  # not computed yet: no UniDic pass for the issues
    full = full_report(text)
    assert (fast.readability, fast.readability_level) == (full.readability, full.readability_level)
    assert isinstance(fast.readability, float)
    assert fast == full and full == fast
    copy = pickle.loads(pickle.dumps(fast))  # noqa: S301 - our own bytes
    assert type(copy) is Report
    assert copy == fast


ODD = st.text(
    alphabet=st.sampled_from(
        list("あいう漢字国民健康保険料カナﾊﾟ゙゚　 \n\t\r。、ｘｙａ12,000円😀\u0000\u200b\ufeff①Ⅻ〜～㍿")
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(ODD)
def test_fast_tokens_equal_reference_on_odd_text(text: str) -> None:
    # offsets are chained (each morpheme starts where the last ended) and forms come from the
    # cache: both must agree with Sudachi's own begin() and forms on any input
    assert tokenize(text) == tokenize_reference(text)


def test_maker_builds_the_same_objects_as_the_dataclass() -> None:
    from yasashii import Issue, SentenceMetrics, WordInfo
    from yasashii._models import maker

    cases = [
        (WordInfo, (1, 3, "納付", "納付", None)),
        (Issue, ("difficult-word", 0, 2, "納付", "m", "e", "g", ("払う",))),
        (SentenceMetrics, (0, 5, "あいうえお", 5, 3, 1, 0, 0.0, 0, 0)),
    ]
    for cls, args in cases:
        made = maker(cls)(*args)
        plain = cls(*args)
        assert type(made) is cls
        assert made == plain and vars(made) == vars(plain) and repr(made) == repr(plain)
        with pytest.raises(AttributeError):
            made.start = 9  # frozen like the dataclass
