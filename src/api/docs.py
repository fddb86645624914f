"""/api/docs: the schema as a plain page (no scripts, nothing from another site)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from api.errors import CODES
from api.site import site


@dataclass
class Row:
    name: str
    kind: str
    required: bool = False
    note: str = ""


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)
    responses: list[Row] = field(default_factory=list)


def describe(schema: dict[str, Any]) -> str:
    """Return a short type description: "string (email, at most 254)", "ErrorOut", ..."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(describe(part) for part in schema[key])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if kind == "array":
        return f"array of {describe(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return f"object of {describe(extra) if isinstance(extra, dict) else 'any'}"
    notes = []
    if "format" in schema:
        notes.append(str(schema["format"]))
    if "enum" in schema:
        notes.append("one of " + ", ".join(repr(v) for v in schema["enum"]))
    if "maxLength" in schema:
        notes.append(f"at most {schema['maxLength']} characters")
    if "minimum" in schema and "maximum" in schema:
        notes.append(f"{schema['minimum']} to {schema['maximum']}")
    return f"{kind} ({'; '.join(notes)})" if notes else str(kind)


def _fields(schema: dict[str, Any]) -> list[Row]:
    required = set(schema.get("required", []))
    return [
        Row(name, describe(prop), name in required, str(prop.get("title", "")))
        for name, prop in schema.get("properties", {}).items()
    ]


def operations(schema: dict[str, Any]) -> list[Operation]:
    """Return every operation of the schema, in path order."""
    found = []
    for route, item in schema["paths"].items():
        for method, op in item.items():
            entry = Operation(
                method=method.upper(),
                path=route,
                anchor=op.get("operationId", f"{method}-{route}"),
                summary=op.get("summary", ""),
                description=op.get("description", ""),
            )
            for param in op.get("parameters", []):
                entry.parameters.append(
                    Row(
                        param["name"],
                        describe(param.get("schema", {})),
                        bool(param.get("required")),
                        f"in {param['in']}",
                    )
                )
            content = op.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                entry.body = _fields(content["application/json"].get("schema", {}))
            for status, answer in op.get("responses", {}).items():
                kinds = [
                    describe(media.get("schema", {})) + f" as {name}"
                    for name, media in answer.get("content", {}).items()
                ]
                entry.responses.append(
                    Row(status, ", ".join(kinds), note=answer.get("description", ""))
                )
            found.append(entry)
    return found


@require_GET
def page(request: HttpRequest) -> HttpResponse:
    """Show the API reference: operations, their fields, the error body and its codes."""
    with translation.override("en"):  # the reference is in English, as the schema is
        schema = site.get_openapi_schema()
        components = schema.get("components", {}).get("schemas", {})
        context = {
            "schema": schema,
            "operations": operations(schema),
            "components": [(name, _fields(body)) for name, body in sorted(components.items())],
            "codes": [(code, status, meaning) for code, (status, meaning) in CODES.items()],
        }
        return render(request, "api/docs.html", context)
