"""ruby(): kanji spans only, okurigana outside, digits bare, everything escaped."""

from __future__ import annotations

import pytest

from yasashii import ruby


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手続き", "<ruby>手続<rt>てつづ</rt></ruby>き"),
        ("漢字", "<ruby>漢字<rt>かんじ</rt></ruby>"),
        ("6分", "6<ruby>分<rt>ぷん</rt></ruby>"),
        ("20日", "20<ruby>日<rt>か</rt></ruby>"),
        ("ひらがな", "ひらがな"),
        ("<b>本</b>", "&lt;b&gt;<ruby>本<rt>ほん</rt></ruby>&lt;/b&gt;"),
        ("A&B \"x\" 'y'", "A&amp;B &quot;x&quot; &#x27;y&#x27;"),
        ("", ""),
    ],
)
def test_ruby(text: str, expected: str) -> None:
    assert ruby(text) == expected


def test_no_ruby_on_arabic_digits() -> None:
    html = ruby("2025年4月1日から3か月、1日3回")
    assert "<ruby>2" not in html and "<ruby>4" not in html and "<ruby>1" not in html


def test_ruby_never_raises_on_odd_input() -> None:
    for text in ("\x00\x1b漢字", "😀本😀", "a" * 300_000, "\ud800本", "<script>alert(1)</script>"):
        html = ruby(text)
        assert "<script>" not in html
