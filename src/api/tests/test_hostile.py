"""Hostile input on the public JSON endpoints: every case answers 4xx with a message, never 500,
and changes no data (issue 9's probe list, the part that reaches /api/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from api import body
from consultations import actions
from consultations.forms import IntakeForm
from consultations.models import Appointment, AuditEntry, Case, Message, Slot
from consultations.tests.conftest import INTAKE
from notices.models import Notice

pytestmark = pytest.mark.django_db

JSON_INTAKE = {**INTAKE, "consent": True}
TABLES = (Case, Message, Appointment, AuditEntry, Slot, Notice)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


@pytest.fixture
def unchanged() -> Iterator[None]:
    """Fail the test if any of the tables behind the endpoints changed."""
    before = counts()
    yield
    assert counts() == before


@pytest.fixture
def token(db: None) -> str:
    form = IntakeForm(INTAKE)
    assert form.is_valid(), form.errors
    return actions.do_submit(form.cleaned_data, channel="web", client="t").token


def error_of(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Assert the answer is the API's error body with this status (and code); return the error."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"} and error["message"]
    if code is not None:
        assert error["code"] == code, error
    return dict(error)


def post_raw(client: Client, path: str, raw: str | bytes, **extra: Any) -> Any:
    return client.post(path, raw, content_type="application/json", **extra)


# ---- transport: media type, size, depth, syntax ------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_a_body_that_is_not_json_is_415_and_nothing_is_stored(
    client: Client, unchanged: None, content_type: str
) -> None:
    # text/plain and forms are what any web page can make a visitor's browser send cross-site.
    raw = json.dumps(JSON_INTAKE)
    response = client.post("/api/consultations", raw, content_type=content_type)
    error_of(response, 415, "unsupported_media_type")


def test_a_body_over_the_limit_is_413(client: Client, unchanged: None) -> None:
    raw = json.dumps({**JSON_INTAKE, "padding": "x" * body.MAX_BODY})
    error_of(post_raw(client, "/api/consultations", raw), 413, "payload_too_large")


def test_a_lying_content_length_is_413(client: Client, unchanged: None) -> None:
    response = post_raw(client, "/api/consultations", "{}", CONTENT_LENGTH="99999999999999")
    error_of(response, 413, "payload_too_large")


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_2000_deep_is_refused_before_parsing(
    client: Client, editor_client: Client, unchanged: None, opener: str
) -> None:
    closer = "]" if opener == "[" else "}"
    raw = opener * 2000 + "1" + closer * 2000
    error_of(post_raw(client, "/api/consultations", raw), 400, "too_deep")
    error_of(post_raw(editor_client, "/api/yasashii/check", raw), 400, "too_deep")


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    assert body.depth(b'{"text": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"]]]"}') == 1
    assert body.depth(b"[[[]]]") == 3


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{nope", "malformed_json"),
        (b"\xff\xfe{}", "malformed_json"),
        ('"just a string"', "not_an_object"),
        ("[1, 2]", "not_an_object"),
        ("null", "not_an_object"),
    ],
)
def test_malformed_or_non_object_json_is_400(
    client: Client, unchanged: None, raw: str | bytes, code: str
) -> None:
    error_of(post_raw(client, "/api/consultations", raw), 400, code)


# ---- text the database cannot store ------------------------------------------------------------


@pytest.mark.parametrize("field", ["description", "name", "phone", "email"])
def test_a_lone_surrogate_is_refused_naming_the_field(
    client: Client, unchanged: None, field: str
) -> None:
    raw = json.dumps({**JSON_INTAKE, field: "abc"}).replace("abc", "\\ud800abc")
    error = error_of(post_raw(client, "/api/consultations", raw, HTTP_ACCEPT_LANGUAGE="en"), 400)
    assert error["code"] == "unstorable_text" and list(error["fields"]) == [field]
    assert "cannot be stored" in error["message"]


@pytest.mark.parametrize("field", ["description", "name", "phone", "email"])
def test_nul_is_refused_with_the_forms_message(client: Client, unchanged: None, field: str) -> None:
    payload = {**JSON_INTAKE, field: INTAKE[field][:5] + "\x00" + INTAKE[field][5:]}
    response = client.post("/api/consultations", payload, content_type="application/json")
    error = error_of(response, 400, "invalid")
    assert field in error["fields"]


@pytest.mark.parametrize("length", [255, 300, 320, 321, 5000])
def test_an_email_longer_than_its_column_is_400_with_the_limit(
    client: Client, unchanged: None, length: int
) -> None:
    email = "a" * (length - len("@example.com")) + "@example.com"
    payload = {**JSON_INTAKE, "email": email}
    response = client.post(
        "/api/consultations", payload, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    error = error_of(response, 400, "invalid")
    assert error["fields"]["email"]


def test_an_email_of_254_characters_fits(client: Client) -> None:
    email = "a" * 64 + "@" + ("b" * 60 + ".") * 3 + "c" * (254 - 65 - 183)
    assert len(email) == 254
    payload = {**JSON_INTAKE, "email": email}
    response = client.post("/api/consultations", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Case.objects.get().email == email


# ---- numbers parsed strictly -------------------------------------------------------------------


@pytest.mark.parametrize("limit", ["²", "١", "-1", "0", "21", "1e3", " 5", "5.0", "9" * 5000, ""])
def test_faq_limit_is_a_plain_number_in_range(client: Client, limit: str) -> None:
    response = client.get(
        "/api/faq/search", {"q": "tax", "limit": limit}, HTTP_ACCEPT_LANGUAGE="en"
    )
    error = error_of(response, 400, "invalid")
    assert error["fields"]["limit"] == ["Enter a whole number from 1 to 20."]


@pytest.mark.parametrize("slot", ["1", 1.5, True, None, [1], 0, -3, 2**64, 10**30])
def test_booking_takes_a_slot_id_only(
    client: Client, token: str, unchanged: None, slot: object
) -> None:
    response = client.post(
        f"/api/consultations/status/{token}/appointment", {"slot": slot}, "application/json"
    )
    error = error_of(response, 400, "invalid")
    assert "slot" in error["fields"]


# ---- searches, codes and links -----------------------------------------------------------------


@pytest.mark.parametrize("q", ["\x00", "a\x00b", "\u202e\u202d", "x" * 20000, "%00", "\ufffd"])
def test_odd_faq_questions_never_crash(client: Client, q: str) -> None:
    response = client.get("/api/faq/search", {"q": q})
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 200


@pytest.mark.parametrize("code", ["\x00", "Z" * 10000, "<script>", "", "２２２", "\u202eNH7K4"])
def test_odd_codes_get_the_forms_message(client: Client, code: str) -> None:
    response = client.get("/api/notices/lookup", {"code": code})
    error_of(response, 400, "invalid")


def test_control_characters_around_a_code_are_forgiven_as_on_the_form(client: Client) -> None:
    response = client.get("/api/notices/lookup", {"code": "\x00NH7K4A\x00"})
    assert response.status_code == 200 and response.json()["code"] == "NH7K4A"
    assert client.get("/n/", {"code": "\x00NH7K4A\x00"}).status_code == 302


@pytest.mark.parametrize("guess", ["%00", "x" * 5000, "..%2F..%2Fetc", "%F0%9F%98%80", "%ED%A0%80"])
def test_odd_status_links_are_404_json(client: Client, unchanged: None, guess: str) -> None:
    for method, suffix in [("get", ""), ("delete", "/appointment")]:
        response = getattr(client, method)(f"/api/consultations/status/{guess}{suffix}")
        error_of(response, 404, "not_found")


def test_reply_with_a_lone_surrogate_or_nul_is_refused(
    client: Client, token: str, unchanged: None
) -> None:
    path = f"/api/consultations/status/{token}/messages"
    error_of(post_raw(client, path, '{"text": "\\udfff"}'), 400, "unstorable_text")
    error_of(post_raw(client, path, '{"text": "a\\u0000b"}'), 400, "invalid")
    error_of(post_raw(client, path, '{"text": "' + "x" * 6000 + '"}'), 400, "invalid")


def test_yasashii_check_refuses_a_lone_surrogate(editor_client: Client) -> None:
    response = post_raw(editor_client, "/api/yasashii/check", '{"text": "\\ud800です"}')
    error_of(response, 400, "unstorable_text")


# ---- every other answer is the same JSON body --------------------------------------------------


def test_unknown_paths_and_methods_answer_json(client: Client) -> None:
    error_of(client.get("/api/no/such/thing"), 404, "not_found")
    error_of(client.get("/api/consultations/"), 404, "not_found")
    response = client.put("/api/consultations", {}, content_type="application/json")
    assert error_of(response, 405, "method_not_allowed") and response["Allow"] == "POST"
    assert client.get("/api/consultations").status_code == 405


def test_messages_are_in_the_requests_language(client: Client) -> None:
    from django.utils import translation

    response = client.post(
        "/api/consultations", "x", content_type="text/plain", HTTP_ACCEPT_LANGUAGE="vi"
    )
    with translation.override("vi"):
        wanted = translation.gettext(
            "Send the request body as JSON, with Content-Type: application/json."
        )
    assert wanted.startswith("Vui lòng") and error_of(response, 415)["message"] == wanted
    response = client.get("/api/nope?lang=ne")
    with translation.override("ne"):
        assert error_of(response, 404)["message"] == translation.gettext(
            "Nothing was found at this address."
        )


def test_rate_limited_is_429_json_with_retry_after(client: Client, settings: Any) -> None:
    settings.TABUNKA_RATE_LIMITS = {"intake": (1, 3600), "faq": (1, 60)}
    payload = json.dumps(JSON_INTAKE)
    assert post_raw(client, "/api/consultations", payload).status_code == 201
    response = post_raw(client, "/api/consultations", payload)
    error_of(response, 429, "rate_limited")
    assert 0 < int(response["Retry-After"]) <= 3600 and Case.objects.count() == 1
    assert client.get("/api/faq/search", {"q": "tax"}).status_code == 200
    error_of(client.get("/api/faq/search", {"q": "visa"}), 429, "rate_limited")


def test_a_fault_is_500_json_and_logged_without_the_token(
    client: Client, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A real fault, not a mock: the audit table is gone (renamed inside the test's transaction,
    # which is rolled back afterwards), so recording the resident's view fails in the database.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {AuditEntry._meta.db_table} RENAME TO h12_gone")
    response = client.get(f"/api/consultations/status/{token}")
    error = error_of(response, 500, "server_error")
    assert "h12_gone" not in error["message"] and AuditEntry._meta.db_table not in error["message"]
    assert token not in caplog.text and "<token>" in caplog.text


def test_a_wrong_status_link_is_not_logged(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    guess = "guessed-" + "q" * 30
    error_of(client.get(f"/api/consultations/status/{guess}"), 404)
    assert guess not in caplog.text


def test_the_depth_check_is_quick_on_the_largest_body() -> None:
    import time

    raw = b"[" * (body.MAX_BODY // 2) + b"]" * (body.MAX_BODY // 2)
    started = time.perf_counter()
    assert body.depth(raw) == body.MAX_BODY // 2
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("slot", ["99999999999999999999999", "-1", "0"])
def test_the_booking_forms_twin_rule_holds_for_the_page_too(
    client: Client, token: str, slot: str
) -> None:
    # do_book refuses a number that is no id, for the page and the JSON twin alike.
    response = client.post(f"/consult/s/{token}/book", {"slot": slot}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This time is no longer available" in page and not Appointment.objects.exists()
