"""Every page that may show personal data answers Cache-Control: no-store (issue 9).

The routes are read from the URL resolver, so a staff page added later is walked too.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.testing import log_in, make_staff
from core.security import NO_STORE_PREFIXES

_CONVERTER_VALUES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "0" * 8 + "-0000-0000-0000-" + "0" * 12,
}


def _route_paths(patterns: list[Any], prefix: str = "") -> list[str]:
    """Concrete paths for every route, with a sample value in each converter."""
    paths: list[str] = []
    for entry in patterns:
        text = str(entry.pattern)
        if text.startswith("^"):  # a regular expression (the admin): plain ones only
            text = text.lstrip("^").rstrip("$").replace("\\Z", "")
            if re.search(r"[()\[\]*+?\\]", text):
                continue
        text = re.sub(
            r"<(?:(\w+):)?\w+>", lambda m: _CONVERTER_VALUES.get(m.group(1) or "str", "x"), text
        )
        if isinstance(entry, URLResolver):
            paths += _route_paths(entry.url_patterns, prefix + text)
        elif isinstance(entry, URLPattern):
            paths.append("/" + prefix + text)
    return paths


def personal_paths() -> list[str]:
    return sorted(
        {p for p in _route_paths(get_resolver().url_patterns) if p.startswith(NO_STORE_PREFIXES)}
    )


def test_the_walk_finds_the_personal_routes() -> None:
    paths = personal_paths()
    for expected in ("/staff/", "/consult/s/x", "/api/consultations/status/x"):
        assert any(p.startswith(expected) for p in paths), expected
    assert len([p for p in paths if p.startswith("/staff/consult")]) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["supervisor", "counselor", "editor", None])
def test_every_personal_route_sends_no_store(role: str | None) -> None:
    client = Client(raise_request_exception=False)
    if role:
        log_in(client, make_staff(role))  # counselors: with their second factor
    checked = 0
    for path in personal_paths():
        response = client.get(path)
        cache = response.get("Cache-Control", "")
        assert "no-store" in cache, (path, response.status_code, cache)
        checked += 1
    assert checked > 20


@pytest.mark.django_db
def test_public_pages_are_private_no_store_only_for_signed_in_users() -> None:
    anonymous = Client().get("/")
    assert "no-store" not in anonymous.get("Cache-Control", "")
    client = Client()
    client.force_login(make_staff("editor"))
    signed_in = client.get("/")
    assert signed_in.status_code == 200
    cache = signed_in["Cache-Control"]
    assert "private" in cache and "no-store" in cache and "public" not in cache


@pytest.mark.django_db
def test_permissions_policy_on_every_answer() -> None:
    for path in ("/", "/staff/", "/consult/s/x", "/no-such-page"):
        policy = Client().get(path)["Permissions-Policy"]
        assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy
