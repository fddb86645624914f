"""Machine-translation jobs and what each provider was sent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class TranslationJob(models.Model):
    """One request to machine-translate an object (and its parts) into some languages."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    root = GenericForeignKey("content_type", "object_id")
    label = models.CharField(max_length=40)  # what staff call it, e.g. the notice code
    languages = models.JSONField(default=list)
    provider = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    filled = models.PositiveIntegerField(default=0)  # fields written
    warnings = models.PositiveIntegerField(default=0)  # glossary problems in what was written
    error = models.CharField(max_length=10, blank=True)  # providers.base: auth, quota, timeout…
    message = models.TextField(blank=True)  # the provider's own words, for the record
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} → {','.join(self.languages)} ({self.status})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class ProviderUsage(models.Model):
    """Characters sent to one provider in one month (providers bill by the character)."""

    provider = models.CharField(max_length=40)
    month = models.DateField()  # the first day of the month
    characters = models.PositiveBigIntegerField(default=0)
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month", "provider"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "month"], name="one_usage_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.month:%Y-%m}: {self.characters}"
