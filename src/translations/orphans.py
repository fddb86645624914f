"""Translations whose object is gone: found and removed per content type (ORM or migration)."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db.models import QuerySet


def orphaned(apps: Any = global_apps) -> dict[str, QuerySet[Any]]:
    """Return, per model label, the translations whose object no longer exists."""
    translation = apps.get_model("translations", "Translation")
    content_type = apps.get_model("contenttypes", "ContentType")
    found: dict[str, QuerySet[Any]] = {}
    type_ids = translation.objects.values_list("content_type", flat=True).distinct()
    for ct in content_type.objects.filter(pk__in=list(type_ids)):
        rows = translation.objects.filter(content_type_id=ct.pk)
        try:
            model = apps.get_model(ct.app_label, ct.model)
        except LookupError:
            continue  # a model this state does not know: leave its rows to a later run
        rows = rows.exclude(object_id__in=model.objects.values("pk"))
        if rows.exists():
            found[f"{ct.app_label}.{ct.model}"] = rows
    return found


def delete_orphaned(apps: Any = global_apps) -> dict[str, int]:
    """Delete translations (and their history) whose object is gone; return counts per model."""
    return {label: rows.delete()[0] for label, rows in orphaned(apps).items()}
