"""Error pages and the one-line language menu on a 360 px phone, in Nepali, checked by axe-core."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}


def nepali(text: str) -> str:
    with translation.override("ne"):
        return translation.gettext(text)


@pytest.mark.parametrize("path", ["/n/ZZZZZZ", "/consult/s/not-a-real-link"])
def test_404_in_nepali_on_a_phone_is_axe_clean(open_page: Any, demo_server: Any, path: str) -> None:
    page = open_page(f"{demo_server.url}{path}", "ne-NP", viewport=PHONE)
    assert page.evaluate("document.documentElement.lang") == "ne"
    assert page.locator("h1").inner_text().strip() == nepali("We could not find this page.")
    # Nothing scrolls sideways on a 360 px phone, and the ways out are there.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ways = page.get_by_role("navigation", name=nepali("Where to go from here"))
    assert ways.get_by_role("link").count() == 3
    assert ways.locator('a[href^="tel:"]').count() == 1
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()
    # With the language menu open too.
    page.locator(".langs summary").click()
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


def test_language_menu_is_one_line_and_opens_with_the_keyboard(
    open_page: Any, demo_server: Any
) -> None:
    page = open_page(f"{demo_server.url}/n/NH7K4A", "ne-NP", viewport=PHONE)
    header = page.locator("header").bounding_box()
    assert header is not None and header["height"] < 80  # was about 200 px with 14 links
    menu = page.locator('.langs a[lang="vi"]')
    assert not menu.is_visible()
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    page.keyboard.press("Tab")  # the menu
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert menu.is_visible()
    box = page.locator(".langs ul").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    menu.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "vi"


def test_language_menu_works_without_javascript(open_page: Any, demo_server: Any) -> None:
    page = open_page(
        f"{demo_server.url}/n/ZZZZZZ", "ne-NP", viewport=PHONE, java_script_enabled=False
    )
    page.locator(".langs summary").click()
    with page.expect_navigation():
        page.locator('.langs a[lang="th"]').click()
    assert page.evaluate("document.documentElement.lang") == "th"


@pytest.mark.parametrize(
    ("code", "passed"), [("KN8C4W", False), ("NH7K4A", True)]
)  # deadlines 2027-03-31 and 2026-06-30
def test_deadline_note_and_calendar_button_on_a_phone_are_axe_clean(
    open_page: Any, demo_server: Any, code: str, passed: bool
) -> None:
    today = datetime.datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
    with time_machine.travel(today, tick=False):
        page = open_page(f"{demo_server.url}/n/{code}", "ne-NP", viewport=PHONE)
        box = page.locator(".box.deadline")
        assert (box.get_by_text(nepali("This date has passed.")).count() == 1) is passed
        button = box.get_by_role("link", name=nepali("Add this date to my calendar"))
        assert button.count() == (0 if passed else 1)
        if not passed:
            height = button.bounding_box()["height"]  # type: ignore[index]
            assert height >= 44  # a target a thumb can hit
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()
