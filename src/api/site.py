"""The one NinjaAPI of the site: error handlers, strict parameters and the schema's extras."""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from api.errors import ApiError, ErrorOut, error_response, invalid, not_found, server_error
from core import limits, validation

DESCRIPTION = """Public JSON endpoints of tabunka. Every error answer has the same body,
`{"error": {"code", "message", "fields"}}`, with a stable `code` and a `message` in the request's
language (`?lang=`, else the language cookie, else Accept-Language). Request bodies are JSON only
(Content-Type: application/json, else 415), at most 64 KB unless an operation says otherwise."""


class _Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


class TabunkaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Return the schema; every operation documents the error body as its default answer."""
        schema = super().get_openapi_schema(**kwargs)
        ref = {"$ref": "#/components/schemas/ErrorOut"}
        default = {"description": "Error", "content": {"application/json": {"schema": ref}}}
        for item in schema["paths"].values():
            for operation in item.values():
                operation["responses"].setdefault("default", default)
        return schema


site = TabunkaAPI(
    title="tabunka API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema",
    docs_url=None,  # api.docs serves a plain page from the schema: no scripts, no CDN
    renderer=_Renderer(),
)


def register(router: Router, prefix: str = "") -> None:
    """Mount a domain app's router under /api/."""
    site.add_router(prefix, router)


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """Return the response map entries for these error statuses."""
    return dict.fromkeys(statuses, ErrorOut)


def strict_int(low: int, high: int) -> Any:
    """Return an int type for a query value that accepts ASCII digits in [low, high] only."""

    def parse(value: object) -> int:
        raw = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        try:
            return validation.require_int(raw if isinstance(raw, str) else None, low=low, high=high)
        except DjangoValidationError as error:
            raise PydanticCustomError(
                "number", "{message}", {"message": error.messages[0]}
            ) from None

    return Annotated[
        int,
        BeforeValidator(parse),
        WithJsonSchema({"type": "integer", "minimum": low, "maximum": high}),
    ]


@site.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return error_response(request, exc)


@site.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for problem in exc.errors:
        location = [str(part) for part in problem.get("loc", ())]
        name = location[-1] if len(location) > 1 else "body"
        ours = problem.get("type") == "number"
        message = problem.get("msg", "") if ours else _("This value is not valid.")
        fields.setdefault(name, []).append(message)
    return error_response(request, invalid(fields))


@site.exception_handler(DjangoValidationError)
def _django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"body": exc.messages}
    return error_response(request, invalid({k: [str(m) for m in v] for k, v in fields.items()}))


@site.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, not_found())


@site.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, ApiError(403, "forbidden", _("You may not do this.")))


@site.exception_handler(limits.RateLimited)
def _rate_limited(request: HttpRequest, exc: limits.RateLimited) -> HttpResponse:
    error = ApiError(
        429, "rate_limited", limits.message(exc), headers={"Retry-After": str(exc.retry_after)}
    )
    return error_response(request, error)


@site.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja's own refusals (we raise ApiError); its English text is not shown.
    if exc.status_code == 404:
        return error_response(request, not_found())
    if 400 <= exc.status_code < 500:
        error = ApiError(exc.status_code, "invalid", _("This value is not valid."))
        return error_response(request, error)
    return error_response(request, server_error(request, exc))


@site.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(request, server_error(request, exc))
