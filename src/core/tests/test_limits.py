"""core.limits: which address counts, keys without the address, the window's count."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core import limits

FORWARDED = "203.0.113.7, 10.1.2.3"


def request(remote: str, forwarded: str = FORWARDED) -> Any:
    return RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


def test_without_configuration_the_header_is_ignored(settings: Any) -> None:
    settings.TABUNKA_TRUSTED_PROXY_HEADER = ""
    settings.TABUNKA_TRUSTED_PROXIES = "1"
    assert limits.client_address(request("10.0.0.1")) == "10.0.0.1"
    settings.TABUNKA_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TABUNKA_TRUSTED_PROXIES = ""
    assert limits.client_address(request("10.0.0.1")) == "10.0.0.1"


def test_a_number_of_proxies_counts_from_the_right(settings: Any) -> None:
    settings.TABUNKA_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TABUNKA_TRUSTED_PROXIES = "1"
    assert limits.client_address(request("10.0.0.1")) == "10.1.2.3"
    settings.TABUNKA_TRUSTED_PROXIES = "2"
    assert limits.client_address(request("10.0.0.1")) == "203.0.113.7"
    assert limits.client_address(request("10.0.0.1", forwarded="")) == "10.0.0.1"


def test_trusted_networks(settings: Any) -> None:
    settings.TABUNKA_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TABUNKA_TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.1/32"
    # Through our proxies: the right-most address outside them.
    assert limits.client_address(request("10.0.0.1")) == "203.0.113.7"
    # Straight from the internet: the header is the sender's own word.
    assert limits.client_address(request("198.51.100.1")) == "198.51.100.1"
    assert limits.client_address(request("10.0.0.1", forwarded="junk, 10.9.9.9")) == "junk"


def test_counts_per_scope_and_address_and_keys_hold_no_address(settings: Any) -> None:
    settings.TABUNKA_RATE_LIMITS = {"faq": (2, 60), "intake": (1, 3600)}
    assert limits.hit(request("192.0.2.1"), "faq") == 1
    assert limits.hit(request("192.0.2.1"), "faq") == 2
    with pytest.raises(limits.RateLimited) as raised:
        limits.hit(request("192.0.2.1"), "faq")
    assert 1 <= raised.value.retry_after <= 60
    assert limits.hit(request("192.0.2.2"), "faq") == 1
    assert limits.hit(request("192.0.2.1"), "intake") == 1
    keys = list(cache._cache.keys())  # type: ignore[attr-defined]  # local memory in tests
    assert keys and not any("192.0.2" in key for key in keys)
