"""The translation workflow's own pages in the staff navigation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts import roles
from core import staff_nav
from core.staff_nav import Entry


def register() -> None:
    staff_nav.register(
        Entry("translations:glossary", staff_nav.TRANSLATION, _("Glossary and memory"),
              "translations:glossary", roles.can_translate, order=20, args=("en",))
    )  # fmt: skip
