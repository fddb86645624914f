"""The Plaza's back-office pages in the staff navigation, and its to-do counts.

Counts come from `roles.visible_cases`, so a counselor counts only the cases access.py lets
them open; they are numbers, never a person's data, so showing them writes no audit entry.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import staff_nav
from core.staff_nav import Entry, Todo


def cases(user: Any) -> list[Todo]:
    """Return the new cases and the follow-ups due today or earlier that this user may see."""
    from consultations import roles
    from consultations.models import CaseStatus, FollowUp

    visible = roles.visible_cases(user)
    queue = reverse("consultations:staff-queue")
    due = FollowUp.objects.filter(
        case__in=visible, done_at__isnull=True, due__lte=timezone.localdate()
    )
    return [
        Todo(
            _("New cases"),
            visible.filter(status=CaseStatus.NEW).count(),
            f"{queue}?{urlencode({'status': CaseStatus.NEW})}",
            _("Consultations nobody has answered yet."),
        ),
        Todo(
            _("Follow-ups due"),
            due.count(),
            queue,
            _("Follow-ups due today or earlier and not yet done."),
        ),
    ]


def register() -> None:
    from consultations import roles

    plaza = staff_nav.PLAZA
    for key, label, url_name, check, order in (
        ("queue", _("Consultations"), "consultations:staff-queue", roles.can_handle_cases, 10),
        ("slots", _("Appointment slots"), "consultations:staff-slots", roles.can_handle_cases, 20),
        ("stats", _("Statistics"), "consultations:staff-stats", roles.can_supervise, 30),
        (
            "person",
            _("Requests for a person's data"),
            "consultations:staff-person",
            roles.can_supervise,
            40,
        ),
    ):
        staff_nav.register(Entry(f"consultations:{key}", plaza, label, url_name, check, order))
    staff_nav.register(
        Entry("consultations:faq-translations", staff_nav.TRANSLATION, _("FAQ translations"),
              "consultations:staff-faq-translations", "translations.change_translation", order=30)
    )  # fmt: skip
    staff_nav.register_todo("consultations:cases", roles.can_handle_cases, cases, order=40)
