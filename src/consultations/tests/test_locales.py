"""The Plaza's resident pages in all 14 locales: no English UI string outside English.

The English UI strings are the msgids of this app's catalog that the English page shows as a
whole text or attribute; another locale's page fails when it shows one of them.
Words that are the locale's own word too are listed per locale (Indonesian "Status" is Indonesian).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client

from consultations import actions
from consultations.models import Slot
from consultations.tests.conftest import open_time
from core import languages

pytestmark = pytest.mark.django_db

ALSO_NATIVE = {"id": {"Status", "Email"}, "vi": {"Email"}, "fil": {"Email"}, "es": {"Error"}}
ROOT = Path(settings.BASE_DIR)


class Texts(HTMLParser):
    """Collect the text nodes and labelling attributes of a page, outside script and style."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.found.add(normal(value))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.found.add(normal(data))


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def texts(html: str) -> set[str]:
    parser = Texts()
    parser.feed(html)
    return parser.found


def english_msgids() -> set[str]:
    """Return this app's UI strings (the root catalog's are H7's test over all public pages)."""
    path = ROOT / "src" / "consultations" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    return {normal(e.msgid) for e in polib.pofile(str(path)) if len(e.msgid) > 2}


@pytest.fixture
def pages(faq: None, submitted: actions.Submitted) -> list[str]:
    """The intake, FAQ and a status page with a message, an answer and a booked time."""
    case = submitted.case
    actions.do_add_message(case, "Xin chào, xin hãy xem câu trả lời bên dưới.", None)
    actions.do_add_message(case, "Cảm ơn.", None, from_resident=True)
    Slot.objects.create(start=open_time(3), interpreter_languages=["vi"])
    actions.do_book(case, Slot.objects.create(start=open_time(2), interpreter_languages=["vi"]).pk)
    from consultations.models import FaqEntry

    actions.do_link_faq(case, FaqEntry.objects.get(slug="nhi-enroll"), None)
    return ["/consult/", "/consult/faq?q=保険", submitted.status_path]


def test_no_english_ui_string_outside_english(client: Client, pages: list[str]) -> None:
    known = english_msgids()
    english = {
        path: texts(client.get(f"{path}{'&' if '?' in path else '?'}lang=en").content.decode())
        & known
        for path in pages
    }
    # The check has teeth: each page shows several of the strings in English.
    assert all(len(found) >= 3 for found in english.values()), english
    assert sum(len(found) for found in english.values()) > 40, english
    problems = []
    for lang in languages.LANGUAGES:
        if lang.code == "en":
            continue
        for path in pages:
            response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang.code}")
            assert response.status_code == 200
            shown = texts(response.content.decode())
            leftovers = (shown & english[path]) - ALSO_NATIVE.get(lang.code, set())
            if leftovers:
                problems.append(f"{lang.code} {path}: {sorted(leftovers)}")
    assert not problems, "\n".join(problems)
