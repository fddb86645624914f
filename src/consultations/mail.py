"""Mail to residents about their case, in their language; never the content of the case.

Each function is run by the task worker after the change committed (see tasks.py). A mail that
needs the status link gets a fresh one (`StatusLink`): tokens are never stored or queued in clear.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from consultations import ics, presenter
from consultations.models import Appointment, Case, Message, StatusLink, hash_token

BOOKED, CANCELLED = "booked", "cancelled"


def fresh_status_url(case: Case) -> str:
    """Return a new private link to the case's status page; only its hash is stored."""
    token = secrets.token_urlsafe(24)
    StatusLink.objects.create(case=case, token_hash=hash_token(token))
    return settings.TABUNKA_PUBLIC_URL + reverse("consultations:status", args=[token])


def _context(case: Case) -> dict[str, object]:
    return {"case": case, "url": fresh_status_url(case), "plaza": settings.TABUNKA_PLAZA}


def send_confirmation(case_id: int) -> bool:
    """Mail the reference and a status link after the intake; never what the resident wrote."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not case.email:
        return False
    with translation.override(case.language):
        subject = _("Your consultation %(reference)s was received") % {"reference": case.reference}
        body = render_to_string("consultations/email/confirmation.txt", _context(case))
    EmailMessage(subject, body, None, [case.email]).send()
    return True


def send_message_notice(message_id: int) -> bool:
    """Tell the resident that the Plaza wrote to them; return False when there is nobody to tell."""
    message = Message.objects.select_related("case").filter(pk=message_id).first()
    if message is None or message.from_resident or not message.case.email:
        return False  # erased meanwhile, or the resident left no address
    case = message.case
    with translation.override(case.language):
        subject = _("New message about your consultation %(reference)s") % {
            "reference": case.reference
        }
        body = render_to_string("consultations/email/new_message.txt", _context(case))
    EmailMessage(subject, body, None, [case.email]).send()
    return True


def send_appointment(appointment_id: int, kind: str, replaced_id: int | None = None) -> bool:
    """Confirm a booking or a cancellation with date, place, map and an .ics attached."""
    appointment = (
        Appointment.objects.select_related("slot", "case").filter(pk=appointment_id).first()
    )
    if appointment is None or not appointment.case.email:
        return False
    case = appointment.case
    replaced = (
        Appointment.objects.select_related("slot").filter(pk=replaced_id).first()
        if replaced_id
        else None
    )
    method = ics.CANCEL if kind == CANCELLED else ics.REQUEST
    with translation.override(case.language):
        when = presenter.when(appointment.slot.start, case.language)
        if kind == CANCELLED:
            subject = _("Your appointment on %(when)s is cancelled") % {"when": when}
        else:
            subject = _("Your appointment at the Plaza: %(when)s") % {"when": when}
        context = {
            **_context(case),
            "kind": kind,
            "when": when,
            "replaced_when": presenter.when(replaced.slot.start, case.language) if replaced else "",
            "place": _("Consultation Plaza"),
            "visit": settings.TABUNKA_CONSULT_VISIT,
            "bring": ics.what_to_bring(),
        }
        body = render_to_string("consultations/email/appointment.txt", context)
        mail = EmailMessage(subject, body, None, [case.email])
        mail.attach(
            "appointment.ics",
            ics.appointment_calendar(appointment, method),
            f"text/calendar; charset=utf-8; method={method}",
        )
        if replaced is not None:
            mail.attach(
                "cancelled.ics",
                ics.appointment_calendar(replaced, ics.CANCEL),
                "text/calendar; charset=utf-8; method=CANCEL",
            )
    mail.send()
    return True
