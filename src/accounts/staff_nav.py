"""Django's site administration in the staff navigation, for administrators only."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from accounts import roles
from core import staff_nav
from core.staff_nav import Entry


def is_administrator(user: Any) -> bool:
    """Return whether the user is a superuser or in the admin role."""
    return roles.is_staff_member(user) and (
        user.is_superuser or user.groups.filter(name=roles.ADMIN).exists()
    )


def register() -> None:
    staff_nav.register(
        Entry("accounts:admin", staff_nav.ADMINISTRATION, _("Site administration"),
              "admin:index", is_administrator, order=10)
    )  # fmt: skip
    from accounts import lockout

    staff_nav.register_todo("accounts:lockouts", is_administrator, lockout.todos, order=90)
