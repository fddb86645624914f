"""Each role logs in, lands on the staff home and walks every page its navigation offers.

One shared browser; axe-core on the home and on every page reached from the navigation; the
layout fits a 360 px phone, where the menu is closed until opened (no JavaScript needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from accounts.testing import CODE_ROLES, code_for, make_staff
from core import staff_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def check_axe(page: Any) -> None:
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def fits(page: Any) -> bool:
    width = page.evaluate("document.documentElement.clientWidth")
    return bool(page.evaluate("document.documentElement.scrollWidth") <= width)


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh contexts; close them before the live server stops."""
    contexts: list[Any] = []

    def opener(viewport: dict[str, int]) -> Any:
        context = browser.new_context(
            extra_http_headers={"Accept-Language": "ja"}, viewport=viewport
        )
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()


def log_in(page: Any, base: str, role: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(f"{role}-user")
    page.locator("#id_password").fill(f"pw-{role}")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    if role in CODE_ROLES:  # case pages want the second factor: type the app's code once
        page.goto(f"{base}/staff/consultations/")
        assert "/accounts/second-factor/" in page.url
        check_axe(page)
        page.locator("#id_code").fill(code_for(f"{role}-user"))
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url == f"{base}/staff/consultations/"
        page.goto(f"{base}/staff/")


@pytest.mark.parametrize("role", ["admin", "editor", "translator", "counselor", "supervisor"])
def test_role_lands_on_home_and_every_nav_page_is_axe_clean(
    role: str, demo_server: Any, new_page: Callable[..., Any]
) -> None:
    user = make_staff(role)
    expected = [e.url for _, items in staff_nav.menu_for(user) for e in items]
    phone = new_page(PHONE)
    phone.goto(f"{demo_server.url}/accounts/login/")
    assert phone.locator(".staff-nav").count() == 0 and fits(phone)
    check_axe(phone)
    log_in(phone, demo_server.url, role)
    assert phone.url == f"{demo_server.url}/staff/"
    assert phone.locator("h1").count() == 1
    assert fits(phone), "the staff home scrolls sideways on a 360 px phone"
    links = phone.locator(".staff-menu > ul a")
    assert not links.first.is_visible()  # closed on a phone until opened
    phone.locator(".staff-menu > summary").click()
    assert links.first.is_visible()
    check_axe(phone)
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert hrefs == ["/staff/", *expected]
    for href in expected:
        phone.goto(f"{demo_server.url}{href}")
        if "/staff/admin/" in href:  # Django's own admin: its layout, not ours
            check_axe(phone)
            continue
        assert phone.locator("main h1").count() >= 1, href
        assert fits(phone), f"{href} scrolls sideways on a 360 px phone"
        check_axe(phone)

    desktop = new_page(DESKTOP)
    log_in(desktop, demo_server.url, role)
    assert desktop.locator(".staff-menu > ul a").first.is_visible()  # open beside the page
    assert not desktop.locator(".staff-menu > summary").is_visible()
    check_axe(desktop)
