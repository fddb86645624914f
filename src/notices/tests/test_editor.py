"""The notice editor over HTTP: no-JavaScript rows, validation, codes, catalog entries, access."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from notices.models import (
    EventKind,
    Notice,
    NoticeEvent,
    NoticeOffice,
    NoticeStatus,
    Office,
    Step,
    Topic,
)
from translations.models import Status, Translation
from translations.services import set_translation

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"
PARTS = ("steps", "documents", "fees", "offices", "links", "faqs")


@pytest.fixture
def editor(db: None) -> Client:
    """Return an editor's client whose pages are in English (the staff language asked for)."""
    from accounts.testing import make_staff

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_staff("editor"))
    return client


def letter(**fields: Any) -> dict[str, Any]:
    """Return the POST data of a new water-bill notice with the given steps and extras."""
    data: dict[str, Any] = {
        "title": "水道料金のお知らせ",
        "topic": Topic.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
        "summary": "水道の料金のお知らせです。",
        "deadline": "2027-01-31",
        "deadline_note": "この日までに払ってください。",
        "contact": "",
        "then": "",
    }
    for prefix in PARTS:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(fields)
    return data


def with_steps(data: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    data["steps-TOTAL_FORMS"] = str(len(texts))
    for i, text in enumerate(texts):
        data[f"steps-{i}-text"] = text
        data[f"steps-{i}-ORDER"] = str(i + 1)
    return data


def existing_rows(client: Client, code: str) -> dict[str, Any]:
    """Return the editor's form as a browser would submit it unchanged."""
    html = client.get(f"/staff/notices/{code}/edit").content.decode()
    data: dict[str, Any] = {}
    for name, value in re.findall(
        r'<input type="(?:hidden|text|number|url|date)" name="([^"]+)"(?: value="([^"]*)")?', html
    ):
        data[name] = value
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = value
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        data[name] = chosen.group(1) if chosen else ""
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]* checked', html):
        data[name] = "on"
    data.pop("csrfmiddlewaretoken", None)
    data["then"] = ""
    return data


def test_new_notice_gets_its_code_on_first_save_and_the_page_shows_that_code(
    editor: Client,
) -> None:
    page = editor.get("/staff/notices/new").content.decode()
    assert "data-code" not in page  # no code is promised before one is assigned
    assert "Step 1" in page and "object (" not in page
    response = editor.post(
        "/staff/notices/new", with_steps(letter(), ["口座振替の手続きをしてください。"])
    )
    assert response.status_code == 302
    notice = Notice.objects.get(title="水道料金のお知らせ")
    assert response["Location"] == f"/staff/notices/{notice.code}/edit"
    assert notice.status == NoticeStatus.DRAFT
    page = editor.get(response["Location"]).content.decode()
    shown = re.search(r"data-code>([0-9A-Z]+)<", page)
    assert shown and shown.group(1) == notice.code
    event = NoticeEvent.objects.get(notice=notice)
    assert event.kind == EventKind.CREATED and event.user.username == "editor-user"  # type: ignore[union-attr]


def test_add_another_row_without_javascript_keeps_what_was_typed(editor: Client) -> None:
    data = with_steps(letter(), ["一つ目の手順です。"])
    data["add"] = "steps"
    response = editor.post("/staff/notices/new", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="steps-TOTAL_FORMS" value="2"' in html
    assert "一つ目の手順です。" in html and "Step 2" in html and 'name="steps-1-text"' in html
    assert "水道料金のお知らせ" in html
    assert not Notice.objects.filter(title="水道料金のお知らせ").exists()  # nothing saved yet
    # The empty new row is ignored when saving.
    data.pop("add")
    data["steps-TOTAL_FORMS"] = "2"
    data["steps-1-ORDER"] = "2"  # the script numbers every row; an empty one stays empty
    assert editor.post("/staff/notices/new", data).status_code == 302
    assert Notice.objects.get(title="水道料金のお知らせ").steps.count() == 1


def test_remove_and_reorder_without_javascript(editor: Client) -> None:
    editor.post("/staff/notices/new", with_steps(letter(), ["一", "二", "三"]))
    notice = Notice.objects.get(title="水道料金のお知らせ")
    data = existing_rows(editor, notice.code)
    ids = {data[f"steps-{i}-text"].strip(): i for i in range(3)}
    data[f"steps-{ids['一']}-DELETE"] = "on"
    data[f"steps-{ids['二']}-ORDER"] = "5"
    data[f"steps-{ids['三']}-ORDER"] = "1"
    response = editor.post(f"/staff/notices/{notice.code}/edit", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [s.text for s in notice.steps.all()] == ["三", "二"]
    assert [s.order for s in notice.steps.all()] == [1, 2]
    event = notice.events.filter(kind=EventKind.EDITED).get()
    # 三 moved to the top; 二 stays second, so only one row was written.
    assert event.detail["parts"]["steps"] == {"changed": 1, "removed": 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "このフィールドは必須です。"),
        ({"deadline": "2027-02-31"}, "日付を正しく入力してください。"),
        (
            {"links-TOTAL_FORMS": "1", "links-0-label": "市のページ", "links-0-url": "not a url"},
            "URLを正しく入力してください。",
        ),
        (
            {"fees-TOTAL_FORMS": "1", "fees-0-label": "基本料金", "fees-0-amount": "-5"},
            "この値は 0 以上でなければなりません。",
        ),
        ({"steps-TOTAL_FORMS": "x"}, "ManagementForm"),
    ],
)
def test_bad_input_is_explained_in_the_users_language_and_nothing_is_lost(
    editor: Client, change: dict[str, str], message: str
) -> None:
    data = with_steps(letter(), ["残しておく手順です。"])
    data.update(change)
    response = editor.post("/staff/notices/new", data, HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "確認が必要な項目があります。まだ何も保存されていません。" in html
    if "steps-TOTAL_FORMS" not in change:
        assert "残しておく手順です。" in html  # what was typed is still on the page
    assert not Notice.objects.filter(title="水道料金のお知らせ").exists()


def test_editing_the_source_marks_translations_outdated_and_records_one_event(
    editor: Client,
) -> None:
    notice = Notice.objects.get(code=NHI)
    before = notice.revision
    data = existing_rows(editor, NHI)
    data["summary"] = data["summary"].strip() + "（改定）"
    response = editor.post(f"/staff/notices/{NHI}/edit", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    notice.refresh_from_db()
    assert notice.revision == before + 1
    rows = Translation.objects.filter(
        content_type__model="notice", object_id=notice.pk, field="summary"
    )
    assert rows.exists() and all(r.outdated for r in rows)
    title_rows = Translation.objects.filter(
        content_type__model="notice", object_id=notice.pk, field="title"
    )
    assert not any(r.outdated for r in title_rows)
    event = notice.events.get()
    assert event.kind == EventKind.EDITED and event.detail["fields"] == ["summary"]
    assert event.revision == notice.revision and event.detail["parts"] == {}


def test_the_easy_japanese_check_runs_on_save_beside_the_field(editor: Client) -> None:
    data = with_steps(letter(summary="当該料金を速やかに納付されたい。"), ["納付してください。"])
    response = editor.post("/staff/notices/new", data, follow=True)
    html = response.content.decode()
    summary_box = re.search(
        r'<div class="easy-check" data-for="id_summary"[^>]*>(.*?)</div>', html, re.S
    )
    assert summary_box and "Readability score" in summary_box.group(1)
    assert "<li>" in summary_box.group(1)  # at least one located finding is listed


def test_editor_adds_an_office_from_the_editor_and_returns_to_the_notice(
    editor: Client,
) -> None:
    data = with_steps(letter(), ["水道局の窓口で払ってください。"])
    data["then"] = "office"
    response = editor.post("/staff/notices/new", data)
    notice = Notice.objects.get(title="水道料金のお知らせ")
    assert response["Location"] == f"/staff/notices/{notice.code}/offices/new"
    assert editor.post(response["Location"], {"name": ""}).status_code == 400
    response = editor.post(
        f"/staff/notices/{notice.code}/offices/new",
        {
            "name": "上下水道局",
            "address": "熊本市中央区水前寺6丁目2-45",
            "hours": "平日 8:30〜17:15",
            "phone": "096-381-1111",
            "map_url": "https://www.openstreetmap.org/?mlat=32.79&mlon=130.73",
        },
    )
    assert response["Location"] == f"/staff/notices/{notice.code}/edit#h-offices"
    office = Office.objects.get(name="上下水道局")
    assert office.slug and NoticeOffice.objects.filter(notice=notice, office=office).exists()
    page = editor.get(f"/staff/notices/{notice.code}/edit").content.decode()
    assert re.search(rf'<option value="{office.pk}" selected>上下水道局</option>', page)
    assert "Office 1" in page
    doc = editor.post(
        f"/staff/notices/{notice.code}/documents/new", {"name": "水道料金の納付書", "note": ""}
    )
    assert doc.status_code == 302
    assert [d.name for d in notice.ordered_documents()] == ["水道料金の納付書"]


def test_a_deleted_part_takes_its_translations_with_it(editor: Client) -> None:
    editor.post("/staff/notices/new", with_steps(letter(), ["一", "二"]))
    notice = Notice.objects.get(title="水道料金のお知らせ")
    first = notice.steps.get(text="一")
    set_translation(first, "text", "en", "One", status=Status.PUBLISHED)
    data = existing_rows(editor, notice.code)
    index = next(i for i in range(2) if data[f"steps-{i}-text"].strip() == "一")
    data[f"steps-{index}-DELETE"] = "on"
    assert editor.post(f"/staff/notices/{notice.code}/edit", data).status_code == 302
    assert not Step.objects.filter(pk=first.pk).exists()


# --- who may use the editor -----------------------------------------------------------------

ROUTES = [
    ("get", "/staff/notices/new", 200),
    ("post", "/staff/notices/new", 400),  # an empty form: explained, not saved
    ("get", f"/staff/notices/{NHI}/edit", 200),
    ("get", f"/staff/notices/{NHI}/offices/new", 200),
    ("get", f"/staff/notices/{NHI}/documents/new", 200),
    ("get", f"/staff/notices/{NHI}/publish", 200),
    ("post", f"/staff/notices/{NHI}/publish/machine", 302),
]


def _client(role: str) -> Client:
    from accounts.testing import make_staff

    client = Client()
    if role == "outsider":
        client.force_login(User.objects.create_user("outsider", password="x", is_staff=True))
    elif role != "anonymous":
        client.force_login(make_staff(role))
    return client


@pytest.mark.parametrize(("method", "path", "editor_status"), ROUTES)
def test_editor_routes_answer_each_persona(method: str, path: str, editor_status: int) -> None:
    for role in ("anonymous", "outsider", "translator", "editor"):
        response = getattr(_client(role), method)(path)
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        elif role == "editor":
            assert response.status_code == editor_status, (role, path)
        else:
            assert response.status_code == 403, (role, path)
    assert not Notice.objects.filter(title="").exists()


def test_unknown_notice_is_404_for_the_editor(editor: Client) -> None:
    assert editor.get("/staff/notices/ZZZZZZ/edit").status_code == 404
    assert editor.get("/staff/notices/ZZZZZZ/publish").status_code == 404


@pytest.mark.parametrize(
    "tamper",
    [
        {"steps-INITIAL_FORMS": "9"},  # more existing rows than there are
        {"steps-0-ORDER": "first"},
        {"offices-TOTAL_FORMS": "1", "offices-0-office": "999999"},
        {"topic": "not-a-topic"},
        {"add": "no-such-part"},
    ],
)
def test_tampered_input_is_refused_without_a_500(editor: Client, tamper: dict[str, str]) -> None:
    data = existing_rows(editor, NHI)
    data.update(tamper)
    response = editor.post(f"/staff/notices/{NHI}/edit", data)
    assert response.status_code in (302, 400)


def test_a_row_of_another_notice_cannot_be_edited_through_this_one(editor: Client) -> None:
    other = Notice.objects.exclude(code=NHI).first()
    assert other is not None
    foreign = other.steps.first()
    assert foreign is not None
    data = existing_rows(editor, NHI)
    data["steps-0-id"] = str(foreign.pk)
    data["steps-0-text"] = "書き換え"
    response = editor.post(f"/staff/notices/{NHI}/edit", data)
    assert response.status_code in (302, 400)  # Django treats an unknown row as a new one
    foreign.refresh_from_db()
    assert foreign.text != "書き換え" and foreign.notice_id == other.pk


def test_an_error_is_tied_to_its_field(editor: Client) -> None:
    data = with_steps(letter(title=""), ["手順です。"])
    html = editor.post("/staff/notices/new", data).content.decode()
    field = re.search(r'<input type="text" name="title"[^>]*>', html)
    assert field and 'aria-describedby="id_title_error"' in field.group(0)
    assert 'aria-invalid="true"' in field.group(0)
    assert re.search(r'<p class="error" id="id_title_error">[^<]+</p>', html)
