"""Intake over the web form and the JSON API: reference, status link, mail, limits, errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from consultations.models import REFERENCE_ALPHABET, AuditEntry, Case, MonthlyStat
from consultations.tests.conftest import INTAKE
from core import languages

pytestmark = pytest.mark.django_db


def test_web_intake_stores_routes_and_shows_reference(client: Client, groups: Any) -> None:
    response = client.post("/consult/", INTAKE, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.group == groups["asia"] and case.channel == "web" and case.special_care
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert MonthlyStat.objects.get().opened == 1


def test_reference_has_no_confusable_characters(client: Client, groups: Any) -> None:
    for _ in range(5):
        client.post("/consult/", INTAKE)
    for ref in Case.objects.values_list("reference", flat=True):
        assert re.fullmatch(f"[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}", ref)
        assert not set(ref) & set("01OIL5SUV")


def test_status_link_token_is_not_stored_and_wrong_token_is_404(client: Client) -> None:
    response = client.post("/consult/", INTAKE)
    token = response["Location"].split("/consult/s/")[1].split("?")[0]
    assert len(token) >= 32
    assert not Case.objects.filter(token_hash=token).exists()
    wrong = token[:-1] + ("y" if token.endswith("x") else "x")  # was flaky when it ended in x
    assert client.get(f"/consult/s/{wrong}").status_code == 404


def test_confirmation_mail_in_the_residents_language_without_the_description(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/consult/", {**INTAKE, "language": "ne"}, HTTP_ACCEPT_LANGUAGE="en")
    case = Case.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["resident@example.com"] and case.reference in message.subject
    assert "/consult/s/" in message.body and INTAKE["description"] not in message.body
    from django.utils import translation

    with translation.override("ne"):
        expected = translation.gettext("Your consultation %(reference)s was received")
    assert expected != "Your consultation %(reference)s was received"
    assert message.subject == expected % {"reference": case.reference}


def test_no_mail_without_an_address(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/consult/", {**INTAKE, "preferred_contact": "phone", "email": ""})
    assert Case.objects.count() == 1 and mail.outbox == []


@pytest.mark.parametrize("code", languages.CODES)
def test_intake_page_in_every_locale(client: Client, code: str) -> None:
    response = client.get(f"/consult/?lang={code}")
    assert response.status_code == 200
    assert f'<html lang="{languages.get(code).html_lang}">' in response.content.decode()


def test_errors_summary_and_inline_in_the_users_language(client: Client) -> None:
    from django.utils import translation

    response = client.post(
        "/consult/",
        {"language": "ne", "preferred_contact": "email", "email": "nope"},
        HTTP_ACCEPT_LANGUAGE="ne",
    )
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("ne"):
        wanted = translation.gettext("Tell us what happened or what you want to know.")
        title = translation.gettext("There is a problem")
    assert wanted != "Tell us what happened or what you want to know."
    assert title in html and html.count(wanted) == 2  # in the summary and beside the field
    assert 'href="#id_category_0"' in html and 'href="#id_description"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_description-hint' in html
    assert Case.objects.count() == 0


@pytest.mark.parametrize("field", ["description", "name", "phone"])
@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_unstorable_characters_are_refused_in_every_text_field(field: str, bad: str) -> None:
    from consultations.forms import IntakeForm

    form = IntakeForm({**INTAKE, field: f"090-1234-5678 {bad}"})
    assert not form.is_valid() and list(form.errors) == [field]
    assert len(form.errors[field]) == 1  # one message, not Django's NUL one as well


def test_email_required_when_chosen_as_contact(client: Client) -> None:
    response = client.post("/consult/", {**INTAKE, "email": ""})
    assert response.status_code == 400 and 'href="#id_email"' in response.content.decode()


def test_over_the_rate_limit_the_case_is_kept_flagged_with_a_clear_message(
    client: Client, settings: Any
) -> None:
    settings.TABUNKA_CONSULT_RATE_LIMIT = 2
    for _ in range(3):
        response = client.post("/consult/", INTAKE, REMOTE_ADDR="198.51.100.7")
    assert Case.objects.count() == 3
    last = Case.objects.order_by("-created_at", "-pk").first()
    assert last is not None and last.flagged == "rate-limit"
    page = client.get(response["Location"]).content.decode()
    assert settings.TABUNKA_PLAZA["phone"] in page and last.reference in page
    # Another address is not affected.
    client.post("/consult/", INTAKE, REMOTE_ADDR="198.51.100.8")
    assert Case.objects.order_by("-pk").first().flagged == ""  # type: ignore[union-attr]


def test_honeypot_is_kept_but_flagged(client: Client) -> None:
    client.post("/consult/", {**INTAKE, "website": "http://spam.example"})
    assert Case.objects.get().flagged == "honeypot"


def test_api_submit_returns_201_with_reference(client: Client) -> None:
    payload = {**INTAKE, "consent": True, "language": "id"}
    response = client.post("/api/consultations", payload, content_type="application/json")
    assert response.status_code == 201
    data = response.json()
    case = Case.objects.get(reference=data["reference"])
    assert case.channel == "api" and case.language == "id"
    assert client.get(data["status_url"]).status_code == 200
    assert AuditEntry.objects.filter(case=case, action="submit").count() == 1


def test_api_errors_are_400_in_the_request_language(client: Client) -> None:
    response = client.post(
        "/api/consultations",
        {"category": "tax"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    errors = response.json()["error"]["fields"]  # issue 9: one error body for the whole API
    assert {"description", "preferred_contact", "consent"} <= set(errors)
    assert errors["consent"][0] != "To send your question, you need to agree."
    assert (
        client.post("/api/consultations", "nope", content_type="application/json").status_code
        == 400
    )
    assert Case.objects.count() == 0


def test_api_consent_must_be_true_not_a_string(client: Client) -> None:
    payload = {**INTAKE, "consent": "yes"}
    response = client.post("/api/consultations", payload, content_type="application/json")
    assert response.status_code == 400 and "consent" in response.json()["error"]["fields"]
