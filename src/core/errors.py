"""Error pages in the phone layout and the reader's language, each with a way home and to the Plaza.

Wired as handler400/403/404/500 in tabunka.urls; Django calls them when DEBUG is off. They read
nothing from the database, so they still render when the database is the reason for the error.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core import languages


def _language(request: HttpRequest) -> str:
    # The middleware sets it; when the error happened before it ran, ask the phone.
    code = getattr(request, "LANGUAGE_CODE", "")
    if code in languages.BY_CODE:
        return code
    return languages.negotiate(request.META.get("HTTP_ACCEPT_LANGUAGE", "")) or languages.SOURCE


def render_error(request: HttpRequest, status: int, kind: str = "") -> HttpResponse:
    """Return the error page for a status, in the request's language."""
    code = _language(request)
    request.LANGUAGE_CODE = code
    with translation.override(code):
        texts: dict[int | str, tuple[str, str]] = {
            400: (
                _("This request could not be understood."),
                _("A link or a form may be incomplete. Please go back and try again."),
            ),
            403: (
                _("This page is not open to you."),
                _("If you think this is a mistake, please ask the Consultation Plaza."),
            ),
            "csrf": (
                _("This form has expired."),
                _("Please go back, reload the page and send the form again."),
            ),
            404: (
                _("We could not find this page."),
                _(
                    "The address may be mistyped or out of date. If you typed the code from "
                    "a letter, please check it again."
                ),
            ),
            500: (
                _("Something went wrong on our side."),
                _("Please try again in a few minutes. If it happens again, please call the Plaza."),
            ),
        }
        heading, explanation = texts[kind or status]
        html = render_to_string(
            "core/error.html",
            {"status": status, "heading": heading, "explanation": explanation},
            request=request,
        )
    response = HttpResponse(html, status=status)
    response.headers["Content-Language"] = languages.get(code).bcp47
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error(request, 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Return the page for a form sent without a valid CSRF token (usually an old tab)."""
    return render_error(request, 403, "csrf")
