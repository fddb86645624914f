"""The translator's editor in a real browser: keyboard saving, and axe-core finds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NHI = "NH7K4A"


def _logged_in_page(browser: Any, server: Any) -> Any:
    from accounts.testing import make_staff

    make_staff("translator")
    context = browser.new_context(extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.goto(f"{server.url}/accounts/login/")
    page.fill('input[name="username"]', "translator-user")
    page.fill('input[name="password"]', "pw-translator")
    page.locator('form button[type="submit"], form input[type="submit"]').last.click()
    page.wait_for_load_state()
    return page


def test_editor_saves_with_ctrl_enter_and_is_accessible(browser: Any, demo_server: Any) -> None:
    from notices.models import Notice
    from translations.models import Translation

    page = _logged_in_page(browser, demo_server)
    page.goto(f"{demo_server.url}/staff/notices/{NHI}/translate/th")
    notice = Notice.objects.get(code=NHI)
    field = page.get_by_label("Translation into ไทย").first
    field.fill("หนังสือแจ้งชำระเบี้ยประกันสุขภาพแห่งชาติ (แก้ไข)")
    field.press("Control+Enter")
    page.wait_for_load_state()
    assert page.locator("p[role=status]").first.inner_text().startswith("Fields saved: 1.")
    row = Translation.objects.get(
        object_id=notice.pk, field="title", language="th", content_type__model="notice"
    )
    assert row.text.endswith("(แก้ไข)")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(f"{demo_server.url}/staff/translations/")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
