"""A Nepali resident in a real browser: submit, see the reference, open the link, book."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from consultations.models import Appointment, Case, Slot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}


def check_axe(page: Any) -> None:
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open phone-sized pages; close them before the live server stops (no request in flight)."""
    contexts: list[Any] = []

    def open_page(language: str = "ne-NP,ne") -> Any:
        context = browser.new_context(
            extra_http_headers={"Accept-Language": language},
            viewport={"width": 360, "height": 740},
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_nepali_resident_submits_opens_the_link_and_books(
    demo_server: Any, new_page: Callable[..., Any]
) -> None:
    Slot.objects.create(
        start=timezone.now() + datetime.timedelta(days=2), interpreter_languages=["ne", "en"]
    )
    page = new_page()
    page.goto(f"{demo_server.url}/consult/")
    assert page.evaluate("document.documentElement.lang") == "ne"
    check_axe(page)
    page.locator("button[type=submit]").last.click()  # empty form: errors first
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    check_axe(page)
    page.locator("#id_category_1").check()  # health insurance
    page.locator("#id_description").fill("मलाई स्वास्थ्य बीमाको पत्र आयो तर बुझिनँ।")
    page.locator("#id_preferred_contact_0").check()  # phone
    page.locator("#id_phone").fill("080-1234-5678")
    page.locator("#id_interpreter_language").select_option("ne")
    page.locator("#id_consent").check()
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    reference = page.locator("[data-reference]").inner_text().strip()
    case = Case.objects.get(reference=reference)
    assert case.language == "ne" and case.interpreter_language == "ne"
    status_url = page.url.split("?")[0]
    check_axe(page)

    later = new_page()  # the resident opens the saved link another day
    later.goto(status_url)
    assert later.locator("[data-reference]").inner_text().strip() == reference
    later.locator("input[name=slot]").first.check()
    later.locator("form[action$='/book'] button").click()
    later.wait_for_load_state()
    assert later.locator("[data-appointment]").is_visible()
    assert Appointment.objects.filter(case=case, cancelled_at__isnull=True).count() == 1
    check_axe(later)


@pytest.mark.parametrize("path", ["/consult/?lang=my", "/consult/faq?q=ごみ&lang=ja-easy"])
def test_axe_on_other_public_pages(
    demo_server: Any, new_page: Callable[..., Any], path: str
) -> None:
    page = new_page("vi")
    page.goto(f"{demo_server.url}{path}")
    check_axe(page)
