"""Choose each request's language: ?lang= (sticky), then the cookie, then the phone's."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from core import languages


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = languages.match_tag(request.GET.get("lang", ""))
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        code = (
            chosen
            or (cookie if cookie in languages.BY_CODE else None)
            or languages.negotiate(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
            or languages.SOURCE
        )
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        if chosen and chosen != cookie:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                httponly=True,
            )
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", languages.get(code).bcp47)
        translation.deactivate()
        return response
