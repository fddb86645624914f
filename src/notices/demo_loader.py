"""Load the sample notices and catalogs from src/notices/demo/ (format: docs/demo-content.md)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from core import languages, plaza
from notices import models
from translations.models import Status, Translatable
from translations.services import set_translation

DEMO_DIR = Path(__file__).resolve().parent / "demo"


class DemoError(ValueError):
    """The demo content does not follow its format."""


def _source(text: Any, where: str) -> str:
    if not isinstance(text, dict) or not text.get(languages.SOURCE):
        raise DemoError(f"{where}: a text needs its Japanese source")
    return str(text[languages.SOURCE]).strip()


def _translate(obj: Translatable, field: str, text: dict[str, str] | None) -> None:
    for code, value in (text or {}).items():
        if code == languages.SOURCE:
            continue
        if code not in languages.BY_CODE:
            raise DemoError(f"{obj!r}.{field}: unknown language {code!r}")
        set_translation(obj, field, code, str(value).strip(), status=Status.PUBLISHED)


def _save(obj: Translatable, texts: dict[str, Any]) -> None:
    for field, text in texts.items():
        setattr(obj, field, _source(text, f"{obj!r}.{field}") if text else "")
    obj.save()
    for field, text in texts.items():
        if text:
            _translate(obj, field, text)


def load_catalog(data: dict[str, Any]) -> None:
    for order, item in enumerate(data.get("topics", [])):
        topic, _ = models.Topic.objects.get_or_create(slug=item["slug"], defaults={"order": order})
        topic.order = order
        _save(topic, {"name": item["name"]})
    for item in data.get("offices", []):
        office = models.Office.objects.filter(slug=item["slug"]).first() or models.Office(
            slug=item["slug"]
        )
        # The Plaza's office carries no phone in the catalog: its one source is the settings.
        office.phone = item.get("phone") or plaza.phone_for_office(item["slug"])
        office.map_url = item.get("map_url", "")
        _save(office, {k: item.get(k) for k in ("name", "address", "hours")})
    for item in data.get("documents", []):
        doc = models.Document.objects.filter(slug=item["slug"]).first() or models.Document(
            slug=item["slug"]
        )
        _save(doc, {"name": item["name"], "note": item.get("note")})


def load_notice(data: dict[str, Any]) -> models.Notice:
    code = data["code"]
    notice = models.Notice.objects.filter(code=code).first() or models.Notice(code=code)
    notice.topic = models.Topic.objects.get(slug=data["topic"])
    deadline = data.get("deadline")
    notice.deadline = datetime.date.fromisoformat(str(deadline)) if deadline else None
    notice.show_era = bool(data.get("show_era"))
    notice.is_sample = True
    notice.status = models.NoticeStatus.PUBLISHED
    notice.published_at = notice.published_at or timezone.now()
    _save(notice, {k: data.get(k) for k in ("title", "summary", "deadline_note", "contact")})
    for related in (notice.steps, notice.fees, notice.links, notice.faqs):
        related.all().delete()
    notice.noticeoffice_set.all().delete()
    notice.noticedocument_set.all().delete()
    for order, text in enumerate(data.get("steps", [])):
        _save(models.Step(notice=notice, order=order), {"text": text})
    for order, fee in enumerate(data.get("fees") or []):
        _save(
            models.Fee(notice=notice, order=order, amount=fee.get("amount")),
            {"label": fee["label"]},
        )
    for order, link in enumerate(data.get("links") or []):
        _save(models.Link(notice=notice, order=order, url=link["url"]), {"label": link["label"]})
    for order, faq in enumerate(data.get("faq") or []):
        _save(models.FAQ(notice=notice, order=order), {"question": faq["q"], "answer": faq["a"]})
    for order, slug in enumerate(data.get("offices") or []):
        office = models.Office.objects.get(slug=slug)
        models.NoticeOffice.objects.create(notice=notice, office=office, order=order)
    for order, slug in enumerate(data.get("documents") or []):
        doc = models.Document.objects.get(slug=slug)
        models.NoticeDocument.objects.create(notice=notice, document=doc, order=order)
    return notice


@transaction.atomic
def load_all(directory: Path = DEMO_DIR) -> list[models.Notice]:
    """Load the catalog, then every notice file; return the notices."""
    load_catalog(yaml.safe_load((directory / "catalog.yaml").read_text(encoding="utf-8")))
    notices = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "catalog.yaml":
            continue
        notices.append(load_notice(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return notices
