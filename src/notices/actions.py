"""Lifecycle changes of a notice. Codes never break: nothing here deletes or renames a code."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notices.models import Notice, NoticeStatus

User = AbstractBaseUser | AnonymousUser


@transaction.atomic
def do_publish(notice: Notice) -> None:
    """Make a draft (or a withdrawn notice) public again."""
    if notice.status == NoticeStatus.SUPERSEDED:
        raise ValidationError(_("A superseded notice cannot be published again."))
    notice.status = NoticeStatus.PUBLISHED
    notice.published_at = notice.published_at or timezone.now()
    notice.withdrawn_at = None
    notice.save(update_fields=["status", "published_at", "withdrawn_at", "updated_at"])


@transaction.atomic
def do_withdraw(notice: Notice) -> None:
    """Take a notice down; its code keeps a page that says so and where to get help."""
    notice.status = NoticeStatus.WITHDRAWN
    notice.withdrawn_at = timezone.now()
    notice.save(update_fields=["status", "withdrawn_at", "updated_at"])


@transaction.atomic
def do_supersede(old: Notice, new: Notice) -> None:
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
