"""Error pages: the phone layout, the reader's language, a way home and to the Plaza (DEBUG off)."""

from __future__ import annotations

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from django.utils import translation

from core import languages, plaza
from notices import actions
from notices.models import Notice, NoticeStatus
from tabunka import urls as site_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the database went away")


def _forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def _bad(request: HttpRequest) -> HttpResponse:
    raise BadRequest("broken")


# This module is the URLconf of these tests: the site's routes and handlers plus three that fail.
urlpatterns = [
    *site_urls.urlpatterns,
    path("test-boom", _boom),
    path("test-forbidden", _forbidden),
    path("test-bad", _bad),
]
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500

HEADINGS = {
    400: "This request could not be understood.",
    403: "This page is not open to you.",
    404: "We could not find this page.",
    500: "Something went wrong on our side.",
}


def heading(status: int, code: str) -> str:
    with translation.override(code):
        return translation.gettext(HEADINGS[status])


def assert_error_page(html: str, status: int, code: str) -> None:
    lang = languages.get(code)
    assert f'<html lang="{lang.html_lang}">' in html
    assert 'name="viewport" content="width=device-width' in html  # the phone layout
    assert f"<h1>{heading(status, code)}</h1>" in html
    assert '<a href="/">' in html  # the way home
    contact = plaza.contact()
    assert contact.intake_url and f'href="{contact.intake_url}"' in html  # the Plaza online
    assert f'href="{contact.tel}"' in html  # and by phone


@pytest.mark.parametrize("code", languages.CODES)
def test_unknown_code_gives_the_404_page_in_the_readers_language(code: str) -> None:
    response = Client().get(f"/n/ZZZZZZ?lang={code}")
    assert response.status_code == 404
    assert response["Content-Language"] == languages.get(code).bcp47
    html = response.content.decode()
    assert_error_page(html, 404, code)
    if code != "en":
        assert heading(404, code) != HEADINGS[404]
        assert "Not Found" not in html


def test_bad_status_link_gives_the_404_page() -> None:
    response = Client().get("/consult/s/not-a-real-token", HTTP_ACCEPT_LANGUAGE="ne")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), 404, "ne")


def test_any_unknown_address_gives_the_404_page() -> None:
    response = Client().get("/no/such/page", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), 404, "vi")


@pytest.mark.parametrize(
    ("url", "status"), [("/test-boom", 500), ("/test-forbidden", 403), ("/test-bad", 400)]
)
def test_other_errors_are_localized(url: str, status: int) -> None:
    response = Client(raise_request_exception=False).get(f"{url}?lang=my")
    assert response.status_code == status
    assert_error_page(response.content.decode(), status, "my")


def test_server_error_page_follows_the_phone_when_no_language_was_chosen() -> None:
    response = Client(raise_request_exception=False).get("/test-boom", HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 500
    assert_error_page(response.content.decode(), 500, "th")


def test_a_form_from_an_old_tab_gets_a_localized_page_not_djangos_csrf_text() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/consult/?lang=es", {"message": "hola"})
    assert response.status_code == 403
    html = response.content.decode()
    with translation.override("es"):
        assert translation.gettext("This form has expired.") in html
    assert "CSRF" not in html
    assert 'href="/"' in html


def test_withdrawn_notice_answers_410_with_a_way_home_and_to_the_plaza() -> None:
    notice = Notice.objects.filter(status=NoticeStatus.PUBLISHED).first()
    assert notice is not None
    actions.do_withdraw(notice)
    response = Client().get(f"/n/{notice.code}?lang=ne")
    assert response.status_code == 410
    html = response.content.decode()
    with translation.override("ne"):
        assert translation.gettext("This explanation is no longer in use.") in html
        assert translation.gettext("Where to go from here") in html
    assert '<a href="/">' in html and f'href="{plaza.contact().tel}"' in html


def test_error_pages_need_no_database() -> None:
    # A 500 is often the database failing: the page must render without a query.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = Client(raise_request_exception=False).get("/test-boom?lang=ko")
    assert response.status_code == 500
    assert len(queries) == 0
