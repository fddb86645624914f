"""Paraphrase dictionaries: deny-list, size, attribution, JLPT and kanji data."""

from __future__ import annotations

from importlib import resources

import pytest

from yasashii import _lexicon


def test_no_suggestion_is_on_the_deny_list() -> None:
    bad = [(src, w, s) for src, w, s in _lexicon.all_suggestions() if _lexicon.is_denied(s)]
    assert bad == []


def test_gaijin_is_never_suggested() -> None:
    # 外国人 holds 外人 only across a word boundary (外国 + 人); the word itself is banned
    assert all("外人" not in s.replace("外国人", "") for _, _, s in _lexicon.all_suggestions())
    assert _lexicon.is_denied("外人")


@pytest.mark.parametrize("word", ["外人", "ガイジン", "めくら"])
def test_denied_words_are_refused(word: str) -> None:
    table: dict[str, list[str]] = {}
    _lexicon._add(table, "外国人", word)
    assert table == {}


def test_short_kana_deny_entries_do_not_block_harmless_words() -> None:
    assert not _lexicon.is_denied("お知らせ")
    assert not _lexicon.is_denied("おしらせ")


@pytest.mark.parametrize(
    "word",
    [
        "納期限",
        "督促",
        "延滞金",
        "口座振替",
        "還付",
        "賦課",
        "減免",
        "猶予",
        "被保険者",
        "扶養",
        "控除",
        "交付",
        "申請",
        "届出",
        "所定",
        "併せて",
        "遅滞なく",
    ],
)
def test_curated_dictionary_covers_notice_words(word: str) -> None:
    assert _lexicon.notice_paraphrases()[word]


def test_curated_dictionary_has_300_entries() -> None:
    assert len(_lexicon.notice_paraphrases()) >= 300


def test_moj_comes_first() -> None:
    assert _lexicon.paraphrases("記入")[0] == "書く"


def test_moj_attribution_ships_with_the_data() -> None:
    text = resources.files("yasashii").joinpath("data/ATTRIBUTION.md").read_text("utf-8")
    assert (
        "出典:出入国在留管理庁ホームページ(https://www.moj.go.jp/isa/support/portal/plainjapanese_kakikaerei.html)"
        in text
    )


def test_levels_and_grades() -> None:
    assert _lexicon.jlpt_level("食べる") == 5
    assert _lexicon.kanji_grades()["一"] == 1
    assert _lexicon.kanji_grades()["賦"] == 7
