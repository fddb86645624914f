"""Statistics: month × language × category × channel, chart and CSV, nothing personal."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from consultations import actions
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
    response = supervisor.get("/staff/consultations/stats.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1][1:] == ["vi", "health-insurance", "web", "1", "0"]
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
