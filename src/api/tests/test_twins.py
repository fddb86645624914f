"""Every public form has a JSON twin with the same rules and the same messages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from consultations import actions
from consultations.forms import IntakeForm
from consultations.models import Appointment, AuditEntry, Case, CaseStatus, Message, Slot
from consultations.tests.conftest import INTAKE, open_time
from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(db: None) -> actions.Submitted:
    form = IntakeForm(INTAKE)
    assert form.is_valid(), form.errors
    return actions.do_submit(form.cleaned_data, channel="web", client="t")


@pytest.fixture
def slot(db: None) -> Slot:
    return Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])


def status_path(submitted: actions.Submitted, suffix: str = "") -> str:
    return f"/api/consultations/status/{submitted.token}{suffix}"


@pytest.mark.parametrize("lang", ["en", "vi", "ne", "ja-easy"])
def test_intake_errors_are_the_forms_messages(client: Client, lang: str) -> None:
    data = {"language": "vi", "preferred_contact": "email", "email": "nope", "phone": "12"}
    page = client.post("/consult/", data, HTTP_ACCEPT_LANGUAGE=lang)
    twin = client.post(
        "/api/consultations", data, content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
    )
    with translation.override(lang):  # the form's messages are lazy: read them in its language
        form_messages = sorted(message for _, message in page.context["form"].error_links())
    api_fields = twin.json()["error"]["fields"]
    assert twin.status_code == 400 and page.status_code == 400
    assert sorted(m for messages in api_fields.values() for m in messages) == form_messages


def test_code_lookup_twin_says_what_the_form_says(client: Client) -> None:
    for typed in ["", "K7QM", "QQQQQQ"]:
        page = client.get("/n/", {"code": typed}, HTTP_ACCEPT_LANGUAGE="vi")
        twin = client.get("/api/notices/lookup", {"code": typed}, HTTP_ACCEPT_LANGUAGE="vi")
        message = twin.json()["error"]["fields"]["code"][0]
        assert twin.status_code == 400 and page.context["lookup_error"] == message


def test_code_lookup_finds_a_typed_code_and_its_successor(client: Client) -> None:
    found = client.get("/api/notices/lookup", {"code": "nh7-k4a"}).json()
    assert found == {
        "code": "NH7K4A",
        "status": "published",
        "current_code": "NH7K4A",
        "url": found["url"],
    }
    assert found["url"].endswith("/n/NH7K4A")
    old = Notice.objects.get(code="NH7K4A")
    new = Notice.objects.exclude(pk=old.pk).filter(status=NoticeStatus.PUBLISHED).first()
    assert new is not None
    Notice.objects.filter(pk=old.pk).update(status=NoticeStatus.SUPERSEDED, superseded_by=new)
    found = client.get("/api/notices/lookup", {"code": "NH7K4A"}).json()
    assert found["status"] == "superseded" and found["current_code"] == new.code


def test_drafts_are_not_found_by_code(client: Client) -> None:
    Notice.objects.filter(code="NH7K4A").update(status=NoticeStatus.DRAFT)
    assert client.get("/api/notices/lookup", {"code": "NH7K4A"}).status_code == 400


def test_status_twin_reads_the_case_privately(
    client: Client, submitted: actions.Submitted, slot: Slot
) -> None:
    actions.do_add_message(submitted.case, "Xin chào", None)
    response = client.get(status_path(submitted), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["reference"] == submitted.case.reference and data["status"] == "new"
    assert [m["text"] for m in data["messages"]] == ["Xin chào"]
    assert data["appointment"] is None
    assert [s["id"] for s in data["bookable_slots"]] == [slot.pk]
    assert INTAKE["description"] not in response.content.decode()  # what the page shows, no more
    assert AuditEntry.objects.filter(case=submitted.case, action="resident-view").count() == 1


def test_reply_twin_adds_the_message_with_the_forms_limits(
    client: Client, submitted: actions.Submitted
) -> None:
    path = status_path(submitted, "/messages")
    response = client.post(path, {"text": "Cảm ơn"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["from_resident"] is True
    assert Message.objects.get(case=submitted.case).text == "Cảm ơn"
    page = client.post(f"/consult/s/{submitted.token}/reply", {"text": ""})
    twin = client.post(path, {"text": ""}, content_type="application/json")
    with translation.override(page.context["request"].LANGUAGE_CODE):
        wanted = [str(m) for m in page.context["form"].errors["text"]]
    assert twin.json()["error"]["fields"]["text"] == wanted


def test_reply_to_a_closed_case_is_409(client: Client, submitted: actions.Submitted) -> None:
    Case.objects.filter(pk=submitted.case.pk).update(status=CaseStatus.CLOSED)
    response = client.post(
        status_path(submitted, "/messages"), {"text": "hi"}, content_type="application/json"
    )
    assert response.status_code == 409 and response.json()["error"]["code"] == "closed"
    assert not Message.objects.exists()


def test_book_and_cancel_twins(client: Client, submitted: actions.Submitted, slot: Slot) -> None:
    path = status_path(submitted, "/appointment")
    response = client.post(path, {"slot": slot.pk}, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["slot"]["id"] == slot.pk
    assert client.get(response.json()["calendar_url"]).status_code == 200
    assert client.get(status_path(submitted)).json()["appointment"]["slot"]["id"] == slot.pk
    # Full now: a second case cannot take it; the message is the booking form's.
    other = actions.do_submit(_valid(), channel="web")
    taken = client.post(
        f"/api/consultations/status/{other.token}/appointment",
        {"slot": slot.pk},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "slot_unavailable"
    assert taken.json()["error"]["message"] == (
        "This time is no longer available. Please choose another."
    )
    cancelled = client.delete(path)
    assert cancelled.status_code == 200 and cancelled.json() == {"cancelled": True}
    active = Appointment.objects.filter(case=submitted.case, cancelled_at__isnull=True)
    assert not active.exists()
    assert client.delete(path).json() == {"cancelled": False}


def _valid() -> dict[str, Any]:
    form = IntakeForm(INTAKE)
    assert form.is_valid()
    return form.cleaned_data


def test_a_past_slot_cannot_be_booked(client: Client, submitted: actions.Submitted) -> None:
    past = Slot.objects.create(start=timezone.now() - datetime.timedelta(days=1))
    response = client.post(
        status_path(submitted, "/appointment"), {"slot": past.pk}, content_type="application/json"
    )
    assert response.status_code == 409 and not Appointment.objects.exists()
