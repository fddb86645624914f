"""The publish checklist over HTTP: gaps, confirmation and its record, machine translation."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.testing import make_staff
from core import languages
from notices import checklist, presenter
from notices.models import EventKind, Notice, NoticeStatus, Office, Topic
from translations.models import Status, Translation, TranslationJob
from translations.services import set_translation
from translations.tests import fakes
from translations.tests.conftest import run_worker_once
from writing.checks import check_texts, easy_check

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
LIBRE = {"en", "zh-hans", "zh-hant", "ko", "id", "fil", "th", "pt-br", "es"}  # what it serves


@pytest.fixture
def editor(db: None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_staff("editor"))
    return client


@pytest.fixture
def libre(settings: Any) -> Iterator[fakes.Fake]:
    """Point the machine-translation settings at a local fake LibreTranslate."""
    with fakes.serve(fakes.libretranslate) as fake:
        settings.TABUNKA_MT_PROVIDER = "libretranslate"
        settings.TABUNKA_MT_URL = fake.url
        settings.TABUNKA_MT_KEY = "test-key"
        settings.TABUNKA_MT_TIMEOUT = 2
        yield fake


def water_bill(editor: Client, **fields: str) -> Notice:
    """Create the water-bill draft through the editor and return it."""
    data = {
        "title": "水道料金のお知らせ",
        "topic": str(Topic.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "summary": "水道の料金のお知らせです。",
        "deadline": "2027-01-31",
        "deadline_note": "",
        "contact": "",
        "then": "",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-0-text": "銀行で払ってください。",
    }
    for prefix in ("documents", "fees", "offices", "links", "faqs"):
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(fields)
    assert editor.post("/staff/notices/new", data).status_code == 302
    return Notice.objects.get(title="水道料金のお知らせ")


def test_publishing_with_gaps_is_refused_until_confirmed_and_then_recorded(
    editor: Client,
) -> None:
    notice = water_bill(editor)
    url = f"/staff/notices/{notice.code}/publish"
    response = editor.post(url)
    assert response.status_code == 400
    assert "Confirm that you publish with them" in response.content.decode()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT and not notice.events.filter(kind="published")
    response = editor.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    event = notice.events.get(kind=EventKind.PUBLISHED)
    assert event.with_gaps and event.user is not None and event.user.username == "editor-user"
    gaps = event.detail["gaps"]
    assert gaps["languages"]["vi"]["missing"] == 3  # title, summary, step (the topic has text)
    assert set(gaps["languages"]) == set(languages.TARGETS) and gaps["no_contact"] is True
    detail = editor.get(f"/staff/notices/{notice.code}/").content.decode()
    assert "published with gaps" in detail


def test_checklist_lists_languages_contact_and_the_way_to_configure_machine_translation(
    editor: Client,
) -> None:
    notice = water_bill(editor)
    html = editor.get(f"/staff/notices/{notice.code}/publish").content.decode()
    rows = re.findall(r'<th scope="row" lang="([^"]+)">', html)
    assert len(rows) == 13  # every target language, each with its own lang
    assert "Residents are not told whom to ask" in html
    assert "TABUNKA_MT_PROVIDER" in html and "Machine-translate the missing ones" not in html
    assert editor.post(f"/staff/notices/{notice.code}/publish/machine").status_code == 302
    assert not TranslationJob.objects.exists()  # nothing to queue without a provider
    office = Office.objects.create(slug="water", name="上下水道局", address="水前寺", hours="平日")
    notice.noticeoffice_set.create(office=office, order=1)
    html = editor.get(f"/staff/notices/{notice.code}/publish").content.decode()
    assert "Residents are not told whom to ask" not in html
    assert "Offices without a phone number:" in html and "上下水道局" in html


@pytest.mark.parametrize(
    ("now", "past"),
    [
        (datetime.datetime(2027, 1, 31, 23, 59, 59, tzinfo=TOKYO), False),  # the day itself
        (datetime.datetime(2027, 2, 1, 0, 0, 0, tzinfo=TOKYO), True),  # the next day in Kumamoto
    ],
)
def test_a_deadline_is_past_from_the_next_day_in_japan(
    editor: Client, now: datetime.datetime, past: bool
) -> None:
    notice = water_bill(editor)  # deadline 2027-01-31
    with time_machine.travel(now, tick=False):
        editor.force_login(User.objects.get(username="editor-user"))  # a fresh session then
        html = editor.get(f"/staff/notices/{notice.code}/publish").content.decode()
        assert checklist.build(notice).deadline_past is past
    assert ("The deadline 2027-01-31 has passed." in html) is past


def test_machine_translate_the_missing_ones_queues_the_existing_job(
    editor: Client, libre: fakes.Fake
) -> None:
    notice = water_bill(editor, contact="上下水道局 お客さまセンター")
    html = editor.get(f"/staff/notices/{notice.code}/publish").content.decode()
    assert "Machine-translate the missing ones" in html
    assert '<span lang="vi">' not in html.split("can fill:")[1].split("</form>")[0]
    response = editor.post(f"/staff/notices/{notice.code}/publish/machine")
    assert response.status_code == 302
    job = TranslationJob.objects.get()
    assert set(job.languages) == LIBRE and job.label == notice.code
    assert job.created_by is not None and job.created_by.username == "editor-user"
    assert run_worker_once() == 1
    job.refresh_from_db()
    assert job.status == "done" and job.filled > 0
    row = Translation.objects.get(
        content_type__model="notice", object_id=notice.pk, field="title", language="es"
    )
    assert row.status == Status.MACHINE and row.text == "[es] 水道料金のお知らせ"
    assert set(presenter.available_languages(notice)) == LIBRE | {"ja"}
    html = editor.get(f"/staff/notices/{notice.code}/publish").content.decode()
    assert "Machine translation finished" in html


def test_a_complete_notice_publishes_without_confirmation(editor: Client) -> None:
    notice = water_bill(editor, contact="すいどうきょく")
    # An easy topic name, so that the shared catalog adds no finding of its own.
    topic = Topic.objects.create(slug="plain", name="くらし", order=99)
    notice.topic = topic
    notice.save()
    easy = "みずの おかねの おしらせ です。"
    assert easy_check(easy) is not None and not easy_check(easy)["issues"]  # type: ignore[index]
    for obj, name in [(o, f) for o in notice.parts() for f in o.translatable_fields]:
        if not getattr(obj, name):
            continue
        for code in languages.TARGETS:
            text = easy if code == languages.EASY else f"[{code}] {getattr(obj, name)}"
            set_translation(obj, name, code, text, status=Status.PUBLISHED)
    assert not checklist.build(notice).has_gaps
    response = editor.post(f"/staff/notices/{notice.code}/publish")
    assert response.status_code == 302
    event = Notice.objects.get(pk=notice.pk).events.get(kind=EventKind.PUBLISHED)
    assert not event.with_gaps and event.detail == {"gaps": {}}


def test_landing_print_sheet_and_api_offer_only_the_available_languages(
    editor: Client, client: Client
) -> None:
    notice = water_bill(editor)
    for obj, name in [(notice, "title"), (notice, "summary"), (notice.steps.get(), "text")]:
        set_translation(obj, name, "en", f"EN {getattr(obj, name)}", status=Status.PUBLISHED)
        set_translation(obj, name, "ja-easy", "みずの おかね", status=Status.PUBLISHED)
    editor.post(f"/staff/notices/{notice.code}/publish", {"confirm": "yes"})
    sheet = client.get(f"/n/{notice.code}/print").content.decode()
    assert re.findall(r'<li lang="([^"]+)">', sheet) == ["ja", "ja", "en"]
    vi = client.get(f"/n/{notice.code}?lang=vi").content.decode()
    assert vi.count('id="not-translated"') == 1
    assert "Phần giải thích này chưa có bằng Tiếng Việt." in vi
    assert "Nội dung dưới đây bằng tiếng Nhật dễ hiểu." in vi
    assert "Not yet translated" not in vi and "Chưa được dịch" not in vi
    assert 'hreflang="en"' in vi  # where it can be read instead
    menu = re.search(r'<nav aria-label="[^"]*"><ul>(.*?)</ul></nav>', vi, re.S)
    assert menu and re.findall(r' lang="([^"]+)"', menu.group(1)) == ["ja", "ja", "en", "vi"]
    listed = client.get("/api/notices").json()["notices"]
    assert next(n for n in listed if n["code"] == notice.code)["languages"] == [
        "ja",
        "ja-easy",
        "en",
    ]
    en = client.get(f"/n/{notice.code}?lang=en").content.decode()
    assert 'id="not-translated"' not in en and "EN 水道料金のお知らせ" in en


def test_a_published_notice_is_not_published_twice(editor: Client) -> None:
    notice = Notice.objects.get(code="NH7K4A")
    before = notice.events.count()
    response = editor.post(f"/staff/notices/{notice.code}/publish", {"confirm": "yes"})
    assert response.status_code == 400
    assert "This notice cannot be published from here" in response.content.decode()
    assert notice.events.count() == before


def test_easy_japanese_checks_cost_the_same_queries_for_any_number_of_fields() -> None:
    """The checklist reads the known terms once per page, not once per field."""
    notice = Notice.objects.get(code="NH7K4A")
    checklist.build(notice)  # content types and the like are cached from here on
    with CaptureQueriesContext(connection) as before:
        first = checklist.build(notice)
    for n in range(10):
        step = notice.steps.create(order=100 + n, text=f"追加の手順{n}です。")
        set_translation(step, "text", languages.EASY, f"てじゅん{n}です。", status=Status.PUBLISHED)
    with CaptureQueriesContext(connection) as after:
        found = checklist.build(notice)
    assert found.languages[0].total == first.languages[0].total + 10  # ten more fields checked
    assert len(after) == len(before)


def test_a_page_of_easy_japanese_is_checked_in_reading_order() -> None:
    """check_texts gives each text what easy_check gives it after the texts read before it."""
    rows = Translation.objects.filter(language=languages.EASY).exclude(text="").order_by("pk")
    texts = [row.text for row in rows[:12]]
    assert len(texts) == 12
    texts.insert(3, "")  # an empty field gets no report and explains nothing
    expected = [
        easy_check(
            text, domain="insurance", known_terms=["保険証"], context=texts[:i] or texts[1:2]
        )
        for i, text in enumerate(texts)
    ]
    assert expected[3] is None and all(r is not None for r in expected[4:])
    assert check_texts(texts, domain="insurance", known_terms=["保険証"]) == expected
