"""One retention period, from the settings, said the same on the consent, status and staff pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from consultations import actions, retention
from consultations.models import Case, CaseStatus

pytestmark = pytest.mark.django_db


def retention_text(html: str) -> str:
    return html.split("data-retention>")[1].split("</")[0]


def test_the_three_pages_say_the_period_the_purge_uses(
    client: Client, counselor: Client, submitted: actions.Submitted
) -> None:
    case = submitted.case  # health insurance: the default period, 3 years
    assert retention.days_for(case.category) == 3 * 365
    intake = client.get("/consult/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We delete what you send 3 years after the last change" in retention_text(intake)
    assert "Residence status and visas: 5 years" in intake  # the topics with another period
    assert "Medical care and health: 1 year" in intake
    status = client.get(submitted.status_path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We delete this consultation 3 years after its last change" in status
    staff = counselor.get(f"/staff/consultations/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en")
    text = retention_text(staff.content.decode())
    assert "3 years after the last change" in text
    # ... and the date shown is the one the purge uses, in Japan's time.
    assert timezone.localtime(case.expires_at).date().isoformat() in text
    vi = client.get(submitted.status_path, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "3 năm sau lần thay đổi cuối cùng" in vi


def test_changing_the_setting_changes_every_page_and_the_purge(
    settings: Any, client: Client, submitted: actions.Submitted
) -> None:
    settings.TABUNKA_CONSULT_RETENTION_DAYS = {"default": 400}
    status = client.get(submitted.status_path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "400 days after its last change" in status
    intake = client.get("/consult/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "400 days after the last change" in intake and "different" not in intake
    case = submitted.case
    actions.do_set_status(case, CaseStatus.CLOSED, None)  # closing restarts the period
    case.refresh_from_db()
    assert case.expires_at - case.closed_at == datetime.timedelta(days=400)
    assert actions.do_purge_expired(case.closed_at + datetime.timedelta(days=399)) == 0
    assert actions.do_purge_expired(case.closed_at + datetime.timedelta(days=401)) == 1
    assert not Case.objects.exists()
