"""An appointment as an iCalendar file (RFC 5545), in the frame of `core.calendar`.

The event's time carries TZID Asia/Tokyo with its VTIMEZONE, a VALARM reminds a day before, the
UID stays the same for one appointment so a CANCEL replaces the REQUEST in the calendar. No
personal data beyond the reference: calendars are often synchronised to other services.
"""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event, vCalAddress

from consultations.models import Appointment
from core import calendar

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"


def uid(appointment: Appointment) -> str:
    """Return the event's UID: the same for every file about this appointment."""
    host = urlsplit(settings.TABUNKA_PUBLIC_URL).hostname or "tabunka"
    return f"consultation-appointment-{appointment.pk}@{host}"


def appointment_calendar(appointment: Appointment, method: str) -> bytes:
    """Return the .ics of an appointment (call under translation.override of the reader)."""
    slot, case = appointment.slot, appointment.case
    start = slot.start.astimezone(TOKYO)
    event = Event()
    event.add("uid", uid(appointment))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=slot.minutes))
    event.add("sequence", 1 if method == CANCEL else 0)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    summary = _("Consultation Plaza: appointment %(reference)s") % {"reference": case.reference}
    event.add("summary", summary)
    event.add("location", f"{_('Consultation Plaza')}, {settings.TABUNKA_CONSULT_VISIT['address']}")
    event.add("url", settings.TABUNKA_CONSULT_VISIT["map_url"])
    event.add("description", f"{what_to_bring()}\n{settings.TABUNKA_CONSULT_VISIT['map_url']}")
    organizer = vCalAddress(f"mailto:{settings.TABUNKA_PLAZA['email']}")
    organizer.params["cn"] = _("Consultation Plaza")
    event.add("organizer", organizer)
    if case.email and method != PUBLISH:
        attendee = vCalAddress(f"mailto:{case.email}")
        attendee.params["role"] = "REQ-PARTICIPANT"
        event.add("attendee", attendee)
    if method != CANCEL:
        event.add_component(calendar.reminder(datetime.timedelta(days=-1), summary))
    return calendar.calendar_file(event, method)


def what_to_bring() -> str:
    """Return what a resident brings to an appointment, in the active language."""
    return _(
        "Please bring your residence card, your reference number and any letters or papers "
        "about your question."
    )
