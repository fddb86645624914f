"""Tokenizer access for yasashii (internal: DOES NOT belong to the public API).

SudachiPy and fugashi are loaded lazily, once per process, on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sudachipy import Tokenizer

# Sudachi refuses inputs above 49,149 UTF-8 bytes; 4,000 characters stay below it
# even when every character takes four bytes.
CHUNK_CHARS = 4000
_BREAKS = "。！？!?\n"

_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}

_lock = threading.Lock()
# Sudachi's Tokenizer and MeCab's tagger may not be used by two threads at once (a server runs
# requests in threads): the dictionaries are loaded once and shared, each thread gets its own
# tokenizer and tagger.
_local = threading.local()
_sudachi_dict: Any = None
_fugashi_dicdir: str | None = None
_pos_cache: dict[int, tuple[str, ...]] = {}


class Token(NamedTuple):
    """One Sudachi morpheme with character offsets into the analysed text."""

    surface: str
    start: int
    end: int
    pos: tuple[str, ...]
    reading: str
    lemma: str
    normalized: str
    oov: bool


def to_hiragana(text: str) -> str:
    """Return text with katakana letters turned into hiragana."""
    return text.translate(_KATA_TO_HIRA)


def _get_sudachi() -> Tokenizer:
    """Return this thread's Sudachi tokenizer, loading the shared dictionary on first use."""
    global _sudachi_dict
    tok: Tokenizer | None = getattr(_local, "sudachi", None)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        with _lock:
            if _sudachi_dict is None:
                _sudachi_dict = Dictionary(dict="core")
        tok = _local.sudachi = _sudachi_dict.tokenizer(mode=SplitMode.C)
    return tok


def get_fugashi() -> Any:
    """Return this thread's fugashi tagger on unidic-lite, created on first use."""
    global _fugashi_dicdir
    tagger = getattr(_local, "fugashi", None)
    if tagger is None:
        import fugashi
        import unidic_lite

        with _lock:
            _fugashi_dicdir = unidic_lite.DICDIR
        tagger = _local.fugashi = fugashi.GenericTagger(f"-d {_fugashi_dicdir} -r /dev/null")
    return tagger


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield (offset, piece) slices of text no longer than size, cut after sentence ends."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = max(text.rfind(b, start, end) for b in _BREAKS)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _pos(pos_id: int) -> tuple[str, ...]:
    """Return the part-of-speech tuple for a Sudachi POS id (cached)."""
    pos = _pos_cache.get(pos_id)
    if pos is None:
        pos = tuple(_sudachi_dict.pos_of(pos_id))
        _pos_cache[pos_id] = pos
    return pos


# Forms of a dictionary word written a given way: (pos, reading or None for punctuation, lemma,
# normalized).  Keyed by (Sudachi word id, surface): a dictionary word's POS and forms depend on
# its id alone, and the surface is part of the key so that a morpheme a plugin builds keeps its
# own forms.  OOV morphemes (joined numbers, unknown words: word id with dictionary bits 0xF) are
# read in full every time.  Bounded: cleared when it grows too large.
_FORMS: dict[tuple[int, str], tuple[tuple[str, ...], str | None, str, str]] = {}
_FORMS_MAX = 200_000
_OOV_DIC = 0xF


def tokenize(text: str) -> list[Token]:
    """Return Sudachi tokens for text, with offsets that index text.

    Equal to tokenize_reference(text) (tests/yasashii/test_speed_paths.py): per morpheme it
    asks Sudachi for its end offset and word id only, and takes the POS and forms from _FORMS.
    """
    tok = _get_sudachi()
    out: list[Token] = []
    append = out.append
    forms_get = _FORMS.get
    new = tuple.__new__  # Token without the keyword-argument parsing of Token()
    for base, piece in chunks(text):
        # Sudachi's morphemes cover the piece without gaps: each starts where the last ended.
        end = base
        for m in tok.tokenize(piece):
            start = end
            end = base + m.end()
            surface = text[start:end]
            if not surface:
                continue
            wid = m.word_id()
            if wid >> 28 == _OOV_DIC:
                pos = _pos(m.part_of_speech_id())
                reading = surface if pos[0] == "補助記号" else to_hiragana(m.reading_form())
                append(
                    new(
                        Token,
                        (
                            surface,
                            start,
                            end,
                            pos,
                            reading,
                            m.dictionary_form(),
                            m.normalized_form(),
                            True,
                        ),
                    )
                )
                continue
            key = (wid, surface)
            forms = forms_get(key)
            if forms is None:
                pos = _pos(m.part_of_speech_id())
                kana = None if pos[0] == "補助記号" else to_hiragana(m.reading_form())
                forms = (pos, kana, m.dictionary_form(), m.normalized_form())
                if len(_FORMS) >= _FORMS_MAX:
                    _FORMS.clear()
                _FORMS[key] = forms
            pos, kana, lemma, normalized = forms
            append(
                new(
                    Token,
                    (
                        surface,
                        start,
                        end,
                        pos,
                        surface if kana is None else kana,
                        lemma,
                        normalized,
                        False,
                    ),
                )
            )
    return out


def tokenize_reference(text: str) -> list[Token]:
    """Return Sudachi tokens for text, every field read from Sudachi (no cache).

    The plain form of tokenize(); tests check that both agree.
    """
    tok = _get_sudachi()
    out: list[Token] = []
    append = out.append
    for base, piece in chunks(text):
        for m in tok.tokenize(piece):
            start = base + m.begin()
            end = base + m.end()
            surface = text[start:end]
            if not surface:
                continue
            pos = _pos(m.part_of_speech_id())
            reading = surface if pos[0] == "補助記号" else to_hiragana(m.reading_form())
            append(
                Token(
                    surface,
                    start,
                    end,
                    pos,
                    reading,
                    m.dictionary_form(),
                    m.normalized_form(),
                    m.is_oov(),
                )
            )
    return out


def goshu_rows(text: str) -> list[tuple[str, str, str, str]]:
    """Return (surface, pos1, pos2, goshu) for each UniDic token of text."""
    tagger = get_fugashi()
    rows: list[tuple[str, str, str, str]] = []
    for _, piece in chunks(text):
        for node in tagger(piece):
            f = node.feature_raw.split(",", 13)
            rows.append(
                (node.surface, f[0], f[1] if len(f) > 1 else "*", f[12] if len(f) > 12 else "*")
            )
    return rows


def synonym_group_ids(text: str) -> list[int]:
    """Return Sudachi synonym group ids of a single word (empty if not one word)."""
    ms = _get_sudachi().tokenize(text)
    return list(ms[0].synonym_group_ids()) if len(ms) == 1 else []
