"""One row per (object, field, language): status, provenance, history, and its source."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    MACHINE = "machine", _("Machine translation")
    REVIEWED = "reviewed", _("Reviewed")
    PUBLISHED = "published", _("Published")


# Statuses a resident may see; drafts stay in the back office.
PUBLIC_STATUSES = (Status.MACHINE, Status.REVIEWED, Status.PUBLISHED)


class Translation(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=40)
    language = models.CharField(max_length=12)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The Japanese text and object revision this translation was made from.
    source_text = models.TextField(blank=True)
    source_revision = models.PositiveIntegerField(default=1)
    outdated = models.BooleanField(default=False)
    provider = models.CharField(max_length=40, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_per_field_language",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}.{self.field}[{self.language}]"


class TranslationRevision(models.Model):
    """One saved state of a translation: who made it, when, from which source."""

    translation = models.ForeignKey(Translation, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    source_text = models.TextField(blank=True)
    source_revision = models.PositiveIntegerField(default=1)
    provider = models.CharField(max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.translation} @ {self.created_at:%Y-%m-%d %H:%M}"


class Translatable(models.Model):
    """A model with Japanese fields to translate; changing one marks its translations outdated."""

    translatable_fields: ClassVar[tuple[str, ...]] = ()
    revision = models.PositiveIntegerField(default=1, editable=False)
    # Deleting the object (also through a cascade or a queryset) deletes its translations.
    translations = GenericRelation(Translation)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        changed = self.changed_source_fields()
        if changed:
            self.revision += 1
        super().save(*args, **kwargs)
        if changed:
            Translation.objects.filter(
                content_type=ContentType.objects.get_for_model(self),
                object_id=self.pk,
                field__in=changed,
            ).exclude(outdated=True).update(outdated=True)
        self._loaded_source = {f: getattr(self, f) for f in self.translatable_fields}

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)
        instance._loaded_source = {f: getattr(instance, f) for f in cls.translatable_fields}
        return instance

    def changed_source_fields(self) -> list[str]:
        """Return the translatable fields whose Japanese text changed since loading."""
        loaded = getattr(self, "_loaded_source", None)
        if loaded is None:
            return []
        return [f for f in self.translatable_fields if getattr(self, f) != loaded.get(f)]
