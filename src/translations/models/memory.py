"""Translation memory: reviewed segments, reusable across every object."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models


def text_hash(text: str) -> str:
    """Return a stable key for a text, so long segments can be unique and looked up exactly."""
    return hashlib.sha256(text.encode()).hexdigest()


class MemoryEntry(models.Model):
    language = models.CharField(max_length=12)
    source = models.TextField()
    target = models.TextField()
    source_hash = models.CharField(max_length=64, editable=False)
    target_hash = models.CharField(max_length=64, editable=False)
    origin = models.CharField(max_length=100, blank=True)  # "notices.step:12.text", "tmx"
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "source_hash", "target_hash"], name="one_memory_pair"
            )
        ]
        indexes = [models.Index(fields=["language", "source_hash"])]

    def __str__(self) -> str:
        return f"[{self.language}] {self.source[:30]}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.source_hash = text_hash(self.source)
        self.target_hash = text_hash(self.target)
        super().save(*args, **kwargs)  # type: ignore[arg-type]
