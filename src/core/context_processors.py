"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from core import languages


def site(request: HttpRequest) -> dict[str, Any]:
    """Return the current language, the language list and the Plaza's contact."""
    current = languages.get(getattr(request, "LANGUAGE_CODE", languages.SOURCE))
    return {
        "current_language": current,
        "all_languages": languages.LANGUAGES,
        "plaza": settings.TABUNKA_PLAZA,
    }
