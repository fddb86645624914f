"""Regression tests for the Easy-Japanese findings reported in issue 8 (one per reported case)."""

from __future__ import annotations

import pytest

from yasashii import Settings, analyze, explained_terms


def words(text: str, **options: object) -> set[str]:
    """Return the surfaces of difficult-word and katakana-loanword issues."""
    rules = {"difficult-word", "katakana-loanword"}
    return {i.surface for i in analyze(text, **options).issues if i.rule in rules}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("3か月以内に届けてください。", "か月"),
        ("6ヶ月たったら、もう一度来てください。", "ヶ月"),
        ("三か月の間です。", "か月"),
        ("2回目の注射を受けます。", "回"),
        ("8歳の子どもです。", "歳"),
        ("1年間有効です。", "年間"),
    ],
)
def test_counters_after_numbers_are_not_difficult(text: str, counter: str) -> None:
    assert not {w for w in words(text) if counter in w}


@pytest.mark.parametrize("phrase", ["毎日の生活", "日本語の教室", "3か月です。", "子どものお金"])
def test_a_short_easy_phrase_scores_easy(phrase: str) -> None:
    report = analyze(phrase)
    assert report.readability_level in ("upper-elementary", "lower-elementary")


def test_a_short_hard_phrase_does_not_score_easy() -> None:
    assert analyze("督促状の送付").readability_level not in ("upper-elementary", "lower-elementary")


def test_long_texts_keep_jreadability() -> None:
    from jreadability import compute_readability

    text = "ごみは朝8時30分までに出してください。前の日の夜には出さないでください。"
    assert analyze(text).readability == pytest.approx(compute_readability(text), abs=1e-3)


def test_the_deadline_word_the_checker_suggests_is_not_flagged() -> None:
    [issue] = [i for i in analyze("期限までに出してください。").issues if i.surface == "期限"]
    assert issue.suggestions[0] == "最後の日"
    assert not words("最後の日までに出してください。")


@pytest.mark.parametrize("domain", ["water", None, "insurance"])
def test_nofusho_outside_tax_never_gets_the_tax_paraphrase(domain: str | None) -> None:
    report = analyze("水道の料金は、納付書で払ってください。", domain=domain)
    [issue] = [i for i in report.issues if i.surface == "納付書"]
    assert issue.suggestions and not any("税金" in s for s in issue.suggestions)


def test_nofusho_in_a_tax_text_gets_the_tax_paraphrase() -> None:
    report = analyze("市民税は、納付書で払ってください。", domain="tax")
    [issue] = [i for i in report.issues if i.surface == "納付書"]
    assert any("税金" in s for s in issue.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "在留カード（日本に住む外国人のカード）を持ってきてください。",
        "「予診票」（注射の前に書く紙）を持ってきてください。",
        "注射の前に書く紙（予診票）を持ってきてください。",
        "予診票を持ってきてください。予診票は、注射の前に親が書く紙です。",
        "「予診票」は、注射の前に親が書く紙です。予診票を持ってきてください。",
        "国民健康保険（こくみんけんこうほけん）に入ります。",
        "延滞金＜＝遅れたときに払うお金＞がかかります。",
    ],
)
def test_a_term_explained_at_first_use_is_not_a_finding(text: str) -> None:
    found = {i.rule + ":" + i.surface for i in analyze(text).issues}
    assert not {f for f in found if any(t in f for t in ("在留", "予診", "票", "国民健康", "延滞"))}


@pytest.mark.parametrize(
    "text",
    [
        "予診票を持ってきてください。",  # not explained
        "予診票を持ってきてください。明日は雨です。予診票は、注射の前に書く紙です。",  # too late
        "予診票は大切です。",  # 大切 describes, it does not define
        "予診票は3枚です。",  # a number is no definition
    ],
)
def test_an_unexplained_first_use_is_still_a_finding(text: str) -> None:
    assert {"予診", "票"} & words(text)


def test_explained_terms_can_be_switched_off() -> None:
    text = "在留カード（日本に住む外国人のカード）を持ってきてください。"
    assert "在留カード" in words(text, settings=Settings(accept_explained_terms=False))


def test_a_word_is_flagged_at_its_first_use_only() -> None:
    text = "納付書を見てください。納付書で払います。"
    assert [i.start for i in analyze(text).issues if i.surface == "納付書"] == [0]
    every = analyze(text, Settings(first_use_only=False)).issues
    assert [i.start for i in every if i.surface == "納付書"] == [0, 11]


def test_known_names_and_addresses_are_not_findings() -> None:
    text = "中央区役所区民課（熊本市中央区手取本町1番1号）に来てください。"
    assert {i.rule for i in analyze(text).issues} & {"difficult-word", "kanji-run"}
    known = ["中央区役所区民課", "熊本市中央区手取本町1番1号"]
    report = analyze(text, known_terms=known)
    assert not {i.rule for i in report.issues} & {"difficult-word", "kanji-run", "many-nouns"}


def test_a_known_term_plus_an_easy_part_is_not_flagged() -> None:
    assert "国民健康保険料" in words("国民健康保険料を払います。")
    assert not words("国民健康保険料を払います。", known_terms=["国民健康保険"])


def test_explained_terms_are_reported_for_the_fields_that_follow() -> None:
    summary = "大きいごみ（大型ごみ）は、先に申し込みます。「予診票」は、注射の前に書く紙です。"
    assert {"大型ごみ", "予診票"} <= explained_terms(summary)
    assert explained_terms("") == frozenset()


def test_nouns_in_a_gloss_do_not_make_a_sentence_too_full_of_nouns() -> None:
    text = "子どもの予防接種（病気を防ぐための注射）の予診票とお知らせ"
    assert "many-nouns" not in {i.rule for i in analyze(text).issues}
    off = Settings(accept_explained_terms=False)
    assert "many-nouns" in {i.rule for i in analyze(text, off).issues}


@pytest.mark.parametrize("word", ["など", "ことがあります"])
def test_plain_hedges_are_not_vague(word: str) -> None:
    text = f"机や、いすなどを出します。遅れると、お金がかかる{word}。"
    assert "vague-expression" not in {i.rule for i in analyze(text).issues}
    assert "vague-expression" in {i.rule for i in analyze("書類等を出します。").issues}


def test_a_list_of_terms_in_brackets_is_explained_by_what_precedes() -> None:
    text = "引っ越したときの届け出（転入届・転出届）のお知らせです。"
    assert {"転入届", "転出届"} <= explained_terms(text)
    # a bracket with a phrase in it is no list of terms: 土日祝日 stays unexplained
    assert "土日祝日" not in explained_terms("受付は平日です（土日祝日・年末年始を除く）。")


@pytest.mark.parametrize("noun", ["受け取り", "申し込み", "支払い"])
def test_the_stem_of_an_easy_compound_verb_is_easy(noun: str) -> None:
    assert noun not in words(f"{noun}の日です。")


def test_a_short_stem_keeps_its_own_level() -> None:
    assert "掛け" in words("こちらにお掛けになってください。")
