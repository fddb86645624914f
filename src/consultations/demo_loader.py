"""Load the sample FAQ from src/consultations/demo/faq.yaml and compute its vectors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from consultations import search
from consultations.models import Category, FaqEntry
from core import languages
from translations.models import Status
from translations.services import set_translation

DEMO_FAQ = Path(__file__).resolve().parent / "demo" / "faq.yaml"


class DemoError(ValueError):
    """The demo FAQ does not follow its format."""


def load_entry(item: dict[str, Any]) -> FaqEntry:
    """Create or update one entry and its published translations."""
    if item.get("category") not in Category.values:
        raise DemoError(f"{item.get('slug')}: unknown category {item.get('category')!r}")
    texts = {"question": item["question"], "answer": item["answer"]}
    for field, text in texts.items():
        if not isinstance(text, dict) or not text.get(languages.SOURCE):
            raise DemoError(f"{item['slug']}.{field}: needs its Japanese source")
    entry = FaqEntry.objects.filter(slug=item["slug"]).first() or FaqEntry(slug=item["slug"])
    entry.category = item["category"]
    entry.keywords = item.get("keywords", "")
    entry.question = str(texts["question"][languages.SOURCE]).strip()
    entry.answer = str(texts["answer"][languages.SOURCE]).strip()
    entry.save()
    for field, text in texts.items():
        for code, value in text.items():
            if code == languages.SOURCE:
                continue
            if code not in languages.BY_CODE:
                raise DemoError(f"{item['slug']}.{field}: unknown language {code!r}")
            set_translation(entry, field, code, str(value).strip(), status=Status.PUBLISHED)
    return entry


@transaction.atomic
def load_all(path: Path = DEMO_FAQ) -> list[FaqEntry]:
    """Load every entry of the file, then (re)compute the vectors of changed texts."""
    entries = [load_entry(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    for entry in entries:
        search.index_entry(entry)
    return entries
