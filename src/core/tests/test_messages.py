"""Every shipped locale translates every UI string; none is fuzzy."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from core import languages

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
BASE = Path(settings.BASE_DIR)
# The project's catalog, and those of apps that keep their strings in a locale/ of their own.
LOCALE_DIRS = [BASE / "locale", *sorted((BASE / "src").glob("*/locale"))]
PO_FILES = [
    pytest.param(d / to_locale(code) / "LC_MESSAGES" / "django.po", id=f"{d.parent.name}-{code}")
    for d in LOCALE_DIRS
    for code in languages.CODES
]


@pytest.mark.parametrize("path", PO_FILES)
def test_po_file_is_complete(path: Path) -> None:
    po = polib.pofile(str(path))
    assert len(po) > 0
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    for entry in po.translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == wanted, entry.msgid


def test_every_locale_folder_has_every_language() -> None:
    for directory in LOCALE_DIRS:
        for code in languages.CODES:
            assert (directory / to_locale(code) / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("code", [c for c in languages.CODES if c not in ("en",)])
def test_compiled_catalog_is_used(code: str) -> None:
    from django.utils import translation

    with translation.override(code):
        assert translation.gettext("What you must do") != "What you must do"
