"""Calendar files (.ics, RFC 5545) made with the `icalendar` library: the frame every app shares.

An app builds its `Event` (what, when, its UID); this module wraps it in a VCALENDAR with our
PRODID, the METHOD and the VTIMEZONEs its times need, adds reminders and answers the download.
"""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from icalendar import Alarm, Calendar, Event

__all__ = ["PRODID", "calendar_file", "download", "reminder"]

PRODID = "-//Kumamoto City//tabunka//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def reminder(trigger: datetime.timedelta, description: str) -> Alarm:
    """Return a VALARM that shows `description` at `trigger` from the event's start."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    alarm.add("description", description)
    return alarm


def calendar_file(event: Event, method: str) -> bytes:
    """Return the .ics bytes of one event (METHOD PUBLISH, REQUEST or CANCEL)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones()  # a VTIMEZONE for every TZID the event uses
    return calendar.to_ical()


def download(data: bytes, filename: str) -> HttpResponse:
    """Return the .ics as a file to save or open with a calendar."""
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
