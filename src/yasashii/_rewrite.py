"""rewrite(): safe mechanical fixes with reviewable changes (internal: use `yasashii.rewrite`)."""

from __future__ import annotations

from yasashii._mechanical import Edit, mechanical
from yasashii._models import MAX_CHARS, Change, Rewrite, TextTooLong


def _apply(text: str, start: int, end: int, edits: list[Edit]) -> str:
    """Return text[start:end] with non-overlapping edits (absolute offsets) applied."""
    out: list[str] = []
    pos = start
    for s, e, new in sorted(edits, key=lambda x: (x[0], x[1])):
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:end])
    return "".join(out)


def rewrite(text: str) -> Rewrite:
    """Return text with the safe fixes (era dates, clock, ranges, honorifics) and each change."""
    if not isinstance(text, str):
        raise TypeError("rewrite() needs a str")
    if len(text) > MAX_CHARS:
        raise TextTooLong(len(text))
    findings = [f for f in mechanical(text) if f.edits]
    # Findings that touch (a clock inside a tilde range) become one change, so each change
    # can be accepted or rejected alone.
    clusters: list[tuple[int, int, list[Edit], list[str]]] = []
    for f in findings:
        if clusters and f.start < clusters[-1][1]:
            start, end, edits, rules = clusters[-1]
            clusters[-1] = (start, max(end, f.end), edits + list(f.edits), rules + [f.rule])
        else:
            clusters.append((f.start, f.end, list(f.edits), [f.rule]))
    changes: list[Change] = []
    for start, end, edits, rules in clusters:
        new = _apply(text, start, end, edits)
        if new != text[start:end]:
            changes.append(Change(start, end, text[start:end], new, tuple(dict.fromkeys(rules))))
    result = Rewrite(text, text, changes)
    return Rewrite(text, result.apply(), changes)
