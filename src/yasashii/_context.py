"""Terms a text explains itself, and names the caller knows (internal: DOES NOT belong to the
public API).

Guideline point 8 keeps necessary terms (在留カード) when they are explained.  A term counts as
explained from its explanation on (see docs/yasashii.md, "Explained terms"):
- bracket after the term: 在留カード（日本に住む外国人のカード）, 「予診票」（注射の前に書く紙）,
  区役所（くやくしょ） (a reading in brackets is furigana, guideline point 7);
- term in brackets after its paraphrase: 大きいごみ（大型ごみ）;
- definition in the next sentence: a sentence that starts with the term (optionally in 「」),
  then は or とは, and ends in a noun + です。 with a describing phrase (の, a verb or an
  adjective) before it: 「予診票」は、接種の前に親が書く紙です。  The term must occur in the
  sentence before (or first occur in this one);
- the MOJ vocabulary's cross-reference: （→在留期限、在留資格）.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from yasashii._tokenize import Token

# （…）, (…) and the MOJ vocabulary's ＜＝…＞ (漁業＜＝魚などをとる仕事＞)
_BRACKET = re.compile(r"(?:[（(]|＜＝)([^（）()＜＞\n]{1,80})[）)＞]")
_TERM_TAIL = re.compile(
    r"(?:「[^「」\n]{1,30}」|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶァ-ヺーA-Za-zＡ-Ｚａ-ｚ0-9０-９・]{1,30})$"
)
_KANA = re.compile(r"[ぁ-ゖァ-ヺー\s・]+")
_LIST_SEPARATOR = re.compile(r"[・、，,]")
_XREF = re.compile(r"[（(]→([^）)\n]{1,80})[）)]")
_DEFINITION = re.compile(r"「?([^「」、。はとの\s]{1,20}?)」?(?:とは|は)、?\s*([^。]{4,}?)です。")
_DESCRIBING = {"動詞", "形容詞", "助動詞"}
_TRAILING = {"など", "のこと", "こと", "の"}


def _strip_quotes(term: str) -> str:
    """Return term without its 「」."""
    return term[1:-1] if term.startswith("「") and term.endswith("」") else term


def explained_terms(
    text: str, sentences: list[tuple[int, int]], tokens: list[Token]
) -> dict[str, int]:
    """Return {term: offset from which its uses count as explained}."""
    found: dict[str, int] = {}

    def add(term: str, start: int) -> None:
        term = term.strip()
        if len(term) >= 2 and (term not in found or start < found[term]):
            found[term] = start

    ends = [t.end for t in tokens]
    for m in _BRACKET.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \u3000":  # 余震 （あとからくる地震）
            end -= 1
        tail = _TERM_TAIL.search(text, max(0, end - 32), end)
        if tail:
            add(_strip_quotes(tail.group()), tail.start() + tail.group().startswith("「"))
        last = bisect_right(ends, end) - 1  # the word before the bracket (問い合わせ先)
        if last >= 0 and ends[last] == end and tokens[last].pos[0] == "名詞":
            add(tokens[last].surface, tokens[last].start)
        if _KANA.fullmatch(m.group(1)):  # a reading (furigana in brackets) is no new word
            add(m.group(1), m.start(1))
            continue
        if m.start() > 0 and not text[m.start() - 1].isspace():
            # one term or a list of terms: 届け出（転入届・転出届）
            pos, phrases = m.start(1), []
            for part in _LIST_SEPARATOR.split(m.group(1)):
                phrases.append(_noun_phrase(pos, pos + len(part), tokens, ends))
                pos += len(part) + 1
            if all(phrases):  # every part a term (not 土日祝日・年末年始を除く)
                for start, stop in filter(None, phrases):
                    add(text[start:stop], start)
    for m in _XREF.finditer(text):
        for term in re.split(r"[、,，・]", m.group(1)):
            add(term, 0)
    if len(sentences) > 0:
        starts = [t.start for t in tokens]
        for k, (start, end) in enumerate(sentences):
            d = _DEFINITION.match(text, start, end)
            if not d or not _describes(d, tokens, starts):
                continue
            term = d.group(1)
            first = text.find(term)
            previous = sentences[k - 1][0] if k else start
            if previous <= first <= d.start(1):
                add(term, first)
    return found


_NOUNISH = {"名詞", "接頭辞", "接尾辞"}


def _noun_phrase(
    start: int, end: int, tokens: list[Token], ends: list[int]
) -> tuple[int, int] | None:
    """Return the span of a bracket's content when it is one noun phrase (大型ごみ, 「予診票」)."""
    i = bisect_right(ends, start)
    words = []
    while i < len(tokens) and tokens[i].end <= end:
        tok = tokens[i]
        if tok.pos[0] in _NOUNISH and tok.pos[1] != "数詞":
            words.append(tok)
        elif tok.surface not in "「」『』":
            return None
        i += 1
    if not words or words[-1].end - words[0].start < 2:
        return None
    return words[0].start, words[-1].end


def _describes(m: re.Match[str], tokens: list[Token], starts: list[int]) -> bool:
    """Return whether a definition's predicate is a noun after a describing phrase."""
    before = bisect_right(starts, m.end(2) - 1) - 1
    while before > 0 and tokens[before].surface in _TRAILING:  # 注射などです
        before -= 1
    if before < 0 or tokens[before].pos[0] != "名詞" or tokens[before].pos[1] == "数詞":
        return False
    first = bisect_right(starts, m.start(2) - 1)
    phrase = tokens[first:before]
    return any(t.pos[0] in _DESCRIBING or t.surface == "の" for t in phrase)


def explained_spans(text: str, terms: dict[str, int]) -> list[tuple[int, int]]:
    """Return the spans of every explained use of the terms."""
    spans: list[tuple[int, int]] = []
    for term, since in terms.items():
        pos = text.find(term, since)
        while pos >= 0:
            spans.append((pos, pos + len(term)))
            pos = text.find(term, pos + 1)
    return spans


@lru_cache(maxsize=16)
def _known_pattern(terms: frozenset[str]) -> re.Pattern[str] | None:
    """Return one regex matching any of the terms, longest first."""
    usable = sorted((t for t in terms if len(t) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, usable))) if usable else None


def known_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Return the spans where the caller's known names, addresses and terms occur."""
    pattern = _known_pattern(terms)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return whether [start, end) lies within one of the sorted spans."""
    i = bisect_right(spans, (start, 1 << 62)) - 1
    while i >= 0:
        s, e = spans[i]
        if s <= start and end <= e:
            return True
        if e <= start and s < start - 200:
            return False
        i -= 1
    return False
