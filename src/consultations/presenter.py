"""What residents see of FAQ entries: question and answer in their language, or Easy Japanese."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from babel.dates import format_time

from consultations.models import FaqEntry
from core import languages
from core.formatting import format_date
from translations.services import Shown, TranslationTable


@dataclass(frozen=True)
class Answer:
    slug: str
    question: Shown
    answer: Shown
    score: float

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "score": round(self.score, 4),
            "question": {"text": self.question.text, "language": self.question.language},
            "answer": {
                "text": self.answer.text,
                "language": self.answer.language,
                "machine": self.answer.is_machine,
                "outdated": self.answer.outdated,
            },
        }


def answers(found: list[tuple[FaqEntry, float]], code: str) -> list[Answer]:
    """Return the entries in the reader's language, falling back to Easy Japanese."""
    table = TranslationTable([e for e, _ in found], [code, languages.EASY], public=True)
    return [
        Answer(e.slug, table.show(e, "question", code), table.show(e, "answer", code), score)
        for e, score in found
    ]


def when(start: datetime.datetime, code: str) -> str:
    """Return a date and time in Japan's time, the reader's way (CLDR): "Monday, … 10:00"."""
    local = start.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    clock = format_time(local.time(), format="short", locale=languages.get(code).babel)
    return f"{format_date(local.date(), code)} {clock}"
