"""Background tasks of the Plaza (django-tasks; `manage.py db_worker` runs them).

Actions enqueue them with `transaction.on_commit`, so a mail never announces a change that was
rolled back, and a slow or failing mail server never holds up or undoes the change.
"""

from __future__ import annotations

from django_tasks import task

from consultations import mail


@task()
def mail_confirmation(case_id: int) -> bool:
    """Confirm an intake with the reference and a status link."""
    return mail.send_confirmation(case_id)


@task()
def mail_new_message(message_id: int) -> bool:
    """Tell the resident there is a new message (never its content)."""
    return mail.send_message_notice(message_id)


@task()
def mail_appointment(appointment_id: int, kind: str, replaced_id: int | None = None) -> bool:
    """Confirm a booking or cancellation with an .ics attached."""
    return mail.send_appointment(appointment_id, kind, replaced_id)
