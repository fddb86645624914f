"""Fixtures for consultations: the demo FAQ, counselor groups, personas and a submitted case."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from accounts import second_factor, testing
from consultations import actions, roles
from consultations.models import Case, CounselorGroup, FaqEntry

INTAKE = {
    "language": "vi",
    "category": "health-insurance",
    "description": "Tôi mới chuyển đến và chưa có bảo hiểm y tế. Tôi bị ốm.",
    "name": "Nguyen Van A",
    "preferred_contact": "email",
    "email": "resident@example.com",
    "phone": "090-1234-5678",
    "interpreter_language": "vi",
    "consent": "on",
}


def open_time(days: int, hour: int = 10) -> datetime.datetime:
    """Return `hour` o'clock in Japan on the first day the Plaza is open, `days` from today."""
    from django.utils import timezone

    from consultations import opening

    day = timezone.localdate() + datetime.timedelta(days=days)
    while opening.closing_reason(day):
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings: Any) -> None:
    """Run mail tasks at once; test_confirmations.py also runs them through the database worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def fresh_faq_index() -> None:
    """Forget the in-memory FAQ index: each test's database may differ."""
    from consultations import search

    search.invalidate()


def load_faq_if_missing() -> None:
    from consultations import demo_loader
    from core import testing
    from notices.models import Notice

    if not Notice.objects.exists() and testing.can_restore():
        testing.restore_snapshot()  # a transactional test emptied the tables
    if not FaqEntry.objects.filter(slug="nhi-enroll").exists():
        demo_loader.load_all()
        testing.take_snapshot()  # later restores bring the FAQ back too


@pytest.fixture(scope="session")
def faq_demo(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the demo FAQ (and compute its vectors) once per session."""
    with django_db_blocker.unblock():
        load_faq_if_missing()


@pytest.fixture
def faq(faq_demo: None, db: None) -> None:
    """The demo FAQ, reloaded if a transactional test emptied the tables."""
    load_faq_if_missing()


@pytest.fixture
def groups(db: None) -> dict[str, CounselorGroup]:
    roles.ensure_roles()
    return {
        "asia": CounselorGroup.objects.create(name="Asia", languages=["vi", "ne", "zh-hans"]),
        "west": CounselorGroup.objects.create(name="West", languages=["en", "es", "pt-br"]),
    }


def staff_client(role: str, username: str, group: CounselorGroup | None = None) -> Client:
    """Return a client logged in as a new staff user with one role and, maybe, one group."""
    roles.ensure_roles()
    user = User.objects.create_user(username, is_staff=True)  # no password: no slow hashing
    user.groups.add(Group.objects.get(name=role))
    if group is not None:
        group.members.add(user)
    if role in (roles.COUNSELOR, roles.SUPERVISOR):
        second_factor.give_device(user)  # case pages want a second factor
    client = testing.log_in(Client(), user)
    client.user = user  # type: ignore[attr-defined]
    return client


@pytest.fixture
def counselor(groups: dict[str, CounselorGroup]) -> Client:
    """A counselor of the Asia group, where Vietnamese cases go."""
    return staff_client(roles.COUNSELOR, "counselor-asia", groups["asia"])


@pytest.fixture
def other_counselor(groups: dict[str, CounselorGroup]) -> Client:
    """A counselor of another group: an outsider to Vietnamese cases."""
    return staff_client(roles.COUNSELOR, "counselor-west", groups["west"])


@pytest.fixture
def supervisor(groups: dict[str, CounselorGroup]) -> Client:
    return staff_client(roles.SUPERVISOR, "supervisor-1")


@pytest.fixture
def submitted(groups: dict[str, CounselorGroup]) -> actions.Submitted:
    """A Vietnamese case sent through the web form, routed to the Asia group."""
    from consultations.forms import IntakeForm

    form = IntakeForm(INTAKE)
    assert form.is_valid(), form.errors
    return actions.do_submit(form.cleaned_data, channel="web", client="test-client")


@pytest.fixture
def case(submitted: actions.Submitted) -> Case:
    return submitted.case
