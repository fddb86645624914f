"""Fixtures shared by every app's tests: demo content, personas, a browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test import Client

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made there are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the sample content once; each test runs in a transaction rolled back after it."""
    from core import testing
    from notices import demo_loader

    with django_db_blocker.unblock():
        demo_loader.load_all()
        testing.take_snapshot()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Start every test with an empty cache (rate-limit counters, cached FAQ searches)."""
    from django.core.cache import cache

    cache.clear()


def load_demo_if_flushed() -> None:
    """Put the sample content back after a transactional test emptied the tables."""
    from core import testing
    from notices import demo_loader
    from notices.models import Notice

    if not Notice.objects.exists():
        if testing.can_restore():
            testing.restore_snapshot()
        else:
            demo_loader.load_all()


def make_staff(role: str) -> User:
    from accounts.testing import make_staff as make

    return make(role)


@pytest.fixture
def editor_client(db: None) -> Client:
    from django.test import Client

    client = Client()
    client.force_login(make_staff("editor"))
    return client


@pytest.fixture
def translator_client(db: None) -> Client:
    from django.test import Client

    client = Client()
    client.force_login(make_staff("translator"))
    return client


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Return a function that opens a URL in a fresh browser context, closed after the test."""
    contexts: list[Any] = []

    def opener(url: str, accept_language: str = "ja", **options: Any) -> Any:
        headers = {"Accept-Language": accept_language}
        context = browser.new_context(extra_http_headers=headers, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def staff_page(browser: Any) -> Iterator[Any]:
    """Return a function that opens a page in a fresh context logged in as `user` on `base_url`
    (a session made by the test client: no password typed; a confirmed second factor counts)."""
    from django.test import Client

    from accounts import testing

    contexts: list[Any] = []

    def opener(user: Any, base_url: str, viewport: dict[str, int], language: str = "ja") -> Any:
        session = testing.log_in(Client(), user).cookies["sessionid"].value
        headers = {"Accept-Language": language}
        context = browser.new_context(viewport=viewport, extra_http_headers=headers)
        context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def demo_server(live_server: Any) -> Any:
    load_demo_if_flushed()
    return live_server
