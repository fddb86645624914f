"""Anonymous monthly counts, updated at intake and closing, kept when cases are purged."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone

from consultations.models import Case, MonthlyStat

COLUMNS = ("month", "language", "category", "channel", "opened", "closed")


def _month(when: datetime.datetime) -> datetime.date:
    return timezone.localtime(when).date().replace(day=1)


def count(case: Case, field: str, when: datetime.datetime | None = None) -> None:
    """Add one to the opened or closed count of the case's cell."""
    cell = {
        "month": _month(when or timezone.now()),
        "language": case.language,
        "category": case.category,
        "channel": case.channel,
    }
    if MonthlyStat.objects.filter(**cell).update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            MonthlyStat.objects.create(**cell, **{field: 1})
    except IntegrityError:  # another submission created the cell first
        MonthlyStat.objects.filter(**cell).update(**{field: F(field) + 1})


def rows(year: int | None = None) -> QuerySet[MonthlyStat]:
    query = MonthlyStat.objects.all()
    return query.filter(month__year=year) if year else query


def totals(query: QuerySet[MonthlyStat], key: str) -> list[tuple[str, int]]:
    """Return opened counts summed by one dimension, largest first."""
    grouped = query.values(key).annotate(total=Sum("opened")).order_by("-total", key)
    return [(str(row[key]), int(row["total"])) for row in grouped]


def by_month(query: QuerySet[MonthlyStat]) -> list[tuple[datetime.date, int, int]]:
    grouped = query.values("month").annotate(o=Sum("opened"), c=Sum("closed")).order_by("month")
    return [(row["month"], int(row["o"]), int(row["c"])) for row in grouped]


def to_csv(stats: Iterable[MonthlyStat]) -> str:
    """Return the cells as CSV: counts only, nothing about a person."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for s in stats:
        writer.writerow(
            [s.month.strftime("%Y-%m"), s.language, s.category, s.channel, s.opened, s.closed]
        )
    return out.getvalue()


def open_cases_by(key: str) -> list[tuple[str, int]]:
    """Return today's open cases by language or category (for the queue header)."""
    grouped = (
        Case.objects.exclude(status="closed")
        .values(key)
        .annotate(n=Count("id"))
        .order_by("-n", key)
    )
    return [(str(r[key]), int(r["n"])) for r in grouped]
