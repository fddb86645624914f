"""Content-Security-Policy in a real browser (issue 9): no violation on any public or staff page.

The public pages are the resident walk of test_public_pages_i18n (H7), the staff pages every
navigation entry of each role (staff_nav, as test_staff_nav_browser walks them) plus every staff
link found on those pages (case pages, editors, forms), one level deep. Violations are collected
from the `securitypolicyviolation` event (an init script) and from the console.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from accounts.testing import make_staff
from core import staff_nav
from core.tests.test_public_pages_i18n import pages
from core.tests.test_staff_nav_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links that answer with a file to save, not a page.
DOWNLOADS = (
    ".csv",
    ".ics",
    ".json",
    ".po",
    ".xlf",
    ".xliff",
    ".tbx",
    ".tmx",
    ".zip",
    ".svg",
    ".png",
    "export",
    "/download",
)

COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "") + " " +
                    (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


class Watched:
    """A page that remembers every CSP violation it saw, from the event and the console."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console: list[str] = []
        page.on(
            "console",
            lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def visit(self, url: str) -> list[str]:
        self.console.clear()
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        assert response is not None and response.headers.get("content-security-policy"), url
        return [*self.page.evaluate("window.__csp || []"), *self.console]


@pytest.fixture
def watched(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener() -> Watched:
        context = browser.new_context(extra_http_headers={"Accept-Language": "ja"})
        context.add_init_script(COLLECT)
        contexts.append(context)
        return Watched(context.new_page())

    yield opener
    for context in contexts:
        context.close()


def test_no_violation_on_any_public_page_and_the_scripts_still_work(
    demo_server: Any, watched: Any
) -> None:
    urls = [*pages(Client()), "/api/docs", "/accounts/login/"]
    assert len(urls) > 10
    page = watched()
    seen = {}
    for url in urls:
        seen[url] = page.visit(demo_server.url + url)
    assert {u: v for u, v in seen.items() if v} == {}
    # The furigana switch (static landing.js) still toggles the page without reloading it.
    landing = next(u for u in urls if "furigana=off" in u).replace("furigana=off", "furigana=on")
    assert page.visit(demo_server.url + landing) == []
    switch = page.page.locator("[data-furigana]")
    before = page.page.evaluate("document.body.classList.contains('no-furigana')")
    url_before = page.page.url
    switch.click()
    assert page.page.evaluate("document.body.classList.contains('no-furigana')") != before
    assert page.page.url == url_before
    # The language menu opens and leads to another language.
    page.page.locator("details.langs > summary").click()
    page.page.locator('details.langs a[lang="en"]').click()
    page.page.wait_for_load_state("load")
    assert page.page.evaluate("document.documentElement.lang") == "en"
    assert page.page.evaluate("window.__csp") == []


@pytest.mark.parametrize("role", ["admin", "editor", "translator", "counselor", "supervisor"])
def test_no_violation_on_any_staff_page(role: str, demo_server: Any, watched: Any) -> None:
    if role in ("counselor", "supervisor"):
        pages(Client())  # a resident's consultation, so that the queue has a case to open
    user = make_staff(role)
    page = watched()
    log_in(page.page, demo_server.url, role)
    assert urlsplit(page.page.url).path == "/staff/"
    first = ["/staff/", *[e.url for _, items in staff_nav.menu_for(user) for e in items]]
    seen: dict[str, list[str]] = {}
    links: list[str] = []
    for href in first:
        seen[href] = page.visit(demo_server.url + href)
        for a in page.page.locator("main a[href^='/staff/']").all():
            link = a.get_attribute("href") or ""
            path = urlsplit(link).path
            if link not in first and link not in links and not path.endswith(DOWNLOADS):
                links.append(link)
    for href in links[:40]:
        seen[href] = page.visit(demo_server.url + href)
    assert len(seen) > len(first) or role == "admin"
    assert {u: v for u, v in seen.items() if v} == {}
