"""Every shipped locale translates every UI string; none is fuzzy."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from core import languages

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("code", languages.CODES)
def test_po_file_is_complete(code: str) -> None:
    po = polib.pofile(str(LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    for entry in po.translated_entries():
        for placeholder in ("%(count)d", "%(language)s", "%(shown)s"):
            assert (placeholder in entry.msgid) == (placeholder in entry.msgstr), entry.msgid


@pytest.mark.parametrize("code", [c for c in languages.CODES if c not in ("en",)])
def test_compiled_catalog_is_used(code: str) -> None:
    from django.utils import translation

    with translation.override(code):
        assert translation.gettext("What you must do") != "What you must do"
