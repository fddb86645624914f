"""The queue, the case page and the status page cost the same queries however long their lists."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from consultations import actions
from consultations.models import Case, CounselorGroup, FaqEntry, Slot
from consultations.tests.conftest import open_time, staff_client
from consultations.tests.test_queue_paging import flood

pytestmark = pytest.mark.django_db


def queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def grows(fill: Callable[[int], None], client: Client, path: str) -> tuple[int, int]:
    """Return the queries of the page with one row in each list, then with six."""
    fill(1)
    few = queries(client, path)
    fill(5)
    return few, queries(client, path)


def fill_case(case: Case, by: User, others: list[User]) -> Callable[[int], None]:
    entries = iter(FaqEntry.objects.filter(published=True))

    def fill(count: int) -> None:
        for i in range(count):
            actions.do_add_note(case, f"note {i}", by)
            actions.do_log_contact(case, "phone", f"call {i}", by)
            actions.do_add_followup(case, datetime.date(2030, 1, 1), f"call {i}", by)
            actions.do_assign(case, others[i % 2], by, f"handover {i}")
            actions.do_add_message(case, f"from the Plaza {i}", by)
            actions.do_add_message(case, f"from the resident {i}", None, from_resident=True)
            actions.do_link_faq(case, next(entries), by)
            slot = Slot.objects.create(start=open_time(2 + i), interpreter_languages=["vi"])
            actions.do_book(case, slot.pk)

    return fill


def test_case_page(faq: None, supervisor: Client, counselor: Client, case: Case) -> None:
    others = [counselor.user, staff_client("counselor", "counselor-2").user]  # type: ignore[attr-defined]
    fill = fill_case(case, supervisor.user, others)  # type: ignore[attr-defined]
    few, many = grows(fill, supervisor, f"/staff/consultations/{case.reference}/")
    assert many == few


def test_status_page(faq: None, supervisor: Client, submitted: actions.Submitted) -> None:
    fill = fill_case(submitted.case, supervisor.user, [supervisor.user, supervisor.user])  # type: ignore[attr-defined]
    few, many = grows(fill, Client(), submitted.status_path)
    assert many == few


def test_queue(supervisor: Client, counselor: Client, groups: dict[str, CounselorGroup]) -> None:
    def fill(count: int) -> None:
        for case in Case.objects.all()[:count]:
            actions.do_assign(case, counselor.user, supervisor.user)  # type: ignore[attr-defined]
            actions.do_add_message(case, "question", None, from_resident=True)

    flood(groups["asia"], count=60)
    for client in (supervisor, counselor):
        few, many = grows(fill, client, "/staff/consultations/")
        assert many == few
