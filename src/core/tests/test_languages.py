from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from core import languages


def test_settings_and_registry_agree() -> None:
    assert [code for code, _ in settings.LANGUAGES] == list(languages.CODES)
    assert len(languages.CODES) == 14


@pytest.mark.django_db
def test_api_languages_gives_code_native_name_and_bcp47(client: Client) -> None:
    data = client.get("/api/languages").json()["languages"]
    assert len(data) == 14
    by_code = {row["code"]: row for row in data}
    assert by_code["ja-easy"] == {
        "code": "ja-easy",
        "name": "やさしい日本語",
        "english": "Easy Japanese",
        "bcp47": "ja-x-easy",
    }
    assert by_code["zh-hant"]["bcp47"] == "zh-Hant" and by_code["zh-hant"]["name"] == "繁體中文"
    assert by_code["pt-br"]["bcp47"] == "pt-BR"
    assert by_code["ne"]["name"] == "नेपाली"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("vi-VN,vi;q=0.9", "vi"),
        ("en-US;q=0.5, ne;q=0.8", "ne"),
        ("zh-CN", "zh-hans"),
        ("zh-HK", "zh-hant"),
        ("zh-Hant-TW", "zh-hant"),
        ("tl-PH", "fil"),
        ("pt-PT", "pt-br"),
        ("ja-x-easy, ja;q=0.9", "ja-easy"),
        ("ja-JP", "ja"),
        ("de, fr;q=0.9", None),
        ("en;q=0", None),
        ("garbage;q=abc, id", "id"),
        ("", None),
    ],
)
def test_accept_language_negotiation(header: str, expected: str | None) -> None:
    assert languages.negotiate(header) == expected
