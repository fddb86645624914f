"""The glossary as TBX: the required translation is preferred, the variants to avoid deprecated."""

from __future__ import annotations

import functools

from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import tbx

from core import languages
from translations import glossary
from translations.exchange import safety
from translations.models import GlossaryTerm

PREFERRED = "preferredTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"


def export_tbx(code: str) -> bytes:
    """Return one language's glossary as TBX."""
    tag = languages.get(code).bcp47
    store = tbx.tbxfile(sourcelanguage="ja", targetlanguage=tag)
    for term in GlossaryTerm.objects.filter(language=code):
        unit = store.addsourceunit(term.term)
        unit.set_target_terms([term.translation, *term.forbidden_list], lang=tag)
        language = unit.get_target_dom(tag)
        for index, tig in enumerate(language.findall(unit.namespaced("tig"))):
            note = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
            note.text = PREFERRED if index == 0 else DEPRECATED
        if term.note:
            unit.addnote(term.note)
    return bytes(store)


@transaction.atomic
def import_tbx(data: bytes, code: str) -> int:
    """Create or update one language's terms from TBX; return how many.

    Every entry is checked against the columns before the first is stored: a bad file adds nothing.
    """
    safety.check_xml(data, ("martif", "tbx"), "TBX")
    store = safety.parse(lambda: tbx.tbxfile.parsestring(data), "TBX")
    tag = languages.get(code).bcp47
    rows = []
    for number, unit in enumerate(store.units, start=1):
        source = str(unit.source or "").strip()
        terms = safety.parse(functools.partial(unit.get_target_terms, tag), "TBX")
        preferred = [t.text for t in terms if t.text and not t.deprecated]
        if not source or not preferred:
            continue
        row = {
            "term": source,
            "translation": preferred[0],
            "forbidden": "\n".join(t.text for t in terms if t.deprecated and t.text),
            "note": unit.getnotes() or "",
        }
        glossary.check_row(_("Entry %(number)d") % {"number": number}, row)
        rows.append(row)
    for row in rows:
        GlossaryTerm.objects.update_or_create(
            language=code,
            term=row["term"],
            defaults={k: v for k, v in row.items() if k != "term"},
        )
    return len(rows)
