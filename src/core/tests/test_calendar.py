"""The .ics frame every app shares: PRODID, METHOD, the VTIMEZONE its times need, the download."""

from __future__ import annotations

import datetime
import zoneinfo

from icalendar import Calendar, Event

from core import calendar


def test_an_event_in_japan_time_gets_its_timezone_and_a_reminder() -> None:
    event = Event()
    event.add("uid", "test-1@example.org")
    event.add("dtstart", datetime.datetime(2027, 1, 4, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo")))
    event.add_component(calendar.reminder(datetime.timedelta(days=-1), "Tomorrow"))
    parsed = Calendar.from_ical(calendar.calendar_file(event, "REQUEST"))
    assert str(parsed["PRODID"]) == calendar.PRODID and str(parsed["METHOD"]) == "REQUEST"
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    (alarm,) = parsed.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Tomorrow"
    assert alarm["TRIGGER"].dt == datetime.timedelta(days=-1)


def test_an_all_day_event_needs_no_timezone_and_downloads_as_a_file() -> None:
    event = Event()
    event.add("uid", "test-2@example.org")
    event.add("dtstart", datetime.date(2027, 1, 4))
    data = calendar.calendar_file(event, "PUBLISH")
    assert not Calendar.from_ical(data).walk("VTIMEZONE")
    response = calendar.download(data, "x.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.ics"'
    assert response.content == data
