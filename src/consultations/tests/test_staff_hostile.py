"""Hostile input on the staff side: each answer is 4xx or a form error, never a 500; no change.

Run on SQLite and PostgreSQL (a NUL made PostgreSQL raise before these checks).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from consultations.models import AuditEntry, Case, ContactLog, CounselorGroup, FollowUp, Note

pytestmark = pytest.mark.django_db

NUL = "a\x00b"
BIDI = "\u202egpj.exe"


def state(case: Case) -> tuple[Any, ...]:
    case.refresh_from_db()
    return (
        case.group_id,
        case.assignee_id,
        case.status,
        Note.objects.filter(case=case).count(),
        ContactLog.objects.filter(case=case).count(),
        FollowUp.objects.filter(case=case).count(),
        case.faqs.count(),
        case.messages.count(),
    )


def url(case: Case, action: str) -> str:
    return f"/staff/consultations/{case.reference}/{action}"


HOSTILE_POSTS = [
    ("note", {"text": NUL}),
    ("note", {"text": "x" * 5001}),
    ("contact", {"channel": "phone", "summary": NUL}),
    ("contact", {"channel": "phone", "summary": "x" * 5001}),
    ("contact", {"channel": NUL, "summary": "called"}),
    ("followup", {"due": "2027-01-05", "text": NUL}),
    ("followup", {"due": "2027-01-05", "text": "x" * 301}),
    ("followup", {"due": NUL, "text": "call back"}),
    ("faq", {"faq": NUL}),
    ("message", {"text": NUL}),
    ("message", {"insert": "1", "faq_answer": NUL, "text": "hello"}),
    ("status", {"status": NUL}),
    ("assign", {"group": "abc"}),
    ("assign", {"group": "²"}),
    ("assign", {"group": "9" * 30}),
    ("assign", {"group": NUL}),
    ("assign", {"assignee": "²"}),
    ("assign", {"assignee": "9" * 30}),
    ("assign", {"assignee": NUL}),
    ("assign", {"note": NUL}),
]


@pytest.mark.parametrize(("action", "data"), HOSTILE_POSTS)
def test_hostile_case_posts_change_nothing(
    supervisor: Client, case: Case, action: str, data: dict[str, str]
) -> None:
    before = state(case)
    response = supervisor.post(url(case, action), data)
    assert response.status_code < 500
    # 200 only for "insert an FAQ answer", which changes nothing and shows the form again.
    assert response.status_code >= 400 or response.status_code == 302 or "insert" in data
    if response.status_code == 302:  # a form error shown on the case page after the redirect
        page = supervisor.get(response["Location"]).content.decode()
        assert '<p class="box" role="status">' in page  # the message (the page has other boxes)
    elif action != "message":  # the reply form itself says what is wrong
        assert response.status_code in (400, 403, 404)
    assert state(case) == before


@pytest.mark.parametrize(
    "query",
    [
        {"email": NUL},
        {"phone": "\u202e\x00"},
        {"reference": "AB\x00C"},
        {"email": "x" * 10_000},
    ],
)
def test_hostile_person_search(supervisor: Client, case: Case, query: dict[str, str]) -> None:
    response = supervisor.get("/staff/consultations/person/", query)
    assert response.status_code in (200, 400)
    export = supervisor.get("/staff/consultations/person/export", query)
    assert export.status_code in (400, 404)
    erase = supervisor.post("/staff/consultations/person/erase", {**query, "confirm": "erase"})
    assert erase.status_code in (302, 400)
    assert Case.objects.filter(pk=case.pk).exists()


@pytest.mark.parametrize("year", ["10000", "²", "0", "-1", "2026\x00", "9" * 5000, "all", ""])
def test_statistics_year_is_parsed_strictly(supervisor: Client, year: str) -> None:
    assert supervisor.get("/staff/consultations/stats/", {"year": year}).status_code == 200
    assert supervisor.get("/staff/consultations/stats.csv", {"year": year}).status_code == 200


@pytest.mark.parametrize("count", ["²", "abc", "99999999999999999999", "\x00", "-3"])
def test_slot_count_is_parsed_strictly(supervisor: Client, count: str) -> None:
    response = supervisor.post(
        "/staff/consultations/slots/",
        {"start": "2027-01-06T10:00", "count": count, "languages": ["vi"]},
    )
    assert response.status_code == 302


def test_group_change_goes_through_an_action_with_its_audit_entry(
    supervisor: Client, case: Case, groups: dict[str, CounselorGroup]
) -> None:
    response = supervisor.post(url(case, "assign"), {"group": groups["west"].pk, "assignee": ""})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.group == groups["west"]
    entry = AuditEntry.objects.filter(reference=case.reference, action="group").get()
    assert entry.detail == f"group={groups['west'].pk}"


def test_bidi_controls_in_names_are_shown_not_obeyed(supervisor: Client, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(name="Admin" + BIDI)
    page = supervisor.get(f"/staff/consultations/{case.reference}/").content.decode()
    assert "\u202e" not in page and "&lt;U+202E&gt;" in page
    found = supervisor.get("/staff/consultations/person/", {"reference": case.reference})
    assert "\u202e" not in found.content.decode() and "&lt;U+202E&gt;" in found.content.decode()
