"""A Django form is the JSON twin's validation too: its errors become the error body, its fields
the request body's schema, so a rule and its message are written once."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from api.errors import invalid


def form_errors(form: forms.Form) -> dict[str, list[str]]:
    """Return the form's messages per field, in the active language."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def validate(form: forms.Form) -> dict[str, Any]:
    """Return the form's cleaned data, or raise the 400 with its messages."""
    if not form.is_valid():
        raise invalid(form_errors(form))
    return form.cleaned_data


def as_form_data(payload: dict[str, Any], booleans: tuple[str, ...] = ()) -> dict[str, str]:
    """Return the JSON fields a form can read: strings and numbers; JSON true for a checkbox.

    Anything else (a list, an object, null) is left out, so the form says what it says for an
    empty field.
    """
    data = {
        key: str(value)
        for key, value in payload.items()
        if isinstance(value, str | int | float) and not isinstance(value, bool)
    }
    for name in booleans:
        data[name] = "on" if payload.get(name) is True else ""
    return data


def _field_schema(field: forms.Field) -> dict[str, Any]:
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, forms.ChoiceField):
        choices: list[tuple[Any, Any]] = list(cast(Any, field).choices)
        values = [str(value) for value, _label in choices if value != ""]
        return {"type": "string", "enum": values + ([""] if not field.required else [])}
    schema: dict[str, Any] = {"type": "string"}
    if isinstance(field, forms.EmailField):
        schema["format"] = "email"
    max_length = getattr(field, "max_length", None)
    if max_length:
        schema["maxLength"] = max_length
    return schema


def body_schema(form_class: type[forms.Form], *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the JSON Schema of a JSON body that the form validates."""
    form = form_class()
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, field in form.fields.items():
        if name in skip:
            continue
        properties[name] = {**_field_schema(field), "title": str(field.label or name)}
        if field.required:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required}


def request_body(schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    """Return the openapi_extra of an operation whose JSON body the view reads itself."""
    content = {"application/json": {"schema": schema}}
    return {"requestBody": {"required": True, "description": description, "content": content}}
