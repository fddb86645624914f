"""JSON twins of the resident's forms: submit a consultation, search the FAQ, the status page.

Each operation validates with the same form or action as its page (`consultations.forms`,
`consultations.actions`), so rules and messages are written once; `api.site` turns the errors
into the API's error body (docs/api.md).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from api import body
from api.errors import ApiError
from api.forms import as_form_data, body_schema, request_body, validate
from api.site import errors, register, strict_int
from consultations import actions, audit, presenter, search
from consultations.access import get_case_for_resident
from consultations.forms import IntakeForm, MessageForm
from consultations.models import Case, CaseStatus, Channel, Message, Slot
from core import languages, limits

router = Router(tags=["consultations"])

with translation.override("en"):
    _INTAKE_BODY = body_schema(IntakeForm, skip=("website",))
    _MESSAGE_BODY = body_schema(MessageForm)
_SLOT_BODY = {
    "type": "object",
    "properties": {"slot": {"type": "integer", "minimum": 1, "title": "id of a bookable slot"}},
    "required": ["slot"],
}
if TYPE_CHECKING:
    FaqLimit = int
else:  # an int of ASCII digits from 1 to 20, else 400 with the number message
    FaqLimit = strict_int(1, 20)
MAX_ID = 2**63 - 1  # a BigAutoField; a larger number never reaches the database


class SubmittedOut(Schema):
    reference: str
    status_url: str
    flagged: bool


class TextIn(Schema):
    text: str
    language: str


class AnswerText(TextIn):
    machine: bool
    outdated: bool


class FaqResult(Schema):
    slug: str
    score: float
    question: TextIn
    answer: AnswerText


class FaqOut(Schema):
    query: str
    truncated: bool
    language: str
    results: list[FaqResult]


class MessageOut(Schema):
    from_resident: bool
    text: str
    sent_at: datetime.datetime
    sent_label: str


class SlotOut(Schema):
    id: int
    start: datetime.datetime
    minutes: int
    label: str
    interpreter_languages: list[str]


class AppointmentOut(Schema):
    slot: SlotOut
    calendar_url: str


class StatusOut(Schema):
    reference: str
    status: str
    closed: bool
    language: str
    category: str
    sent_at: datetime.datetime
    messages: list[MessageOut]
    appointment: AppointmentOut | None
    bookable_slots: list[SlotOut]


class CancelOut(Schema):
    cancelled: bool


@router.post(
    "/consultations",
    response={201: SubmittedOut, **errors(400, 413, 415, 429)},
    url_name="consultations-submit",
    openapi_extra=request_body(_INTAKE_BODY, "`consent` must be JSON `true`."),
)
def submit(request: HttpRequest) -> Status[dict[str, object]]:
    """Store a consultation; return the reference and the private status link."""
    limits.hit(request, "intake")  # the same counter as the web form
    payload = body.read_json(request)
    payload.setdefault("language", request.LANGUAGE_CODE)
    data = validate(IntakeForm(as_form_data(payload, booleans=("consent",))))
    submitted = actions.do_submit(
        data, channel=Channel.API, client=actions.client_hash(limits.client_address(request))
    )
    return Status(
        201,
        {
            "reference": submitted.case.reference,
            "status_url": request.build_absolute_uri(submitted.status_path),
            "flagged": bool(submitted.case.flagged),
        },
    )


@router.get("/faq/search", response={200: FaqOut, **errors(400, 429)}, url_name="faq-search")
def faq_search(
    request: HttpRequest,
    q: str = "",
    lang: str = "",
    limit: FaqLimit = 5,
) -> dict[str, object]:
    """Rank FAQ entries for q in any language; answers in lang (else the request's language)."""
    code = languages.match_tag(lang) or request.LANGUAGE_CODE
    found = search.Lookup("", False, [])
    if q.strip():
        limits.hit(request, "faq")
        found = search.lookup(q, limit=limit)
    return {
        "query": found.query,
        "truncated": found.truncated,
        "language": code,
        "results": [a.as_dict() for a in presenter.answers(found.results, code)],
    }


# ---- the private status page: the token in the path is the resident's credential -------------


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _slot(slot: Slot, code: str) -> dict[str, object]:
    return {
        "id": slot.pk,
        "start": slot.start,
        "minutes": slot.minutes,
        "label": presenter.when(slot.start, code),
        "interpreter_languages": list(slot.interpreter_languages),
    }


def _appointment(case: Case, token: str, code: str) -> dict[str, object] | None:
    active = case.appointments.filter(cancelled_at__isnull=True).select_related("slot").first()
    if active is None:
        return None
    path = reverse("consultations:appointment-ics", args=[token])
    return {"slot": _slot(active.slot, code), "calendar_url": path}


def _message(message: Message, code: str) -> dict[str, object]:
    return {
        "from_resident": message.from_resident,
        "text": message.text,
        "sent_at": message.created_at,
        "sent_label": presenter.when(message.created_at, code),
    }


_STATUS = "/consultations/status/{token}"
_PRIVATE = "Private: answered with Cache-Control: no-store; the token is never logged."


@router.get(
    _STATUS,
    response={200: StatusOut, **errors(404)},
    url_name="consultations-status",
    description=_PRIVATE,
)
def status(request: HttpRequest, response: HttpResponse, token: str) -> dict[str, object]:
    """Return the case's status, its messages, the booked appointment and the bookable times."""
    case = get_case_for_resident(token)
    audit.record(None, "resident-view", case)
    _private(response)
    code = request.LANGUAGE_CODE
    closed = case.status == CaseStatus.CLOSED
    appointment = _appointment(case, token, code)
    booked = appointment["slot"]["id"] if appointment else None  # type: ignore[index]
    return {
        "reference": case.reference,
        "status": case.status,
        "closed": closed,
        "language": case.language,
        "category": case.category,
        "sent_at": case.created_at,
        "messages": [_message(m, code) for m in case.messages.all()],
        "appointment": appointment,
        "bookable_slots": [
            _slot(s, code)
            for s in ([] if closed else actions.bookable_slots(case))
            if s.pk != booked
        ],
    }


@router.post(
    _STATUS + "/messages",
    response={201: MessageOut, **errors(400, 404, 409, 413, 415)},
    url_name="consultations-reply",
    openapi_extra=request_body(_MESSAGE_BODY),
    description=_PRIVATE,
)
def reply(request: HttpRequest, response: HttpResponse, token: str) -> Status[object]:
    """Send the resident's answer to the Plaza (the status page's reply form)."""
    case = get_case_for_resident(token)
    _private(response)
    payload = body.read_json(request)
    if case.status == CaseStatus.CLOSED:
        raise ApiError(409, "closed", _("This consultation is closed. Please send a new question."))
    data = validate(MessageForm(as_form_data(payload)))
    message = actions.do_add_message(case, data["text"], None, from_resident=True)
    return Status(201, _message(message, request.LANGUAGE_CODE))


@router.post(
    _STATUS + "/appointment",
    response={201: AppointmentOut, **errors(400, 404, 409, 413, 415)},
    url_name="consultations-book",
    openapi_extra=request_body(_SLOT_BODY, "A slot from `bookable_slots`; replaces a booking."),
    description=_PRIVATE,
)
def book(request: HttpRequest, response: HttpResponse, token: str) -> Status[object]:
    """Book one of the bookable times (the status page's booking form)."""
    case = get_case_for_resident(token)
    _private(response)
    payload = body.read_json(request)
    unavailable = _("This time is no longer available. Please choose another.")
    slot = payload.get("slot")
    if not isinstance(slot, int) or isinstance(slot, bool) or not 0 < slot <= MAX_ID:
        raise ApiError(400, "invalid", unavailable, {"slot": [unavailable]})
    try:
        actions.do_book(case, slot)
    except ValidationError:
        raise ApiError(409, "slot_unavailable", unavailable, {"slot": [unavailable]}) from None
    return Status(201, _appointment(case, token, request.LANGUAGE_CODE))


@router.delete(
    _STATUS + "/appointment",
    response={200: CancelOut, **errors(404)},
    url_name="consultations-cancel",
    description=_PRIVATE,
)
def cancel(request: HttpRequest, response: HttpResponse, token: str) -> dict[str, bool]:
    """Cancel the booked appointment, if there is one (the status page's cancel button)."""
    case = get_case_for_resident(token)
    _private(response)
    had = case.appointments.filter(cancelled_at__isnull=True).exists()
    actions.do_cancel_appointment(case)
    return {"cancelled": had}


register(router)
