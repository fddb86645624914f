"""The translation memory as TMX."""

from __future__ import annotations

from django.db import transaction
from translate.storage import tmx

from core import languages
from translations import memory
from translations.models import MemoryEntry


def export_tmx(code: str) -> bytes:
    """Return every memory pair of one language as TMX."""
    tag = languages.get(code).bcp47
    store = tmx.tmxfile(sourcelanguage="ja", targetlanguage=tag)
    for entry in MemoryEntry.objects.filter(language=code).order_by("pk"):
        store.addtranslation(entry.source, "ja", entry.target, tag, comment=entry.origin or None)
    return bytes(store)


@transaction.atomic
def import_tmx(data: bytes, code: str) -> int:
    """Add the pairs of a TMX file to the memory of one language; return how many were read."""
    store = tmx.tmxfile.parsestring(data)
    tag = languages.get(code).bcp47
    count = 0
    for unit in store.units:
        target = unit.gettarget(tag) if hasattr(unit, "gettarget") else unit.target
        if unit.source and target:
            memory.remember(str(unit.source), str(target), code, origin="tmx")
            count += 1
    return count
