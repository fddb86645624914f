"""Case pages want a second factor: counselors and supervisors type a TOTP code once a session.

The single gate every staff consultation page passes (all live under /staff/consultations/):
until `request.user.is_verified()` (django-otp's OTPMiddleware, which runs before this), a user
who may handle cases is sent to the enrolment or code page. Others (editors, translators, site
administrators without a case role) are never asked; their 403 comes from the views as before.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from consultations import roles

CASE_PREFIX = "/staff/consultations/"


def needs_code(request: HttpRequest) -> bool:
    """Return whether this request is for case data by a case role without a code this session."""
    user = request.user
    if not request.path.startswith(CASE_PREFIX) or not user.is_authenticated:
        return False
    return roles.can_handle_cases(user) and not user.is_verified()  # type: ignore[attr-defined]


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if needs_code(request):
            target = request.get_full_path() if request.method == "GET" else CASE_PREFIX
            url = reverse("accounts:second-factor") + "?" + urlencode({"next": target})
            return HttpResponseRedirect(url)
        return self.get_response(request)
