"""Reading and ruby HTML for text (internal: DOES NOT belong to the public API)."""

from __future__ import annotations

import html
from functools import lru_cache

from yasashii._reading import align, has_kanji, pieces, reading_of
from yasashii._tokenize import to_hiragana

MAX_RUBY_CHARS = 200_000


def _escape(text: str) -> str:
    """Return text escaped for HTML text and attribute context."""
    return html.escape(text, quote=True)


@lru_cache(maxsize=4096)
def _ruby(text: str) -> str:
    """Return ruby HTML for text (cached; callers guard against errors)."""
    out: list[str] = []
    for surface, reading in pieces(text):
        if reading is None or not has_kanji(surface):
            out.append(_escape(surface))
            continue
        for part, rt in align(surface, reading):
            if rt and has_kanji(part):
                out.append(f"<ruby>{_escape(part)}<rt>{_escape(rt)}</rt></ruby>")
            else:
                out.append(_escape(part))
    return "".join(out)


def ruby(text: str) -> str:
    """Return text as HTML with <ruby> readings on kanji; never raise."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if len(text) > MAX_RUBY_CHARS or not has_kanji(text):
        return _escape(text)
    try:
        return _ruby(text)
    except Exception:  # noqa: BLE001 - a page must render even if the analyser fails
        return _escape(text)


@lru_cache(maxsize=1024)
def _reading(text: str) -> str:
    """Return the reading of text (cached; callers guard against errors)."""
    return reading_of(text)


def reading(text: str) -> str:
    """Return the reading of text in hiragana; never raise (unreadable parts stay as written)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        return _reading(text)
    except Exception:  # noqa: BLE001 - fall back to the text itself
        return to_hiragana(text)
