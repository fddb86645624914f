"""Counselor <-> resident messages: thread, FAQ insertion, mail without content, audit, limits."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from consultations import actions, export
from consultations.forms import MessageForm
from consultations.models import AuditEntry, Case, CaseStatus, FaqEntry, Message, StatusLink
from consultations.tests.conftest import INTAKE

pytestmark = pytest.mark.django_db

REPLY = "Chào anh, anh cần đăng ký bảo hiểm y tế quốc dân tại quầy số 3."


def status_path(submitted: actions.Submitted) -> str:
    return submitted.status_path


def test_counselor_writes_resident_reads_and_answers(
    counselor: Client,
    submitted: actions.Submitted,
    django_capture_on_commit_callbacks: Any,
) -> None:
    case = submitted.case
    with django_capture_on_commit_callbacks(execute=True):
        response = counselor.post(f"/staff/consultations/{case.reference}/message", {"text": REPLY})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.author == counselor.user and not message.from_resident  # type: ignore[attr-defined]
    assert AuditEntry.objects.filter(case=case, action="message").count() == 1

    # The mail: in Vietnamese, says there is a message, never what it says.
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [INTAKE["email"]] and case.reference in sent.subject
    assert "tin nhắn mới" in sent.subject.lower()
    everything = sent.subject + sent.body + "".join(str(a) for a in sent.attachments)
    assert REPLY not in everything and "bảo hiểm y tế quốc dân" not in everything
    assert INTAKE["description"] not in everything
    # Its link is a fresh one: it opens the status page, and only its hash is stored.
    url = re.search(r"https?://\S+/consult/s/(\S+)", sent.body)
    assert url is not None
    token = url.group(1)
    assert StatusLink.objects.filter(case=case).count() == 1
    assert not StatusLink.objects.filter(token_hash=token).exists()
    resident = Client()
    page = resident.get(f"/consult/s/{token}", HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and REPLY in page.content.decode()

    # The resident answers on the status page.
    answer = "Cảm ơn. Tôi cần mang theo giấy tờ gì?"
    response = resident.post(f"/consult/s/{token}/reply", {"text": answer})
    assert response.status_code == 302
    reply = Message.objects.get(from_resident=True)
    assert reply.text == answer and reply.author is None and reply.seen_at is None
    assert AuditEntry.objects.filter(case=case, action="resident-message", user=None).exists()
    assert len(mail.outbox) == 1  # the resident is not mailed about their own answer

    # The queue shows the new message until a counselor opens the case.
    queue = counselor.get("/staff/consultations/").content.decode()
    assert "data-new-message" in queue
    views_before = AuditEntry.objects.filter(case=case, action="view").count()
    case_page = counselor.get(f"/staff/consultations/{case.reference}/").content.decode()
    assert answer in case_page
    assert AuditEntry.objects.filter(case=case, action="view").count() == views_before + 1
    assert Message.objects.get(pk=reply.pk).seen_at is not None
    assert "data-new-message" not in counselor.get("/staff/consultations/").content.decode()


def test_insert_an_faq_answer_without_javascript(faq: None, counselor: Client, case: Case) -> None:
    entry = FaqEntry.objects.get(slug="nhi-enroll")
    from consultations import presenter

    vietnamese = presenter.answers([(entry, 1.0)], "vi")[0].answer
    assert vietnamese.language == "vi"  # the demo has it in Vietnamese
    views_before = AuditEntry.objects.filter(case=case, action="view").count()
    response = counselor.post(
        f"/staff/consultations/{case.reference}/message",
        {"text": "Chào anh,", "faq_answer": "nhi-enroll", "insert": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    textarea = re.search(r'<textarea id="id_text"[^>]*>(.*?)</textarea>', html, re.S)
    assert textarea is not None
    from html import unescape

    assert unescape(textarea.group(1)).startswith("Chào anh,\n\n" + vietnamese.text[:40])
    assert not Message.objects.exists()  # inserting is not sending
    assert AuditEntry.objects.filter(case=case, action="view").count() == views_before + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Hãy viết câu trả lời trước."),
        ("a\x00b", "Nội dung có ký tự mà chúng tôi không thể lưu."),
        ("x" * 5001, "5000"),
    ],
)
def test_resident_answer_is_checked_like_the_intake(
    client: Client, submitted: actions.Submitted, text: str, expected: str
) -> None:
    response = client.post(
        f"{submitted.status_path}/reply", {"text": text}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert expected in html and 'aria-invalid="true"' in html and "error-summary" in html
    assert not Message.objects.exists()


def test_lone_surrogates_are_refused_with_a_message(client: Client, groups: Any) -> None:
    with translation.override("en"):
        form = MessageForm({"text": "ok \ud800 ok"})
        assert not form.is_valid()
        assert "cannot store" in form.errors["text"][0]
    # The JSON API can carry one (\\ud800 is valid JSON); the intake refuses it, never a 500.
    body = json.dumps({**INTAKE, "consent": True, "description": "ok \ud800 ok"})
    response = client.post(
        "/api/consultations", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 400
    assert "không thể lưu" in response.json()["error"]["fields"]["description"][0]
    assert not Case.objects.exists()


def test_staff_message_limits(counselor: Client, case: Case) -> None:
    response = counselor.post(f"/staff/consultations/{case.reference}/message", {"text": "  "})
    assert response.status_code == 400 and not Message.objects.exists()


def test_a_closed_case_takes_no_more_answers(client: Client, submitted: actions.Submitted) -> None:
    actions.do_set_status(submitted.case, CaseStatus.CLOSED, None)
    client.post(f"{submitted.status_path}/reply", {"text": "Một câu hỏi nữa"})
    assert not Message.objects.exists()
    page = client.get(submitted.status_path).content.decode()
    assert 'action="/consult/s/' not in page.split("data-thread")[1].split("<h2")[0]


def test_messages_are_exported_and_go_with_erasure_and_purge(
    supervisor: Client, submitted: actions.Submitted
) -> None:
    case = submitted.case
    actions.do_add_message(case, REPLY, None)
    actions.do_add_message(case, "Cảm ơn", None, from_resident=True)
    StatusLink.objects.create(case=case, token_hash="x" * 64)
    data = export.case_data(case)
    assert [m["from"] for m in data["messages"]] == ["plaza", "resident"]
    assert data["messages"][0]["text"] == REPLY
    response = supervisor.post(
        "/staff/consultations/person/erase", {"email": INTAKE["email"], "confirm": "erase"}
    )
    assert response.status_code == 302
    assert not Message.objects.exists() and not StatusLink.objects.exists()
    assert not Case.objects.exists()


def test_a_message_restarts_the_retention_period(submitted: actions.Submitted) -> None:
    case = submitted.case
    Case.objects.filter(pk=case.pk).update(expires_at=case.created_at)
    case.refresh_from_db()
    actions.do_add_message(case, "Cảm ơn", None, from_resident=True)
    case.refresh_from_db()
    assert case.expires_at > case.created_at
