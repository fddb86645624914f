"""POST /api/yasashii/check: the writing assistant's report as JSON (or the editor's fragment)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.utils import check_csrf
from pydantic import ConfigDict

from accounts import roles
from api import body
from api.errors import ApiError
from api.forms import request_body
from api.site import errors, register
from writing.checks import CheckError, check, domain_for

router = Router(tags=["writing"])

MAX_BODY = 256 * 1024  # bytes; above the engine's 20,000 characters in UTF-8, with context
_BODY = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "title": "Japanese text to check"},
        "domain": {"type": ["string", "null"], "title": "what the text is about (tax, water ...)"},
        "topic": {"type": ["string", "null"], "title": "a notice topic slug"},
        "context": {
            "type": "array",
            "items": {"type": "string"},
            "title": "texts read before this one, whose explanations count",
        },
    },
    "required": ["text"],
}


class Issue(Schema):
    rule: str
    start: int
    end: int
    surface: str
    message_ja: str
    message_en: str
    guideline: str
    suggestions: list[str]


class ReportOut(Schema):
    """The engine's report (yasashii.Report.to_dict) and the furigana preview as HTML."""

    model_config = ConfigDict(extra="allow")

    text: str
    issues: list[Issue]
    readability: float | None
    readability_level: str | None
    ruby: str


@router.post(
    "/yasashii/check",
    response={200: ReportOut, **errors(400, 403, 413, 415)},
    url_name="yasashii-check",
    openapi_extra={
        **request_body(_BODY, "Staff only (session login with its CSRF token)."),
        "responses": {"200": {"content": {"text/html": {"schema": {"type": "string"}}}}},
        "parameters": [
            {
                "name": "format",
                "in": "query",
                "required": False,
                "description": "html: the notice editor's inline fragment instead of JSON",
                "schema": {"type": "string", "enum": ["json", "html"]},
            }
        ],
    },
)
def yasashii_check(request: HttpRequest) -> Any:
    """Return the Easy-Japanese report of a text: located issues, score and furigana."""
    if not roles.is_staff_member(request.user):
        raise ApiError(403, "not_staff", _("Please log in as staff."))
    if check_csrf(request) is not None:  # a cookie login: the page that sends it must be ours
        raise ApiError(403, "csrf_failed", _("Please reload the page and try again."))
    shape = _('Send JSON like {"text": "…"}.')
    payload = body.read_json(request, MAX_BODY, shape_message=shape)
    text = payload.get("text")
    # Optional: "domain" (tax, water …) or "topic" (a notice topic slug) and "context" (the
    # texts read before this one, whose explanations count), as the notice editor sends them.
    domain, topic = payload.get("domain"), payload.get("topic")
    context = payload.get("context", [])
    if (
        not isinstance(text, str)
        or not isinstance(domain, str | None)
        or not isinstance(topic, str | None)
        or not isinstance(context, list)
        or not all(isinstance(c, str) for c in context)
    ):
        raise ApiError(400, "invalid", shape, {"text": [shape]})
    try:
        report = check(text, domain=domain or domain_for(topic), context=context)
    except CheckError as problem:
        code = "too_long" if problem.status == 413 else "invalid"
        raise ApiError(problem.status, code, problem.message, {"text": [problem.message]}) from None
    if request.GET.get("format") == "html":  # the fragment the notice editor shows per field
        response: HttpResponse = render(request, "writing/inline_check.html", {"report": report})
        return response
    return Status(200, report)


register(router)
