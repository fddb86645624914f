"""Run a machine-translation job: fill missing fields, check the glossary, count characters."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core import validation
from translations import glossary, outbound, services
from translations.models import (
    JobStatus,
    ProviderUsage,
    Status,
    Translatable,
    Translation,
    TranslationJob,
)
from translations.outbound import Segment
from translations.providers import ProviderError, get_provider


def parts_of(root: Translatable) -> list[Translatable]:
    """Return the objects translated together with the root (a notice and its steps, …)."""
    parts = getattr(root, "parts", None)
    return list(parts()) if callable(parts) else [root]


def needs_machine(segment: Segment, row: Translation | None) -> bool:
    """Return whether a field may get machine text: missing, or machine text now outdated."""
    if row is None or not row.text.strip():
        return True
    return row.status == Status.MACHINE and row.outdated


def todo(parts: Sequence[Translatable], code: str) -> list[Segment]:
    table = services.TranslationTable(parts, [code], public=False)
    return [
        s for s in outbound.segments(parts) if needs_machine(s, table.get(s.obj, s.field, code))
    ]


def record_usage(provider: str, characters: int) -> None:
    """Add characters sent to a provider to this month's count."""
    month = timezone.localdate().replace(day=1)
    usage, _ = ProviderUsage.objects.get_or_create(provider=provider, month=month)
    ProviderUsage.objects.filter(pk=usage.pk).update(
        characters=F("characters") + characters, requests=F("requests") + 1
    )


def run_job(job_id: int) -> TranslationJob:
    """Translate what is missing; on a provider error write nothing and end with the reason."""
    job = TranslationJob.objects.get(pk=job_id)
    root = job.root
    if not isinstance(root, Translatable):
        return _finish(job, JobStatus.FAILED, error="failed", message="The object is gone.")
    parts = parts_of(root)
    job.status, job.total, job.done = JobStatus.RUNNING, len(job.languages), 0
    job.save(update_fields=["status", "total", "done"])
    results: list[tuple[Segment, str, str]] = []
    try:
        provider = get_provider(job.provider)
        for code in job.languages:
            segments = todo(parts, code)
            if segments:
                terms = glossary.relevant([s.text for s in segments], code)
                texts = outbound.send(provider, segments, code, terms)
                record_usage(provider.name, sum(len(s.text) for s in segments))
                results += [(s, code, t) for s, t in zip(segments, texts, strict=True)]
            job.done += 1
            job.save(update_fields=["done"])
    except ProviderError as error:
        return _finish(job, JobStatus.FAILED, error=error.kind, message=error.detail)
    except Exception as error:  # a job must end with a reason, whatever broke
        return _finish(job, JobStatus.FAILED, error="failed", message=str(error))
    try:
        warnings = _store(job, results)
    except ValidationError as error:  # the provider sent text we cannot store: keep none of it
        return _finish(job, JobStatus.FAILED, error="failed", message=" ".join(error.messages))
    job.filled, job.warnings = len(results), warnings
    return _finish(job, JobStatus.DONE)


@transaction.atomic
def _store(job: TranslationJob, results: list[tuple[Segment, str, str]]) -> int:
    """Store the machine texts of a job; return how many glossary warnings they have."""
    warnings = 0
    for segment, code, text in results:
        services.set_translation(
            segment.obj,
            segment.field,
            code,
            text,
            status=Status.MACHINE,
            user=job.created_by,
            provider=job.provider,
        )
        warnings += len(glossary.check(segment.text, text, code))
    return warnings


def _finish(
    job: TranslationJob, status: str, *, error: str = "", message: str = ""
) -> TranslationJob:
    # A provider's own words are kept for the record, minus what the database cannot store.
    job.status, job.error = status, error
    job.message = validation.replace_unstorable(message[:2000])
    job.finished_at = timezone.now()
    job.save()
    return job
