"""XLIFF 1.2, XLIFF 2.0 and PO export and validated import of one object's fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from translate.storage import pypo, xliff, xliff2

from core import languages
from translations import services
from translations.exchange import safety
from translations.models import Status, Translatable

CONTENT_FORMATS = {"xliff12": "xlf", "xliff20": "xlf", "po": "po"}
# Placeholders and links must come through a translation unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|https?://[^\s)）]+")


class Xliff12File(xliff.xlifffile):
    """XLIFF 1.2 (translate-toolkit writes 1.1 by default)."""

    XMLskeleton = """<?xml version="1.0" ?>
<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'>
<file original='tabunka' source-language='ja' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""
    namespace = "urn:oasis:names:tc:xliff:document:1.2"


@dataclass(frozen=True)
class Unit:
    id: str
    source: str
    target: str
    fuzzy: bool


@dataclass
class Report:
    """What an import did, unit by unit."""

    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # no such field here
    changed_source: list[str] = field(default_factory=list)  # the Japanese changed since export
    placeholders: list[str] = field(default_factory=list)  # a placeholder lost or added

    @property
    def problems(self) -> int:
        return len(self.unknown) + len(self.changed_source) + len(self.placeholders)


def unit_id(obj: Translatable, name: str) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}.{name}"


def _fields(parts: Sequence[Translatable]) -> dict[str, tuple[Translatable, str]]:
    return {
        unit_id(obj, name): (obj, name)
        for obj in parts
        for name in obj.translatable_fields
        if getattr(obj, name)
    }


def export_content(parts: Sequence[Translatable], code: str, fmt: str) -> bytes:
    """Return the fields of the parts with their current translations in one format."""
    table = services.TranslationTable(parts, [code], public=False)
    tag = languages.get(code).bcp47
    store: Any
    if fmt == "po":
        store = pypo.pofile()
        store.updateheader(add=True, Language=tag, Content_Type="text/plain; charset=UTF-8")
    elif fmt == "xliff20":
        store = xliff2.Xliff2File(sourcelanguage="ja", targetlanguage=tag)
    else:
        store = Xliff12File(sourcelanguage="ja", targetlanguage=tag)
    for uid, (obj, name) in _fields(parts).items():
        if fmt == "xliff12":
            unit = store.addsourceunit(getattr(obj, name), filename="tabunka")
        else:
            unit = store.addsourceunit(getattr(obj, name))
        row = table.get(obj, name, code)
        if fmt == "po":
            unit.setcontext(uid)
        else:
            unit.setid(uid)
        if row is not None and row.text:
            unit.target = row.text
            unit.markfuzzy(row.outdated or row.status in (Status.DRAFT, Status.MACHINE))
    return bytes(store)


def read_units(data: bytes, fmt: str) -> list[Unit]:
    """Return the units of an exchange file."""
    store: Any
    if fmt == "po":
        safety.check_size(len(data))
        store = safety.parse(lambda: pypo.pofile(data), "PO")
    elif fmt == "xliff20":
        safety.check_xml(data, ("xliff",), "XLIFF 2.0")
        store = safety.parse(lambda: xliff2.Xliff2File.parsestring(data), "XLIFF 2.0")
    else:
        safety.check_xml(data, ("xliff",), "XLIFF 1.2")
        store = safety.parse(lambda: xliff.xlifffile.parsestring(data), "XLIFF 1.2")
    units = []
    for unit in store.units:
        if unit.isheader() or not unit.source:
            continue
        if fmt == "po":
            uid = unit.getcontext()
        elif fmt == "xliff12":
            uid = unit.xmlelement.get("id")  # getid() prefixes the file name
        else:
            uid = unit.getid()
        units.append(Unit(str(uid), str(unit.source), str(unit.target or ""), unit.isfuzzy()))
    return units


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@transaction.atomic
def import_content(
    parts: Sequence[Translatable],
    code: str,
    fmt: str,
    data: bytes,
    *,
    user: AbstractBaseUser | None = None,
) -> Report:
    """Store the translations of a returned file after checking every unit; report each one.

    A unit whose text cannot be stored refuses the whole file (ImportFailure) before any write.
    """
    known = _fields(parts)
    table = services.TranslationTable(parts, [code], public=False)
    report = Report()
    units = read_units(data, fmt)
    for unit in units:
        where = _("Segment %(id)s") % {"id": unit.id[:80]}
        safety.check_field(where, unit.id, 200)
        safety.check_field(where, unit.source)
        limit = services.translation_limit(getattr(*known[unit.id]) if unit.id in known else "")
        safety.check_field(where, unit.target, limit)
    for unit in units:
        if unit.id not in known:
            report.unknown.append(unit.id)
            continue
        obj, name = known[unit.id]
        if unit.source != getattr(obj, name):
            report.changed_source.append(unit.id)
            continue
        if not unit.target:
            report.unchanged.append(unit.id)
            continue
        if placeholders(unit.source) != placeholders(unit.target):
            report.placeholders.append(unit.id)
            continue
        status = Status.DRAFT if unit.fuzzy else Status.REVIEWED
        row = table.get(obj, name, code)
        if row is not None and row.text == unit.target and not row.outdated:
            report.unchanged.append(unit.id)
            continue
        services.set_translation(obj, name, code, unit.target, status=status, user=user)
        report.updated.append(unit.id)
    return report
