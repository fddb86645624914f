"""The schema at /api/schema, fuzzed by schemathesis against a live server; the docs page in a
browser with axe-core."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from consultations.tests.conftest import open_time

CSRF = "h12csrfh12csrfh12csrfh12csrfh12c"  # 32 characters: a valid unmasked CSRF secret
CONFIG = {"generation": {"deterministic": True, "database": "none"}}


def test_schema_is_openapi_3_1_with_one_error_component(client: Client) -> None:
    schema = client.get("/api/schema").json()
    assert schema["openapi"].startswith("3.1")
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["properties"]["error"]["$ref"].endswith("/ErrorDetail")
    for item in schema["paths"].values():
        for operation in item.values():
            assert operation["responses"]["default"]["content"]["application/json"]


@pytest.fixture
def api_schema(demo_server: Any, settings: Any) -> Any:
    """The live server's schema, with a staff session and a bookable slot to find."""
    from accounts.testing import make_staff
    from consultations.models import Slot

    settings.TABUNKA_RATE_LIMITS = {"intake": (10_000, 3600), "faq": (10_000, 60)}
    Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])
    staff = Client()
    staff.force_login(make_staff("editor"))
    session = staff.cookies[settings.SESSION_COOKIE_NAME].value
    config = SchemathesisConfig.from_dict(CONFIG)
    schema = schemathesis.openapi.from_url(f"{demo_server.url}/api/schema", config=config)
    schema.h12_cookies = {settings.SESSION_COOKIE_NAME: session, "csrftoken": CSRF}  # type: ignore[attr-defined]
    return schema


def test_no_server_error_and_answers_conform(api_schema: Any) -> None:
    """Every operation, 30 valid and 30 invalid examples each: no 5xx, every answer as documented.

    (One test for all operations: the live server's database is emptied after each test, and
    the sample content takes long to load again. schemathesis' lazy `from_fixture` loader does
    not run on pytest 9, so the operations are walked here.)
    """
    failures: dict[str, BaseException] = {}
    statuses: dict[str, set[int]] = {}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @examples(
                max_examples=30,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: Any) -> None:
                response = case.call_and_validate(
                    headers={"X-CSRFToken": CSRF},
                    cookies=api_schema.h12_cookies,
                    checks=[not_a_server_error, response_schema_conformance],
                )
                statuses.setdefault(case.operation.label, set()).add(response.status_code)

            try:
                run()
            except Unsatisfiable:
                # Nothing in the operation can be made invalid by the schema (no parameters, or
                # a path token any string fits): there is no negative case to send.
                assert mode == GenerationMode.NEGATIVE, operation.label
            except Exception as error:  # collect all, then fail with every one of them
                failures[f"{operation.label} ({mode})"] = error
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())
    # The staff session reached the checker (not only its 403), and the reads answered.
    assert 200 in statuses["POST /api/yasashii/check"], statuses
    assert statuses["GET /api/notices"] == {200}, statuses


@pytest.mark.parametrize("width", [360, 1280])
def test_docs_page_is_readable_and_axe_clean(open_page: Any, live_server: Any, width: int) -> None:
    page = open_page(f"{live_server.url}/api/docs", "en", viewport={"width": width, "height": 800})
    assert page.locator("h1").inner_text().startswith("tabunka API")
    assert page.locator("#errors").count() == 1
    for path in ["/api/consultations", "/api/faq/search", "/api/notices/lookup"]:
        assert page.get_by_text(path, exact=False).count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(
        page,
        options={
            "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
        },
    )
    assert results.violations_count == 0, results.generate_report()


def test_docs_page_loads_nothing_from_another_site(client: Client) -> None:
    html = client.get("/api/docs").content.decode()
    assert "<script" not in html and "http://" not in html and "https://" not in html
