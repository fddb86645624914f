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


def readability(text: str) -> tuple[float | None, str | None]:
    """Return (score, level) of text, or (None, None) when it has no tokens."""
    rows = goshu_rows(text) if text.strip() else []
    if not rows:
        return None, None
    sentences = 0
    open_sentence = False
    kango = wago = verbs = particles = 0
    for surface, pos1, pos2, goshu in rows:
        open_sentence = True
        if surface in _ENDS:
            sentences += 1
            open_sentence = False
        if goshu == "漢":
            kango += 1
        elif goshu == "和":
            wago += 1
        if pos1 == "動詞" and pos2 != "非自立可能":
            verbs += 1
        elif pos1 == "助詞":
            particles += 1
    sentences += open_sentence
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
