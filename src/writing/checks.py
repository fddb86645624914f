"""The web side of the Easy-Japanese engine: one place that turns text into a report or an error."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

import yasashii


class CheckError(ValueError):
    """Text the engine will not check, with a message for the writer."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def check(text: str) -> dict[str, Any]:
    """Return the engine's report with the furigana preview, or raise CheckError."""
    if not text.strip():
        raise CheckError(_("Please write or paste some Japanese text to check."), 400)
    if len(text) > yasashii.MAX_CHARS:
        raise CheckError(
            _("The text is too long: %(count)d characters. The limit is %(limit)d.")
            % {"count": len(text), "limit": yasashii.MAX_CHARS},
            413,
        )
    report = yasashii.analyze(text).to_dict()
    report["ruby"] = yasashii.ruby(text)
    return report


def segments(text: str, issues: list[dict[str, Any]]) -> list[tuple[str, int | None]]:
    """Split text into plain and flagged runs (the first of overlapping issues wins)."""
    runs: list[tuple[str, int | None]] = []
    position = 0
    for index, issue in sorted(enumerate(issues), key=lambda pair: pair[1]["start"]):
        start, end = issue["start"], issue["end"]
        if start < position or end <= start:
            continue
        if start > position:
            runs.append((text[position:start], None))
        runs.append((text[start:end], index))
        position = end
    if position < len(text):
        runs.append((text[position:], None))
    return runs


def easy_check(text: str) -> dict[str, Any] | None:
    """Return the report of a field's Easy-Japanese text for the editor, or None when unchecked."""
    try:
        return check(text)
    except CheckError:
        return None
