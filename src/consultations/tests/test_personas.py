"""Every route of the app, asked by every persona: the outsider gets 403/404, never data."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from consultations import actions
from consultations.models import Case, FaqEntry, FollowUp, Slot
from consultations.tests.conftest import INTAKE, open_time, staff_client

pytestmark = pytest.mark.django_db

PERSONAS = (
    "anonymous",
    "resident",
    "other_counselor",
    "translator",
    "editor",
    "counselor",
    "supervisor",
)
LOGIN = "login"  # a redirect to the login page


@dataclass
class World:
    case: Case
    token: str
    followup: FollowUp
    slot: Slot


Request = Callable[[World, bool], tuple[str, str, dict[str, Any]]]


def _case(suffix: str = "") -> Request:
    def build(w: World, _: bool) -> tuple[str, str, dict[str, Any]]:
        return "get", f"/staff/consultations/{w.case.reference}/{suffix}", {}

    return build


def _post(suffix: str, data: Callable[[World], dict[str, Any]]) -> Request:
    def build(w: World, _: bool) -> tuple[str, str, dict[str, Any]]:
        return "post", f"/staff/consultations/{w.case.reference}/{suffix}", data(w)

    return build


def _resident(method: str, suffix: str, data: Callable[[World], dict[str, Any]]) -> Request:
    # The status link is the resident's credential; everyone else can only guess one.
    def build(w: World, holds_link: bool) -> tuple[str, str, dict[str, Any]]:
        token = w.token if holds_link else "guessed-" + "x" * 24
        return method, f"/consult/s/{token}{suffix}", data(w)

    return build


def _static(method: str, path: str, data: dict[str, Any] | None = None) -> Request:
    return lambda w, _: (method, path, dict(data or {}))


STAFF = {"anonymous": LOGIN, "resident": LOGIN, "translator": 403, "editor": 403}
ON_CASE = {**STAFF, "other_counselor": 404}
SUPERVISOR_ONLY = {**STAFF, "other_counselor": 403, "counselor": 403}
PUBLIC = dict.fromkeys(PERSONAS, 200)
LINK = dict.fromkeys(PERSONAS, 404)
# Translators and editors translate FAQ entries; counselors and supervisors handle cases only.
TRANSLATORS = {
    "anonymous": LOGIN,
    "resident": LOGIN,
    "other_counselor": 403,
    "counselor": 403,
    "supervisor": 403,
}


def _faq_entry(path: str) -> Request:
    def build(w: World, _: bool) -> tuple[str, str, dict[str, Any]]:
        FaqEntry.objects.get_or_create(
            slug="matrix-faq", defaults={"category": "other", "question": "質問", "answer": "答え"}
        )
        return "get", path, {}

    return build


def _booked(suffix: str) -> Request:
    # The .ics exists only while an appointment is booked.
    def build(w: World, holds_link: bool) -> tuple[str, str, dict[str, Any]]:
        if not w.case.appointments.filter(cancelled_at__isnull=True).exists():
            actions.do_book(w.case, w.slot.pk)
        return _resident("get", suffix, lambda w: {})(w, holds_link)

    return build


# url name -> (request, expected status per persona; unlisted personas expect `default`)
MATRIX: dict[str, tuple[Request, dict[str, Any], Any]] = {
    "intake": (_static("get", "/consult/"), PUBLIC, 200),
    "faq": (_static("get", "/consult/faq"), PUBLIC, 200),
    # The JSON twins (/api/...) have their rows in src/api/tests/test_personas.py.
    "status": (_resident("get", "", lambda w: {}), {**LINK, "resident": 200}, 404),
    "book": (
        _resident("post", "/book", lambda w: {"slot": w.slot.pk}),
        {**LINK, "resident": 302},
        404,
    ),
    "cancel": (_resident("post", "/cancel", lambda w: {}), {**LINK, "resident": 302}, 404),
    "reply": (
        _resident("post", "/reply", lambda w: {"text": "Cảm ơn, tôi hiểu rồi."}),
        {**LINK, "resident": 302},
        404,
    ),
    "appointment-ics": (_booked("/appointment.ics"), {**LINK, "resident": 200}, 404),
    "staff-queue": (_static("get", "/staff/consultations/"), STAFF, 200),
    "staff-faq-translations": (_faq_entry("/staff/faq/"), TRANSLATORS, 200),
    "staff-faq-translate": (_faq_entry("/staff/faq/matrix-faq/translate/vi"), TRANSLATORS, 200),
    "staff-slots": (_static("get", "/staff/consultations/slots/"), STAFF, 200),
    "staff-person": (
        _static("get", "/staff/consultations/person/?email=resident@example.com"),
        SUPERVISOR_ONLY,
        200,
    ),
    "staff-person-export": (
        _static("get", "/staff/consultations/person/export?email=resident@example.com"),
        SUPERVISOR_ONLY,
        200,
    ),
    "staff-person-erase": (
        _static(
            "post",
            "/staff/consultations/person/erase",
            {"email": "resident@example.com", "confirm": "erase"},
        ),
        SUPERVISOR_ONLY,
        302,
    ),
    "staff-stats": (_static("get", "/staff/consultations/stats/"), SUPERVISOR_ONLY, 200),
    "staff-stats-csv": (_static("get", "/staff/consultations/stats.csv"), SUPERVISOR_ONLY, 200),
    "staff-case": (_case(), ON_CASE, 200),
    "staff-export": (_case("export"), ON_CASE, 200),
    "staff-assign": (_post("assign", lambda w: {"assignee": ""}), ON_CASE, 302),
    "staff-status": (_post("status", lambda w: {"status": "waiting"}), ON_CASE, 302),
    "staff-note": (_post("note", lambda w: {"text": "Called back."}), ON_CASE, 302),
    "staff-contact": (
        _post("contact", lambda w: {"channel": "phone", "summary": "Explained NHI."}),
        ON_CASE,
        302,
    ),
    "staff-followup": (
        _post("followup", lambda w: {"due": "2030-01-31", "text": "Call"}),
        ON_CASE,
        302,
    ),
    "staff-followup-done": (
        lambda w, _: (
            "post",
            f"/staff/consultations/{w.case.reference}/followup/{w.followup.pk}/done",
            {},
        ),
        ON_CASE,
        302,
    ),
    "staff-link-faq": (_post("faq", lambda w: {"faq": "no-such-entry"}), ON_CASE, 404),
    "staff-message": (_post("message", lambda w: {"text": "Xin chào."}), ON_CASE, 302),
}


def consultation_route_names() -> set[str]:
    """Return the name of every URL pattern served by this app's views, wherever it is mounted."""
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern):
                module = getattr(p.callback, "__module__", "")
                if module.startswith("consultations") or namespace == "consultations":
                    assert namespace == "consultations" and p.name, p
                    names.add(p.name)

    walk(get_resolver().url_patterns, "")
    return names


def test_every_route_has_a_permission_row() -> None:
    names = consultation_route_names()
    assert names, "the app's routes were not found"
    assert names == set(MATRIX), f"add these to MATRIX: {names - set(MATRIX)}"


@pytest.fixture
def world(case: Case, submitted: actions.Submitted) -> World:
    followup = FollowUp.objects.create(case=case, due=datetime.date(2030, 1, 1), text="Call")
    slot = Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])
    return World(case, submitted.token, followup, slot)


def persona_clients(groups: Any) -> dict[str, Client]:
    """Return a client per persona; the ones whose requests succeed come last."""
    from accounts.testing import make_staff

    clients = {"anonymous": Client(), "resident": Client()}
    for role in ("translator", "editor"):
        user = make_staff(role)
        clients[role] = Client()
        clients[role].force_login(user)
    clients["other_counselor"] = staff_client("counselor", "counselor-west", groups["west"])
    clients["counselor"] = staff_client("counselor", "counselor-asia", groups["asia"])
    clients["supervisor"] = staff_client("supervisor", "supervisor-1")
    return {name: clients[name] for name in PERSONAS}


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_route_answers_every_persona_as_designed(route: str, world: World, groups: Any) -> None:
    build, expected_by_persona, default = MATRIX[route]
    for persona, client in persona_clients(groups).items():
        method, path, data = build(world, persona == "resident")
        if data.pop("_json", False):
            response = client.post(path, data, content_type="application/json")
        else:
            response = getattr(client, method)(path, data)
        expected = expected_by_persona.get(persona, default)
        got = (persona, response.status_code)
        if expected == LOGIN:
            assert got == (persona, 302) and "/accounts/login/" in response["Location"], got
        else:
            assert got == (persona, expected)
        if persona in ("anonymous", "translator", "editor", "other_counselor"):
            # Whatever the route, nothing about the case reaches an outsider.
            # (The language links repeat the asked path, which the outsider wrote: not a leak.)
            body = response.content.decode(errors="replace").replace(path.split("?")[0], "")
            assert world.case.reference not in body, got
            assert INTAKE["description"] not in body and INTAKE["name"] not in body, got


def test_counselor_sees_own_and_unassigned_in_group_only(groups: Any, case: Case) -> None:
    counselor = staff_client("counselor", "c-asia", groups["asia"])
    colleague = User.objects.create_user("c-asia-2", is_staff=True)
    groups["asia"].members.add(colleague)
    assert counselor.get(f"/staff/consultations/{case.reference}/").status_code == 200
    actions.do_assign(case, colleague, None)  # assigned to someone else: no longer visible
    assert counselor.get(f"/staff/consultations/{case.reference}/").status_code == 404
    assert case.reference not in counselor.get("/staff/consultations/").content.decode()
    other = Case.objects.get(pk=case.pk)
    actions.do_assign(other, counselor.user, None)  # type: ignore[attr-defined]
    other.group = groups["west"]  # own case in another group: still theirs
    other.save()
    assert counselor.get(f"/staff/consultations/{case.reference}/").status_code == 200


def test_make_staff_accepts_the_new_roles(db: None) -> None:
    from accounts.testing import make_staff
    from consultations import roles

    assert roles.can_handle_cases(make_staff("counselor"))
    assert roles.can_supervise(make_staff("supervisor"))
    assert not roles.can_handle_cases(make_staff("translator"))
    assert not roles.can_handle_cases(make_staff("editor"))
