"""Surface rules: double-negative, vague-expression, relative-date, romaji.

Internal: DOES NOT belong to the public API.
"""

from __future__ import annotations

import re

from yasashii._mechanical import Finding

_DOUBLE_NEG = re.compile(
    r"(?:な(?:い|く)(?:こと|わけ|もの)(?:は|では|でも)?(?:ない|ありません|なかった)"
    r"|なくはない|なくもない|ないでもない|ないでは(?:ない|ありません)"
    r"|ないとは(?:限らない|限りません|言えない|言えません|言い切れない|言い切れません)"
    r"|な(?:けれ|く)ば(?:なりません|ならない|いけません|いけない)"
    r"|なくては(?:なりません|ならない|いけません|いけない)"
    r"|ないと(?:いけません|いけない|だめです)"
    r"|ざるを得(?:ない|ません))"
)
_DOUBLE_NEG_HINT = {
    "ば": "〜てください / 〜する必要があります",
    "くては": "〜てください",
    "と": "〜てください",
    "ざる": "〜します",
}

_VAGUE = re.compile(
    r"適宜|適切に|なるべく|できるだけ|出来るだけ|可能な限り|速やかに|すみやかに|早めに|早急に|近日中|後日|"
    r"若干|多少|概ね|おおむね|しばらく|場合があります|可能性があります|と思われます|"
    r"等(?=[をがにはのも、。])|程度|ほど(?=[、。]|で|に)|前後(?=[、。]|で|に)"
)
# Not vague (issue 8): など after examples is prescribed Easy Japanese (99 MOJ, 6 curated and
# 3 glossary targets use it; 等 stays flagged as stiff), and 〜ことがあります states a real
# possibility in plain words (it is what 〜場合があります is rewritten to).
_VAGUE_HINT = {
    "速やかに": "X月X日までに",
    "すみやかに": "X月X日までに",
    "早めに": "X月X日までに",
    "早急に": "X月X日までに",
    "近日中": "X月X日に",
    "後日": "X月X日に",
    "しばらく": "X日間",
    "適宜": "必要なときに",
    "概ね": "だいたい",
    "おおむね": "だいたい",
    "若干": "少し",
}

# Every alternative starts with a literal, so the regex engine can skip ahead.
_RELATIVE = re.compile(
    r"(?:毎月|毎年)第[1-5１-５一二三四五][月火水木金土日](?:曜日?)?"
    r"|第[1-5１-５一二三四五][月火水木金土日](?:曜日?)?"
    r"|翌営業日|翌日|翌月|翌年|翌週|前日|同日|当月|月末|月初め|月初|週明け|来月|来週|今月末"
)

_URLISH = re.compile(r"(?:https?://|www\.)[^\s　<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ'’\-]*")


def double_negatives(text: str) -> list[Finding]:
    """Return double-negative findings."""
    out: list[Finding] = []
    for m in _DOUBLE_NEG.finditer(text):
        hint = next((v for k, v in _DOUBLE_NEG_HINT.items() if k in m.group()), "")
        out.append(Finding("double-negative", m.start(), m.end(), {}, (hint,) if hint else (), ()))
    return out


def vague_expressions(text: str) -> list[Finding]:
    """Return vague-expression findings."""
    out: list[Finding] = []
    for m in _VAGUE.finditer(text):
        hint = _VAGUE_HINT.get(m.group())
        out.append(Finding("vague-expression", m.start(), m.end(), {}, (hint,) if hint else (), ()))
    return out


def relative_dates(text: str) -> list[Finding]:
    """Return relative-date findings (第3月曜日, 翌日 …)."""
    return [
        Finding("relative-date", m.start(), m.end(), {}, ("12月16日(月)",), ())
        for m in _RELATIVE.finditer(text)
    ]


def romaji(text: str, min_chars: int) -> list[Finding]:
    """Return romaji findings for Latin-letter words outside URLs and e-mail addresses."""
    skip: list[tuple[int, int]] | None = None  # URL and e-mail spans, found when needed
    out: list[Finding] = []
    for m in _LATIN.finditer(text):
        if len(m.group()) < min_chars:
            continue
        if skip is None:
            skip = [(u.start(), u.end()) for u in _URLISH.finditer(text)]
        if any(s <= m.start() < e for s, e in skip):
            continue
        out.append(Finding("romaji", m.start(), m.end(), {}, (), ()))
    return out


def text_findings(text: str, romaji_min: int) -> list[Finding]:
    """Return all surface-rule findings."""
    return (
        double_negatives(text)
        + vague_expressions(text)
        + relative_dates(text)
        + romaji(text, romaji_min)
    )
