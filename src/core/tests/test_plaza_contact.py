"""The Plaza's phone number has one source: every page that shows it shows the same number."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from django.test import Client, override_settings

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


def _plaza() -> dict[str, str]:
    from django.conf import settings

    return dict(settings.TABUNKA_PLAZA)
