"""The audit trail: one entry for every view, export or change of a case."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from consultations.models import AuditEntry, Case


def record(user: Any, action: str, case: Case | None, detail: str = "") -> AuditEntry:
    """Write who did what to which case; the reference survives the case's deletion."""
    return AuditEntry.objects.create(
        user=user if isinstance(user, User) else None,
        action=action,
        case=case,
        reference=case.reference if case else "",
        detail=detail[:300],
    )
