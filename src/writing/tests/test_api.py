"""POST /api/yasashii/check and the assistant page without JavaScript."""

from __future__ import annotations

import json

import pytest
from django.test import Client

import yasashii

pytestmark = pytest.mark.django_db

STIFF = "至急ご提出くださいますようお願い申し上げます。"


def post(client: Client, payload: object, **extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = client.post(
        "/api/yasashii/check", json.dumps(payload), content_type="application/json", **extra
    )
    return response.status_code, response.json()


def test_report_has_located_issues_score_and_furigana(editor_client: Client) -> None:
    status, report = post(editor_client, {"text": STIFF})
    assert status == 200
    honorific = next(i for i in report["issues"] if i["rule"] == "honorific")
    assert STIFF[honorific["start"] : honorific["end"]] == honorific["surface"]
    assert honorific["suggestions"]
    assert isinstance(report["readability"], float)
    assert "<ruby>" in report["ruby"]


@pytest.mark.parametrize(
    ("payload", "status", "english"),
    [
        ({"text": "   "}, 400, "Please write or paste"),
        ({"text": "あ" * (yasashii.MAX_CHARS + 1)}, 413, "too long"),
        ({"nottext": 1}, 400, "Send JSON"),
        ([1, 2], 400, "Send JSON"),
    ],
)
def test_bad_input_gets_a_clear_error_in_the_users_language(
    editor_client: Client, payload: object, status: int, english: str
) -> None:
    got, body = post(editor_client, payload, HTTP_ACCEPT_LANGUAGE="en")
    assert got == status and english in body["error"]["message"]  # issue 9: {code, message}
    editor_client.cookies.pop("lang", None)
    _, body_ja = post(editor_client, payload, HTTP_ACCEPT_LANGUAGE="ja")
    assert english not in body_ja["error"]["message"]


def test_malformed_json_is_400(editor_client: Client) -> None:
    response = editor_client.post("/api/yasashii/check", b"{nope", content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>申請してください", "\x00\x07制御😀文字", "ＡＢＣ abc 漢字"]
)
def test_odd_input_never_crashes_and_ruby_is_escaped(editor_client: Client, text: str) -> None:
    status, report = post(editor_client, {"text": text})
    assert status == 200
    assert "<script>" not in report["ruby"]


def test_anonymous_and_non_staff_are_refused(client: Client) -> None:
    status, body = post(client, {"text": STIFF})
    assert status == 403 and "error" in body
    assert client.get("/staff/write/").status_code == 302


def test_assistant_works_without_javascript(editor_client: Client) -> None:
    html = editor_client.post("/staff/write/", {"text": STIFF}).content.decode()
    assert '<mark data-i="' in html
    assert "提出してください" in html  # a suggestion is shown
    html = editor_client.post("/staff/write/", {"text": ""}).content.decode()
    assert 'role="alert">' in html and "</p>" in html


def test_html_fragment_for_the_notice_editor(editor_client: Client) -> None:
    response = editor_client.post(
        "/api/yasashii/check?format=html",
        json.dumps({"text": STIFF}),
        content_type="application/json",
    )
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "申し上げます" in html and "<strong>" in html


def test_notice_editor_checks_every_easy_japanese_field_inline(editor_client: Client) -> None:
    from notices.models import Notice, Step
    from translations.models import Status
    from translations.services import set_translation

    notice = Notice.objects.get(code="NH7K4A")
    step = Step.objects.create(notice=notice, order=90, text="至急提出してください。")
    set_translation(step, "text", "ja-easy", STIFF, status=Status.DRAFT)
    html = editor_client.get("/staff/notices/NH7K4A/translate/ja-easy").content.decode()
    fields = [row for row in notice.parts() for _ in row.translatable_fields]
    assert html.count('class="easy-check"') >= len(fields) // 2
    box = html.split(f'data-for="text-step-{step.pk}-text"')[1].split("</div>")[0]
    assert "申し上げます" in box  # the honorific is flagged where it stands
    assert "Readability score" in box or "読みやすさ" in box
    assert (
        'class="easy-check"'
        not in editor_client.get("/staff/notices/NH7K4A/translate/vi").content.decode()
    )
