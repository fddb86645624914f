"""The Easy-Japanese writing assistant in the staff navigation (every staff member may use it)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts import roles
from core import staff_nav
from core.staff_nav import Entry


def register() -> None:
    staff_nav.register(
        Entry("writing:assistant", staff_nav.NOTICES, _("Easy Japanese writing assistant"),
              "writing:assistant", roles.is_staff_member, order=20)
    )  # fmt: skip
