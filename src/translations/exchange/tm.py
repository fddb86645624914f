"""The translation memory as TMX."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from translate.storage import tmx

from core import languages
from translations import memory
from translations.exchange import safety
from translations.models import MemoryEntry

# A memory segment is one field's text; nothing we translate is longer.
MAX_MEMORY_TEXT = 100_000


def export_tmx(code: str) -> bytes:
    """Return every memory pair of one language as TMX."""
    tag = languages.get(code).bcp47
    store = tmx.tmxfile(sourcelanguage="ja", targetlanguage=tag)
    for entry in MemoryEntry.objects.filter(language=code).order_by("pk"):
        store.addtranslation(entry.source, "ja", entry.target, tag, comment=entry.origin or None)
    return bytes(store)


@transaction.atomic
def import_tmx(data: bytes, code: str) -> int:
    """Add the pairs of a TMX file to the memory of one language; return how many were read.

    Every pair is checked before the first is stored: a bad file adds nothing.
    """
    safety.check_xml(data, ("tmx",), "TMX")
    store = safety.parse(lambda: tmx.tmxfile.parsestring(data), "TMX")
    tag = languages.get(code).bcp47
    pairs = []
    for number, unit in enumerate(store.units, start=1):
        target = unit.gettarget(tag) if hasattr(unit, "gettarget") else unit.target
        if unit.source and target:
            where = _("Segment %(id)s") % {"id": number}
            source = safety.check_field(where, str(unit.source))
            pairs.append((source, safety.check_field(where, str(target), MAX_MEMORY_TEXT)))
    for source, target in pairs:
        memory.remember(source, target, code, origin="tmx")
    return len(pairs)
