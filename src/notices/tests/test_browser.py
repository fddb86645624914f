"""The landing page in a real browser (Debian's Chromium via Playwright), checked by axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NHI = "NH7K4A"


@pytest.mark.parametrize(
    ("accept", "html_lang", "heading"),
    [
        ("vi-VN,vi", "vi", "Việc bạn phải làm"),
        ("ne-NP", "ne", "तपाईंले गर्नुपर्ने काम"),
        ("ja-x-easy", "ja", "しなければならないこと"),
    ],
)
def test_landing_opens_in_the_phones_language(
    open_page: Any, demo_server: Any, accept: str, html_lang: str, heading: str
) -> None:
    phone = {"width": 360, "height": 740}
    page = open_page(f"{demo_server.url}/n/{NHI}", accept, viewport=phone)
    assert page.evaluate("document.documentElement.lang") == html_lang
    current = page.locator(".langs a[aria-current]")
    assert current.get_attribute("lang") == html_lang
    assert page.locator("h1").inner_text().strip()
    assert page.locator("ol.steps li").count() >= 3
    assert page.get_by_role("heading", name=heading).count() == 1
    # Nothing scrolls sideways on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_switcher_changes_language_and_it_sticks(open_page: Any, demo_server: Any) -> None:
    page = open_page(f"{demo_server.url}/n/{NHI}", "vi")
    page.locator(".langs summary").click()  # the one-line menu opens the list
    page.locator('.langs a[lang="id"]').click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "id"
    page.goto(f"{demo_server.url}/")
    assert page.evaluate("document.documentElement.lang") == "id"


def test_furigana_toggle(open_page: Any, demo_server: Any) -> None:
    page = open_page(f"{demo_server.url}/n/{NHI}", "ja-x-easy")
    rt = page.locator("main rt").first
    assert rt.is_visible()
    toggle = page.locator("[data-furigana]")
    toggle.click()
    assert not rt.is_visible()
    assert toggle.get_attribute("aria-pressed") == "false"
    page.reload()  # the choice is remembered
    assert not page.locator("main rt").first.is_visible()
    page.locator("[data-furigana]").click()
    assert page.locator("main rt").first.is_visible()


def test_readable_without_javascript(open_page: Any, demo_server: Any) -> None:
    page = open_page(f"{demo_server.url}/n/{NHI}", "ne", java_script_enabled=False)
    assert page.locator("ol.steps li").count() >= 3
    assert page.locator("[data-furigana]").count() == 0
    page.goto(f"{demo_server.url}/n/{NHI}?lang=ja-easy")
    page.locator("[data-furigana]").click()
    assert "furigana=off" in page.url and not page.locator("main rt").first.is_visible()


@pytest.mark.parametrize(
    "path",
    [
        f"/n/{NHI}",
        f"/n/{NHI}?lang=ja-easy",
        f"/n/{NHI}?lang=my",
        f"/n/{NHI}/print",
        "/languages/",
        "/",
    ],
)
def test_axe_finds_no_violations(open_page: Any, demo_server: Any, path: str) -> None:
    page = open_page(f"{demo_server.url}{path}", "vi")
    results = Axe().run(
        page,
        options={
            "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
        },
    )
    assert results.violations_count == 0, results.generate_report()


def test_axe_harness_does_find_violations(open_page: Any) -> None:
    page = open_page("about:blank")
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    assert Axe().run(page).violations_count >= 2
