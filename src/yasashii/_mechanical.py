"""Mechanical rules with safe fixes: era-date, clock-24h, tilde-range, honorific.

Internal: DOES NOT belong to the public API.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import NamedTuple

Edit = tuple[int, int, str]
_FW = str.maketrans("０１２３４５６７８９：", "0123456789:")
_KNUM = "〇一二三四五六七八九十"


class Finding(NamedTuple):
    """A rule match: span, message parameters, suggestions and safe edits (may be empty)."""

    rule: str
    start: int
    end: int
    params: dict[str, str]
    suggestions: tuple[str, ...]
    edits: tuple[Edit, ...]


def _int(text: str) -> int:
    """Return the value of Arabic, full-width or simple kanji digits (元 = 1)."""
    text = text.translate(_FW)
    if text == "元":
        return 1
    if text.isdigit():
        return int(text)
    tens, _, ones = text.rpartition("十")
    value = (_KNUM.index(tens) if tens else 1) * 10 if "十" in text else 0
    return value + (_KNUM.index(ones) if ones else 0)


@cache
def _eras() -> dict[str, object]:
    """Return japanera eras of the modern period by kanji name."""
    from japanera import ERA_DATA_GENERAL

    return {
        e.kanji: e for e in ERA_DATA_GENERAL if e.kanji in ("明治", "大正", "昭和", "平成", "令和")
    }


_ERA_RE = re.compile(
    r"(明治|大正|昭和|平成|令和)\s*(元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*年"
)


def era_dates(text: str) -> list[Finding]:
    """Return era-date findings (令和7年 → 2025年) using japanera's era data."""
    out: list[Finding] = []
    for m in _ERA_RE.finditer(text):
        era = _eras().get(m.group(1))
        if era is None:
            continue
        year = era.relative_year_to_absolute_year(_int(m.group(2)))  # type: ignore[attr-defined]
        new = f"{year}年"
        out.append(
            Finding(
                "era-date",
                m.start(),
                m.end(),
                {"western": new},
                (new,),
                ((m.start(), m.end(), new),),
            )
        )
    return out


def clock_text(hour: int, minute: int) -> str:
    """Return 午前/午後 wording for a 24-hour time (12:00 正午, 0:00 and 24:00 午前0時)."""
    if hour == 12 and not minute:
        return "正午"
    half = "午前" if hour % 24 < 12 else "午後"
    words = f"{half}{hour % 12}時"
    return words + (f"{minute}分" if minute else "")


_CLOCK_RE = re.compile(
    r"(?<![0-9０-９:：.])(午前|午後)?([0-2]?[0-9]|[０-２]?[０-９])[:：]([0-5０-５][0-9０-９])(?![0-9０-９:：])"
)
# Each lookbehind sits after the first digit (and checks the character before it), so the
# pattern starts with literals and the regex engine can skip ahead (same matches as a
# leading lookbehind).
_NB = r"(?<![0-9０-９前後].)"
_HOUR_RE = re.compile(rf"(1{_NB}[3-9]|2{_NB}[0-4]|１{_NB}[３-９]|２{_NB}[０-４])時(?!間)")


_COLON_RE = re.compile(r"[:：]")


def _clock_matches(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of _CLOCK_RE.finditer(text), trying only just before colons.

    Every match has its colon 1–4 characters after its start (午前 + two digits), so trying
    the positions up to 4 before each colon, leftmost first, finds the same matches.
    """
    last = 0
    for colon in _COLON_RE.finditer(text):
        c = colon.start()
        for start in range(max(last, c - 4), c):
            m = _CLOCK_RE.match(text, start)
            if m is not None:
                yield m
                last = m.end()
                break


def clocks(text: str) -> list[Finding]:
    """Return clock-24h findings (14:00 → 午後2時, 17時 → 午後5時)."""
    out: list[Finding] = []
    for m in _clock_matches(text):
        hour, minute = _int(m.group(2)), _int(m.group(3))
        if hour > 24:
            continue
        if m.group(1) and hour <= 12:
            new = f"{m.group(1)}{hour}時" + (f"{minute}分" if minute else "")
        else:
            new = clock_text(hour, minute)
        out.append(
            Finding(
                "clock-24h",
                m.start(),
                m.end(),
                {"clock": new},
                (new,),
                ((m.start(), m.end(), new),),
            )
        )
    for m in _HOUR_RE.finditer(text):
        new = clock_text(_int(m.group(1)), 0)
        out.append(
            Finding(
                "clock-24h",
                m.start(),
                m.end(),
                {"clock": new},
                (new,),
                ((m.start(), m.end(), new),),
            )
        )
    return out


_UNIT = r"(?:年度|年|か月|ヶ月|月|日|時|分|歳|才|円|人|回|階|%|％)"
_N = r"[0-9０-９]+(?:[:：][0-9０-９]{2})?"
# Every repetition starts with a unit, so a digit run cannot be split two ways
# (no catastrophic backtracking on long digit strings).
_OP = (
    rf"(?:(?:令和|平成|昭和)(?:元|[0-9０-９]+)年)?(?:午前|午後)?{_N}(?:{_UNIT}{_N})*{_UNIT}?"
    r"(?:[（(][月火水木金土日祝][）)])?"
)
_TILDE_RE = re.compile(rf"({_OP})[ 　]*([～〜~])[ 　]*({_OP})?")


# Every character a match can have before its tilde (_OP and spaces).
_BEFORE_TILDE = frozenset(
    "0123456789０１２３４５６７８９:：令和平成昭元年度か月ヶ日時分歳才円人回階%％午前後"
    "（()）月火水木金土日祝 　"
)
_TIME_ONLY = re.compile(r"(?:午前|午後)?[0-9０-９]+(?:[:：][0-9０-９]{2}|時(?:[0-9０-９]+分)?)")
_WEEKDAY_TAIL = re.compile(r"[（(][月火水木金土日祝][）)]$")
_TILDE_CHAR_RE = re.compile(r"[～〜~]")


def _tilde_matches(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of _TILDE_RE.finditer(text), trying only just before tildes.

    A match's text before its tilde uses only _BEFORE_TILDE characters, so it starts within
    the run of such characters that ends at the tilde; trying those starts leftmost first
    finds the same matches as finditer, without running the pattern at every position.
    """
    last = 0
    for tilde in _TILDE_CHAR_RE.finditer(text):
        c = tilde.start()
        if c < last:
            continue
        first = c
        while first > last and text[first - 1] in _BEFORE_TILDE:
            first -= 1
        for start in range(first, c):
            m = _TILDE_RE.match(text, start)
            if m is not None:
                yield m
                last = m.end()
                break


def tilde_ranges(text: str) -> list[Finding]:
    """Return tilde-range findings (9時～17時 → 9時から17時まで)."""
    out: list[Finding] = []
    for m in _tilde_matches(text):
        edits: list[Edit] = [(m.start(2), m.end(2), "から")]
        end = m.end()
        upper = m.group(3) or ""
        new = m.group(1) + "から" + upper
        if upper and not text.startswith("まで", m.end(3)):
            at = len(upper)
            weekday = _WEEKDAY_TAIL.search(upper)
            if weekday and not upper[: weekday.start()].endswith("日"):
                # A weekday after a time belongs to the whole range: 10:00～12:00(月) →
                # (月)午前10時から正午まで; with a date before it: 1日10:00～12:00(月) →
                # 1日午前10時から正午まで(月).  After a date it stays: 5日(金) → 5日(金)まで.
                at = weekday.start()
                if _TIME_ONLY.fullmatch(m.group(1)):
                    day = weekday.group()
                    edits.insert(0, (m.start(), m.start(), day))
                    edits.append((m.start(3) + at, m.end(3), "まで"))
                    new = day + m.group(1) + "から" + upper[:at] + "まで"
                    out.append(Finding("tilde-range", m.start(), end, {}, (new,), tuple(edits)))
                    continue
            edits.append((m.start(3) + at, m.start(3) + at, "まで"))
            new = m.group(1) + "から" + upper[:at] + "まで" + upper[at:]
        out.append(Finding("tilde-range", m.start(), end, {}, (new,), tuple(edits)))
    return out


# お + stem + ください: te-forms of the verbs notices use most.
_O_STEMS = {
    "待ち": "待って",
    "越し": "来て",
    "持ち": "持って",
    "問い合わせ": "問い合わせて",
    "問合せ": "問い合わせて",
    "問い合せ": "問い合わせて",
    "申し込み": "申し込んで",
    "申込み": "申し込んで",
    "知らせ": "知らせて",
    "読み": "読んで",
    "書き": "書いて",
    "守り": "守って",
    "確かめ": "確かめて",
    "使い": "使って",
    "入り": "入って",
    "座り": "座って",
    "掛け": "座って",
    "返し": "返して",
    "送り": "送って",
    "急ぎ": "急いで",
    "出し": "出して",
    "渡し": "渡して",
    "聞き": "聞いて",
    "話し": "話して",
    "伝え": "伝えて",
    "捨て": "捨てて",
    "求め": "買って",
    "控え": "やめて",
    "気をつけ": "気をつけて",
    "気を付け": "気を付けて",
    "電話": "電話して",
    "手続き": "手続きして",
    "申し出": "言って",
    "受け取り": "受け取って",
    "集まり": "集まって",
    "並び": "並んで",
    "急ぎ下": "急いで",
}
_O = "|".join(sorted(map(re.escape, _O_STEMS), key=len, reverse=True))
_PLEASE = (
    r"(?:くださいますよう|下さいますよう|いただきますよう|頂きますよう)"
    r"(?:お願い|おねがい)(?:申し上げます|いたします|致します|します)"
)
_KANGO = r"([\u4e00-\u9fff]{2,4})"


def _o_te(m: re.Match[str]) -> str:
    """Return the te-form + ください for an お〜ください match."""
    return _O_STEMS[m.group(1)] + "ください"


def _o_teiru(m: re.Match[str]) -> str:
    """Return the te-form + います for an お〜しております match."""
    return _O_STEMS[m.group(1)] + "います"


_HONORIFIC: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"ご覧(?:ください|下さい)"), "見てください"),
    (re.compile(r"ご覧になれます"), "見ることができます"),
    (re.compile(r"ご覧にな(?:る|ります)"), "見ます"),
    (re.compile(r"ご遠慮(?:ください|下さい)"), "しないでください"),
    (re.compile(rf"[ごお]{_KANGO}{_PLEASE}"), r"\1してください"),
    (re.compile(rf"お({_O}){_PLEASE}"), _o_te),
    (re.compile(rf"[ごお]{_KANGO}(?:ください|下さい)(?!ます)"), r"\1してください"),
    (re.compile(rf"お({_O})(?:ください|下さい)(?!ます)"), _o_te),
    (re.compile(rf"お({_O})(?:して|いたして|致して)(?:おります|います)"), _o_teiru),
    (re.compile(rf"[ごお]{_KANGO}(?:いただけます|頂けます|になれます)"), r"\1できます"),
    (re.compile(rf"ご{_KANGO}の(?:上|うえ)"), r"\1して"),
    (re.compile(r"(?:お願い|おねがい)(?:申し上げます|いたします|致します)"), "お願いします"),
    (re.compile(r"させていただきます"), "します"),
    # = (?<=[一-鿿])(?:いたします|致します), lookbehind after the first character
    (re.compile(r"(?:い(?<=[\u4e00-\u9fff]い)たします|致(?<=[\u4e00-\u9fff]致)します)"), "します"),
    (re.compile(r"でございます"), "です"),
    (re.compile(r"ご(?<!とうご)(?<!ようご)ざいます"), "あります"),
    (re.compile(r"ております"), "ています"),
    (re.compile(r"くださいませ"), "ください"),
    (re.compile(r"申し上げ(?:ます|る)"), None),
    (re.compile(r"(?:いただ|頂)(?:き|く|け)(?:ます|る)?"), None),
    (
        re.compile(
            r"(?:参ります|伺います|伺う|存じます|拝見|拝読|頂戴|召し上が|おっしゃ|いらっしゃ|なさい|なさる)"
        ),
        None,
    ),
    (re.compile(rf"お({_O})になって(?:ください|下さい)"), _o_te),
    (re.compile(rf"お({_O})になって"), lambda m: _O_STEMS[m.group(1)]),
    (re.compile(r"[おご][\u4e00-\u9fff]{1,4}[ぁ-ん]{0,2}にな(?:る|り|っ|れ)"), None),
]
_HONORIFIC_HINTS = {
    "申し上げ": "言います",
    "いただ": "〜てください / 〜てもらいます",
    "頂": "〜てください / 〜てもらいます",
    "参ります": "行きます / 来ます",
    "伺": "聞きます / 行きます",
    "存じます": "思います / 知っています",
    "拝見": "見ること",
    "拝読": "読むこと",
    "頂戴": "もらうこと",
    "召し上が": "食べます / 飲みます",
    "おっしゃ": "言います",
    "いらっしゃ": "います / 来ます / 行きます",
    "なさ": "します",
}


def _template(repl: str) -> Callable[[re.Match[str]], str]:
    """Return a function doing match.expand(repl) for a template whose only escape is \\1.

    (Python 3.11 parses the template again on every expand.)"""
    parts = repl.split("\\1")
    if len(parts) == 1:
        return lambda m: repl
    return lambda m: m.group(1).join(parts)


# Per _HONORIFIC pattern: substrings one of which every match contains (None: always run).
# A pattern none of whose substrings is in the text cannot match, so it is not run.
_PLEASE_NEEDLES = ("ください", "下さい")
_HONORIFIC_NEEDLES: list[tuple[str, ...] | None] = [
    ("ご覧",),
    ("ご覧",),
    ("ご覧",),
    ("ご遠慮",),
    ("ますよう",),
    ("ますよう",),
    _PLEASE_NEEDLES,
    _PLEASE_NEEDLES,
    ("おります", "います"),
    ("けます", "れます"),
    ("の上", "のうえ"),
    ("お願い", "おねがい"),
    ("させていただきます",),
    ("いたします", "致します"),
    ("ございます",),
    ("ございます",),
    ("ております",),
    ("くださいませ",),
    ("申し上げ",),
    ("いただ", "頂"),
    None,
    ("になって",),
    ("になって",),
    ("にな",),
]
_HONORIFIC_FIXES = [
    (pattern, _template(repl) if isinstance(repl, str) else repl, needles)
    for (pattern, repl), needles in zip(_HONORIFIC, _HONORIFIC_NEEDLES, strict=True)
]


def honorifics(text: str) -> list[Finding]:
    """Return honorific findings, with safe rewrites for the listed patterns."""
    out: list[Finding] = []
    for pattern, repl, needles in _HONORIFIC_FIXES:
        if needles is not None and not any(n in text for n in needles):
            continue
        for m in pattern.finditer(text):
            if repl is None:
                hint = next((v for k, v in _HONORIFIC_HINTS.items() if k in m.group()), "")
                out.append(
                    Finding("honorific", m.start(), m.end(), {}, (hint,) if hint else (), ())
                )
                continue
            new = repl(m)  # type: ignore[operator]
            out.append(
                Finding("honorific", m.start(), m.end(), {}, (new,), ((m.start(), m.end(), new),))
            )
    return _first_longest(out)


def _first_longest(findings: list[Finding]) -> list[Finding]:
    """Return findings without overlaps, preferring earlier then longer ones."""
    kept: list[Finding] = []
    last = -1
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= last:
            kept.append(f)
            last = f.end
    return kept


def mechanical(text: str) -> list[Finding]:
    """Return the findings of the four mechanical rules, sorted by start."""
    found = era_dates(text) + _first_longest(clocks(text)) + tilde_ranges(text) + honorifics(text)
    return sorted(found, key=lambda f: (f.start, f.end))
