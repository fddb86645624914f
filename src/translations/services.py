"""Read and write translations of any Translatable object."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType

from core import languages, validation
from translations import memory
from translations.models import (
    PUBLIC_STATUSES,
    Status,
    Translatable,
    Translation,
    TranslationRevision,
)

Key = tuple[int, int, str, str]  # content type, object id, field, language

# A translation may be much longer than its Japanese (Burmese and Nepali often are twice as long);
# 20 × the source, and never less than 10,000 characters, leaves room for that and still refuses
# a pasted 8-million-character text that would make a 120 MB editor page.
TRANSLATION_FACTOR = 20
TRANSLATION_MINIMUM = 10_000


def translation_limit(source: str) -> int:
    """Return the most characters a translation of this source may have."""
    return max(TRANSLATION_FACTOR * len(source), TRANSLATION_MINIMUM)


@dataclass(frozen=True)
class Shown:
    """The text a reader gets for one field, and what it is."""

    text: str
    language: str  # the language the text is really in
    wanted: str  # the language the reader asked for
    status: str
    outdated: bool = False

    @property
    def is_fallback(self) -> bool:
        return self.language != self.wanted

    @property
    def is_machine(self) -> bool:
        return self.status == Status.MACHINE

    @property
    def html_lang(self) -> str:
        return languages.get(self.language).html_lang

    def __str__(self) -> str:
        return self.text


class TranslationTable:
    """Translations of many objects, loaded with one query per model."""

    def __init__(self, objects: Iterable[Translatable], codes: Iterable[str], *, public: bool):
        self.rows: dict[Key, Translation] = {}
        by_type: dict[int, list[int]] = {}
        for obj in objects:
            ct = ContentType.objects.get_for_model(obj)
            by_type.setdefault(ct.pk, []).append(obj.pk)
        wanted = [c for c in codes if c != languages.SOURCE]
        for ct_id, ids in by_type.items():
            query = Translation.objects.filter(
                content_type_id=ct_id, object_id__in=ids, language__in=wanted
            )
            if public:
                query = query.filter(status__in=PUBLIC_STATUSES)
            for row in query:
                self.rows[(ct_id, row.object_id, row.field, row.language)] = row

    def get(self, obj: Translatable, field: str, code: str) -> Translation | None:
        ct = ContentType.objects.get_for_model(obj)
        return self.rows.get((ct.pk, obj.pk, field, code))

    def show(self, obj: Translatable, field: str, code: str) -> Shown:
        """Return the field in the language, else Easy Japanese, else the Japanese source."""
        source = getattr(obj, field)
        if code == languages.SOURCE or not source:
            return Shown(source, languages.SOURCE, code, Status.PUBLISHED)
        for candidate in (code, languages.EASY):
            row = self.get(obj, field, candidate)
            if row is not None and row.text:
                return Shown(row.text, candidate, code, row.status, row.outdated)
        return Shown(source, languages.SOURCE, code, Status.PUBLISHED)


def set_translation(
    obj: Translatable,
    field: str,
    code: str,
    text: str,
    *,
    status: str = Status.DRAFT,
    user: AbstractBaseUser | None = None,
    provider: str = "",
) -> Translation:
    """Store a translation of one field, its history entry and, once reviewed, its memory pair.

    Raise ValidationError for text the database cannot store or far longer than its source
    (callers check first and name the field; this is the last guard before the database).
    """
    validation.check_text(text, translation_limit(getattr(obj, field) or ""))
    row, _ = Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=code,
        defaults={
            "text": text,
            "status": status,
            "source_text": getattr(obj, field),
            "source_revision": obj.revision,
            "outdated": False,
            "provider": provider,
            "updated_by": user,
        },
    )
    TranslationRevision.objects.create(
        translation=row,
        text=text,
        status=status,
        source_text=row.source_text,
        source_revision=row.source_revision,
        provider=provider,
        user=row.updated_by,
    )
    if status in (Status.REVIEWED, Status.PUBLISHED):
        origin = f"{obj._meta.label_lower}:{obj.pk}.{field}"
        memory.remember(row.source_text, text, code, origin=origin, user=user)
    return row


def coverage(obj_fields: Iterable[tuple[Translatable, str]], code: str) -> dict[str, int]:
    """Return how many of the given fields are in each status for one language."""
    return coverage_by_language(obj_fields, [code])[code]


def coverage_by_language(
    obj_fields: Iterable[tuple[Translatable, str]], codes: Iterable[str]
) -> dict[str, dict[str, int]]:
    """Return, per language, how many of the fields are in each status (one load for all)."""
    codes = list(codes)
    pairs = [(o, f) for o, f in obj_fields if getattr(o, f)]
    table = TranslationTable([o for o, _ in pairs], codes, public=False)
    result: dict[str, dict[str, int]] = {}
    for code in codes:
        counts: dict[str, int] = {"missing": 0, "outdated": 0}
        for obj, field in pairs:
            row = table.get(obj, field, code)
            if row is None or not row.text:
                counts["missing"] += 1
                continue
            counts[row.status] = counts.get(row.status, 0) + 1
            if row.outdated:
                counts["outdated"] += 1
        result[code] = counts
    return result
