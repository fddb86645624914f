"""GET /api/languages: the 14 languages (core, the foundation, knows nothing of the API)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from api.site import register
from core import languages

router = Router(tags=["languages"])


class LanguageOut(Schema):
    code: str
    name: str
    english: str
    bcp47: str


class LanguagesOut(Schema):
    languages: list[LanguageOut]


@router.get("/languages", response=LanguagesOut, url_name="languages")
def language_list(request: HttpRequest) -> dict[str, object]:
    """Return each locale's code, its own name, its English name and its BCP-47 tag."""
    return {"languages": [lang.as_dict() for lang in languages.LANGUAGES]}


register(router)
