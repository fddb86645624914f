"""The sample content is complete in the languages the city promised."""

from __future__ import annotations

import pytest

from core import languages
from notices.models import Document, Notice, Office, Topic
from translations.services import coverage

pytestmark = pytest.mark.django_db

CORE = ("ja-easy", "en", "zh-hans", "zh-hant", "vi", "ne", "id")


def missing(objects: list, code: str) -> int:  # type: ignore[type-arg]
    pairs = [(obj, field) for obj in objects for field in obj.translatable_fields]
    return coverage(pairs, code)["missing"]


def test_every_sample_notice_is_complete_in_the_eight_core_languages() -> None:
    notices = Notice.objects.filter(is_sample=True)
    assert notices.count() >= 8
    for notice in notices:
        for code in CORE:
            assert missing(notice.parts(), code) == 0, (notice.code, code)


def test_every_sample_notice_is_complete_in_all_14_locales() -> None:
    notices = Notice.objects.filter(is_sample=True)
    assert notices.count() >= 9
    for notice in notices:
        for lang in languages.TARGETS:
            assert missing(notice.parts(), lang) == 0, (notice.code, lang)


def test_catalogs_are_complete_in_all_14_locales() -> None:
    catalog = [*Office.objects.all(), *Document.objects.all(), *Topic.objects.all()]
    assert len(catalog) >= 20
    for lang in languages.TARGETS:
        assert missing(catalog, lang) == 0, lang
