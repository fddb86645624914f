"""The translator's editor and the coverage matrix: what they show, and the one flow of the
editor page that every translatable kind (notices, FAQ entries) uses: `rows`, `check_easy`,
`submit`."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts.roles import acting_user
from core import languages, validation
from translations import actions, glossary, memory, services
from translations.glossary import Issue
from translations.memory import Suggestion
from translations.models import (
    GlossaryTerm,
    Status,
    Translatable,
    Translation,
    TranslationJob,
    TranslationRevision,
)
from writing.checks import check_texts

STATES = ("missing", "draft", "machine", "reviewed", "published", "outdated")


@dataclass
class Row:
    """One field in the editor: the source, the Easy Japanese, the translation and its helpers."""

    obj: Translatable
    field_name: str
    key: str
    source: str
    easy: Translation | None
    current: Translation | None
    suggestions: list[Suggestion] = dataclasses.field(default_factory=list)
    terms: list[GlossaryTerm] = dataclasses.field(default_factory=list)
    issues: list[Issue] = dataclasses.field(default_factory=list)
    diff: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    history: list[TranslationRevision] = dataclasses.field(default_factory=list)
    # For Easy Japanese: the yasashii report of the current text (score and located issues).
    easy_check: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        field = self.obj._meta.get_field(self.field_name)
        name = getattr(field, "verbose_name", self.field_name)
        return f"{self.obj._meta.verbose_name} · {name}"


def source_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Return the change from the old source to the new as (equal|delete|insert, text) pieces."""
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", old[a1:a2]))
            continue
        if a2 > a1:
            out.append(("delete", old[a1:a2]))
        if b2 > b1:
            out.append(("insert", new[b1:b2]))
    return out


def rows(parts: Sequence[Translatable], code: str) -> list[Row]:
    """Return the editor rows of every non-empty translatable field of the parts."""
    table = services.TranslationTable(parts, [code, languages.EASY], public=False)
    terms = glossary.terms_for(code)
    out = []
    for obj in parts:
        for name in obj.translatable_fields:
            source = getattr(obj, name)
            if not source:
                continue
            current = table.get(obj, name, code)
            row = Row(
                obj=obj,
                field_name=name,
                key=f"{obj._meta.model_name}-{obj.pk}-{name}",
                source=source,
                easy=table.get(obj, name, languages.EASY),
                current=current,
                suggestions=memory.suggest(source, code),
                terms=glossary.terms_in(source, terms),
            )
            if current is not None:
                row.issues = glossary.check(source, current.text, code, terms)
                row.history = list(current.revisions.select_related("user")[:5])
                if current.outdated:
                    row.diff = source_diff(current.source_text, source)
            out.append(row)
    return out


def check_easy(
    editor_rows: Sequence[Row], *, domain: str | None, known_terms: Iterable[str] = ()
) -> None:
    """Give each Easy-Japanese row the report of its current text, read in page order."""
    texts = [row.current.text if row.current else "" for row in editor_rows]
    reports = check_texts(texts, domain=domain, known_terms=known_terms)
    for row, report in zip(editor_rows, reports, strict=True):
        row.easy_check = report


def submit(request: HttpRequest, editor_rows: Sequence[Row], code: str) -> bool:
    """Save the edits of a submitted editor page and say how many; return whether it saved.

    A text that cannot be stored saves nothing of the page: the user is told which and why.
    """
    try:
        edits = changes(editor_rows, request.POST)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    count = actions.do_save_translations(edits, code, user=acting_user(request))
    messages.success(request, saved_message(count))
    return True


def changes(
    editor_rows: Sequence[Row], data: Mapping[str, str]
) -> list[tuple[Translatable, str, str, str]]:
    """Return the (object, field, text, status) edits a submitted form makes.

    Raise ValidationError, naming each field, when a text cannot be stored or is longer than
    `services.translation_limit` of its source; then nothing of the form is saved.
    """
    out = []
    problems = []
    for row in editor_rows:
        text = data.get(f"text-{row.key}", "").strip()
        try:
            validation.check_text(text, services.translation_limit(row.source))
        except ValidationError as error:
            problems += [f"{row.label}: {m}" for m in error.messages]
            continue
        status = data.get(f"status-{row.key}", Status.DRAFT)
        current = row.current
        if not text and current is None:
            continue
        if current and current.text == text and current.status == status and not current.outdated:
            continue
        out.append((row.obj, row.field_name, text, status))
    if problems:
        raise ValidationError([*problems, _("Nothing was saved.")])
    return out


def saved_message(count: int) -> str:
    return _("Fields saved: %(count)d.") % {"count": count}


def job_message(job: TranslationJob) -> str:
    """Return what a job did or why it stopped, for staff."""
    if job.status == "failed":
        reasons = {
            "auth": _("The provider refused the credentials (TABUNKA_MT_KEY / _SECRET)."),
            "quota": _("The provider's quota or rate limit is used up. Try again later."),
            "timeout": _("The provider did not answer in time."),
            "language": _("The provider does not translate into one of these languages."),
        }
        reason = reasons.get(job.error, _("The provider failed."))
        return _("Machine translation stopped: %(reason)s No text was changed.") % {
            "reason": reason
        }
    if job.status == "done":
        return _(
            "Machine translation finished: %(filled)d fields filled, "
            "%(warnings)d glossary warnings."
        ) % {"filled": job.filled, "warnings": job.warnings}
    return _("Machine translation: %(done)d of %(total)d languages done.") % {
        "done": job.done,
        "total": job.total,
    }


@dataclass
class Cell:
    code: str
    counts: dict[str, int]
    total: int

    @property
    def state(self) -> str:
        """Return the worst state of the language: what a translator should look at first."""
        for state in ("missing", "outdated", "draft", "machine", "reviewed"):
            if self.counts.get(state):
                return state
        return "published"


def matrix(
    roots: Sequence[Translatable], parts_of: Mapping[int, Sequence[Translatable]]
) -> list[tuple[Translatable, list[Cell]]]:
    """Return, per root object, the status counts of every target language (few queries)."""
    everything = [p for root in roots for p in parts_of[root.pk]]
    table = services.TranslationTable(everything, languages.TARGETS, public=False)
    out = []
    for root in roots:
        pairs = [
            (obj, name)
            for obj in parts_of[root.pk]
            for name in obj.translatable_fields
            if getattr(obj, name)
        ]
        cells = []
        for code in languages.TARGETS:
            counts = dict.fromkeys(STATES, 0)
            for obj, name in pairs:
                row = table.get(obj, name, code)
                if row is None or not row.text:
                    counts["missing"] += 1
                    continue
                counts[row.status] += 1
                counts["outdated"] += int(row.outdated)
            cells.append(Cell(code, counts, len(pairs)))
        out.append((root, cells))
    return out
