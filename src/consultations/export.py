"""Everything stored about a case, as plain data: for the resident's access request."""

from __future__ import annotations

from typing import Any

from consultations.models import Case


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def case_data(case: Case) -> dict[str, Any]:
    """Return the case with its notes, contacts, follow-ups, handovers, appointments, messages."""
    return {
        "reference": case.reference,
        "language": case.language,
        "category": case.category,
        "channel": case.channel,
        "status": case.status,
        "description": case.description,
        "special_care": case.special_care,
        "name": case.name,
        "email": case.email,
        "phone": case.phone,
        "preferred_contact": case.preferred_contact,
        "interpreter_language": case.interpreter_language,
        "consent_at": _iso(case.consent_at),
        "created_at": _iso(case.created_at),
        "closed_at": _iso(case.closed_at),
        "expires_at": _iso(case.expires_at),
        "notes": [
            {"at": _iso(n.created_at), "text": n.text, "special_care": n.special_care}
            for n in case.notes.all()
        ],
        "contacts": [
            {"at": _iso(c.at), "channel": c.channel, "summary": c.summary}
            for c in case.contacts.all()
        ],
        "followups": [
            {"due": _iso(f.due), "text": f.text, "done_at": _iso(f.done_at)}
            for f in case.followups.all()
        ],
        "handovers": [{"at": _iso(h.at), "note": h.note} for h in case.handovers.all()],
        "appointments": [
            {"start": _iso(a.slot.start), "cancelled_at": _iso(a.cancelled_at)}
            for a in case.appointments.select_related("slot")
        ],
        "faq_answers": [e.slug for e in case.faqs.all()],
        "messages": [
            {
                "at": _iso(m.created_at),
                "from": "resident" if m.from_resident else "plaza",
                "text": m.text,
            }
            for m in case.messages.all()
        ],
    }
