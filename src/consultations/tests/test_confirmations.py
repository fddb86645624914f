"""Booking and cancelling mail a confirmation with an .ics; the status page offers the .ics."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from icalendar import Calendar

from consultations import actions
from consultations.models import Appointment, Case, Slot
from consultations.tests.conftest import INTAKE

pytestmark = pytest.mark.django_db
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
TEN = datetime.datetime(2027, 1, 4, 10, 0, tzinfo=TOKYO)  # a Monday the Plaza is open


def calendar_of(attachment: Any) -> Calendar:
    name, content, mimetype = attachment
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def event_of(calendar: Calendar) -> Any:
    (event,) = calendar.walk("VEVENT")
    return event


@pytest.fixture
def slots() -> list[Slot]:
    return [
        Slot.objects.create(start=TEN, interpreter_languages=["vi"]),
        Slot.objects.create(
            start=TEN + datetime.timedelta(hours=2), interpreter_languages=["vi", "ne"]
        ),
    ]


@time_machine.travel(datetime.datetime(2026, 12, 20, 9, tzinfo=datetime.UTC), tick=False)
def test_booking_rebooking_and_cancelling_are_confirmed_with_an_ics(
    client: Client,
    submitted: actions.Submitted,
    slots: list[Slot],
    django_capture_on_commit_callbacks: Any,
) -> None:
    status = submitted.status_path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{status}/book", {"slot": slots[0].pk})
    (booked,) = mail.outbox
    first = Appointment.objects.get()
    assert booked.to == [INTAKE["email"]]
    # In Vietnamese, Japan's time, CLDR date: "Thứ Hai, 4 tháng 1, 2027 10:00".
    assert "Thứ Hai, 4 tháng 1, 2027 10:00" in booked.subject
    assert "Thứ Hai, 4 tháng 1, 2027 10:00" in booked.body
    assert "熊本市中央区花畑町4番18号" in booked.body and "openstreetmap.org" in booked.body
    assert "thẻ lưu trú" in booked.body  # what to bring
    assert INTAKE["description"] not in booked.body
    calendar = calendar_of(booked.attachments[0])
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    event = event_of(calendar)
    start = event.decoded("DTSTART")
    assert start == TEN and str(start.tzinfo) == "Asia/Tokyo"
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert event.decoded("DTEND") - start == datetime.timedelta(minutes=30)
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == datetime.timedelta(days=-1)
    uid = str(event["UID"])
    assert uid == f"consultation-appointment-{first.pk}@127.0.0.1"
    assert submitted.case.reference in str(event["SUMMARY"])
    assert INTAKE["description"] not in calendar.to_ical().decode()

    # Rebooking: the new time, and the earlier one cancelled in the same mail.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{status}/book", {"slot": slots[1].pk})
    moved = mail.outbox[1]
    assert "12:00" in moved.subject
    assert [name for name, _, _ in moved.attachments] == ["appointment.ics", "cancelled.ics"]
    cancelled_first = event_of(calendar_of(moved.attachments[1]))
    assert str(cancelled_first["UID"]) == uid and str(cancelled_first["STATUS"]) == "CANCELLED"

    # The status page offers the booked time as an .ics download.
    download = client.get(f"{status}/appointment.ics")
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/calendar")
    offered = Calendar.from_ical(download.content)
    assert str(offered["METHOD"]) == "PUBLISH"
    second_uid = str(event_of(offered)["UID"])
    assert second_uid != uid and event_of(offered).decoded("DTSTART") == slots[1].start
    assert "appointment.ics" in client.get(status).content.decode()

    # Cancelling: METHOD:CANCEL with the same UID as the booking.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{status}/cancel")
    cancelled = mail.outbox[2]
    calendar = calendar_of(cancelled.attachments[0])
    assert str(calendar["METHOD"]) == "CANCEL"
    event = event_of(calendar)
    assert str(event["UID"]) == second_uid and int(event["SEQUENCE"]) == 1
    assert "hủy" in cancelled.subject
    assert client.get(f"{status}/appointment.ics").status_code == 404


def test_no_mail_without_an_address(
    client: Client, groups: Any, slots: list[Slot], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/consult/", {**INTAKE, "preferred_contact": "phone", "email": ""})
        client.post(response["Location"].split("?")[0] + "/book", {"slot": slots[0].pk})
    assert Appointment.objects.count() == 1 and mail.outbox == []


def test_mail_goes_through_the_database_task_worker(
    settings: Any,
    client: Client,
    groups: Any,
    slots: list[Slot],
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django_tasks_db.models import DBTaskResult

    from translations.tests.conftest import DATABASE, run_worker_once

    settings.TASKS = DATABASE
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/consult/", INTAKE)
        case = Case.objects.get()
        actions.do_book(case, slots[0].pk)
        actions.do_add_message(case, "Xin chào", None)
    token = response["Location"].split("/consult/s/")[1].split("?")[0]
    assert mail.outbox == []  # queued, not sent in the request, the intake's confirmation too
    queued = " ".join(str(r.args_kwargs) for r in DBTaskResult.objects.all())
    for secret in ("Xin chào", token, INTAKE["email"], INTAKE["description"]):
        assert secret not in queued  # ids only
    assert run_worker_once() == 3
    assert len(mail.outbox) == 3
    for sent in mail.outbox:  # each with a working link of its own, none with what was written
        assert INTAKE["description"] not in sent.body and "Xin chào" not in sent.body
        link = re.search(r"/consult/s/[^\s?]+", sent.body)
        assert link is not None and token not in link.group()
        assert client.get(link.group()).status_code == 200


def test_a_rolled_back_booking_sends_nothing(
    submitted: actions.Submitted, slots: list[Slot], django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                actions.do_book(submitted.case, slots[0].pk)
                raise RuntimeError("something later failed")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Appointment.objects.exists()
