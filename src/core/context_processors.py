"""Template context shared by every page."""

from typing import Any

from django.http import HttpRequest

from core import languages, plaza


def site(request: HttpRequest) -> dict[str, Any]:
    """Return the current language, the language list and the Plaza's contact."""
    current = languages.get(getattr(request, "LANGUAGE_CODE", languages.SOURCE))
    contact = plaza.contact()
    return {
        "current_language": current,
        "all_languages": languages.LANGUAGES,
        "plaza": contact,
        "plaza_phone": contact.phone_for(current.code),
    }
