"""Result types and settings of yasashii (re-exported by the package; import from `yasashii`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

T = TypeVar("T")

MAX_CHARS = 20_000
"""Longest text analyze() and rewrite() accept; longer input raises TextTooLong."""


class TextTooLong(ValueError):
    """Raised by analyze() and rewrite() when the text is longer than MAX_CHARS."""

    def __init__(self, length: int, limit: int = MAX_CHARS) -> None:
        super().__init__(f"text has {length} characters; the limit is {limit}")
        self.length = length
        self.limit = limit


@dataclass(frozen=True)
class Settings:
    """Thresholds of the rules; the defaults follow the 2020 national guideline and NHK."""

    max_sentence_chars: int = 50
    """long-sentence: flag sentences longer than this (NHK ≤ 50; guideline point 2)."""
    max_nouns: int = 6
    """many-nouns: flag sentences with more nouns than this (やさにちチェッカー: > 6)."""
    max_kanji_run: int = 5
    """kanji-run: flag runs of more consecutive kanji than this (runs of ≥ 6)."""
    max_jlpt_level: int = 3
    """difficult-word: words harder than this JLPT level are flagged (3 = N3; N2/N1 flagged)."""
    flag_unlisted_kanji_words: bool = True
    """difficult-word: also flag kanji words found in no JLPT list (notice jargon), except
    compounds of easy parts (see max_kanji_grade) that have no paraphrase in the vocabularies."""
    max_kanji_grade: int = 4
    """difficult-word: an unlisted compound made of JLPT words at max_jlpt_level or easier plus
    at most one single kanji of this school grade or lower (受付時間, 対象外) is not flagged.
    Grades 1–4 hold 642 kanji, about what JLPT N3 expects (7 = secondary school)."""
    min_katakana_chars: int = 3
    """katakana-loanword: katakana common nouns this long or longer are flagged."""
    min_romaji_chars: int = 2
    """romaji: Latin-letter words this long or longer (outside URLs and e-mail) are flagged."""
    max_suggestions: int = 3
    """Most paraphrases attached to one issue."""
    accept_explained_terms: bool = True
    """difficult-word, kanji-run, katakana-loanword, romaji: no issue on a term the text explains
    at its first use (in brackets or by a definition in the next sentence) or later."""
    first_use_only: bool = True
    """difficult-word, katakana-loanword, romaji: flag a word at its first use only (guideline
    point 8 asks to explain a term where it first appears; repeats are the same problem)."""
    disabled_rules: frozenset[str] = frozenset()
    """Rule ids not to run."""


@dataclass(frozen=True)
class Issue:
    """A located problem: rule id, offsets into the input, messages and suggestions."""

    rule: str
    start: int
    end: int
    surface: str
    message_ja: str
    message_en: str
    guideline: str
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        d = asdict(self)
        d["suggestions"] = list(self.suggestions)
        return d


@dataclass(frozen=True)
class SentenceMetrics:
    """Metrics of one sentence, with its offsets into the input."""

    start: int
    end: int
    text: str
    characters: int
    words: int
    nouns: int
    kanji: int
    kanji_ratio: float
    longest_kanji_run: int
    katakana_words: int


@dataclass(frozen=True)
class WordInfo:
    """A content word with its JLPT level (None when in no list)."""

    start: int
    end: int
    surface: str
    lemma: str
    jlpt: str | None


@dataclass(frozen=True)
class KanjiInfo:
    """A kanji of the text with its school grade (1–6, 7 secondary, None outside jōyō)."""

    kanji: str
    grade: int | None
    count: int


@dataclass(frozen=True)
class Report:
    """Everything analyze() found; to_dict() is JSON-serialisable."""

    text: str
    sentences: list[SentenceMetrics]
    metrics: dict[str, float]
    readability: float | None
    readability_level: str | None
    words: list[WordInfo]
    kanji: list[KanjiInfo]
    issues: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return asdict(self) | {"issues": [i.to_dict() for i in self.issues]}


def maker(cls: type[T]) -> Callable[..., T]:
    """Return a positional constructor of a frozen dataclass without __post_init__ that
    skips the generated __init__ (one object.__setattr__ call per field): the engine builds
    many Issue, WordInfo and SentenceMetrics objects.  The objects are equal to cls(*args).

    Like dataclasses itself, the constructor is generated source: it sets the instance dict
    from a dict display in one call.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if not all(name.isidentifier() for name in names):
        raise ValueError(names)
    body = ", ".join(f"{name!r}: {name}" for name in names)
    source = (
        f"def make({', '.join(names)}):\n"
        f"    obj = new(cls)\n"
        f"    set_dict(obj, '__dict__', {{{body}}})\n"
        f"    return obj\n"
    )
    namespace: dict[str, Any] = {"new": object.__new__, "set_dict": object.__setattr__, "cls": cls}
    exec(source, namespace)  # noqa: S102 - field names of our own dataclass, checked above
    return namespace["make"]  # type: ignore[no-any-return]


def _score_of(report: Report) -> tuple[float | None, str | None]:
    """Return (score, level) of a LazyReport, computing it on first use."""
    state = report.__dict__
    score = state.get("_score")
    if score is None:
        score = state["_score"] = state.pop("_scorer")()
    return score  # type: ignore[no-any-return]


def _ignore(report: Report, value: object) -> None:
    """Ignore the placeholder the dataclass __init__ assigns."""


def _fields(report: Report) -> tuple[object, ...]:
    """Return the field values of a report."""
    return (
        report.text,
        report.sentences,
        report.metrics,
        report.readability,
        report.readability_level,
        report.words,
        report.kanji,
        report.issues,
    )


class LazyReport(Report):
    """A Report whose readability score is computed on first access.

    The score needs a second tokenizer pass (fugashi on UniDic, for word origin); most callers
    want only the issues, so analyze() defers it.  Equal to a Report with the same values.
    """

    readability = property(lambda self: _score_of(self)[0], _ignore)  # type: ignore[assignment]
    readability_level = property(lambda self: _score_of(self)[1], _ignore)  # type: ignore[assignment]

    def __init__(
        self,
        text: str,
        sentences: list[SentenceMetrics],
        metrics: dict[str, float],
        readability: float | None = None,
        readability_level: str | None = None,
        words: list[WordInfo] | None = None,
        kanji: list[KanjiInfo] | None = None,
        issues: list[Issue] | None = None,
        *,
        scorer: Callable[[], tuple[float | None, str | None]] | None = None,
    ) -> None:
        """Take Report's arguments; with scorer, the score is scorer() on first access."""
        if scorer is None:
            self.__dict__["_score"] = (readability, readability_level)
        else:
            self.__dict__["_scorer"] = scorer
        super().__init__(
            text, sentences, metrics, None, None, words or [], kanji or [], issues or []
        )

    def __eq__(self, other: object) -> bool:
        """Compare field by field with any Report (a pickled LazyReport is a Report)."""
        if not isinstance(other, Report):
            return NotImplemented
        return _fields(self) == _fields(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as a plain Report (the score computed)."""
        return (Report, _fields(self))


@dataclass(frozen=True)
class Change:
    """One mechanical fix: offsets and text in the original, the replacement, the rules."""

    start: int
    end: int
    old: str
    new: str
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return asdict(self) | {"rules": list(self.rules)}


@dataclass(frozen=True)
class Rewrite:
    """The rewritten text and the changes that make it, in order."""

    original: str
    text: str
    changes: list[Change]

    def apply(self, accepted: set[int] | None = None) -> str:
        """Return the original with only the changes whose indexes are in accepted applied."""
        out: list[str] = []
        pos = 0
        for i, change in enumerate(self.changes):
            if accepted is None or i in accepted:
                out.append(self.original[pos : change.start])
                out.append(change.new)
                pos = change.end
        out.append(self.original[pos:])
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "original": self.original,
            "text": self.text,
            "changes": [c.to_dict() for c in self.changes],
        }
