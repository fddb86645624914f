from __future__ import annotations

import datetime

import pytest

from core import formatting


@pytest.mark.parametrize(
    ("day", "era"),
    [
        (datetime.date(2026, 6, 30), "令和8年"),
        (datetime.date(2019, 5, 1), "令和元年"),
        (datetime.date(2019, 4, 30), "平成31年"),
    ],
)
def test_japanese_era(day: datetime.date, era: str) -> None:
    assert formatting.japanese_era(day) == era


def test_era_only_beside_japanese_dates() -> None:
    day = datetime.date(2026, 6, 30)
    assert formatting.format_date(day, "ja", show_era=True) == "2026年（令和8年）6月30日火曜日"
    assert "令和" not in formatting.format_date(day, "ja-easy", show_era=False)
    assert formatting.format_date(day, "en", show_era=True) == "Tuesday, June 30, 2026"
    assert "2026" in formatting.format_date(day, "ne") and "जुन" in formatting.format_date(day, "ne")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ja", "12,000円"), ("en", "¥12,000"), ("vi", "12.000\xa0¥"), ("pt-br", "JP¥\xa012.000")],
)
def test_yen_per_locale(code: str, expected: str) -> None:
    assert formatting.format_yen(12000, code) == expected


def test_phone_national_for_japanese_international_for_others() -> None:
    assert formatting.format_phone("096-328-2111", "ja") == "096-328-2111"
    assert formatting.format_phone("096-328-2111", "vi") == "+81 96-328-2111"
    assert formatting.tel_uri("096-328-2111") == "tel:+81-96-328-2111"
    assert formatting.format_phone("not a number", "en") == "not a number"
