"""Scan counting with nothing about the person: notice × language × day, and a count.

What counts as a scan is an arrival at a notice's page from outside the site (the QR code, the
printed address typed in, a link elsewhere), not a language switch or a reload: see
docs/notices.md, "What counts as a scan".
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import charts, languages
from core.formatting import language_name
from notices.models import Notice, ScanCount, Topic

# A browser that arrived at a notice this recently is reading it still, not arriving again.
ARRIVAL_WINDOW = datetime.timedelta(minutes=30)
ARRIVED_COOKIE = "arrived"  # "CODE.unixtime" pairs: which notice and when, nothing about who
MAX_REMEMBERED = 20
# Parameters only our own pages put in a notice's address (the language menu, the furigana switch).
OWN_PARAMETERS = ("lang", "furigana")


# Counts wait in the cache (notice × language × day) until `flush` adds them to ScanCount: a
# scan costs one atomic cache increment, no database write in the request.
PENDING_TIMEOUT = 3 * 24 * 3600
_local_lock = threading.Lock()


def _pending_key(notice_id: int, code: str, day: datetime.date) -> str:
    return f"scans:{notice_id}:{code}:{day.isoformat()}"


def _atomic_cache() -> bool:
    """Return whether the cache's incr is atomic for every process that counts (not files)."""
    return not isinstance(caches["default"], FileBasedCache)


@contextlib.contextmanager
def _counter_lock() -> Iterator[None]:
    """Serialize read-add-write of a counter where the cache has no atomic increment (files)."""
    if _atomic_cache():
        yield
        return
    path = Path(str(settings.CACHES["default"]["LOCATION"])) / "scan-counts.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _local_lock, open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _add(key: str, delta: int) -> None:
    with _counter_lock():
        if _atomic_cache():
            cache.add(key, 0, timeout=PENDING_TIMEOUT)
            try:
                cache.incr(key, delta)
            except ValueError:  # expired between add and incr: start again from delta
                cache.set(key, max(delta, 0), timeout=PENDING_TIMEOUT)
        else:
            cache.set(key, int(cache.get(key, 0)) + delta, timeout=PENDING_TIMEOUT)


def record_scan(notice: Notice, code: str) -> None:
    """Add one to today's pending count for this notice and language (in the cache)."""
    _add(_pending_key(notice.pk, code, timezone.localdate()), 1)


def flush() -> int:
    """Move the pending counts of today and yesterday into ScanCount; return how many scans.

    Each pending count is taken (decremented by what was read, atomically) before it is added to
    the database, so counts arriving meanwhile stay for the next flush; a database error puts
    it back. Run every 10 s by `manage.py run_periodic` and once more when it stops.
    """
    today = timezone.localdate()
    days = (today - datetime.timedelta(days=1), today)
    notice_ids = Notice.objects.exclude(status="draft").values_list("pk", flat=True)
    keys = {
        _pending_key(nid, lang, day): (nid, lang, day)
        for nid in notice_ids
        for lang in languages.CODES
        for day in days
    }
    moved = 0
    for key, value in cache.get_many(list(keys)).items():
        n = int(value or 0)
        if n <= 0:
            continue
        _add(key, -n)
        notice_id, lang, day = keys[key]
        try:
            _write(notice_id, lang, day, n)
        except Exception:
            _add(key, n)
            raise
        moved += n
    return moved


def _write(notice_id: int, code: str, day: datetime.date, n: int) -> None:
    rows = ScanCount.objects.filter(notice_id=notice_id, language=code, day=day)
    if rows.update(count=F("count") + n):
        return
    try:
        with transaction.atomic():
            ScanCount.objects.create(notice_id=notice_id, language=code, day=day, count=n)
    except IntegrityError:  # another flush created the row first
        rows.update(count=F("count") + n)


def _arrivals(request: HttpRequest) -> dict[str, int]:
    """Return the notices this browser arrived at within the window, code → unix time."""
    now = int(time.time())
    seen: dict[str, int] = {}
    for item in request.COOKIES.get(ARRIVED_COOKIE, "").split("|"):
        code, _sep, stamp = item.partition(".")
        if stamp.isdigit() and 0 <= now - int(stamp) < ARRIVAL_WINDOW.total_seconds():
            seen[code[:8]] = int(stamp)
    return seen


def _from_our_site(request: HttpRequest) -> bool:
    referer = request.headers.get("Referer", "")
    return bool(referer) and urlsplit(referer).netloc == request.get_host()


def is_arrival(request: HttpRequest, notice: Notice, *, typed: bool = False) -> bool:
    """Return whether this request is someone arriving at the notice (see the module docstring).

    typed: the code was typed into our own lookup form, which is an arrival from the letter even
    though the request comes from our site.
    """
    if request.headers.get("Sec-Purpose", "").startswith("prefetch"):
        return False  # the browser guessing a next page, not a person opening it
    if not typed and (_from_our_site(request) or any(p in request.GET for p in OWN_PARAMETERS)):
        return False
    return notice.code not in _arrivals(request)


def count_arrival(
    request: HttpRequest, response: HttpResponse, notice: Notice, lang: str, *, typed: bool = False
) -> None:
    """Count one scan if the request is an arrival, and remember it in the browser for a while."""
    if not is_arrival(request, notice, typed=typed):
        return
    record_scan(notice, lang)
    seen = _arrivals(request)
    seen[notice.code] = int(time.time())
    recent = sorted(seen.items(), key=lambda item: item[1])[-MAX_REMEMBERED:]
    response.set_cookie(
        ARRIVED_COOKIE,
        "|".join(f"{code}.{stamp}" for code, stamp in recent),
        max_age=int(ARRIVAL_WINDOW.total_seconds()),
        httponly=True,
        samesite="Lax",
    )


def _weeks(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Return the Mondays of the ISO weeks from first to last."""
    monday = first - datetime.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += datetime.timedelta(days=7)
    return weeks


def week_label(monday: datetime.date) -> str:
    """Return an ISO week as 2026-W49."""
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02}"


@dataclass(frozen=True)
class ScanPanel:
    """The scan section of a notice's staff page."""

    recent_total: str
    per_week: charts.Chart
    by_language: charts.Chart


RECENT_WEEKS = 12


def panel(notice: Notice, code: str) -> ScanPanel:
    """Return the last 12 ISO weeks of scans and all-time scans per language, labelled in code."""
    flush()  # a staff page shows the counts still waiting in the cache too
    today = timezone.localdate()
    first = today - datetime.timedelta(days=today.weekday() + 7 * (RECENT_WEEKS - 1))
    per_week = _per_week(ScanCount.objects.filter(notice=notice), first, today)
    total = sum(n for _m, n in per_week)
    return ScanPanel(
        recent_total=charts.number(total, code),
        per_week=charts.bar_chart(
            [charts.Row(week_label(m), n) for m, n in per_week],
            chart_id="scans-per-week",
            title=_("Scans per week (ISO weeks, Japan time)"),
            label_header=_("Week"),
            value_header=_("Scans"),
            code=code,
        ),
        by_language=charts.bar_chart(
            [
                charts.Row(language_name(lang, code), n)
                for lang, n in by_language(notice)
                if lang in languages.BY_CODE
            ],
            chart_id="scans-by-language",
            title=_("Scans by language, since the notice was published"),
            label_header=_("Language"),
            value_header=_("Scans"),
            code=code,
        ),
    )


def _per_week(
    query: QuerySet[ScanCount], first: datetime.date, last: datetime.date
) -> list[tuple[datetime.date, int]]:
    totals: dict[datetime.date, int] = {}
    grouped = (
        query.filter(day__gte=first, day__lte=last)
        .values("day")
        .annotate(total=Sum("count"))
        .values_list("day", "total")
    )
    for day, n in grouped:
        monday = day - datetime.timedelta(days=day.weekday())
        totals[monday] = totals.get(monday, 0) + n
    return [(m, totals.get(m, 0)) for m in _weeks(first, last)]


def by_language(notice: Notice) -> list[tuple[str, int]]:
    """Return all-time scans per language, most first."""
    rows = (
        ScanCount.objects.filter(notice=notice)
        .values("language")
        .annotate(total=Sum("count"))
        .order_by("-total", "language")
    )
    return [(row["language"], row["total"]) for row in rows]


@dataclass(frozen=True)
class OverviewRow:
    notice: Notice
    language: str  # code
    language_name: str
    counts: tuple[int, ...]  # one per week
    total: int


@dataclass(frozen=True)
class Overview:
    """Scans of many notices: notice × language × ISO week, with totals and two charts."""

    weeks: tuple[datetime.date, ...]
    rows: tuple[OverviewRow, ...]
    week_totals: tuple[int, ...]
    total: int
    per_week: charts.Chart
    per_notice: charts.Chart

    @property
    def week_labels(self) -> list[str]:
        return [week_label(m) for m in self.weeks]

    @property
    def groups(self) -> list[tuple[Notice, list[OverviewRow]]]:
        """Return the rows by notice, in the rows' order (one table body each)."""
        grouped: dict[int, tuple[Notice, list[OverviewRow]]] = {}
        for r in self.rows:
            grouped.setdefault(r.notice.pk, (r.notice, []))[1].append(r)
        return list(grouped.values())


def overview(first: datetime.date, last: datetime.date, topic: Topic | None, code: str) -> Overview:
    """Return the scans from first to last (Japan dates) of every notice, or of one topic's."""
    flush()
    query = ScanCount.objects.filter(day__gte=first, day__lte=last)
    if topic is not None:
        query = query.filter(notice__topic=topic)
    weeks = _weeks(first, last)
    index = {m: i for i, m in enumerate(weeks)}
    cells: dict[tuple[int, str], list[int]] = {}
    for notice_id, lang, day, n in query.values_list("notice_id", "language", "day", "count"):
        row = cells.setdefault((notice_id, lang), [0] * len(weeks))
        row[index[day - datetime.timedelta(days=day.weekday())]] += n
    notices = Notice.objects.select_related("topic").in_bulk(
        {notice_id for notice_id, _lang in cells}
    )
    rows = sorted(
        (
            OverviewRow(notices[nid], lang, language_name(lang, code), tuple(counts), sum(counts))
            for (nid, lang), counts in cells.items()
        ),
        key=lambda r: (r.notice.code, -r.total, r.language),
    )
    week_totals = tuple(sum(r.counts[i] for r in rows) for i in range(len(weeks)))
    per_notice: dict[int, int] = {}
    for r in rows:
        per_notice[r.notice.pk] = per_notice.get(r.notice.pk, 0) + r.total
    ranked = sorted(per_notice.items(), key=lambda item: (-item[1], notices[item[0]].code))
    return Overview(
        weeks=tuple(weeks),
        rows=tuple(rows),
        week_totals=week_totals,
        total=sum(week_totals),
        per_week=charts.bar_chart(
            [charts.Row(week_label(m), n) for m, n in zip(weeks, week_totals, strict=True)],
            chart_id="scans-per-week",
            title=_("Scans per week (ISO weeks, Japan time)"),
            label_header=_("Week"),
            value_header=_("Scans"),
            code=code,
        ),
        per_notice=charts.bar_chart(
            [
                charts.Row(f"{notices[nid].code} {notices[nid].title}", n, lang="ja")
                for nid, n in ranked
            ],
            chart_id="scans-per-notice",
            title=_("Scans per notice"),
            label_header=_("Notice"),
            value_header=_("Scans"),
            code=code,
        ),
    )


CSV_COLUMNS = (
    "week",
    "week_start",
    "notice",
    "title",
    "topic",
    "language",
    "language_name",
    "scans",
)


def overview_csv_rows(data: Overview) -> Iterable[list[object]]:
    """Return the overview as long rows: one per notice × language × week with scans."""
    yield list(CSV_COLUMNS)
    for r in data.rows:
        for monday, n in zip(data.weeks, r.counts, strict=True):
            if n:
                cells: list[object] = [
                    week_label(monday),
                    monday.isoformat(),
                    r.notice.code,
                    r.notice.title,
                    r.notice.topic.slug,
                    r.language,
                    r.language_name,
                ]
                yield [charts.csv_safe(c) for c in cells] + [n]
