"""Scans in a real browser: the overview across notices and a notice's scan section.

Charts keep a sane size on a 360 px phone and a 1280 px desktop, the "Scans by language" caption
reads as a line (it used to wrap after every character), and axe-core finds nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.utils import timezone

from accounts import roles
from core import languages
from notices.models import Notice, ScanCount

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
VIEWPORTS = ({"width": 360, "height": 740}, {"width": 1280, "height": 900})
NHI = "NH7K4A"


@pytest.fixture
def editor_page(staff_page: Any, demo_server: Any) -> Callable[[dict[str, int]], Any]:
    """Open pages logged in as an editor (a session made by the test client, no password)."""
    roles.ensure_roles()
    user = User.objects.create_user("editor-scans", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    return lambda viewport: staff_page(user, demo_server.url, viewport)


def scans_everywhere() -> None:
    """Scans of every notice in every language on each of the last 12 weeks' Mondays."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    ScanCount.objects.bulk_create(
        ScanCount(
            notice=notice,
            language=code,
            day=monday - datetime.timedelta(weeks=w),
            count=(i * 7 + w * 3) % 50 + 1,
        )
        for i, notice in enumerate(Notice.objects.all())
        for code in languages.CODES
        for w in range(12)
    )


def assert_sane(page: Any, viewport: dict[str, int], within: str = "main") -> None:
    """Check every chart's box, and that the part of the page they are in does not overflow."""
    for svg in page.locator(f"{within} svg.chart-svg").all():
        box = svg.bounding_box()
        assert 0 < box["height"] < 600, (svg.get_attribute("data-chart"), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    part = page.locator(within).first
    assert part.evaluate("e => e.scrollWidth <= e.clientWidth"), within


def check_axe(page: Any, context: str | None = None) -> None:
    results = Axe().run(page, context=context, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


def test_editor_reads_the_scan_overview(
    demo_server: Any, editor_page: Callable[[dict[str, int]], Any]
) -> None:
    scans_everywhere()
    for viewport in VIEWPORTS:
        page = editor_page(viewport)
        page.goto(f"{demo_server.url}/staff/notices/scans/")
        assert page.locator("h1").inner_text() == "すべてのお知らせのスキャン数"
        assert page.locator("svg.chart-svg").count() == 2
        assert_sane(page, viewport)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        header = page.locator(".data-table thead th").all_inner_texts()
        assert len(header) == 2 + 12 + 1  # notice, language, 12 weeks, total
        check_axe(page)
    page.locator("#id_start").fill("2026-12-01")
    page.locator("#id_end").fill("2026-11-01")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    assert "開始日は終了日より後にできません。" in page.locator("[role=alert]").inner_text()
    check_axe(page)


def test_notice_scan_section_on_a_phone(
    demo_server: Any, editor_page: Callable[[dict[str, int]], Any]
) -> None:
    scans_everywhere()
    for viewport in VIEWPORTS:
        page = editor_page(viewport)
        page.goto(f"{demo_server.url}/staff/notices/{NHI}/")
        section = "section[aria-labelledby=scans-heading]"
        assert page.locator(f"{section} svg.chart-svg").count() == 2
        assert_sane(page, viewport, section)
        caption = page.locator("#scans-by-language-caption").bounding_box()
        assert caption["height"] < 60 and caption["width"] > 100, caption  # a line, not a column
        check_axe(page, section)


def test_a_notice_nobody_scanned_says_so(
    demo_server: Any, editor_page: Callable[[dict[str, int]], Any]
) -> None:
    page = editor_page(VIEWPORTS[0])
    page.goto(f"{demo_server.url}/staff/notices/{NHI}/")
    text = page.locator("section[aria-labelledby=scans-heading]").inner_text()
    assert "この条件のデータはありません。" in text
    check_axe(page, "section[aria-labelledby=scans-heading]")
