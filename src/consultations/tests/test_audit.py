"""Each view, export or change of a case writes exactly one audit entry: who, when, what."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from consultations import actions
from consultations.models import AuditEntry, Case, FaqEntry, FollowUp, Slot
from consultations.tests.conftest import open_time, staff_client

pytestmark = pytest.mark.django_db

# (method, path under the case or the resident's link, data, action recorded)
STAFF_PATHS = [
    ("get", "", {}, "view"),
    ("get", "export", {}, "export"),
    ("post", "assign", {"assignee": ""}, "assign"),
    ("post", "status", {"status": "waiting"}, "status"),
    ("post", "note", {"text": "Explained the reduction."}, "note"),
    ("post", "contact", {"channel": "phone", "summary": "Called."}, "contact"),
    ("post", "followup", {"due": "2030-01-01", "text": "Call"}, "followup"),
    ("post", "followup/{followup}/done", {}, "followup-done"),
    ("post", "faq", {"faq": "nhi-payment"}, "link-faq"),
    ("post", "message", {"text": "Xin chào"}, "message"),
]


@pytest.fixture
def followup(case: Case) -> FollowUp:
    return FollowUp.objects.create(case=case, due=datetime.date(2030, 1, 1), text="x")


@pytest.mark.parametrize(("method", "suffix", "data", "action"), STAFF_PATHS)
def test_staff_path_writes_exactly_one_entry(
    method: str,
    suffix: str,
    data: dict[str, Any],
    action: str,
    case: Case,
    followup: FollowUp,
    groups: Any,
) -> None:
    # The demo FAQ may already be loaded in this session (it has this entry too).
    FaqEntry.objects.get_or_create(
        slug="nhi-payment", defaults={"category": "tax", "question": "q", "answer": "a"}
    )
    client = staff_client("counselor", "c-audit", groups["asia"])
    before = AuditEntry.objects.count()
    path = f"/staff/consultations/{case.reference}/{suffix.format(followup=followup.pk)}"
    response = getattr(client, method)(path, data)
    assert response.status_code in (200, 302)
    entries = list(AuditEntry.objects.order_by("-pk")[: AuditEntry.objects.count() - before])
    assert len(entries) == 1
    entry = entries[0]
    assert entry.action == action and entry.case == case and entry.reference == case.reference
    assert entry.user == client.user  # type: ignore[attr-defined]
    assert abs((timezone.now() - entry.at).total_seconds()) < 60


# A POST that shows the case page again (an FAQ answer put into the reply without JavaScript, a
# refused input) shows personal data: one "view", nothing else.
@pytest.mark.parametrize(
    ("suffix", "data", "status"),
    [
        ("message", {"insert": "1", "faq_answer": "nhi-payment", "text": ""}, 200),
        ("message", {"text": " "}, 400),
        ("note", {"text": "a\x00b"}, 400),
        ("contact", {"channel": "phone", "summary": "x" * 5001}, 400),
    ],
)
def test_case_page_shown_again_writes_one_view(
    suffix: str, data: dict[str, str], status: int, faq: None, case: Case, counselor: Client
) -> None:
    before = AuditEntry.objects.count()
    response = counselor.post(f"/staff/consultations/{case.reference}/{suffix}", data)
    assert response.status_code == status
    assert case.reference in response.content.decode()
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None and entry.action == "view" and entry.case == case
    assert entry.user == counselor.user  # type: ignore[attr-defined]


def test_resident_reply_and_calendar_file_write_one_entry_each(
    submitted: actions.Submitted, client: Client
) -> None:
    slot = Slot.objects.create(start=open_time(1), interpreter_languages=["vi"])
    actions.do_book(submitted.case, slot.pk)
    for method, suffix, data, action in [
        ("post", "/reply", {"text": "Cảm ơn."}, "resident-message"),
        ("post", "/reply", {"text": ""}, "resident-view"),  # refused: the page again
        ("get", "/appointment.ics", {}, "resident-ics"),
    ]:
        before = AuditEntry.objects.count()
        getattr(client, method)(f"{submitted.status_path}{suffix}", data)
        assert AuditEntry.objects.count() == before + 1, suffix
        entry = AuditEntry.objects.order_by("-pk").first()
        assert entry is not None and entry.action == action and entry.user is None


@pytest.mark.parametrize(
    ("method", "suffix", "action"),
    [("get", "", "resident-view"), ("post", "/book", "book"), ("post", "/cancel", "cancel")],
)
def test_resident_path_writes_exactly_one_entry(
    method: str, suffix: str, action: str, submitted: actions.Submitted, client: Client
) -> None:
    # An opening hour of an open day: "now + 1 day" falls after closing time late in the day.
    slot = Slot.objects.create(start=open_time(1), interpreter_languages=["vi"])
    before = AuditEntry.objects.count()
    response = getattr(client, method)(f"/consult/s/{submitted.token}{suffix}", {"slot": slot.pk})
    assert response.status_code in (200, 302)
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None and entry.action == action and entry.user is None


@pytest.mark.parametrize(
    ("path", "action"),
    [
        ("/staff/consultations/person/?email=resident@example.com", "person-search"),
        ("/staff/consultations/person/export?email=resident@example.com", "export-person"),
    ],
)
def test_person_search_and_export_write_one_entry_per_case(
    path: str, action: str, case: Case, supervisor: Client
) -> None:
    before = AuditEntry.objects.count()
    assert supervisor.get(path).status_code == 200
    assert AuditEntry.objects.count() == before + 1
    assert AuditEntry.objects.filter(case=case, action=action).count() == 1


def test_queue_shows_no_case_content_and_writes_nothing(case: Case, supervisor: Client) -> None:
    before = AuditEntry.objects.count()
    body = supervisor.get("/staff/consultations/").content.decode()
    assert case.reference in body and case.description not in body and case.email not in body
    assert AuditEntry.objects.count() == before


def test_audit_survives_the_case(case: Case) -> None:
    actions.do_erase([case], None)
    assert set(
        AuditEntry.objects.filter(reference=case.reference).values_list("action", flat=True)
    ) == {
        "submit",
        "erase",
    }
