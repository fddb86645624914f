"""/api/: the NinjaAPI's operations and schema, the docs page, and JSON for any other answer."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, include, path, re_path
from django.utils.translation import gettext as _

from api import docs
from api.errors import ApiError, error_response, not_found
from api.site import site


def _json_answers(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Turn ninja's plain 405 into the API's error body (the Allow header kept)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            message = _("This method is not allowed here.")
            answer = error_response(request, ApiError(405, "method_not_allowed", message))
            answer["Allow"] = response.get("Allow", "")
            return answer
        return response

    wrapper.csrf_exempt = True  # type: ignore[attr-defined]  # ninja's views are; checks are per operation
    return wrapper


def _root(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return redirect("api:docs")


def _not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(request, not_found())


_not_found.csrf_exempt = True  # type: ignore[attr-defined]


def _patterns() -> list[URLPattern]:
    patterns, _app, _namespace = site.urls
    wrapped = []
    for entry in patterns:
        assert isinstance(entry, URLPattern), entry
        callback = _root if entry.name == "api-root" else _json_answers(entry.callback)
        wrapped.append(URLPattern(entry.pattern, callback, entry.default_args, entry.name))
    return [
        path("docs", docs.page, name="docs"),
        *wrapped,
        re_path(r"^(?P<rest>.*)$", _not_found, name="not-found"),
    ]


urlpatterns = [path("api/", include((_patterns(), "api"), namespace="api"))]
