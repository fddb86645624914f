"""State changes of consultations, each under one transaction and with its audit entry."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import audit, opening, stats, tasks
from consultations.mail import BOOKED, CANCELLED
from consultations.models import (
    Appointment,
    Case,
    CaseStatus,
    ContactLog,
    CounselorGroup,
    FaqEntry,
    FollowUp,
    Handover,
    Message,
    Note,
    Slot,
    hash_token,
    new_reference,
)

User = Any  # an authenticated staff user, or None for the resident / the system


@dataclass(frozen=True)
class Submitted:
    case: Case
    token: str  # shown once to the resident (a mail gets a link of its own); only its hash kept

    @property
    def status_path(self) -> str:
        return reverse("consultations:status", args=[self.token])


def client_hash(address: str) -> str:
    """Return a keyed hash of the client address: enough to count, not to find the person."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def route(language: str, category: str) -> CounselorGroup | None:
    """Return the group that fits the case best (language and category, then language, …)."""
    best: tuple[int, int, CounselorGroup] | None = None
    for group in CounselorGroup.objects.all():
        fit = group.takes(language, category)
        if fit and (best is None or (fit, -group.order) > best[:2]):
            best = (fit, -group.order, group)
    return best[2] if best else None


def is_over_limit(client: str) -> bool:
    """Return True when this client already sent the hourly number of submissions."""
    if not client:
        return False
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = Case.objects.filter(client_hash=client, created_at__gte=since).count()
    return recent >= settings.TABUNKA_CONSULT_RATE_LIMIT


def do_submit(data: dict[str, Any], *, channel: str, client: str = "") -> Submitted:
    """Store a consultation, route it, count it; mail the resident after the commit."""
    flagged = ""
    if data.get("website"):
        flagged = "honeypot"
    elif is_over_limit(client):
        flagged = "rate-limit"
    token = secrets.token_urlsafe(24)
    now = timezone.now()
    for attempt in range(5):
        try:
            with transaction.atomic():
                case = Case(
                    reference=new_reference(),
                    token_hash=hash_token(token),
                    language=data["language"],
                    category=data["category"],
                    channel=channel,
                    description=data["description"],
                    name=data.get("name", ""),
                    email=data.get("email", ""),
                    phone=data.get("phone", ""),
                    preferred_contact=data["preferred_contact"],
                    interpreter_language=data.get("interpreter_language", ""),
                    client_hash=client,
                    consent_at=now,
                    flagged=flagged,
                    group=route(data["language"], data["category"]),
                    created_at=now,
                )
                case.renew_expiry()
                case.save()
                stats.count(case, "opened", now)
                audit.record(None, "submit", case, f"channel={channel} flagged={flagged}")
        except IntegrityError:
            if attempt == 4:
                raise
            continue  # a reference collision: draw another
        break
    if case.email:
        transaction.on_commit(lambda: tasks.mail_confirmation.enqueue(case.pk))
    return Submitted(case, token)


def _touch(case: Case, *fields: str) -> None:
    case.save(update_fields=list(fields))


@transaction.atomic
def do_assign(case: Case, to: Any, by: User, note: str = "") -> None:
    """Give the case to a counselor; a change of hands is recorded as a handover."""
    if case.assignee_id and case.assignee_id != getattr(to, "pk", None):
        Handover.objects.create(case=case, from_user=case.assignee, to_user=to, note=note)
    case.assignee = to
    if case.status == CaseStatus.NEW and to is not None:
        case.status = CaseStatus.IN_PROGRESS
    _touch(case, "assignee", "status")
    audit.record(by, "assign", case, f"to={getattr(to, 'username', '-')}")


@transaction.atomic
def do_set_group(case: Case, group: CounselorGroup | None, by: User) -> None:
    """Move the case to another counselor group (or to none); recorded in the audit."""
    if case.group_id == getattr(group, "pk", None):
        return
    case.group = group
    _touch(case, "group")
    audit.record(by, "group", case, f"group={group.pk if group else '-'}")


@transaction.atomic
def do_set_status(case: Case, status: str, by: User) -> None:
    """Move the case along new → in progress → waiting → closed; closing restarts retention."""
    if status not in CaseStatus.values:
        raise ValidationError(_("Unknown status."))
    was_closed = case.status == CaseStatus.CLOSED
    now = timezone.now()
    case.status = status
    if status == CaseStatus.CLOSED and not was_closed:
        case.closed_at = now
        stats.count(case, "closed", case.closed_at)
    elif status != CaseStatus.CLOSED:
        case.closed_at = None
    case.renew_expiry(now)  # so the period runs from the closing exactly
    _touch(case, "status", "closed_at", "expires_at")
    audit.record(by, "status", case, f"status={status}")


@transaction.atomic
def do_add_note(case: Case, text: str, by: User, *, special_care: bool = True) -> Note:
    note = Note.objects.create(case=case, author=by, text=text, special_care=special_care)
    audit.record(by, "note", case, f"special_care={special_care}")
    return note


@transaction.atomic
def do_log_contact(
    case: Case, channel: str, summary: str, by: User, interpreter: str = ""
) -> ContactLog:
    entry = ContactLog.objects.create(
        case=case, author=by, channel=channel, summary=summary, interpreter_language=interpreter
    )
    audit.record(by, "contact", case, f"channel={channel}")
    return entry


@transaction.atomic
def do_add_followup(case: Case, due: datetime.date, text: str, by: User) -> FollowUp:
    followup = FollowUp.objects.create(case=case, due=due, text=text)
    audit.record(by, "followup", case, f"due={due.isoformat()}")
    return followup


@transaction.atomic
def do_complete_followup(followup: FollowUp, by: User) -> None:
    followup.done_at = timezone.now()
    followup.save(update_fields=["done_at"])
    audit.record(by, "followup-done", followup.case, f"followup={followup.pk}")


@transaction.atomic
def do_link_faq(case: Case, entry: FaqEntry, by: User) -> None:
    case.faqs.add(entry)
    audit.record(by, "link-faq", case, f"faq={entry.slug}")


def bookable_slots(case: Case) -> list[Slot]:
    """Return future slots on open days, with room and, if asked for, the resident's interpreter.

    A slot made before its day became a closing day (a new `ClosingDay`, changed settings) stays
    in the staff list but is no longer offered or bookable.
    """
    candidates = list(
        Slot.objects.filter(start__gt=timezone.now()).prefetch_related("appointments")
    )
    open_days = opening.open_days(timezone.localtime(s.start).date() for s in candidates)
    slots = []
    for slot in candidates:
        if timezone.localtime(slot.start).date() not in open_days:
            continue
        if not opening.fits_hours(slot.start, slot.minutes):
            continue
        active = [a for a in slot.appointments.all() if a.cancelled_at is None]
        wanted = case.interpreter_language
        if len(active) < slot.capacity and (not wanted or wanted in slot.interpreter_languages):
            slots.append(slot)
    return slots


def _mail_appointment(
    case: Case, appointment: Appointment, kind: str, replaced: int | None
) -> None:
    if case.email:
        transaction.on_commit(
            lambda: tasks.mail_appointment.enqueue(appointment.pk, kind, replaced)
        )


@transaction.atomic
def do_book(case: Case, slot_id: int, by: User = None) -> Appointment:
    """Book a slot for the case, replacing its earlier booking; refuse a full or unfit slot."""
    if not 0 < slot_id < 2**63:  # no id at all; SQLite cannot even compare such a number
        raise ValidationError(_("This time is no longer available. Please choose another."))
    slot = Slot.objects.select_for_update().filter(pk=slot_id).first()
    if slot is None or slot.pk not in {s.pk for s in bookable_slots(case)}:
        raise ValidationError(_("This time is no longer available. Please choose another."))
    now = timezone.now()
    earlier = case.appointments.filter(cancelled_at__isnull=True).first()
    case.appointments.filter(cancelled_at__isnull=True).update(cancelled_at=now)
    appointment = Appointment.objects.create(
        slot=slot, case=case, interpreter_language=case.interpreter_language
    )
    audit.record(by, "book", case, f"slot={slot.pk}")
    _mail_appointment(case, appointment, BOOKED, earlier.pk if earlier else None)
    return appointment


@transaction.atomic
def do_cancel_appointment(case: Case, by: User = None) -> None:
    """Cancel the case's booking, if it has one, and confirm that to the resident."""
    active = case.appointments.filter(cancelled_at__isnull=True).first()
    case.appointments.filter(cancelled_at__isnull=True).update(cancelled_at=timezone.now())
    audit.record(by, "cancel", case)
    if active is not None:
        _mail_appointment(case, active, CANCELLED, None)


@transaction.atomic
def do_create_slots(
    start: datetime.datetime,
    languages: list[str],
    by: User,
    *,
    count: int = 1,
    minutes: int = 30,
) -> list[Slot]:
    """Create `count` back-to-back slots from `start`; refuse all if one falls when closed."""
    starts = [start + datetime.timedelta(minutes=minutes * i) for i in range(count)]
    for each in starts:
        opening.check_slot(each, minutes)
    slots = [
        Slot.objects.create(start=each, minutes=minutes, interpreter_languages=languages)
        for each in starts
    ]
    audit.record(by, "slots", None, f"start={start.isoformat()} count={count}")
    return slots


@transaction.atomic
def do_add_message(case: Case, text: str, by: User, *, from_resident: bool = False) -> Message:
    """Add a message to the case's thread; a counselor's one is announced to the resident by mail.

    The mail says only that there is a message (never its text). A counselor who answers has read
    the resident's earlier messages; any message is a change of the case and restarts retention.
    """
    now = timezone.now()
    message = Message.objects.create(
        case=case,
        author=None if from_resident else by,
        from_resident=from_resident,
        text=text,
        created_at=now,
    )
    if not from_resident:
        case.messages.filter(from_resident=True, seen_at__isnull=True).update(seen_at=now)
    case.renew_expiry(now)
    _touch(case, "expires_at")
    action = "resident-message" if from_resident else "message"
    audit.record(None if from_resident else by, action, case, f"message={message.pk}")
    if not from_resident and case.email:
        transaction.on_commit(lambda: tasks.mail_new_message.enqueue(message.pk))
    return message


@transaction.atomic
def do_open_case(case: Case, by: User) -> set[int]:
    """Record that a counselor opened the case; return the resident's messages new until now."""
    unseen = case.messages.filter(from_resident=True, seen_at__isnull=True)
    new = set(unseen.values_list("pk", flat=True))
    unseen.update(seen_at=timezone.now())
    audit.record(by, "view", case)
    return new


def _delete(case: Case, by: User, action: str) -> None:
    # The audit entry keeps the reference; the case, its notes, contacts, follow-ups, handovers,
    # appointments, messages and extra status links go (all CASCADE). MonthlyStat is a separate
    # table and is left as it is.
    audit.record(by, action, case, f"category={case.category} language={case.language}")
    case.delete()


@transaction.atomic
def do_erase(cases: list[Case], by: User) -> int:
    """Erase one person's cases on their request; return how many."""
    for case in cases:
        _delete(case, by, "erase")
    return len(cases)


@transaction.atomic
def do_purge_expired(now: datetime.datetime | None = None) -> int:
    """Delete every case past its retention period; return how many."""
    expired = list(Case.objects.filter(expires_at__lt=now or timezone.now()))
    for case in expired:
        _delete(case, None, "purge")
    return len(expired)
