"""Statistics: month × language × category × channel, chart and CSV, nothing personal."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from consultations import actions, stats
from consultations.models import MonthlyStat
from consultations.stats import COLUMNS
from consultations.tests.conftest import INTAKE

pytestmark = pytest.mark.django_db


def test_intake_and_closing_are_counted_per_cell(client: Client, supervisor: Client) -> None:
    client.post("/consult/", INTAKE)
    client.post("/consult/", {**INTAKE, "language": "ne"})
    client.post("/api/consultations", {**INTAKE, "consent": True}, content_type="application/json")
    from consultations.models import Case

    actions.do_set_status(Case.objects.filter(language="ne").get(), "closed", None)
    cells = {(s.language, s.channel): (s.opened, s.closed) for s in MonthlyStat.objects.all()}
    assert cells == {("vi", "web"): (1, 0), ("ne", "web"): (1, 1), ("vi", "api"): (1, 0)}


def test_closing_twice_counts_once(case: Any) -> None:
    actions.do_set_status(case, "closed", None)
    actions.do_set_status(case, "closed", None)
    assert MonthlyStat.objects.get().closed == 1


def test_csv_has_counts_only(client: Client, supervisor: Client) -> None:
    client.post("/consult/", INTAKE)
    response = supervisor.get("/staff/consultations/stats.csv", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1][1:] == [
        "vi",
        "Vietnamese",
        "health-insurance",
        "Health insurance",
        "web",
        "Web form",
        "1",
        "0",
    ]
    body = response.content.decode()
    for value in (INTAKE["name"], INTAKE["email"], INTAKE["phone"], INTAKE["description"]):
        assert value not in body


def test_chart_page_is_an_svg_with_no_personal_data(client: Client, supervisor: Client) -> None:
    client.post("/consult/", INTAKE)
    html = supervisor.get("/staff/consultations/stats/").content.decode()
    assert "<svg" in html and "<rect" in html
    for value in (INTAKE["name"], INTAKE["email"], INTAKE["description"]):
        assert value not in html


def test_stats_table_has_no_column_for_a_person() -> None:
    fields = {f.name for f in MonthlyStat._meta.get_fields()}
    assert fields == {"id", "month", "language", "category", "channel", "opened", "closed"}


def _cells(n: int, months: int = 1) -> None:
    """Count n consultations spread over the last `months` months, as intake would."""
    today = timezone.localdate().replace(day=1)
    cells = []
    for i in range(months):
        month = stats._add_months(today, -i)
        share = n // months + (1 if i < n % months else 0)
        cells.append(
            MonthlyStat(month=month, language="vi", category="pension", channel="web", opened=share)
        )
    MonthlyStat.objects.bulk_create(cells)


def _chart_heights(html: str) -> dict[str, int]:
    return {
        name: int(height)
        for height, name in re.findall(r'height="(\d+)" font-size="14" data-chart="([\w-]+)"', html)
    }


def test_chart_size_depends_on_months_not_on_cases(supervisor: Client) -> None:
    sizes = []
    for cases in (1, 1000):
        MonthlyStat.objects.all().delete()
        _cells(cases)
        html = supervisor.get("/staff/consultations/stats/", HTTP_ACCEPT_LANGUAGE="en")
        sizes.append(_chart_heights(html.content.decode()))
    assert sizes[0] == sizes[1]
    # 12 months (empty ones included) with short labels beside the bars.
    assert sizes[0]["per-time"] == 6 + 12 * 24 + 2 + 30
    # One bar each: "Vietnamese" goes above its bar, "Pension" fits beside it.
    assert sizes[0]["by-language"] == 6 + 38 + 2 + 30
    assert sizes[0]["by-category"] == 6 + 24 + 2 + 30


def test_breakdowns_show_labels_in_the_staff_language(supervisor: Client) -> None:
    _cells(3)
    html = supervisor.get("/staff/consultations/stats/", HTTP_ACCEPT_LANGUAGE="ja").content
    text = html.decode()
    assert "ベトナム語" in text and "年金" in text and "ウェブフォーム" in text
    for code in (">vi<", ">pension<", ">web<"):
        assert code not in text
    csv_text = supervisor.get("/staff/consultations/stats.csv", HTTP_ACCEPT_LANGUAGE="ja")
    row = list(csv.reader(io.StringIO(csv_text.content.decode())))[1]
    assert row[1:7] == ["vi", "ベトナム語", "pension", "年金", "web", "ウェブフォーム"]


def test_periods_last_twelve_months_one_year_and_all() -> None:
    today = datetime.date(2026, 12, 1)
    assert stats.period("", today) == stats.Period(
        "", datetime.date(2026, 1, 1), datetime.date(2026, 12, 1)
    )
    assert stats.period("2025", today).first == datetime.date(2025, 1, 1)
    assert stats.period("2025", today).last == datetime.date(2025, 12, 1)
    assert stats.period("all", today).by_year
    for junk in ("abc", "1999", "2031", "-1", "2026-01", "²⁰²⁵", "２０２５", "2025\x00"):
        assert stats.period(junk, today).key == ""
    assert stats.period("9" * 5000, today).key == ""


def test_all_years_chart_one_bar_per_year(supervisor: Client) -> None:
    MonthlyStat.objects.bulk_create(
        [
            MonthlyStat(month=datetime.date(y, m, 1), language="ne", category="tax", channel="api")
            for y, m in ((2024, 3), (2025, 5), (2025, 6))
        ]
    )
    MonthlyStat.objects.update(opened=2)
    page = stats.page(stats.period("all"), "en")
    per_time = page["per_time"]
    assert [(b.label, b.value) for b in per_time.bars] == [("2024", 2), ("2025", 4)]
    response = supervisor.get("/staff/consultations/stats/?year=2025")
    assert response.status_code == 200
    assert response.context["per_time"].bars[4].value == 2  # May 2025


def test_a_year_nobody_counted_is_an_empty_chart_not_an_error(supervisor: Client) -> None:
    response = supervisor.get("/staff/consultations/stats/?year=2001", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert [b.value for b in response.context["per_time"].bars] == [0] * 12
    assert "No data for this selection." in response.content.decode()


def test_counselor_cannot_read_statistics(counselor: Client) -> None:
    assert counselor.get("/staff/consultations/stats/").status_code == 403
    assert counselor.get("/staff/consultations/stats.csv").status_code == 403
