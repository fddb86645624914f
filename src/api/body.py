"""Read a JSON request body before anything else sees it: type, size, depth, storable text.

JSON only: any other Content-Type is 415, because a web page can make a visitor's browser send
text/plain or a form cross-site without asking, but never application/json. The size is checked
from Content-Length before the body is read. The nesting depth is measured on the raw text (with
its strings left out) before `json.loads`, whose recursion a 2,000-deep array would exhaust. Lone
surrogates ("\\ud800" is valid JSON, but no character) are refused with the field they are in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils.translation import gettext as _

from api.errors import ApiError
from core import validation

MAX_BODY = 64 * 1024  # bytes; a consultation of 5,000 characters in any script fits in 20 KB
MAX_DEPTH = 20  # our bodies are two levels deep; a little room for clients that wrap them
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def is_json(request: HttpRequest) -> bool:
    """Return whether the request says its body is JSON (application/json or +json)."""
    media = request.content_type or ""
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "payload_too_large",
        _("The request is too large. Send at most %(limit)d KB.") % {"limit": limit // 1024},
    )


def depth(raw: bytes) -> int:
    """Return the deepest nesting of arrays and objects in raw JSON (strings ignored)."""
    deepest = level = 0
    for bracket in _BRACKETS.findall(_STRING.sub(b'""', raw)):
        level += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, level)
    return deepest


def _unstorable_field(value: Any, field: str, found: Callable[[str], object]) -> None:
    if isinstance(value, str):
        if validation.unstorable(value.replace("\x00", "")):  # NUL is the fields' own rule
            found(field)
    elif isinstance(value, dict):
        for key, item in value.items():
            _unstorable_field(key, field or key, found)
            _unstorable_field(item, field or key, found)
    elif isinstance(value, list):
        for item in value:
            _unstorable_field(item, field, found)


def read_json(
    request: HttpRequest, max_bytes: int = MAX_BODY, shape_message: str = ""
) -> dict[str, Any]:
    """Return the request's JSON object (an empty body is {}), or raise ApiError.

    shape_message: what to say when the body is JSON but no object (an operation's own words).
    """
    if not is_json(request):
        raise ApiError(
            415,
            "unsupported_media_type",
            _("Send the request body as JSON, with Content-Type: application/json."),
        )
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isascii() or not length.isdigit() or int(length) > max_bytes:
        raise _too_large(max_bytes)
    try:
        raw = request.body
    except RequestDataTooBig as error:
        raise _too_large(max_bytes) from error
    if len(raw) > max_bytes:
        raise _too_large(max_bytes)
    if not raw.strip():
        return {}
    if depth(raw) > MAX_DEPTH:
        raise ApiError(
            400,
            "too_deep",
            _("The JSON is nested too deeply: at most %(limit)d levels.") % {"limit": MAX_DEPTH},
        )
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ApiError(400, "malformed_json", _("The request body is not valid JSON.")) from None
    if not isinstance(payload, dict):
        message = shape_message or _('Send a JSON object, like {"name": "value"}.')
        raise ApiError(400, "not_an_object", message)
    fields: dict[str, list[str]] = {}
    message = str(validation.UNSTORABLE_MESSAGE)
    _unstorable_field(payload, "", lambda field: fields.setdefault(field or "body", [message]))
    if fields:
        raise ApiError(400, "unstorable_text", message, fields)
    return payload
