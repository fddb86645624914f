"""The supervisor reads the statistics with one case and with a thousand, on a phone and a desktop.

The charts must keep a sane size (the old chart drew one case in one month as a 640 × 2,933 px
bar), the page must not scroll sideways, and axe-core must find nothing.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.utils import timezone

from accounts import second_factor
from consultations import roles
from consultations.models import Case, Category, Channel, MonthlyStat
from core import languages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
VIEWPORTS = ({"width": 360, "height": 740}, {"width": 1280, "height": 900})


def make_cases(n: int) -> None:
    """Create n cases over the last 12 months in every language, topic and channel, and count them
    as intake does (one MonthlyStat cell per month × language × topic × channel)."""
    now = timezone.now()
    cats, chans = [c.value for c in Category], [c.value for c in Channel]
    cases = [
        Case(
            token_hash=f"{i:064x}",
            language=languages.CODES[(i + 6) % len(languages.CODES)],  # case 0 is vi
            category=cats[i % len(cats)],
            channel=chans[i % len(chans)],
            description="-",
            preferred_contact="email",
            consent_at=now,
            created_at=now - datetime.timedelta(days=(i * 7) % 360),
            expires_at=now + datetime.timedelta(days=365),
        )
        for i in range(n)
    ]
    Case.objects.bulk_create(cases, batch_size=500)
    cells = Counter(
        (timezone.localtime(c.created_at).date().replace(day=1), c.language, c.category, c.channel)
        for c in cases
    )
    MonthlyStat.objects.bulk_create(
        MonthlyStat(month=m, language=lang, category=cat, channel=ch, opened=k)
        for (m, lang, cat, ch), k in cells.items()
    )


@pytest.fixture
def supervisor_page(staff_page: Any, live_server: Any) -> Callable[[dict[str, int]], Any]:
    """Open pages logged in as a supervisor (a session made by the test client, no password)."""
    roles.ensure_roles()
    user = User.objects.create_user("supervisor-stats", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.SUPERVISOR))
    second_factor.give_device(user)  # case pages want the second factor
    return lambda viewport: staff_page(user, live_server.url, viewport)


def chart_boxes(page: Any) -> dict[str, dict[str, float]]:
    return {
        svg.get_attribute("data-chart"): svg.bounding_box()
        for svg in page.locator("svg.chart-svg").all()
    }


def test_supervisor_reads_statistics_with_one_case_and_with_a_thousand(
    live_server: Any, supervisor_page: Callable[[dict[str, int]], Any]
) -> None:
    heights: dict[int, dict[str, float]] = {}
    for n in (1, 1000):
        MonthlyStat.objects.all().delete()
        Case.objects.all().delete()
        make_cases(n)
        assert sum(MonthlyStat.objects.values_list("opened", flat=True)) == n
        for viewport in VIEWPORTS:
            page = supervisor_page(viewport)
            page.goto(f"{live_server.url}/staff/consultations/stats/")
            assert page.locator("h1").inner_text() == "統計"
            boxes = chart_boxes(page)
            assert set(boxes) == {"per-time", "by-language", "by-category", "by-channel"}
            for name, box in boxes.items():
                assert 0 < box["height"] < 600, (n, viewport, name, box)
                assert box["width"] <= viewport["width"], (n, viewport, name, box)
            # Labels in the staff language, not codes.
            assert "ベトナム語" in page.locator("#by-language table").inner_text()
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= page.evaluate("document.documentElement.clientWidth")
            results = Axe().run(page, options=AXE_RULES)
            assert results.violations_count == 0, results.generate_report()
            heights[n] = {k: b["height"] for k, b in boxes.items()}
    # Twelve months either way: the timeline does not grow with the number of cases.
    assert heights[1]["per-time"] == heights[1000]["per-time"]
