"""Every API error is one JSON body: {"error": {"code", "message", "fields"}}.

`code` is stable (clients branch on it); `message` is in the request's language; `fields` maps a
field name to its messages, present when the error is about given fields.
"""

from __future__ import annotations

import logging
import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema

logger = logging.getLogger("api")

# Status links carry their credential in the path: never write it to a log.
_TOKEN_PATH = re.compile(r"(/api/consultations/status/)[^/]+")


# Every code an answer can carry, with its status and what it means (shown on /api/docs).
CODES: dict[str, tuple[int, str]] = {
    "invalid": (400, "A field is wrong; `fields` says which and why, as the form would."),
    "malformed_json": (400, "The body is not valid JSON (or not UTF-8)."),
    "not_an_object": (400, "The body is JSON, but not an object."),
    "too_deep": (400, "Arrays and objects are nested deeper than 20 levels."),
    "unstorable_text": (400, "A text holds a lone surrogate (e.g. \\ud800); `fields` names it."),
    "not_staff": (403, "The operation is for logged-in staff."),
    "csrf_failed": (403, "A cookie login without the page's CSRF token."),
    "forbidden": (403, "Not allowed."),
    "not_found": (404, "No such address, status link or object."),
    "method_not_allowed": (405, "The path exists, the method does not; see the Allow header."),
    "closed": (409, "The consultation is closed; send a new one."),
    "slot_unavailable": (409, "The time is taken or no longer offered; choose another."),
    "payload_too_large": (413, "The body is larger than the operation accepts (64 KB by default)."),
    "too_long": (413, "The text is longer than the operation checks."),
    "unsupported_media_type": (415, "A body not sent as Content-Type: application/json."),
    "rate_limited": (429, "Too many requests from this client; wait Retry-After seconds."),
    "server_error": (500, "A fault on our side; it is logged."),
}


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    """The body of every error answer."""

    error: ErrorDetail


class ApiError(Exception):
    """An answer other than success: raise it anywhere in an operation."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.headers = headers or {}


def redact(path: str) -> str:
    """Return the path with any status-link token replaced."""
    return _TOKEN_PATH.sub(r"\1<token>", path)


def error_response(request: HttpRequest, error: ApiError) -> HttpResponse:
    """Return the JSON answer for an ApiError."""
    body = {"error": {"code": error.code, "message": error.message, "fields": error.fields}}
    response = JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})
    for name, value in error.headers.items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    if redact(request.path) != request.path:
        # Django logs every 4xx with its path; this one holds a resident's credential.
        response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def invalid(fields: dict[str, list[str]]) -> ApiError:
    """Return the 400 for field errors: one field's own message, else the general one."""
    messages = [message for found in fields.values() for message in found]
    if len(messages) == 1:
        return ApiError(400, "invalid", messages[0], fields)
    return ApiError(400, "invalid", _("Some fields are not valid. Please check them."), fields)


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing was found at this address."))


def server_error(request: HttpRequest, exc: Exception) -> ApiError:
    """Log an unexpected exception (without tokens) and return the 500 body."""
    logger.error("API error on %s %s", request.method, redact(request.path), exc_info=exc)
    return ApiError(500, "server_error", _("Something went wrong on our side."))
