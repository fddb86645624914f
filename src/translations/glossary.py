"""The glossary: which terms a translation must use, which it must not, and the seed list."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from core import languages
from translations.models import GlossaryTerm

SEED = Path(__file__).parent / "data" / "glossary.csv"
FORBIDDEN_SEED = Path(__file__).parent / "data" / "glossary_forbidden.csv"
CSV_FIELDS = ["language", "term", "translation", "forbidden", "note"]


@dataclass(frozen=True)
class Issue:
    kind: str  # "missing" (the required term is absent) or "forbidden" (a variant to avoid)
    term: str
    expected: str
    found: str = ""


def _fold(text: str) -> str:
    return text.casefold()


def terms_in(source: str, terms: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """Return the terms the source uses, longest first; a longer term hides the terms inside it."""
    found = []
    masked = source
    for term in sorted(terms, key=lambda t: len(t.term), reverse=True):
        if term.term and term.term in masked:
            found.append(term)
            masked = masked.replace(term.term, "\0" * len(term.term))
    return found


def terms_for(language: str) -> list[GlossaryTerm]:
    return list(GlossaryTerm.objects.filter(language=language))


def relevant(sources: Iterable[str], language: str) -> dict[str, str]:
    """Return {term: translation} for the terms the sources use, to pass to a provider."""
    terms = terms_for(language)
    out: dict[str, str] = {}
    for source in sources:
        out.update({t.term: t.translation for t in terms_in(source, terms)})
    return out


def check(
    source: str, target: str, language: str, terms: list[GlossaryTerm] | None = None
) -> list[Issue]:
    """Return the glossary problems of one translation."""
    if not target:
        return []
    terms = terms_for(language) if terms is None else terms
    folded = _fold(target)
    issues = []
    for term in terms_in(source, terms):
        if _fold(term.translation) in folded:
            continue
        # Easy Japanese may keep the official word (with furigana) instead of paraphrasing it.
        if language == languages.EASY and term.term in target:
            continue
        issues.append(Issue("missing", term.term, term.translation))
    for term in terms:
        for variant in term.forbidden_list:
            # A forbidden variant inside the required translation is no violation.
            if _fold(variant) in folded and _fold(variant) not in _fold(term.translation):
                issues.append(Issue("forbidden", term.term, term.translation, variant))
    return issues


@transaction.atomic
def load_seed(model: type[GlossaryTerm] = GlossaryTerm) -> int:
    """Create or refresh the seeded terms for every target language; return how many rows."""
    with SEED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    forbidden: dict[tuple[str, str], tuple[str, str]] = {}
    with FORBIDDEN_SEED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            forbidden[(row["term"], row["language"])] = (row["forbidden"], row["note"])
    count = 0
    for row in rows:
        for code in languages.TARGETS:
            if not row.get(code):
                continue
            variants, note = forbidden.get((row["ja"], code), ("", row.get("note", "")))
            model.objects.update_or_create(
                language=code,
                term=row["ja"],
                defaults={
                    "translation": row[code],
                    "forbidden": variants.replace("|", "\n"),
                    "note": note or row.get("note", ""),
                },
            )
            count += 1
    return count


def export_csv(language: str | None = None) -> str:
    """Return the glossary as CSV (one row per language and term; variants joined by |)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    query = GlossaryTerm.objects.all()
    if language:
        query = query.filter(language=language)
    for term in query:
        writer.writerow(
            {
                "language": term.language,
                "term": term.term,
                "translation": term.translation,
                "forbidden": "|".join(term.forbidden_list),
                "note": term.note,
            }
        )
    return out.getvalue()


@transaction.atomic
def import_csv(data: str) -> int:
    """Create or update terms from CSV in the export's shape; return how many rows."""
    count = 0
    for row in csv.DictReader(io.StringIO(data)):
        if row.get("language") not in languages.TARGETS or not row.get("term"):
            continue
        GlossaryTerm.objects.update_or_create(
            language=row["language"],
            term=row["term"].strip(),
            defaults={
                "translation": row.get("translation", "").strip(),
                "forbidden": "\n".join(v for v in row.get("forbidden", "").split("|") if v),
                "note": row.get("note", ""),
            },
        )
        count += 1
    return count
