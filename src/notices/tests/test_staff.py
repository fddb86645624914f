"""The back office: who may do what with notices."""

from __future__ import annotations

import pytest
from django.test import Client

from notices.models import Notice, NoticeStatus, Step
from translations.models import Translation

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"


def test_anonymous_is_sent_to_login_everywhere_in_the_back_office(client: Client) -> None:
    for path in (
        "/staff/",
        f"/staff/notices/{NHI}/",
        f"/staff/notices/{NHI}/preview/vi",
        f"/staff/notices/{NHI}/translate/vi",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(f"/staff/notices/{NHI}/withdraw")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Notice.objects.get(code=NHI).status == NoticeStatus.PUBLISHED


def test_translator_may_translate_but_not_change_the_lifecycle(translator_client: Client) -> None:
    assert translator_client.get(f"/staff/notices/{NHI}/translate/vi").status_code == 200
    for action in ("withdraw", "publish", "supersede"):
        assert translator_client.post(f"/staff/notices/{NHI}/{action}").status_code == 403
    assert Notice.objects.get(code=NHI).status == NoticeStatus.PUBLISHED


def test_editor_withdraws_and_publishes_again(editor_client: Client) -> None:
    editor_client.post(f"/staff/notices/{NHI}/withdraw")
    assert Notice.objects.get(code=NHI).status == NoticeStatus.WITHDRAWN
    # The checklist (Easy-Japanese findings at least) asks for an explicit confirmation.
    editor_client.post(f"/staff/notices/{NHI}/publish", {"confirm": "yes"})
    assert Notice.objects.get(code=NHI).status == NoticeStatus.PUBLISHED


def test_editor_supersedes_through_the_form(editor_client: Client) -> None:
    old = Notice.objects.get(code=NHI)
    new = Notice.objects.exclude(code=NHI).filter(status=NoticeStatus.PUBLISHED).first()
    assert new is not None
    editor_client.post(f"/staff/notices/{NHI}/supersede", {"successor": new.code})
    old.refresh_from_db()
    assert old.status == NoticeStatus.SUPERSEDED and old.superseded_by == new


def test_preview_in_every_language(editor_client: Client) -> None:
    from core.languages import CODES

    for code in CODES:
        response = editor_client.get(f"/staff/notices/{NHI}/preview/{code}")
        assert response.status_code == 200
    assert editor_client.get(f"/staff/notices/{NHI}/preview/xx").status_code == 404


def test_translating_a_field_records_source_and_status(translator_client: Client) -> None:
    notice = Notice.objects.get(code=NHI)
    step = Step.objects.create(notice=notice, order=50, text="窓口で番号札を取ってください。")
    key = f"step-{step.pk}-text"
    response = translator_client.post(
        f"/staff/notices/{NHI}/translate/th",
        {f"text-{key}": "กรุณารับบัตรคิวที่เคาน์เตอร์", f"status-{key}": "reviewed"},
    )
    assert response.status_code == 302
    row = Translation.objects.get(object_id=step.pk, field="text", language="th")
    assert row.status == "reviewed" and row.source_text == step.text
    assert row.updated_by is not None and row.updated_by.username == "translator-user"


def test_editor_can_create_a_notice_in_the_admin(editor_client: Client) -> None:
    assert editor_client.get("/staff/admin/notices/notice/add/").status_code == 200


def test_outsider_staff_without_role_gets_403(client: Client) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("visitor", password="x"))
    assert client.get("/staff/").status_code == 403
    assert client.get(f"/staff/notices/{NHI}/").status_code == 403
