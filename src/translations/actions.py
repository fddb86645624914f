"""State changes of the translation workflow (each one atomic)."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser, User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import languages
from translations import providers, services
from translations.models import Status, Translatable, TranslationJob
from translations.tasks import machine_translate


@transaction.atomic
def do_request_machine_translation(
    root: Translatable,
    codes: Sequence[str],
    *,
    label: str,
    user: User | None = None,
    provider: str | None = None,
) -> TranslationJob:
    """Create a job to fill the missing languages of an object by machine and enqueue it."""
    name = provider or providers.configured_name()
    if not name:
        raise ValidationError(_("No machine-translation provider is configured."))
    unknown = [c for c in codes if c not in languages.TARGETS]
    if unknown or not codes:
        raise ValidationError(_("Choose languages to translate into."))
    job = TranslationJob.objects.create(
        content_type=ContentType.objects.get_for_model(root),
        object_id=root.pk,
        label=label,
        languages=list(codes),
        total=len(codes),
        provider=name,
        created_by=user,
    )
    # With the database backend the task row commits with the job; a worker picks both up.
    result = machine_translate.enqueue(job.pk)
    TranslationJob.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id))
    job.refresh_from_db()
    return job


@transaction.atomic
def do_save_translations(
    changes: Sequence[tuple[Translatable, str, str, str]],
    code: str,
    *,
    user: AbstractBaseUser | None,
) -> int:
    """Store edited fields (object, field, text, status) in one language; return how many."""
    for obj, field, text, status in changes:
        if status not in Status.values:
            status = Status.DRAFT
        services.set_translation(obj, field, code, text, status=status, user=user)
    return len(changes)
