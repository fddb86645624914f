"""The counselor and supervisor roles, and who may see which case."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from accounts.roles import is_staff_member, set_role_permissions
from consultations.models import Case

COUNSELOR = "counselor"
SUPERVISOR = "supervisor"

_HANDLE = [("consultations", "handle_case")]
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    COUNSELOR: _HANDLE + [("consultations", "view_faqentry"), ("consultations", "view_slot")],
    SUPERVISOR: _HANDLE
    + [("consultations", "supervise_case")]
    + [
        ("consultations", f"{a}_{m}")
        for m in ("faqentry", "slot", "counselorgroup", "closingday")
        for a in ("add", "change", "delete", "view")
    ]
    # The notices' scan overview: the Plaza plans languages and interpreters from it.
    + [("notices", "view_scancount")],
}


def ensure_roles() -> None:
    """Create or refresh the counselor and supervisor groups and their permissions."""
    set_role_permissions(ROLE_PERMISSIONS)


def _granted(user: Any, codename: str) -> bool:
    """Return whether the user holds this consultations permission through a role or directly.

    Not `has_perm`: Django grants a superuser every permission, and consultations hold
    special-care data that only the Plaza's own roles may read (least privilege).
    """
    if not is_staff_member(user):
        return False
    if not user.is_superuser:
        return bool(user.has_perm(f"consultations.{codename}"))
    return Permission.objects.filter(
        Q(group__user=user) | Q(user=user),
        content_type__app_label="consultations",
        codename=codename,
    ).exists()


def can_handle_cases(user: Any) -> bool:
    return _granted(user, "handle_case")


def can_supervise(user: Any) -> bool:
    return _granted(user, "supervise_case")


def visible_cases(user: Any) -> QuerySet[Case]:
    """Return the cases a user may see: all for supervisors; own and unassigned-in-group else."""
    if can_supervise(user):
        return Case.objects.all()
    if not can_handle_cases(user):
        return Case.objects.none()
    return Case.objects.filter(
        Q(assignee=user) | Q(assignee__isnull=True, group__members=user)
    ).distinct()
