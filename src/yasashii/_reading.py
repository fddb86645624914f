"""Readings and ruby segments of text (internal: DOES NOT belong to the public API)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from yasashii._numbers import find_numbers
from yasashii._tokenize import Token, to_hiragana, tokenize

# A piece is a slice of the input with its reading; reading is None when no reading applies.
Piece = tuple[str, str | None]

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々〆ヶ]")
_KANJI_RUNS = re.compile(_KANJI.pattern + "+")
_WEEKDAY_RE = re.compile(
    r"(?<=[日0-9０-９])[（(]([月火水木金土日祝](?:[・、][月火水木金土日祝])*)[）)]"
)
_WEEKDAYS = {
    "月": "げつようび",
    "火": "かようび",
    "水": "すいようび",
    "木": "もくようび",
    "金": "きんようび",
    "土": "どようび",
    "日": "にちようび",
    "祝": "しゅくじつ",
}
_DIRECTIONS = frozenset(
    [
        "こちら",
        "そちら",
        "あちら",
        "どちら",
        "この",
        "その",
        "あの",
        "どの",
        "右",
        "左",
        "前",
        "後ろ",
        "上",
        "下",
        "東",
        "西",
        "南",
        "北",
        "両",
    ]
)


def has_kanji(text: str) -> bool:
    """Return whether text contains a kanji."""
    return _KANJI.search(text) is not None


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return the place-name pattern and readings of the packaged user dictionary."""
    table: dict[str, str] = {}
    raw = resources.files("yasashii").joinpath("data/kumamoto_places.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            surface, reading = line.split("\t")[:2]
            table[surface] = reading
    names = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), table


def fixed_spans(text: str) -> list[tuple[int, int, list[Piece]]]:
    """Return non-overlapping spans whose readings do not come from Sudachi."""
    spans: list[tuple[int, int, list[Piece]]] = []
    pattern, table = _places()
    for m in pattern.finditer(text):
        spans.append((m.start(), m.end(), [(m.group(), table[m.group()])]))
    for n in find_numbers(text):
        if has_kanji(n.number):
            pieces: list[Piece] = [(n.number + n.counter, n.number_reading + n.counter_reading)]
        else:
            pieces = [(n.number, n.number_reading)]
            if n.counter:
                pieces.append((n.counter, n.counter_reading))
        spans.append((n.start, n.end, pieces))
    for m in _WEEKDAY_RE.finditer(text):
        inner = [(c, _WEEKDAYS.get(c)) for c in m.group(1)]
        spans.append((m.start(), m.end(), [(m.group()[0], None), *inner, (m.group()[-1], None)]))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, list[Piece]]] = []
    last = 0
    for span in spans:
        if span[0] >= last:
            kept.append(span)
            last = span[1]
    return kept


def _token_reading(tokens: list[Token], i: int) -> str:
    """Return the reading of tokens[i], reading 方 after a modifier as かた."""
    tok = tokens[i]
    if tok.surface != "方" or tok.reading != "ほう" or i == 0:
        return tok.reading
    prev = tokens[i - 1]
    nxt = tokens[i + 1 : i + 3]
    if prev.surface in _DIRECTIONS or (
        len(nxt) == 2 and nxt[0].surface == "が" and nxt[1].pos[0] in ("形容詞", "形状詞")
    ):
        return tok.reading
    if prev.pos[0] in ("動詞", "助動詞", "形容詞") or prev.surface in ("の", "な"):
        return "かた"
    return tok.reading


def _sudachi_pieces(text: str) -> list[Piece]:
    """Return pieces of text read by Sudachi."""
    tokens = tokenize(text)
    pieces: list[Piece] = []
    pos = 0
    for i, tok in enumerate(tokens):
        if tok.start > pos:
            pieces.append((text[pos : tok.start], None))
        pieces.append((tok.surface, _token_reading(tokens, i)))
        pos = tok.end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


def pieces(text: str) -> list[Piece]:
    """Return pieces covering text exactly, each with its hiragana reading."""
    out: list[Piece] = []
    pos = 0
    for start, end, fixed in fixed_spans(text):
        if start > pos:
            out.extend(_sudachi_pieces(text[pos:start]))
        out.extend(fixed)
        pos = end
    if pos < len(text):
        out.extend(_sudachi_pieces(text[pos:]))
    return out


def align(surface: str, reading: str) -> list[Piece]:
    """Split surface into kanji runs with their readings and kana left bare."""
    runs = [(m.start(), m.end()) for m in _KANJI_RUNS.finditer(surface)]
    if not runs or not reading or has_kanji(reading):
        return [(surface, None)]
    parts: list[tuple[str, bool]] = []
    pos = 0
    for start, end in runs:
        if start > pos:
            parts.append((surface[pos:start], False))
        parts.append((surface[start:end], True))
        pos = end
    if pos < len(surface):
        parts.append((surface[pos:], False))
    regex = "".join(
        "(.+?)" if is_kanji else f"({re.escape(to_hiragana(p))})" for p, is_kanji in parts
    )
    m = re.fullmatch(regex, to_hiragana(reading))
    if m is None:
        if any(not k and not to_hiragana(p).isalpha() for p, k in parts) or len(runs) > 1:
            return [(surface, None)]
        return [(surface, reading)]
    return [(p, m.group(i + 1) if is_kanji else None) for i, (p, is_kanji) in enumerate(parts)]


def reading_of(text: str) -> str:
    """Return the hiragana reading of text."""
    return "".join(to_hiragana(r) if r is not None else to_hiragana(s) for s, r in pieces(text))
