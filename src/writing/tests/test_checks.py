"""The check the staff pages use: domain, catalog names, glossary and explained terms (issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from notices.models import Office
from writing import terms
from writing.checks import check, domain_for

pytestmark = pytest.mark.django_db

WATER_BILL = "上下水道の料金は、納付書で払ってください。"


def flagged(report: dict[str, Any], rule: str = "difficult-word") -> set[str]:
    return {i["surface"] for i in report["issues"] if i["rule"] == rule}


def suggestions(report: dict[str, Any], surface: str) -> list[str]:
    return [s for i in report["issues"] if i["surface"] == surface for s in i["suggestions"]]


def test_a_water_bill_never_gets_the_tax_paraphrase() -> None:
    water = suggestions(check(WATER_BILL, domain=domain_for("water")), "納付書")
    assert water and not any("税金" in s for s in water)
    # no domain: only the general paraphrase, since 納付書 has one
    assert not any("税金" in s for s in suggestions(check(WATER_BILL), "納付書"))
    tax = suggestions(
        check("市民税は、納付書で払ってください。", domain=domain_for("tax")), "納付書"
    )
    assert any("税金" in s for s in tax)


def test_topic_slugs_map_to_domains() -> None:
    assert domain_for("tax") == "tax"
    assert domain_for("daily-life") == "daily-life"
    assert domain_for("no-such-topic") is None and domain_for(None) is None


def test_the_api_takes_the_topic(editor_client: Client) -> None:
    body = json.dumps({"text": WATER_BILL, "topic": "daily-life"})
    report = editor_client.post("/api/yasashii/check", body, content_type="application/json")
    assert report.status_code == 200
    assert not any("税金" in s for s in suggestions(report.json(), "納付書"))


@pytest.mark.parametrize(
    "payload",
    [
        {"text": "申請します。", "topic": ["tax"]},
        {"text": "申請します。", "domain": 3},
        {"text": "申請します。", "context": "not a list"},
        {"text": "申請します。", "context": [1]},
    ],
)
def test_bad_options_are_400_not_500(editor_client: Client, payload: dict[str, Any]) -> None:
    response = editor_client.post(
        "/api/yasashii/check", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]


def test_catalog_office_names_and_addresses_are_known() -> None:
    text = "中央区役所の区民課に行ってください。場所は熊本市中央区手取本町1番1号です。"
    report = check(text)
    assert not flagged(report) and not flagged(report, "kanji-run")
    assert "many-nouns" not in {i["rule"] for i in report["issues"]}


def test_an_office_added_by_an_editor_is_known_at_once() -> None:
    text = "上下水道局料金課に電話してください。"
    assert flagged(check(text)) | flagged(check(text), "kanji-run")
    Office.objects.create(slug="water-fees", name="上下水道局料金課", address="熊本市", hours="")
    report = check(text)
    assert not flagged(report) and not flagged(report, "kanji-run")


def test_glossary_targets_and_kept_terms_are_not_findings() -> None:
    # targets as the glossary prescribes them, and 区役所 which it keeps with only a reading
    report = check("土曜日、日曜日、祝日（国の休みの日）は休みです。区役所で払います。")
    assert not flagged(report)
    # a glossary term kept with an explanation needs it at its first use
    assert "予防接種" in flagged(check("予防接種を受けます。"))
    assert not flagged(check("予防接種（病気にならないための注射）を受けます。"))


def test_explanations_in_earlier_fields_count() -> None:
    summary = "子どもの予防接種のお知らせです。「予診票」は、接種の前に親が書く紙です。"
    step = "予診票を書いて、病院に行きます。"
    assert {"予診", "票"} & flagged(check(step))
    assert not {"予診", "票"} & flagged(check(step, context=[summary]))


def test_document_names_passed_by_the_caller_are_known() -> None:
    text = "母子健康手帳を持ってきてください。"
    assert flagged(check(text)) | flagged(check(text), "kanji-run")
    report = check(text, known_terms=["母子健康手帳"])
    assert not flagged(report) and not flagged(report, "kanji-run")


def test_registered_providers_are_read_on_each_check() -> None:
    names = ["ほげ区役所相談窓口"]
    terms.register("test.provider", lambda: names)
    try:
        assert "ほげ区役所相談窓口" in terms.known_terms()
        names.clear()
        assert "ほげ区役所相談窓口" not in terms.known_terms()
    finally:
        terms._PROVIDERS.pop("test.provider")


def test_writing_does_not_import_domain_apps() -> None:
    # writing is a shared service: the apps above register with it, it never imports them
    source = "\n".join(p.read_text("utf-8") for p in Path(terms.__file__).parent.glob("*.py"))
    assert not re.search(r"^\s*(from|import) (notices|consultations)\b", source, re.M)


@pytest.mark.django_db
def test_check_texts_reads_a_page_in_order() -> None:
    from writing.checks import check_texts, easy_check

    explained = "現況届（今の様子を知らせる紙）を出してください。"
    later = "現況届は、6月30日までに出してください。"
    alone = easy_check(later)
    assert alone is not None and "現況届" in {i["surface"] for i in alone["issues"]}
    reports = check_texts([explained, later])
    assert reports[1] is not None
    assert "現況届" not in {i["surface"] for i in reports[1]["issues"]}
    # A title is read with the summary under it: the second text explains the first.
    title_first = check_texts([later, explained])
    assert title_first[0] is not None
    assert "現況届" not in {i["surface"] for i in title_first[0]["issues"]}
    assert check_texts(["", later])[0] is None
