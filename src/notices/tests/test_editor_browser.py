"""An editor writes the water-bill notice from nothing in a real browser, and publishes it.

Chromium via Playwright, axe-core on the editor, the office page and the checklist; machine
translation against the local fake LibreTranslate, its queued job run in the test as the worker
would run it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from translations.tests import fakes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIBRE = {"en", "zh-Hans", "zh-Hant", "ko", "id", "fil", "th", "pt-BR", "es"}  # html lang values


@pytest.fixture
def libre(settings: Any) -> Iterator[fakes.Fake]:
    with fakes.serve(fakes.libretranslate) as fake:
        settings.TABUNKA_MT_PROVIDER = "libretranslate"
        settings.TABUNKA_MT_URL = fake.url
        settings.TABUNKA_MT_KEY = "test-key"
        settings.TABUNKA_MT_TIMEOUT = 2
        yield fake


def _editor_page(browser: Any, server: Any, **options: Any) -> Any:
    from accounts.testing import make_staff

    make_staff("editor")
    options.setdefault("viewport", {"width": 1000, "height": 900})
    context = browser.new_context(extra_http_headers={"Accept-Language": "en"}, **options)
    page = context.new_page()
    page.goto(f"{server.url}/accounts/login/")
    page.fill('input[name="username"]', "editor-user")
    page.fill('input[name="password"]', "pw-editor")
    page.locator('form button[type="submit"], form input[type="submit"]').last.click()
    page.wait_for_load_state()
    return page


def _axe_clean(page: Any) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_editor_writes_checks_translates_publishes_and_prints_the_water_bill(
    browser: Any, demo_server: Any, libre: fakes.Fake
) -> None:
    from notices.models import Notice, NoticeStatus, Office
    from translations.models import TranslationJob
    from translations.tests.conftest import run_worker_once

    page = _editor_page(browser, demo_server)
    page.goto(f"{demo_server.url}/staff/notices/")
    page.get_by_role("link", name="New notice").click()
    page.wait_for_load_state()
    assert page.locator("[data-code]").count() == 0  # no code before the first save
    page.get_by_label("Title (as printed on the letter)").fill("水道料金のお知らせ")
    page.get_by_label("Topic").select_option(index=1)
    page.get_by_label("What this letter is").fill("上下水道局からの水道料金の請求書です。")
    page.get_by_label("Deadline", exact=True).fill("2027-01-31")
    page.get_by_label("Who to ask").fill("上下水道局 料金課")
    page.locator("#id_steps-0-text").fill("コンビニか銀行で払ってください。")
    # The inline check answers while typing, without saving.
    page.locator('.easy-check[data-for="id_summary"] p').first.wait_for()
    # Add a step without reloading, then move it above the first one.
    page.get_by_role("button", name="Add a step").click()
    page.locator("#id_steps-1-text").fill("請求書の金額を確かめてください。")
    assert page.locator("#part-steps legend").all_inner_texts() == ["Step 1", "Step 2"]
    page.locator("#part-steps li").nth(1).get_by_role("button", name=re.compile("^Move up")).click()
    assert page.locator("#id_steps-1-ORDER").input_value() == "1"
    first = page.locator("#part-steps li").first
    assert first.get_by_role("button", name=re.compile("^Move up")).is_disabled()
    _axe_clean(page)

    page.get_by_role("button", name="Save and add a new office").click()
    page.wait_for_load_state()
    notice = Notice.objects.get(title="水道料金のお知らせ")
    assert page.url.endswith(f"/staff/notices/{notice.code}/offices/new")
    _axe_clean(page)
    page.get_by_label("Name").fill("上下水道局")
    page.get_by_label("Address").fill("熊本市中央区水前寺6丁目2-45")
    page.get_by_label("Opening hours").fill("平日 8:30〜17:15")
    page.get_by_label("Phone").fill("096-381-1111")
    page.get_by_role("button", name="Add to this notice").click()
    page.wait_for_load_state()
    assert page.locator("[data-code]").inner_text() == notice.code  # the code shown is kept
    assert Office.objects.get(name="上下水道局") in notice.ordered_offices()
    assert [s.text for s in notice.steps.all()] == [
        "請求書の金額を確かめてください。",
        "コンビニか銀行で払ってください。",
    ]

    page.get_by_role("button", name="Save and check before publishing").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"Before publishing {notice.code}").count() == 1
    _axe_clean(page)
    page.get_by_role("button", name="Machine-translate the missing ones").click()
    page.wait_for_load_state()
    job = TranslationJob.objects.get(label=notice.code)
    assert set(job.languages) == {
        "en",
        "zh-hans",
        "zh-hant",
        "ko",
        "id",
        "fil",
        "th",
        "pt-br",
        "es",
    }
    assert run_worker_once() == 1  # the worker's turn
    page.reload()
    assert "Machine translation finished" in page.locator("#job").inner_text()

    page.get_by_role("button", name="Publish").click()  # without the confirmation: refused
    page.wait_for_load_state()
    assert page.locator("p[role=alert]").count() == 1
    assert Notice.objects.get(pk=notice.pk).status == NoticeStatus.DRAFT
    page.get_by_label(re.compile("I publish this notice with these gaps")).check()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    published = Notice.objects.get(pk=notice.pk)
    assert published.status == NoticeStatus.PUBLISHED
    assert published.events.get(kind="published").with_gaps

    page.goto(f"{demo_server.url}/n/{notice.code}/print")
    langs = page.locator("li[lang]").evaluate_all("els => els.map(e => e.lang)")
    assert set(langs) == LIBRE | {"ja"} and len(langs) == len(LIBRE) + 1
    assert "vi" not in langs and "ne" not in langs and "my" not in langs
    page.context.close()


def test_the_editor_works_without_javascript_on_a_phone(browser: Any, demo_server: Any) -> None:
    from notices.models import Notice

    phone = {"width": 360, "height": 740}
    page = _editor_page(browser, demo_server, java_script_enabled=False, viewport=phone)
    page.goto(f"{demo_server.url}/staff/notices/new")
    page.get_by_label("Title (as printed on the letter)").fill("水道料金のお知らせ")
    page.get_by_label("Topic").select_option(index=1)
    page.get_by_label("What this letter is").fill("水道料金の請求書です。")
    page.locator("#id_steps-0-text").fill("銀行で払ってください。")
    page.get_by_role("button", name="Add a step").click()  # a submit: the server adds the row
    page.wait_for_load_state()
    assert page.locator("#part-steps legend").all_inner_texts() == ["Step 1", "Step 2"]
    assert page.locator("#id_steps-0-text").input_value() == "銀行で払ってください。"
    assert page.locator("#id_title").input_value() == "水道料金のお知らせ"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("#id_steps-1-text").fill("口座振替もできます。")
    page.locator("#id_steps-1-ORDER").fill("0")  # before step 1, by number
    page.get_by_role("button", name="Save draft").first.click()
    page.wait_for_load_state()
    notice = Notice.objects.get(title="水道料金のお知らせ")
    assert page.locator("[data-code]").inner_text() == notice.code
    assert [s.text for s in notice.steps.all()] == [
        "口座振替もできます。",
        "銀行で払ってください。",
    ]
    page.goto(f"{demo_server.url}/staff/notices/{notice.code}/publish")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()
