"""The shortcuts analyze() takes find exactly what the plain regex scans find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from yasashii import _mechanical as mech

PIECES = st.sampled_from(
    list("0123456789０１２:：.～〜~ 　年月日時分間前後午令和元（()）水祝漢字いたしますござよう")
    + ["午前", "午後", "令和", "平成", "12:00", "ございます", "とうございます", "いたします"]
    + ["致します", "ご利用", "ください", "下さい", "ますよう", "お願い", "申し上げます", "の上"]
    + ["いただけます", "になって", "になる", "お待ち", "お掛け", "ております", "くださいませ"]
    + ["令和7年", "平成元年", "4月1日", "10:00", "17時", "3か月", "2ヶ月", "20歳", "100円", "5%"]
    + ["(月)", "（祝）", "～", "〜", "年度", "12：30", "24:00", "30分"]
)
TEXT = st.lists(PIECES, max_size=30).map("".join)


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_anchored_scans_equal_finditer(text: str) -> None:
    assert spans(mech._clock_matches(text)) == spans(mech._CLOCK_RE.finditer(text))
    assert spans(mech._tilde_matches(text)) == spans(mech._TILDE_RE.finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_honorific_needles_are_in_every_match(text: str) -> None:
    for pattern, _, needles in mech._HONORIFIC_FIXES:
        if needles is not None:
            for m in pattern.finditer(text):
                assert any(n in m.group() for n in needles), (pattern.pattern, m.group())
