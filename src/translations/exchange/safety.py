"""Refuse a malformed exchange file whole, with a message naming the problem.

Every import reads the whole file and checks every unit before it writes anything, and writes in
one transaction: a bad file changes nothing. XML is first parsed here with entities and network
off, so a wrong root element gets its own message instead of translate-toolkit's
AssertionError or StopIteration.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from lxml import etree

from core import validation

T = TypeVar("T")

MB = 1024 * 1024
DEFAULT_MAX_IMPORT_BYTES = 5 * MB


class ImportFailure(ValueError):
    """A file that cannot be imported; str() is the message for staff, in their language."""


def max_import_bytes() -> int:
    return int(getattr(settings, "TABUNKA_MAX_IMPORT_BYTES", DEFAULT_MAX_IMPORT_BYTES))


def check_size(size: int) -> None:
    """Refuse an empty file or one over the upload limit."""
    if size == 0:
        raise ImportFailure(_("This file is empty."))
    limit = max_import_bytes()
    if size > limit:
        raise ImportFailure(
            _("This file is larger than %(limit)d MB. Split it into smaller files.")
            % {"limit": max(1, limit // MB)}
        )


def decode(data: bytes) -> str:
    """Return the text of a UTF-8 file (a byte-order mark is allowed)."""
    check_size(len(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            _("This file is not UTF-8 text. Save it as UTF-8 and import it again.")
        ) from error


def check_xml(data: bytes, roots: tuple[str, ...], kind: str) -> None:
    """Refuse a file that is not well-formed XML or whose root element is not one of roots."""
    check_size(len(data))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)  # noqa: S320 - entities and network are off
    except etree.XMLSyntaxError as error:
        raise ImportFailure(
            _("This file is not well-formed XML: %(detail)s") % {"detail": error.msg}
        ) from error
    found = etree.QName(root).localname
    if found not in roots:
        raise ImportFailure(
            _("This is not a %(kind)s file: its root element is <%(found)s>.")
            % {"kind": kind, "found": found[:40]}
        )


def parse(reader: Callable[[], T], kind: str) -> T:
    """Return what translate-toolkit reads from a checked file, or refuse it.

    translate-toolkit answers a file it does not understand with whatever broke inside it
    (AssertionError, StopIteration, KeyError, a PoParseError); any of them means "cannot be read".
    """
    try:
        return reader()
    except Exception as error:  # noqa: BLE001 - see above; nothing has been written yet
        detail = str(error).strip() or type(error).__name__
        raise ImportFailure(
            _("This file could not be read as %(kind)s: %(detail)s")
            % {"kind": kind, "detail": detail[:200]}
        ) from error


def check_field(where: str, value: str, limit: int | None = None) -> str:
    """Return a text read from a file if it can be stored; else refuse the file naming where."""
    try:
        return validation.check_text(value, limit)
    except ValidationError as error:
        raise ImportFailure(
            _("%(where)s: %(problem)s") % {"where": where, "problem": " ".join(error.messages)}
        ) from error


def csv_rows(text: str) -> list[dict[str, str]]:
    """Return the rows of a CSV text; an unclosed quote or an overlong field refuses the file."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as error:
        raise ImportFailure(
            _("Line %(line)d of the CSV file cannot be read: %(detail)s")
            % {"line": reader.line_num + 1, "detail": str(error)}
        ) from error
