"""jReadability (Lee & Hasebe) on one fugashi pass (internal: DOES NOT belong to the public API).

Same formula and token rules as the `jreadability` package's compute_readability(), computed
from rows the engine already has instead of parsing the text a second time.
"""

from __future__ import annotations

from yasashii._tokenize import goshu_rows

_ENDS = ("。", "？", "！", "．")
_LEVELS = (
    (1.5, "upper-advanced"),
    (2.5, "lower-advanced"),
    (3.5, "upper-intermediate"),
    (4.5, "lower-intermediate"),
    (5.5, "upper-elementary"),
)


def level_of(score: float) -> str:
    """Return the jReadability band name of a score (6 bands of 1.0)."""
    for bound, name in _LEVELS:
        if score < bound:
            return name
    return "lower-elementary"


# A short phrase is scored by its hardest word's JLPT level (N5 … N1), at the middle of a band.
_PHRASE_SCORES = {5: 6.0, 4: 5.0, 3: 4.0, 2: 3.0, 1: 2.0}


def readability(text: str, phrase_level: int | None = None) -> tuple[float | None, str | None]:
    """Return (score, level) of text, or (None, None) when it has no tokens.

    phrase_level: the JLPT level of the hardest word when text is a short phrase, where the
    document formula means nothing; the score is then the middle of that level's band.
    """
    if phrase_level is not None and text.strip():
        score = _PHRASE_SCORES.get(phrase_level, 2.0)
        return score, level_of(score)
    rows = goshu_rows(text) if text.strip() else []
    if not rows:
        return None, None
    # Column counts run in C; the result equals the row-by-row loop of jreadability.
    surfaces, pos1s, pos2s, goshus = zip(*rows, strict=True)
    sentences = sum(map(surfaces.count, _ENDS)) + (surfaces[-1] not in _ENDS)
    kango = goshus.count("漢")
    wago = goshus.count("和")
    particles = pos1s.count("助詞")
    verbs = pos1s.count("動詞")
    if verbs and "非自立可能" in pos2s:
        pairs = zip(pos1s, pos2s, strict=True)
        verbs -= sum(1 for p1, p2 in pairs if p2 == "非自立可能" and p1 == "動詞")
    n = len(rows)
    score = (
        len(rows) / sentences * -0.056
        + 100.0 * kango / n * -0.126
        + 100.0 * wago / n * -0.042
        + 100.0 * verbs / n * -0.145
        + 100.0 * particles / n * -0.044
        + 11.724
    )
    return round(score, 4), level_of(score)
