"""Input that must never reach the database or a 500: one set of checks for every app.

- `check_text` refuses what PostgreSQL cannot store (NUL) and what UTF-8 cannot encode (lone
  surrogates such as "\\ud800", which JSON and some form encoders let through), and text longer
  than its column; `TEXT_VALIDATORS` and `StorableTextMixin` attach the same rule to form fields.
- `parse_int` parses a number from a query or form value strictly: ASCII digits only, a bounded
  number of them, inside a range ("²".isdigit() is true, int("²") raises).
- `query_text` cleans a search or filter value: refused when unstorable, cut to a length.
- `visible_controls` shows bidi controls in names staff read ("<U+202E>") instead of letting
  them reorder the text around them (the `{% load textguard %}` filter of the same name).
- `csv_safe` escapes a CSV cell a spreadsheet would run as a formula (OWASP CSV injection).
- `UnstorableAddressMiddleware` answers 400 when a path holds NUL or a lone surrogate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

__all__ = [
    "FORMULA_START",
    "TEXT_VALIDATORS",
    "UnstorableAddressMiddleware",
    "StorableCharField",
    "StorableTextMixin",
    "check_length",
    "check_text",
    "csv_safe",
    "csv_unescape",
    "parse_int",
    "query_text",
    "replace_unstorable",
    "require_int",
    "unstorable",
    "validate_storable",
    "visible_controls",
]

# NUL: PostgreSQL text cannot hold it. U+D800–U+DFFF: a lone surrogate is no character at all;
# encoding it to UTF-8 raises.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Explicit embeddings, overrides and isolates, and the two marks, which can make "evil.exe‮gpj"
# read as "evil.jpg.exe" (Trojan Source, CVE-2021-42574).
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

UNSTORABLE_MESSAGE = _("This text contains characters that cannot be stored. Please remove them.")
TOO_LONG_MESSAGE = _("This text is too long: %(length)d characters, at most %(limit)d allowed.")
NUMBER_MESSAGE = _("Enter a whole number from %(low)d to %(high)d.")


def unstorable(value: str) -> bool:
    """Return whether the text holds a character the database cannot store."""
    return UNSTORABLE.search(value) is not None


def replace_unstorable(value: str) -> str:
    """Return the text with each unstorable character replaced by U+FFFD.

    For outside text kept as a record (a provider's error message), where refusing is no option.
    """
    return UNSTORABLE.sub("\ufffd", value)


def validate_storable(value: Any) -> None:
    """Refuse NUL and lone surrogates (a Django validator)."""
    if isinstance(value, str) and unstorable(value):
        raise ValidationError(UNSTORABLE_MESSAGE, code="unstorable")


def check_length(value: str, limit: int) -> None:
    """Refuse text longer than its column or cap."""
    if len(value) > limit:
        raise ValidationError(
            TOO_LONG_MESSAGE, code="too_long", params={"length": len(value), "limit": limit}
        )


def check_text(value: str, limit: int | None = None) -> str:
    """Return the text if it can be stored (and fits the limit); raise ValidationError if not."""
    validate_storable(value)
    if limit is not None:
        check_length(value, limit)
    return value


TEXT_VALIDATORS = [validate_storable]


class StorableTextMixin:
    """A form-field mixin: NUL and lone surrogates are refused with one message.

    `class Field(StorableTextMixin, forms.CharField)`; it stands in for Django's own NUL check,
    so a NUL gives this message once, not two messages.
    """

    validators: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kept = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]
        self.validators = [*TEXT_VALIDATORS, *kept]


class StorableCharField(StorableTextMixin, forms.CharField):
    """A CharField that refuses NUL and lone surrogates."""


def parse_int(
    raw: str | None, *, low: int, high: int, default: int | None = None, digits: int = 9
) -> int | None:
    """Return the number in raw if it is ASCII digits inside [low, high], else default.

    Strict on purpose: no sign, no spaces, no "²" or "١" (str.isdigit() accepts both), at most
    `digits` digits so a 10,000-digit value costs nothing.
    """
    if raw is None or not re.fullmatch(rf"[0-9]{{1,{digits}}}", raw):
        return default
    number = int(raw)
    return number if low <= number <= high else default


def require_int(raw: str | None, *, low: int, high: int, digits: int = 9) -> int:
    """Return the number in raw like `parse_int`, or raise ValidationError with a message."""
    number = parse_int(raw, low=low, high=high, digits=digits)
    if number is None:
        raise ValidationError(NUMBER_MESSAGE, code="number", params={"low": low, "high": high})
    return number


def query_text(raw: str | None, limit: int = 200) -> str:
    """Return a search or filter value stripped and cut to limit; refuse unstorable characters.

    A NUL in a filter makes PostgreSQL raise on the query itself, so the check comes first.
    """
    value = (raw or "").strip()[:limit]
    validate_storable(value)
    return value


def visible_controls(value: str) -> str:
    """Return the text with every bidi control written out as <U+XXXX>."""
    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)


def csv_safe(value: object) -> object:
    """Return a CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_unescape(value: str) -> str:
    """Return a cell read back from our own CSV export without the escape `csv_safe` added."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


class UnstorableAddressMiddleware:
    """Answer 400 to a path that holds NUL or a lone surrogate.

    Views pass path parts (a notice code, a language) to the database, where a NUL made
    PostgreSQL raise (a 500); no address of ours has either character. Query values are the
    views' to judge (some forgive a NUL around a typed code; filters use `query_text`), and the
    JSON API under /api/ answers in JSON, so both are left alone here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if unstorable(request.path) and not request.path.startswith("/api/"):
            raise BadRequest("NUL or a lone surrogate in the path")
        return self.get_response(request)
