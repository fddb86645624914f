"""Dates, money and phone numbers written the way each locale writes them (CLDR via Babel)."""

from __future__ import annotations

import datetime

import phonenumbers
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency
from django.utils import translation
from django.utils.translation import gettext
from japanera import EraDate

from core import languages

JAPANESE = ("ja", "ja-easy")


def japanese_era(day: datetime.date) -> str:
    """Return the Japanese era year of a date, e.g. 令和8年 or 令和元年 (via japanera)."""
    era = EraDate.from_date(day).era
    year = era.absolute_year_to_relative_year(day.year)
    return f"{era.kanji}{'元' if year == 1 else year}年"


def format_date(day: datetime.date, code: str, *, show_era: bool = False) -> str:
    """Return a long date with weekday in the language; the era beside the year for Japanese."""
    text = babel_format_date(day, format="full", locale=languages.get(code).babel)
    if show_era and code in JAPANESE:
        # Easy Japanese uses Western years (guideline 9); the letter's era is shown beside it.
        text = text.replace(f"{day.year}年", f"{day.year}年（{japanese_era(day)}）", 1)
    return text


def format_yen(amount: int, code: str) -> str:
    """Return an amount of yen written the locale's way."""
    if code in JAPANESE:
        return f"{amount:,}円"
    return format_currency(amount, "JPY", locale=languages.get(code).babel)


def format_phone(number: str, code: str) -> str:
    """Return a Japanese phone number: national form for Japanese readers, +81 for the rest."""
    try:
        parsed = phonenumbers.parse(number, "JP")
    except phonenumbers.NumberParseException:
        return number
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if code in JAPANESE
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, style)


def tel_uri(number: str) -> str:
    """Return the tel: URI of a Japanese phone number."""
    try:
        parsed = phonenumbers.parse(number, "JP")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966)


def language_name(code: str, in_code: str) -> str:
    """Return the name of one of our languages written in another, e.g. vi in ja → ベトナム語."""
    if code == languages.EASY:
        with translation.override(in_code):
            return gettext("Easy Japanese")
    reader = languages.get(in_code).babel
    return Locale.parse(languages.get(code).bcp47, sep="-").get_display_name(reader) or code
