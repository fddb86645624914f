"""Who gets what from each API operation; an operation without a row here fails the first test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from api.site import site
from consultations import actions
from consultations.forms import IntakeForm
from consultations.models import Slot
from consultations.tests.conftest import INTAKE, open_time, staff_client

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "resident", "editor", "counselor")


@dataclass
class World:
    token: str
    reference: str
    slot: Slot


# (method, path, JSON body) for a persona; the resident holds the status link, others guess one.
Build = Callable[[World, bool], tuple[str, str, dict[str, Any] | None]]


def _static(method: str, path: str, payload: dict[str, Any] | None = None) -> Build:
    return lambda w, _: (method, path, payload)


def _link(
    method: str, suffix: str, payload: Callable[[World], dict[str, Any]] | None = None
) -> Build:
    def build(w: World, holds_link: bool) -> tuple[str, str, dict[str, Any] | None]:
        token = w.token if holds_link else "guessed-" + "x" * 32
        return method, f"/api/consultations/status/{token}{suffix}", payload(w) if payload else None

    return build


EVERYONE = dict.fromkeys(PERSONAS, 200)
LINK_ONLY = {"anonymous": 404, "editor": 404, "counselor": 404}
STAFF_ONLY = {"anonymous": 403, "resident": 403, "editor": 200, "counselor": 200}

# "METHOD /path" as in the schema -> (request, expected status per persona, default)
MATRIX: dict[str, tuple[Build, dict[str, int], int]] = {
    "GET /api/languages": (_static("get", "/api/languages"), EVERYONE, 200),
    "GET /api/notices": (_static("get", "/api/notices"), EVERYONE, 200),
    "GET /api/notices/lookup": (_static("get", "/api/notices/lookup?code=NH7K4A"), EVERYONE, 200),
    "POST /api/yasashii/check": (
        _static("post", "/api/yasashii/check", {"text": "申請してください。"}),
        STAFF_ONLY,
        200,
    ),
    "POST /api/consultations": (
        _static("post", "/api/consultations", {**INTAKE, "consent": True}),
        {},
        201,
    ),
    "GET /api/faq/search": (_static("get", "/api/faq/search?q="), EVERYONE, 200),
    "GET /api/consultations/status/{token}": (_link("get", ""), LINK_ONLY, 200),
    "POST /api/consultations/status/{token}/messages": (
        _link("post", "/messages", lambda w: {"text": "Cảm ơn."}),
        LINK_ONLY,
        201,
    ),
    "POST /api/consultations/status/{token}/appointment": (
        _link("post", "/appointment", lambda w: {"slot": w.slot.pk}),
        LINK_ONLY,
        201,
    ),
    "DELETE /api/consultations/status/{token}/appointment": (
        _link("delete", "/appointment"),
        LINK_ONLY,
        200,
    ),
}


def operations() -> set[str]:
    paths = site.get_openapi_schema()["paths"]
    return {f"{method.upper()} {path}" for path, item in paths.items() for method in item}


def test_every_operation_has_a_row() -> None:
    assert operations() == set(MATRIX)


@pytest.fixture
def world(db: None) -> World:
    form = IntakeForm(INTAKE)
    assert form.is_valid(), form.errors
    submitted = actions.do_submit(form.cleaned_data, channel="web", client="t")
    slot = Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])
    return World(submitted.token, submitted.case.reference, slot)


def clients() -> dict[str, Client]:
    from accounts.testing import make_staff

    editor = Client()
    editor.force_login(make_staff("editor"))
    counselor = staff_client("counselor", "counselor-api")
    return {"anonymous": Client(), "resident": Client(), "editor": editor, "counselor": counselor}


@pytest.mark.parametrize("operation", sorted(MATRIX))
def test_operation_answers_every_persona_as_designed(operation: str, world: World) -> None:
    build, expected, default = MATRIX[operation]
    for persona, client in clients().items():
        method, path, payload = build(world, persona == "resident")
        if payload is None:
            response = getattr(client, method)(path)
        else:
            response = getattr(client, method)(path, payload, content_type="application/json")
        assert (persona, response.status_code) == (persona, expected.get(persona, default))
        if persona != "resident" and "/status/" in path:
            # An outsider learns nothing about the case, and gets the API's error body.
            body = response.content.decode()
            assert world.reference not in body and INTAKE["description"] not in body
            assert response.json()["error"]["code"] == "not_found"
