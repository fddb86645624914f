"""Deadlines: a note once the day has passed (Asia/Tokyo), and an .ics file for a calendar."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from icalendar import Calendar

from notices import actions, presenter
from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"  # deadline 2026-06-30
GARBAGE = "GM7R4D"  # no deadline
TOKYO = ZoneInfo("Asia/Tokyo")
LAST_SECOND = datetime.datetime(2026, 6, 30, 23, 59, 59, tzinfo=TOKYO)
# 00:00:30 on 1 July in Kumamoto is still 30 June in UTC: a UTC date would say "not passed".
NEXT_DAY = datetime.datetime(2026, 7, 1, 0, 0, 30, tzinfo=TOKYO)


def passed_note(code: str) -> str:
    with translation.override(code):
        return translation.gettext("This date has passed.")


def test_the_deadline_day_itself_has_not_passed(client: Client) -> None:
    with time_machine.travel(LAST_SECOND, tick=False):
        html = client.get(f"/n/{NHI}?lang=ne").content.decode()
    assert passed_note("ne") not in html
    assert f'href="/n/{NHI}/deadline.ics?lang=ne"' in html


@pytest.mark.parametrize("code", ["ne", "vi", "ja-easy", "pt-br"])
def test_the_next_day_in_kumamoto_the_page_says_the_date_has_passed(
    client: Client, code: str
) -> None:
    assert NEXT_DAY.astimezone(datetime.UTC).date() == datetime.date(2026, 6, 30)
    with time_machine.travel(NEXT_DAY, tick=False):
        html = client.get(f"/n/{NHI}?lang={code}").content.decode()
    assert passed_note(code) in html and passed_note(code) != "This date has passed."
    assert "If you have not done this yet" not in html  # said in the reader's language
    assert "deadline.ics" not in html  # no reminder for a day gone by


def test_a_notice_without_deadline_has_no_note_and_no_calendar_file(client: Client) -> None:
    with time_machine.travel(NEXT_DAY, tick=False):
        html = client.get(f"/n/{GARBAGE}?lang=vi").content.decode()
    assert passed_note("vi") not in html and "deadline.ics" not in html
    assert client.get(f"/n/{GARBAGE}/deadline.ics").status_code == 404


def test_calendar_file_is_an_all_day_event_in_the_readers_language(client: Client) -> None:
    with time_machine.travel(LAST_SECOND, tick=False):
        response = client.get(f"/n/{NHI}/deadline.ics?lang=vi")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="tabunka-{NHI}-deadline.ics"'
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    # All-day: dates, not datetimes.
    assert not isinstance(start, datetime.datetime) and start == datetime.date(2026, 6, 30)
    assert end == datetime.date(2026, 7, 1)
    title = presenter.build(Notice.objects.get(code=NHI), "vi").title.text
    with translation.override("vi"):
        summary = translation.gettext("Deadline: %(title)s") % {"title": title}
    assert summary != f"Deadline: {title}"
    assert str(event["SUMMARY"]) == summary
    assert event["SUMMARY"].params["LANGUAGE"] == "vi"
    assert str(event["URL"]).endswith(f"/n/{NHI}?lang=vi")
    assert str(event["URL"]) in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    # Three days before, at 9:00 in the morning.
    assert alarm.decoded("TRIGGER") == datetime.timedelta(days=-3, hours=9)
    assert str(alarm["DESCRIPTION"]) == summary


def test_calendar_file_follows_the_language_cookie_too(client: Client) -> None:
    client.get("/?lang=ne")
    event = Calendar.from_ical(client.get(f"/n/{NHI}/deadline.ics").content).walk("VEVENT")[0]
    assert event["SUMMARY"].params["LANGUAGE"] == "ne"
    assert str(event["URL"]).endswith("?lang=ne")


def test_outsiders_get_404_for_drafts_withdrawn_and_unknown_codes(client: Client) -> None:
    assert client.get("/n/ZZZZZZ/deadline.ics").status_code == 404
    draft = Notice.objects.get(code=NHI)
    draft.status = NoticeStatus.DRAFT
    draft.save(update_fields=["status"])
    assert client.get(f"/n/{NHI}/deadline.ics").status_code == 404
    draft.status = NoticeStatus.PUBLISHED
    draft.save(update_fields=["status"])
    actions.do_withdraw(draft)
    assert client.get(f"/n/{NHI}/deadline.ics").status_code == 404
