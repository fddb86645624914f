"""Translation memory: store reviewed segments, offer exact and fuzzy matches."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection

from translations.models import MemoryEntry
from translations.models.memory import text_hash

MIN_SCORE = 0.5
# How many candidates the portable fallback scores in Python at most.
FALLBACK_POOL = 5000
CANDIDATES = 20


@dataclass(frozen=True)
class Suggestion:
    source: str
    target: str
    score: int  # 100 = exact
    origin: str

    @property
    def exact(self) -> bool:
        return self.score == 100


def remember(
    source: str,
    target: str,
    language: str,
    *,
    origin: str = "",
    user: AbstractBaseUser | None = None,
) -> MemoryEntry | None:
    """Store a reviewed pair (once); return it."""
    source, target = source.strip(), target.strip()
    if not source or not target:
        return None
    entry, _ = MemoryEntry.objects.update_or_create(
        language=language,
        source_hash=text_hash(source),
        target_hash=text_hash(target),
        defaults={"source": source, "target": target, "origin": origin, "created_by": user},
    )
    return entry


def suggest(source: str, language: str, *, limit: int = 3) -> list[Suggestion]:
    """Return the best memory matches for a source text, exact ones first."""
    source = source.strip()
    if not source:
        return []
    exact = [
        Suggestion(e.source, e.target, 100, e.origin)
        for e in MemoryEntry.objects.filter(
            language=language, source_hash=text_hash(source)
        ).order_by("-updated_at")[:limit]
    ]
    fuzzy = (
        _fuzzy_postgres(source, language) if _has_trigram() else _fuzzy_portable(source, language)
    )
    seen = {s.target for s in exact}
    out = exact + [s for s in fuzzy if s.target not in seen and s.source != source]
    return out[:limit]


def _has_trigram() -> bool:
    return connection.vendor == "postgresql"


def _fuzzy_postgres(source: str, language: str) -> list[Suggestion]:
    from django.contrib.postgres.search import TrigramSimilarity

    query = (
        MemoryEntry.objects.filter(language=language)
        .annotate(similarity=TrigramSimilarity("source", source))
        .filter(similarity__gte=MIN_SCORE * 0.6)
        .order_by("-similarity")[:CANDIDATES]
    )
    # Trigram similarity narrows the candidates; the edit ratio ranks them like the fallback.
    return _rank(source, [(e.source, e.target, e.origin) for e in query])


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def _fuzzy_portable(source: str, language: str) -> list[Suggestion]:
    wanted = _bigrams(source)
    rows = MemoryEntry.objects.filter(language=language).order_by("-updated_at")
    scored = []
    for src, tgt, origin in rows.values_list("source", "target", "origin")[:FALLBACK_POOL]:
        grams = _bigrams(src)
        dice = 2 * len(wanted & grams) / (len(wanted) + len(grams))
        if dice >= MIN_SCORE * 0.6:
            scored.append((dice, src, tgt, origin))
    # Like the trigram query: only the closest candidates get the costly edit ratio.
    scored.sort(key=lambda c: -c[0])
    return _rank(source, [(src, tgt, origin) for _, src, tgt, origin in scored[:CANDIDATES]])


def _rank(source: str, candidates: list[tuple[str, str, str]]) -> list[Suggestion]:
    scored = []
    for src, tgt, origin in candidates:
        ratio = difflib.SequenceMatcher(None, source, src, autojunk=False).ratio()
        if ratio >= MIN_SCORE:
            scored.append(Suggestion(src, tgt, min(99, round(ratio * 100)), origin))
    scored.sort(key=lambda s: -s.score)
    return scored
