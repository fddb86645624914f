"""Scan counting with nothing about the person: notice × language × day, and a count."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from notices.models import Notice, ScanCount


def record_scan(notice: Notice, code: str) -> None:
    """Add one to today's count for this notice and language."""
    day = timezone.localdate()
    updated = ScanCount.objects.filter(notice=notice, language=code, day=day).update(
        count=F("count") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            ScanCount.objects.create(notice=notice, language=code, day=day, count=1)
    except IntegrityError:  # another request created today's row first
        ScanCount.objects.filter(notice=notice, language=code, day=day).update(count=F("count") + 1)


def daily(notice: Notice, days: int = 30) -> list[tuple[datetime.date, int]]:
    """Return the scans of the last days, one pair per day, zeros included."""
    today = timezone.localdate()
    start = today - datetime.timedelta(days=days - 1)
    rows = (
        ScanCount.objects.filter(notice=notice, day__gte=start)
        .values("day")
        .annotate(total=Sum("count"))
    )
    totals = {row["day"]: row["total"] for row in rows}
    return [
        (start + datetime.timedelta(days=i), totals.get(start + datetime.timedelta(days=i), 0))
        for i in range(days)
    ]


def by_language(notice: Notice) -> list[tuple[str, int]]:
    """Return all-time scans per language, most first."""
    rows = (
        ScanCount.objects.filter(notice=notice)
        .values("language")
        .annotate(total=Sum("count"))
        .order_by("-total", "language")
    )
    return [(row["language"], row["total"]) for row in rows]
