"""Abuse limits on intake and FAQ search: 429 with the Plaza's phone, per address, cached FAQ."""

from __future__ import annotations

import datetime
import threading
from typing import Any

import pytest
import time_machine
from django.test import Client

from consultations import search
from consultations.models import Case
from consultations.tests.conftest import INTAKE
from core import plaza

pytestmark = pytest.mark.django_db

PHONE = "096-359-2020"


@pytest.fixture
def low_limits(settings: Any) -> None:
    settings.TABUNKA_RATE_LIMITS = {"intake": (3, 3600), "faq": (2, 60)}
    settings.TABUNKA_PLAZA = {**settings.TABUNKA_PLAZA, "phone": PHONE}


def test_intake_flood_is_throttled_with_the_plazas_phone(client: Client, low_limits: None) -> None:
    for _ in range(3):
        assert client.post("/consult/", INTAKE).status_code == 302
    response = client.post("/consult/", INTAKE, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Có quá nhiều yêu cầu từ kết nối của bạn" in page
    assert plaza.contact().phone_for("vi") in page and f'href="{plaza.contact().tel}"' in page
    assert 0 < int(response["Retry-After"]) <= 3600
    assert response["Cache-Control"] == "no-store"
    assert Case.objects.count() == 3


def test_the_json_twin_shares_the_intake_counter(client: Client, low_limits: None) -> None:
    for _ in range(3):
        client.post("/consult/", INTAKE)
    response = client.post(
        "/api/consultations",
        {**INTAKE, "consent": True},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 429
    assert "Too many requests came from your connection" in response.content.decode()
    assert Case.objects.count() == 3


def test_another_address_is_not_limited(client: Client, low_limits: None) -> None:
    for _ in range(4):
        client.post("/consult/", INTAKE)
    assert client.post("/consult/", INTAKE, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_flagging_still_applies_below_the_throttle(client: Client, settings: Any) -> None:
    settings.TABUNKA_CONSULT_RATE_LIMIT = 2
    for _ in range(3):
        assert client.post("/consult/", INTAKE).status_code == 302
    assert list(Case.objects.order_by("pk").values_list("flagged", flat=True)) == [
        "",
        "",
        "rate-limit",
    ]


def test_the_window_ends(client: Client, low_limits: None) -> None:
    start = datetime.datetime(2026, 12, 1, 10, 0, 5, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            client.post("/consult/", INTAKE)
        assert client.post("/consult/", INTAKE).status_code == 429
        clock.move_to(start.replace(minute=59, second=59))  # the hour's window: 10:00-11:00 UTC
        assert client.post("/consult/", INTAKE).status_code == 429
        clock.move_to(start.replace(hour=11, second=0))
        assert client.post("/consult/", INTAKE).status_code == 302


def test_forwarded_header_is_ignored_unless_configured(client: Client, low_limits: None) -> None:
    for i in range(4):
        response = client.post("/consult/", INTAKE, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
    assert response.status_code == 429


def test_forwarded_header_is_honoured_behind_a_trusted_proxy(
    client: Client, low_limits: None, settings: Any
) -> None:
    settings.TABUNKA_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TABUNKA_TRUSTED_PROXIES = "1"
    for _ in range(3):
        client.post("/consult/", INTAKE, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client.post("/consult/", INTAKE, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # A client cannot escape by writing its own entry in front: the proxy's entry counts.
    spoofed = "203.0.113.77, 198.51.100.1"
    assert client.post("/consult/", INTAKE, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
    assert client.post("/consult/", INTAKE, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_faq_search_is_throttled_in_html_and_json(
    client: Client, faq: None, low_limits: None
) -> None:
    assert client.get("/consult/faq", {"q": "ごみ"}).status_code == 200
    assert client.get("/api/faq/search", {"q": "visa", "limit": 5}).status_code == 200
    page = client.get("/consult/faq", {"q": "ごみの日"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 429 and plaza.contact().phone_for("en") in page.content.decode()
    assert client.get("/api/faq/search", {"q": "visa", "limit": 5}).status_code == 429
    # Opening the empty search page is not a search.
    assert client.get("/consult/faq").status_code == 200


def test_long_question_is_cut_and_the_reader_told(client: Client, faq: None) -> None:
    question = "国民健康保険に入りたいです。" * 35  # 490 characters
    page = client.get("/consult/faq", {"q": question}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "we searched with its first 200 characters" in page.content.decode()
    body = client.get("/api/faq/search", {"q": question}).json()
    assert body["truncated"] is True and len(body["query"]) == 200


def test_unsearchable_characters_are_spaces() -> None:
    assert search.clean_query("ご\x00み\ud800 \u202evisa\t ") == ("ご み visa", False)
    assert search.clean_query("a" * 201) == ("a" * 200, True)


def test_a_repeated_question_never_waits_for_the_models_lock(faq: None) -> None:
    first = search.lookup("在留カードをなくしました")
    assert first.results

    def ask(question: str, out: list[search.Lookup]) -> None:
        out.append(search.lookup(question))

    with search._lock:  # another request is embedding a question
        repeated: list[search.Lookup] = []
        worker = threading.Thread(target=ask, args=("在留カードをなくしました", repeated))
        worker.start()
        worker.join(timeout=5)
        assert not worker.is_alive() and repeated[0].results == first.results
        new: list[search.Lookup] = []
        waiting = threading.Thread(target=ask, args=("ごみの出し方を知りたい", new))
        waiting.start()
        waiting.join(timeout=0.5)
        assert waiting.is_alive()  # a new question does wait for the model
    waiting.join(timeout=30)
    assert new and new[0].results
