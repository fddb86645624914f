"""The notices' pages in the staff navigation, and their to-do counts on the staff home."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from core import staff_nav
from core.staff_nav import Entry, Todo


def drafts(user: Any) -> list[Todo]:
    """Return the number of notices not yet published."""
    from notices.models import Notice, NoticeStatus

    count = Notice.objects.filter(status=NoticeStatus.DRAFT).count()
    hint = _("Notices not yet published: finish and publish them.")
    return [Todo(_("Draft notices"), count, reverse("notices:staff-list"), hint)]


def translations(user: Any) -> list[Todo]:
    """Return how many notice × language pairs have outdated or missing text."""
    from notices.models import Notice, NoticeStatus
    from translations import editor

    notices = list(
        Notice.objects.filter(status__in=[NoticeStatus.DRAFT, NoticeStatus.PUBLISHED])
        .select_related("topic")
        .prefetch_related("steps", "fees", "links", "faqs")
    )
    cells = [
        cell
        for _, row in editor.matrix(notices, {n.pk: n.parts() for n in notices})
        for cell in row
    ]
    url = reverse("notices:staff-coverage")
    return [
        Todo(
            _("Outdated translations"),
            sum(1 for c in cells if c.counts["outdated"]),
            url,
            _("Notice languages whose Japanese changed after translation."),
        ),
        Todo(
            _("Missing translations"),
            sum(1 for c in cells if c.counts["missing"]),
            url,
            _("Notice languages with text not yet translated."),
        ),
    ]


# A failure older than this is history, not something to do.
RECENT = datetime.timedelta(days=7)


def failed_jobs(user: Any) -> list[Todo]:
    """Return the recent machine-translation jobs that failed and were not redone with success."""
    from django_tasks_db.models import DBTaskResult

    from translations.models import JobStatus, TranslationJob
    from translations.tasks import machine_translate

    since = timezone.now() - RECENT
    # A task that crashed outside the job's own error handling leaves its job unfinished.
    crashed = {
        str(pk)
        for pk in DBTaskResult.objects.failed()
        .filter(task_path=machine_translate.module_path, finished_at__gte=since)
        .values_list("id", flat=True)
    }
    recent = list(TranslationJob.objects.filter(created_at__gte=since))
    redone = [
        (j.content_type_id, j.object_id, j.created_at) for j in recent if j.status == JobStatus.DONE
    ]
    failed = [
        job
        for job in recent
        if job.status == JobStatus.FAILED
        or (job.status != JobStatus.DONE and job.task_id in crashed)
    ]
    count = sum(
        1
        for job in failed
        if not any(
            (ct, obj) == (job.content_type_id, job.object_id) and at > job.created_at
            for ct, obj, at in redone
        )
    )
    # Crashed tasks whose job row is gone or older still count once each.
    known = set(
        TranslationJob.objects.filter(task_id__in=crashed).values_list("task_id", flat=True)
    )
    count += len(crashed - known)
    hint = _("Machine translation that failed in the last 7 days: see why and try again.")
    return [Todo(_("Failed translation jobs"), count, reverse("notices:staff-coverage"), hint)]


def register() -> None:
    staff_nav.register(
        Entry("notices:list", staff_nav.NOTICES, _("Notices"), "notices:staff-list",
              roles.can_edit_notices, order=10)
    )  # fmt: skip
    staff_nav.register(
        Entry("notices:coverage", staff_nav.TRANSLATION, _("Translation coverage"),
              "notices:staff-coverage", roles.can_translate, order=10)
    )  # fmt: skip
    staff_nav.register(
        Entry("notices:scans", staff_nav.NOTICES, _("Scans of all notices"),
              "notices:staff-scans", "notices.view_scancount", order=40)
    )  # fmt: skip
    staff_nav.register_todo("notices:drafts", roles.can_edit_notices, drafts, order=10)
    staff_nav.register_todo("notices:translations", roles.can_translate, translations, order=20)
    # The coverage page lists the jobs; their rows belong to the translations app.
    staff_nav.register_todo("notices:failed-jobs", roles.can_translate, failed_jobs, order=30)
