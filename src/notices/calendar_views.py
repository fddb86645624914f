"""A notice's deadline as a calendar file (.ics): an all-day event with a reminder before it."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Alarm, Calendar, Event

from core import languages
from notices import presenter, qr
from notices.models import NoticeStatus
from notices.views import final_successor, get_public_notice

# The reminder goes off at 9:00 local time, three days before the deadline day.
REMINDER = -datetime.timedelta(days=3) + datetime.timedelta(hours=9)


@require_GET
def deadline_ics(request: HttpRequest, code: str) -> HttpResponse:
    """Return the deadline of a notice as an .ics file in the reader's language."""
    notice = final_successor(get_public_notice(code))
    if notice.status == NoticeStatus.WITHDRAWN or notice.deadline is None:
        raise Http404(code)
    lang = request.LANGUAGE_CODE
    page = presenter.build(notice, lang)
    url = f"{qr.notice_url(notice.code)}?lang={lang}"
    summary = _("Deadline: %(title)s") % {"title": page.title.text}
    lines = [page.summary.text]
    if page.deadline_note:
        lines.append(page.deadline_note.text)
    lines.append(_("The explanation of this letter: %(url)s") % {"url": url})

    event = Event()
    event.add("uid", f"deadline-{notice.code}-{lang}@tabunka")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", notice.deadline)  # a date: an all-day event
    event.add("dtend", notice.deadline + datetime.timedelta(days=1))
    event.add("summary", summary, parameters={"language": languages.get(lang).bcp47})
    event.add("description", "\n\n".join(lines))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a deadline does not make the day busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", REMINDER)
    event.add_component(alarm)

    calendar = Calendar()
    calendar.add("prodid", "-//Kumamoto City//tabunka//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tabunka-{notice.code}-deadline.ics"'
    return response
