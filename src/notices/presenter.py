"""Turn a notice into what a resident reads, in one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from core import formatting, languages
from notices.models import FAQ, Document, Fee, Link, Notice, Office, Step
from translations.services import Shown, TranslationTable

T = TypeVar("T")


@dataclass
class NoticePage:
    notice: Notice
    code: str  # the language the reader asked for
    title: Shown
    summary: Shown
    topic: Shown
    deadline_note: Shown | None
    contact: Shown | None
    deadline: str | None
    steps: list[Shown] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    offices: list[dict[str, Any]] = field(default_factory=list)
    fees: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    faqs: list[dict[str, Shown]] = field(default_factory=list)

    def all_shown(self) -> list[Shown]:
        shown = [self.title, self.summary, *self.steps]
        shown += [s for s in (self.deadline_note, self.contact) if s is not None]
        for group in (self.documents, self.offices, self.fees, self.links, self.faqs):
            shown += [v for item in group for v in item.values() if isinstance(v, Shown)]
        return shown

    @property
    def has_fallback(self) -> bool:
        return any(s.is_fallback for s in self.all_shown())

    @property
    def has_machine(self) -> bool:
        return any(s.is_machine for s in self.all_shown())

    @property
    def has_outdated(self) -> bool:
        return any(s.outdated for s in self.all_shown())


def build(notice: Notice, code: str, *, public: bool = True) -> NoticePage:
    """Return the page of a notice in a language, with fallbacks marked."""
    parts = notice.parts()
    table = TranslationTable(parts, [code, languages.EASY], public=public)

    def of(kind: type[T]) -> list[T]:
        # The parts were loaded once, in page order; reading them again would repeat the queries.
        return [part for part in parts if isinstance(part, kind)]

    def show(obj: Any, name: str) -> Shown:
        return table.show(obj, name, code)

    def optional(obj: Any, name: str) -> Shown | None:
        return show(obj, name) if getattr(obj, name) else None

    page = NoticePage(
        notice=notice,
        code=code,
        title=show(notice, "title"),
        summary=show(notice, "summary"),
        topic=show(notice.topic, "name"),
        deadline_note=optional(notice, "deadline_note"),
        contact=optional(notice, "contact"),
        deadline=(
            formatting.format_date(notice.deadline, code, show_era=notice.show_era)
            if notice.deadline
            else None
        ),
    )
    page.steps = [show(step, "text") for step in of(Step)]
    for doc in of(Document):
        page.documents.append({"name": show(doc, "name"), "note": optional(doc, "note")})
    for office in of(Office):
        page.offices.append(
            {
                "name": show(office, "name"),
                "address": show(office, "address"),
                "hours": show(office, "hours"),
                "phone": formatting.format_phone(office.phone, code) if office.phone else "",
                "tel": formatting.tel_uri(office.phone) if office.phone else "",
                "map_url": office.map_url,
            }
        )
    for fee in of(Fee):
        amount = formatting.format_yen(fee.amount, code) if fee.amount is not None else ""
        page.fees.append({"label": show(fee, "label"), "amount": amount})
    page.links = [{"label": show(ln, "label"), "url": ln.url} for ln in of(Link)]
    page.faqs = [{"q": show(f, "question"), "a": show(f, "answer")} for f in of(FAQ)]
    return page
