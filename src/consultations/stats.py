"""Anonymous monthly counts, updated at intake and closing, kept when cases are purged.

Cells are stored with codes (vi, pension, web); the page and the CSV add their labels in the
staff user's language, the CSV keeping the codes so that a year can be compared with another.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.models import Case, Category, Channel, MonthlyStat
from core import charts
from core.formatting import language_name
from core.validation import csv_safe, parse_int

COLUMNS = (
    "month",
    "language",
    "language_name",
    "category",
    "category_label",
    "channel",
    "channel_label",
    "opened",
    "closed",
)
RECENT_MONTHS = 12


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


@dataclass(frozen=True)
class Period:
    """Which months a page or a download covers: the last 12, one year, or all of them."""

    key: str  # "" (the last 12 months), "2026", or "all"
    first: datetime.date | None  # first day of the first month, None for all time
    last: datetime.date | None  # first day of the last month

    @property
    def by_year(self) -> bool:
        return self.key == "all"


def period(raw: str, today: datetime.date | None = None) -> Period:
    """Return the period a ?year= value names; anything unknown means the last 12 months."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    if raw == "all":
        return Period("all", None, None)
    year = parse_int(raw, low=2000, high=today.year, digits=4)
    if year is not None:
        last = this_month if year == today.year else datetime.date(year, 12, 1)
        return Period(raw, datetime.date(year, 1, 1), last)
    return Period("", _add_months(this_month, 1 - RECENT_MONTHS), this_month)


def _add_months(month: datetime.date, n: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def select(p: Period) -> QuerySet[MonthlyStat]:
    query = MonthlyStat.objects.all()
    if p.first and p.last:
        query = query.filter(month__gte=p.first, month__lte=p.last)
    return query


def years() -> list[int]:
    """Return the years that have counts, newest first."""
    return sorted({d.year for d in MonthlyStat.objects.dates("month", "year")}, reverse=True)


def label(key: str, value: str, code: str) -> str:
    """Return a cell's language, category or channel in the reader's language."""
    if key == "language":
        return language_name(value, code)
    choices = Category if key == "category" else Channel
    try:
        return str(choices(value).label)
    except ValueError:  # a code retired since the count was made
        return value


def series(query: QuerySet[MonthlyStat], p: Period) -> list[tuple[str, int, int]]:
    """Return (label, opened, closed) per month of the period, empty months included, or year."""
    if p.by_year:
        per_year: dict[int, list[int]] = {}
        for month, o, c in by_month(query):
            cell = per_year.setdefault(month.year, [0, 0])
            cell[0] += o
            cell[1] += c
        return [(str(y), o, c) for y, (o, c) in sorted(per_year.items())]
    counted = {m: (o, c) for m, o, c in by_month(query)}
    assert p.first and p.last
    months, month = [], p.first
    while month <= p.last:
        months.append(month)
        month = _add_months(month, 1)
    return [(m.strftime("%Y-%m"), *counted.get(m, (0, 0))) for m in months]


def page(p: Period, code: str) -> dict[str, object]:
    """Return what the statistics page shows: a chart per dimension, labelled in `code`."""
    query = select(p)
    timeline = series(query, p)
    if p.by_year:
        title, kind = _("Consultations opened per year"), _("Year")
    else:
        title, kind = _("Consultations opened per month"), _("Month")
    per_time = charts.bar_chart(
        [charts.Row(name, o, extra=(c,)) for name, o, c in timeline],
        chart_id="per-time",
        title=title,
        label_header=kind,
        value_header=_("Opened"),
        extra_headers=[_("Closed")],
        code=code,
    )
    breakdowns = []
    for key, title, header in (
        ("language", _("Consultations by language"), _("Language")),
        ("category", _("Consultations by topic"), _("Topic")),
        ("channel", _("Consultations by channel"), _("Channel")),
    ):
        rows = [charts.Row(label(key, value, code), n) for value, n in totals(query, key)]
        breakdowns.append(
            charts.bar_chart(
                rows,
                chart_id=f"by-{key}",
                title=title,
                label_header=header,
                value_header=_("Opened"),
                code=code,
            )
        )
    cells = [
        {
            "month": s.month,
            "language": label("language", s.language, code),
            "category": label("category", s.category, code),
            "channel": label("channel", s.channel, code),
            "opened": s.opened,
            "closed": s.closed,
        }
        for s in query[:500]
    ]
    return {
        "per_time": per_time,
        "breakdowns": breakdowns,
        "total": charts.number(sum(o for _, o, _ in timeline), code),
        "cells": cells,
    }


def totals(query: QuerySet[MonthlyStat], key: str) -> list[tuple[str, int]]:
    """Return opened counts summed by one dimension, largest first."""
    grouped = query.values(key).annotate(total=Sum("opened")).order_by("-total", key)
    return [(str(row[key]), int(row["total"])) for row in grouped]


def by_month(query: QuerySet[MonthlyStat]) -> list[tuple[datetime.date, int, int]]:
    grouped = query.values("month").annotate(o=Sum("opened"), c=Sum("closed")).order_by("month")
    return [(row["month"], int(row["o"]), int(row["c"])) for row in grouped]


def to_csv(stats: Iterable[MonthlyStat], code: str) -> str:
    """Return the cells as CSV, codes beside their labels in `code`: counts only, nobody in it."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for s in stats:
        row = [s.month.strftime("%Y-%m")]
        for key in ("language", "category", "channel"):
            value = getattr(s, key)
            row += [value, label(key, value, code)]
        writer.writerow([csv_safe(cell) for cell in row] + [s.opened, s.closed])
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
