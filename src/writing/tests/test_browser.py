"""The writing assistant in Chromium: type a stiff sentence, see it marked, apply a suggestion."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.testing import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_type_see_highlight_apply_suggestion(open_page: Any, live_server: Any) -> None:
    make_staff("editor")
    page = open_page(f"{live_server.url}/accounts/login/?next=/staff/write/", "ja")
    page.fill("#id_username", "editor-user")
    page.fill("#id_password", "pw-editor")
    page.click("main button[type=submit]")  # the header has a language button
    page.wait_for_url("**/staff/write/")
    page.locator("#text").press_sequentially("書類を至急ご提出くださいますようお願い申し上げます。")
    mark = page.locator("#mirror mark", has_text="ご提出くださいますようお願い申し上げます")
    mark.wait_for()
    before = int(page.locator("#count").inner_text())
    assert page.locator("#score").inner_text() != "–"
    page.locator("#issues li", has_text="敬語").locator("button.sugg").first.click()
    # Playwright's expect() polls without eval (the CSP forbids it); wait_for_function needs it.
    expect(page.locator("#text")).to_have_value(re.compile("提出してください"))
    assert "申し上げます" not in page.locator("#text").input_value()
    expect(page.locator("#mirror")).not_to_contain_text("申し上げます")
    assert int(page.locator("#count").inner_text()) < before
    assert Axe().run(page).violations_count == 0
