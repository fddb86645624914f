"""yasashii: check and rewrite Japanese notices for Easy Japanese (やさしい日本語).

Public API (this module only; every other module is internal):

- analyze(text, settings=None, *, domain=None, known_terms=()) -> Report
- explained_terms(text) -> frozenset[str]  (terms a text explains; pass them as known_terms
  when checking the fields that follow it, e.g. a notice's steps after its summary)
- reading(text) -> str
- ruby(text) -> str
- rewrite(text) -> Rewrite
- Settings, Report, Issue, SentenceMetrics, WordInfo, KanjiInfo, Rewrite, Change
- TextTooLong, MAX_CHARS, RULE_IDS
"""

from yasashii._analyze import analyze
from yasashii._analyze import explained_in as explained_terms
from yasashii._catalog import RULES
from yasashii._models import (
    MAX_CHARS,
    Change,
    Issue,
    KanjiInfo,
    Report,
    Rewrite,
    SentenceMetrics,
    Settings,
    TextTooLong,
    WordInfo,
)
from yasashii._rewrite import rewrite
from yasashii._ruby import reading, ruby

RULE_IDS: tuple[str, ...] = tuple(RULES)

__all__ = [
    "MAX_CHARS",
    "RULE_IDS",
    "Change",
    "Issue",
    "KanjiInfo",
    "Report",
    "Rewrite",
    "SentenceMetrics",
    "Settings",
    "TextTooLong",
    "WordInfo",
    "analyze",
    "explained_terms",
    "reading",
    "rewrite",
    "ruby",
]
