"""Translators translate FAQ entries with the shared editor; the answer is searchable at once."""

from __future__ import annotations

import pytest
from django.test import Client

from consultations.models import FaqEntry, FaqVector
from translations.models import Translation

pytestmark = pytest.mark.django_db

THAI_QUESTION = "ต้องสมัครประกันสุขภาพแห่งชาติเมื่อไร"
THAI_ANSWER = "สมัครที่สำนักงานเขตภายใน 14 วันหลังย้ายเข้ามา"


def test_translator_translates_an_faq_entry_and_it_is_indexed(
    faq: None, translator_client: Client
) -> None:
    entry = FaqEntry.objects.get(slug="nhi-enroll")
    mine = Translation.objects.filter(content_type__model="faqentry", object_id=entry.pk)
    assert not mine.filter(language="th").exists()
    listing = translator_client.get("/staff/faq/").content.decode()
    assert "/staff/faq/nhi-enroll/translate/th" in listing
    page = translator_client.get("/staff/faq/nhi-enroll/translate/th")
    assert page.status_code == 200
    response = translator_client.post(
        "/staff/faq/nhi-enroll/translate/th",
        {
            f"text-faqentry-{entry.pk}-question": THAI_QUESTION,
            f"status-faqentry-{entry.pk}-question": "reviewed",
            f"text-faqentry-{entry.pk}-answer": THAI_ANSWER,
            f"status-faqentry-{entry.pk}-answer": "published",
        },
    )
    assert response.status_code == 302
    rows = mine.filter(language="th")
    assert {r.field: r.text for r in rows} == {"question": THAI_QUESTION, "answer": THAI_ANSWER}
    assert FaqVector.objects.filter(entry=entry, language="th").exists()
    hits = Client().get("/api/faq/search", {"q": THAI_QUESTION, "lang": "th"}).json()
    assert THAI_ANSWER in str(hits)


def test_unknown_language_or_entry_is_404(faq: None, translator_client: Client) -> None:
    assert translator_client.get("/staff/faq/nhi-enroll/translate/xx").status_code == 404
    assert translator_client.get("/staff/faq/no-such/translate/vi").status_code == 404
    assert translator_client.get("/staff/faq/nhi-enroll/translate/ja").status_code == 404


def test_easy_japanese_fields_are_checked_inline(faq: None, translator_client: Client) -> None:
    html = translator_client.get("/staff/faq/nhi-enroll/translate/ja-easy").content.decode()
    assert 'class="easy-check"' in html
