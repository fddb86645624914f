"""The glossary: which terms a translation must use, which it must not, and the seed list."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core import languages, validation
from translations.exchange import safety
from translations.models import GlossaryTerm

SEED = Path(__file__).parent / "data" / "glossary.csv"
FORBIDDEN_SEED = Path(__file__).parent / "data" / "glossary_forbidden.csv"
CSV_FIELDS = ["language", "term", "translation", "forbidden", "note"]
MAX_NOTE = 2000  # forbidden variants and notes are TEXT; a note is a sentence or two


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


def _columns() -> dict[str, int]:
    """Return the most characters each glossary field may hold (the column, or a sane cap)."""
    return {
        "term": GlossaryTerm._meta.get_field("term").max_length or 100,
        "translation": GlossaryTerm._meta.get_field("translation").max_length or 200,
        "forbidden": MAX_NOTE,
        "note": MAX_NOTE,
    }


def check_row(where: str, row: Mapping[str, str]) -> None:
    """Refuse (ImportFailure naming where) a term whose fields would not fit or be stored."""
    for name, limit in _columns().items():
        safety.check_field(f"{where} · {name}", row.get(name) or "", limit)


def export_csv(language: str | None = None) -> str:
    """Return the glossary as CSV (one row per language and term; variants joined by |).

    A cell a spreadsheet would run as a formula (=HYPERLINK(…)) gets a leading ' (OWASP);
    `import_csv` takes it off again, so export → import changes nothing.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    query = GlossaryTerm.objects.all()
    if language:
        query = query.filter(language=language)
    for term in query:
        row = {
            "language": term.language,
            "term": term.term,
            "translation": term.translation,
            "forbidden": "|".join(term.forbidden_list),
            "note": term.note,
        }
        writer.writerow({k: validation.csv_safe(v) for k, v in row.items()})
    return out.getvalue()


@transaction.atomic
def import_csv(data: bytes | str) -> int:
    """Create or update terms from CSV in the export's shape; return how many rows.

    The whole file is read and every row checked before the first is stored.
    """
    text = safety.decode(data) if isinstance(data, bytes) else data
    rows = []
    for number, raw in enumerate(safety.csv_rows(text), start=2):
        cells = {k: validation.csv_unescape(v or "") for k, v in raw.items() if k}
        if cells.get("language") not in languages.TARGETS or not cells.get("term", "").strip():
            continue
        row = {
            "language": cells["language"],
            "term": cells["term"].strip(),
            "translation": cells.get("translation", "").strip(),
            "forbidden": "\n".join(v for v in cells.get("forbidden", "").split("|") if v),
            "note": cells.get("note", ""),
        }
        check_row(_("Row %(number)d") % {"number": number}, row)
        rows.append(row)
    for row in rows:
        GlossaryTerm.objects.update_or_create(
            language=row["language"],
            term=row["term"],
            defaults={k: row[k] for k in ("translation", "forbidden", "note")},
        )
    return len(rows)
