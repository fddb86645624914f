"""The Plaza's phone and hours have one source: every page that shows them shows the same."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation
from django.utils.html import escape

from core import plaza
from notices.models import Notice, Office

pytestmark = pytest.mark.django_db

TEL = re.compile(r'href="(tel:[^"]+)"')


def tel_links(html: str) -> set[str]:
    return set(TEL.findall(html))


def plaza_box(html: str) -> str:
    return html[html.index('<aside class="plaza"') : html.index("</aside>")]


def where_entry(html: str) -> str:
    """Return the Plaza's box in a notice's "Where" list."""
    name = Office.objects.get(slug="consultation-plaza").name
    start = html.index(name)
    return html[start : html.index("</div>", start)]


def numbers(links: set[str]) -> set[str]:
    return {
        phonenumbers.format_number(
            phonenumbers.parse(link.removeprefix("tel:"), "JP"), phonenumbers.PhoneNumberFormat.E164
        )
        for link in links
    }


@pytest.mark.parametrize("phone", ["096-359-2020", "096-111-2222"])
def test_help_box_where_list_error_page_and_intake_show_one_number(phone: str) -> None:
    with override_settings(TABUNKA_PLAZA={**_plaza(), "phone": phone}):
        client = Client()
        expected = {phonenumbers.format_number(phonenumbers.parse(phone, "JP"), 0)}
        nhi = Notice.objects.get(code="NH7K4A")
        assert nhi.offices.filter(slug="consultation-plaza").exists()
        pages = {
            "help box": plaza_box(client.get("/?lang=ja").content.decode()),
            "where list (ja)": where_entry(client.get(f"/n/{nhi.code}?lang=ja").content.decode()),
            "where list (ne)": where_entry(client.get(f"/n/{nhi.code}?lang=ne").content.decode()),
            "error page": client.get("/n/ZZZZZZ?lang=vi").content.decode(),
            "bad status link": client.get("/consult/s/nope?lang=ne").content.decode(),
            "intake": client.get("/consult/?lang=id").content.decode(),
        }
        for where, html in pages.items():
            # Every tel: link on these parts of the pages dials the Plaza's one number.
            assert numbers(tel_links(html)) == expected, where
        # The catalog's switchboard number is not the Plaza's.
        assert "tel:+81-96-328-2111" not in where_entry(
            client.get(f"/n/{nhi.code}?lang=ja").content.decode()
        )


@pytest.mark.parametrize("code", ["ja", "ne", "pt-br"])
def test_help_box_and_where_list_give_the_same_hours(code: str) -> None:
    client = Client()
    with translation.override(code):
        hours = escape(plaza.contact().hours)
    assert hours in plaza_box(client.get(f"/?lang={code}").content.decode())
    assert hours in where_entry(client.get(f"/n/NH7K4A?lang={code}").content.decode())


def test_the_hours_sentence_says_what_the_opening_calendar_does() -> None:
    # The sentence names the closing days; the calendar decides them. Change both together.
    calendar = settings.TABUNKA_PLAZA_CALENDAR
    assert calendar["closed_nth_weekday"] == [[1, 2]]  # 2nd Tuesday
    assert calendar["new_year"] == ["12-29", "01-03"]
    assert calendar["national_holidays"] is True
    contact = plaza.contact()
    assert (contact.opens, contact.closes) == ("9:00", "17:00")
    with translation.override("en"):
        assert contact.hours.startswith("Open 9:00–17:00. Closed on the 2nd Tuesday")


def test_the_loaded_plaza_office_has_the_settings_phone() -> None:
    # The catalog leaves it out; the loader copies the one source, so no check finds it missing.
    office = Office.objects.get(slug=plaza.contact().office)
    assert office.phone == settings.TABUNKA_PLAZA["phone"]


def _plaza() -> dict[str, str]:
    return dict(settings.TABUNKA_PLAZA)
