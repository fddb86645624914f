"""Lifecycle changes of a notice. Codes never break: nothing here deletes or renames a code.

Every change is one transaction and leaves one `NoticeEvent` naming who made it. Changing the
Japanese source of a notice or a part bumps its revision and marks its translations outdated
(`translations.models.Translatable.save`), which the translators' matrix then shows.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext as _

from notices import checklist
from notices.forms import DocumentForm, NoticeEditor, OfficeForm, unique_slug
from notices.models import (
    Document,
    EventKind,
    Notice,
    NoticeDocument,
    NoticeEvent,
    NoticeOffice,
    NoticeStatus,
    Office,
)


def _record(
    notice: Notice, kind: str, user: User | None, *, with_gaps: bool = False, **detail: Any
) -> NoticeEvent:
    return NoticeEvent.objects.create(
        notice=notice,
        kind=kind,
        user=user,
        revision=notice.revision,
        with_gaps=with_gaps,
        detail=detail,
    )


def _save_parts(formset: BaseInlineFormSet, notice: Notice) -> dict[str, int]:  # type: ignore[type-arg]
    """Store a formset's rows in the order given; return how many were added, changed, removed."""
    formset.instance = notice
    counts = {"added": 0, "changed": 0, "removed": 0}
    for form in formset.deleted_forms:
        if form.instance.pk is not None:
            form.instance.delete()
            counts["removed"] += 1
    for position, form in enumerate(formset.ordered_forms, start=1):
        obj = form.save(commit=False)
        obj.notice = notice
        is_new = obj.pk is None
        changed = [name for name in form.changed_data if name not in ("ORDER", "DELETE")]
        if is_new or changed or obj.order != position:
            obj.order = position
            obj.save()
            if is_new:
                counts["added"] += 1
            elif changed or "ORDER" in form.changed_data:
                counts["changed"] += 1
    return {k: v for k, v in counts.items() if v}


@transaction.atomic
def do_save_notice(editor: NoticeEditor, *, user: User | None) -> Notice:
    """Store a valid editor page: the notice (a new one gets its code now) and its parts."""
    notice = editor.form.instance
    created = notice.pk is None
    fields = list(editor.form.changed_data)
    notice = editor.form.save()
    parts = {}
    for prefix, formset in editor.parts.items():
        done = _save_parts(formset, notice)
        if done:
            parts[prefix] = done
    kind = EventKind.CREATED if created else EventKind.EDITED
    _record(notice, kind, user, fields=fields, parts=parts)
    return notice


def _next_order(links: Any) -> int:
    last = links.order_by("-order").first()
    return (last.order if last else 0) + 1


@transaction.atomic
def do_add_office(notice: Notice, form: OfficeForm, *, user: User | None) -> Office:
    """Add a new office to the catalog and to the notice's "Where" list."""
    office: Office = form.save(commit=False)
    office.slug = unique_slug(Office, office.name, "office")
    office.save()
    NoticeOffice.objects.create(
        notice=notice, office=office, order=_next_order(notice.noticeoffice_set)
    )
    _record(notice, EventKind.EDITED, user, office_added=office.pk)
    return office


@transaction.atomic
def do_add_document(notice: Notice, form: DocumentForm, *, user: User | None) -> Document:
    """Add a new document to the catalog and to the notice's "What to bring" list."""
    document: Document = form.save(commit=False)
    document.slug = unique_slug(Document, document.name, "document")
    document.save()
    NoticeDocument.objects.create(
        notice=notice, document=document, order=_next_order(notice.noticedocument_set)
    )
    _record(notice, EventKind.EDITED, user, document_added=document.pk)
    return document


@transaction.atomic
def do_publish(
    notice: Notice, *, user: User | None = None, confirm_gaps: bool = False
) -> NoticeEvent:
    """Make a draft (or a withdrawn notice) public; with checklist gaps only when confirmed."""
    if notice.status == NoticeStatus.SUPERSEDED:
        raise ValidationError(_("A superseded notice cannot be published again."))
    found = checklist.build(notice)
    if found.has_gaps and not confirm_gaps:
        raise ValidationError(
            _("The checklist shows gaps. Confirm that you publish with them, or fill them first.")
        )
    notice.status = NoticeStatus.PUBLISHED
    notice.published_at = notice.published_at or timezone.now()
    notice.withdrawn_at = None
    notice.save(update_fields=["status", "published_at", "withdrawn_at", "updated_at"])
    gaps = found.gaps() if found.has_gaps else {}
    return _record(notice, EventKind.PUBLISHED, user, with_gaps=found.has_gaps, gaps=gaps)


@transaction.atomic
def do_withdraw(notice: Notice, *, user: User | None = None) -> None:
    """Take a notice down; its code keeps a page that says so and where to get help."""
    notice.status = NoticeStatus.WITHDRAWN
    notice.withdrawn_at = timezone.now()
    notice.save(update_fields=["status", "withdrawn_at", "updated_at"])
    _record(notice, EventKind.WITHDRAWN, user)


@transaction.atomic
def do_supersede(old: Notice, new: Notice, *, user: User | None = None) -> None:
    """Send readers of the old notice's code to the new notice."""
    if old.pk == new.pk:
        raise ValidationError(_("A notice cannot replace itself."))
    walk: Notice | None = new
    while walk is not None:
        if walk.pk == old.pk:
            raise ValidationError(_("That would send readers in a circle."))
        walk = walk.superseded_by
    if new.status != NoticeStatus.PUBLISHED:
        raise ValidationError(_("Publish the new notice before it replaces the old one."))
    old.status = NoticeStatus.SUPERSEDED
    old.superseded_by = new
    old.save(update_fields=["status", "superseded_by", "updated_at"])
    _record(old, EventKind.SUPERSEDED, user, successor=new.code)
