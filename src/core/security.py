"""Response headers for security (issue 9): no-store on personal data, Permissions-Policy.

Pages that show personal data must not stay in a browser's or a proxy's cache: every staff page
(cases, queue, person search, exports and the rest), the resident's private status link under
/consult/s/, the JSON status under /api/consultations/status/, and the login and second-factor
pages get ``Cache-Control: no-store``. Any other answer to a signed-in user is at least
``private, no-store`` (a public notice page seen by staff may show their name in the header).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Path prefixes whose every answer is personal (or leads to it): never stored anywhere.
NO_STORE_PREFIXES = (
    "/staff/",
    "/accounts/",
    "/consult/s/",
    "/api/consultations/status/",
)


def is_personal_path(path: str) -> bool:
    """True for paths under which every answer may show personal data."""
    return path.startswith(NO_STORE_PREFIXES)


class SecurityHeadersMiddleware:
    """Add Cache-Control no-store where personal data is shown, and the Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if is_personal_path(request.path):
            _no_store(response, private=False)
        elif user is not None and user.is_authenticated:
            _no_store(response, private=True)
        policy = getattr(settings, "TABUNKA_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


def _no_store(response: HttpResponse, *, private: bool) -> None:
    # Whatever the view said about caching (max-age, public, an ETag's revalidation) gives way.
    if "Cache-Control" in response:
        del response["Cache-Control"]
    response.headers.pop("Expires", None)
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, no_store=True)
