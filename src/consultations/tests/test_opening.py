"""The Plaza's opening calendar decides which slots can be made, offered and booked."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation

from consultations import actions, opening
from consultations.models import Appointment, ClosingDay, Slot

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: str, clock: str = "10:00") -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T{clock}"))


@pytest.fixture
def december_27() -> Iterator[None]:
    """Sunday 2026-12-27, 09:00 in Kumamoto: before the New Year closing."""
    with time_machine.travel(at("2026-12-27", "09:00"), tick=False):
        yield


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (D(2026, 12, 1), False),  # 1st Tuesday
        (D(2026, 12, 8), True),  # 2nd Tuesday
        (D(2026, 12, 15), False),  # 3rd Tuesday
        (D(2027, 1, 12), True),  # 2nd Tuesday of January
        (D(2026, 12, 28), False),  # the last day before New Year
        (D(2026, 12, 29), True),
        (D(2027, 1, 1), True),
        (D(2027, 1, 3), True),
        (D(2027, 1, 4), False),
        (D(2027, 1, 11), True),  # 成人の日 (second Monday of January)
        (D(2027, 2, 11), True),  # 建国記念の日
        (D(2027, 2, 12), False),
    ],
)
def test_closing_days(day: datetime.date, closed: bool) -> None:
    assert (opening.closing_reason(day) is not None) is closed


def test_reasons_say_why_in_the_staff_language() -> None:
    with translation.override("ja"):
        assert opening.closing_reason(D(2027, 1, 11)) == "国民の祝日（成人の日）"
    with translation.override("en"):
        assert opening.closing_reason(D(2027, 1, 11)) == "National holiday: Coming of Age Day"
        assert opening.closing_reason(D(2026, 12, 8)) == "Regular closing day"
        assert opening.closing_reason(D(2027, 1, 1)) == "New Year holidays"


def test_a_closing_day_row_and_changed_settings_count(settings: Any) -> None:
    ClosingDay.objects.create(day=D(2027, 1, 5), reason="Inventory")
    assert opening.closing_reason(D(2027, 1, 5)) == "Inventory"
    settings.TABUNKA_PLAZA_CALENDAR = {
        **settings.TABUNKA_PLAZA_CALENDAR,
        "hours": {0: ["09:00", "12:00"]},
    }
    assert opening.closing_reason(D(2027, 1, 6)) is not None  # a Wednesday: no hours now
    assert opening.fits_hours(at("2027-01-04", "11:30"), 30)
    assert not opening.fits_hours(at("2027-01-04", "11:45"), 30)


def test_staff_cannot_create_slots_when_closed(december_27: None, supervisor: Client) -> None:
    url = "/staff/consultations/slots/"
    response = supervisor.post(
        url, {"start": "2027-01-11T10:00", "languages": ["vi"]}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302 and not Slot.objects.exists()
    page = supervisor.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The Plaza is closed on 2027-01-11 (National holiday: Coming of Age Day)" in page
    supervisor.post(url, {"start": "2026-12-29T10:00"})
    supervisor.post(url, {"start": "2026-12-28T16:45"})  # would end after 17:00
    assert not Slot.objects.exists()
    supervisor.post(url, {"start": "2026-12-28T16:00", "count": "2", "languages": ["vi"]})
    assert [timezone.localtime(s.start).strftime("%H:%M") for s in Slot.objects.all()] == [
        "16:00",
        "16:30",
    ]
    page = supervisor.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2026-12-29" in page.split("data-closing-days")[1]  # the coming closing days


def test_do_create_slots_refuses_all_when_one_is_after_hours(december_27: None) -> None:
    with pytest.raises(ValidationError):
        actions.do_create_slots(at("2026-12-28", "16:00"), ["vi"], None, count=3)
    assert not Slot.objects.exists()


def test_slots_on_closing_days_are_neither_offered_nor_bookable(
    december_27: None, client: Client, submitted: actions.Submitted
) -> None:
    # Made before the rules said so (directly, as an old row would be).
    open_slot = Slot.objects.create(start=at("2026-12-28"), interpreter_languages=["vi"])
    new_year = Slot.objects.create(start=at("2026-12-29"), interpreter_languages=["vi"])
    holiday = Slot.objects.create(start=at("2027-01-11"), interpreter_languages=["vi"])
    evening = Slot.objects.create(start=at("2027-01-04", "18:00"), interpreter_languages=["vi"])
    later_closed = Slot.objects.create(start=at("2027-01-05"), interpreter_languages=["vi"])
    ClosingDay.objects.create(day=D(2027, 1, 5))
    assert actions.bookable_slots(submitted.case) == [open_slot]
    for slot in (new_year, holiday, evening, later_closed):
        client.post(f"{submitted.status_path}/book", {"slot": slot.pk})
    assert not Appointment.objects.exists()
    page = client.get(submitted.status_path).content.decode()
    assert f'value="{open_slot.pk}"' in page and f'value="{new_year.pk}"' not in page


def test_on_the_morning_of_december_28_its_past_slots_are_gone(
    submitted: actions.Submitted,
) -> None:
    Slot.objects.create(start=at("2026-12-28", "10:00"), interpreter_languages=["vi"])
    afternoon = Slot.objects.create(start=at("2026-12-28", "15:00"), interpreter_languages=["vi"])
    with time_machine.travel(at("2026-12-28", "12:00"), tick=False):
        assert actions.bookable_slots(submitted.case) == [afternoon]
