"""Slots carry interpreter languages; residents book from their status link."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from consultations import actions
from consultations.models import Appointment, Slot
from consultations.tests.conftest import open_time

pytestmark = pytest.mark.django_db


def slot(days: int, langs: list[str], capacity: int = 1, hour: int = 10) -> Slot:
    # An open day at 10:00: slots on closing days or after hours are never offered.
    start = open_time(days, hour) if days > 0 else timezone.now() + datetime.timedelta(days=days)
    return Slot.objects.create(start=start, interpreter_languages=langs, capacity=capacity)


def test_only_future_slots_with_room_and_the_interpreter_are_offered(
    client: Client, submitted: actions.Submitted
) -> None:
    vi, other, past, full = slot(1, ["vi"]), slot(1, ["en"]), slot(-1, ["vi"]), slot(2, ["vi"])
    Appointment.objects.create(slot=full, case=submitted.case)  # full: capacity 1
    Appointment.objects.filter(slot=full).update(case=submitted.case)
    offered = actions.bookable_slots(submitted.case)
    assert vi in offered and other not in offered and past not in offered and full not in offered


def test_book_then_rebook_cancels_the_first(client: Client, submitted: actions.Submitted) -> None:
    first, second = slot(1, ["vi"]), slot(1, ["vi", "ne"], hour=11)
    status = f"/consult/s/{submitted.token}"
    client.post(f"{status}/book", {"slot": first.pk})
    client.post(f"{status}/book", {"slot": second.pk})
    active = Appointment.objects.filter(case=submitted.case, cancelled_at__isnull=True)
    assert [a.slot for a in active] == [second]
    html = client.get(status, HTTP_ACCEPT_LANGUAGE="ne").content.decode()
    assert "data-appointment" in html


def test_a_slot_without_the_interpreter_is_refused(
    client: Client, submitted: actions.Submitted
) -> None:
    english = slot(1, ["en"])
    response = client.post(f"/consult/s/{submitted.token}/book", {"slot": english.pk})
    assert response.status_code == 302
    assert not Appointment.objects.exists()


def test_cancel(client: Client, submitted: actions.Submitted) -> None:
    actions.do_book(submitted.case, slot(1, ["vi"]).pk)
    client.post(f"/consult/s/{submitted.token}/cancel")
    assert not Appointment.objects.filter(cancelled_at__isnull=True).exists()


def test_supervisor_adds_a_slot_and_counselor_cannot(supervisor: Client, counselor: Client) -> None:
    data = {"start": "2030-04-01T10:00", "languages": ["ne", "vi", "xx"]}
    assert counselor.post("/staff/consultations/slots/", data).status_code == 403
    supervisor.post("/staff/consultations/slots/", data)
    created = Slot.objects.get()
    assert created.interpreter_languages == ["ne", "vi"]
    assert timezone.localtime(created.start).hour == 10
