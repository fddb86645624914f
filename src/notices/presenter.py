"""Turn a notice into what a resident reads, in one language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.utils import timezone, translation

from core import formatting, languages, plaza
from notices.models import FAQ, Document, Fee, Link, Notice, Office, Step
from translations.services import Shown, TranslationTable

T = TypeVar("T")


def essentials(notice: Notice, parts: list[Any]) -> list[tuple[Any, str]]:
    """Return the fields a language must have for the notice to count as available in it."""
    pairs: list[tuple[Any, str]] = [(notice, "title"), (notice, "summary")]
    if notice.deadline_note:
        pairs.append((notice, "deadline_note"))
    return pairs + [(part, "text") for part in parts if isinstance(part, Step)]


def available_languages(notice: Notice, parts: list[Any] | None = None) -> list[str]:
    """Return the codes a resident can really read the notice in, in menu order.

    The rule: the title, the summary, the deadline note (when there is one) and every step have
    a text in the language that residents may see — reviewed, published, or machine translation
    (which the page labels). Japanese, the source, is always available. Other parts (questions,
    documents, offices) may still fall back one by one, each with its `lang`.
    """
    parts = notice.parts() if parts is None else parts
    pairs = essentials(notice, parts)
    table = TranslationTable([obj for obj, _ in pairs], languages.TARGETS, public=True)
    return _available(pairs, table)


def available_by_notice(notices: Sequence[Notice]) -> dict[int, list[str]]:
    """Return `available_languages` of many notices at once (a few queries for any number)."""
    steps: dict[int, list[Step]] = {n.pk: [] for n in notices}
    for step in Step.objects.filter(notice__in=notices):
        steps[step.notice_id].append(step)
    pairs = {n.pk: essentials(n, list(steps[n.pk])) for n in notices}
    objects = [obj for rows in pairs.values() for obj, _ in rows]
    table = TranslationTable(objects, languages.TARGETS, public=True)
    return {pk: _available(rows, table) for pk, rows in pairs.items()}


def _available(pairs: list[tuple[Any, str]], table: TranslationTable) -> list[str]:
    def has_text(obj: Any, name: str, code: str) -> bool:
        row = table.get(obj, name, code)
        return not getattr(obj, name) or (row is not None and bool(row.text))

    return [languages.SOURCE] + [
        code for code in languages.TARGETS if all(has_text(o, f, code) for o, f in pairs)
    ]


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
    # When the notice is not available in the reader's language: the language its text is shown
    # in instead (Easy Japanese, else Japanese), said once at the top, not under every field.
    shown_in: str = ""
    available: list[str] = field(default_factory=list)

    @property
    def shown_in_language(self) -> languages.Language | None:
        return languages.get(self.shown_in) if self.shown_in else None

    @property
    def available_languages(self) -> list[languages.Language]:
        return [languages.get(code) for code in self.available]

    @property
    def menu_languages(self) -> list[languages.Language]:
        """Return the language menu of this page: the available ones, and the reader's own."""
        return [lang for lang in languages.LANGUAGES if lang.code in self.available + [self.code]]

    def all_shown(self) -> list[Shown]:
        shown = [self.title, self.summary, *self.steps]
        shown += [s for s in (self.deadline_note, self.contact) if s is not None]
        for group in (self.documents, self.offices, self.fees, self.links, self.faqs):
            shown += [v for item in group for v in item.values() if isinstance(v, Shown)]
        return shown

    @property
    def deadline_passed(self) -> bool:
        """Return whether today in Kumamoto is after the deadline (its own day still counts)."""
        deadline = self.notice.deadline
        return deadline is not None and timezone.localdate() > deadline

    @property
    def has_fallback(self) -> bool:
        return any(s.is_fallback for s in self.all_shown())

    @property
    def has_machine(self) -> bool:
        return any(s.is_machine for s in self.all_shown())

    @property
    def has_outdated(self) -> bool:
        return any(s.outdated for s in self.all_shown())


def plaza_hours(contact: plaza.PlazaContact, code: str) -> Shown:
    """Return the Plaza's hours as the help box says them, in the reader's language."""
    with translation.override(code):
        return Shown(text=contact.hours, language=code, wanted=code, status="published")


def build(notice: Notice, code: str, *, public: bool = True) -> NoticePage:
    """Return the page of a notice in a language, with fallbacks marked."""
    parts = notice.parts()
    table = TranslationTable(parts, languages.CODES, public=public)
    available = _available(essentials(notice, parts), table)
    text_code = code
    if code not in available:
        # Not available: the whole text in the best fallback, said once at the top of the page.
        text_code = languages.EASY if languages.EASY in available else languages.SOURCE

    def of(kind: type[T]) -> list[T]:
        # The parts were loaded once, in page order; reading them again would repeat the queries.
        return [part for part in parts if isinstance(part, kind)]

    def show(obj: Any, name: str) -> Shown:
        return table.show(obj, name, text_code)

    def optional(obj: Any, name: str) -> Shown | None:
        return show(obj, name) if getattr(obj, name) else None

    page = NoticePage(
        notice=notice,
        code=code,
        shown_in="" if text_code == code else text_code,
        available=available,
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
    plaza_contact = plaza.contact()
    for office in of(Office):
        # The Plaza's phone and hours have one source (core.plaza), shared with the help box.
        is_plaza = office.slug == plaza_contact.office
        phone = plaza_contact.phone if is_plaza else office.phone
        page.offices.append(
            {
                "name": show(office, "name"),
                "address": show(office, "address"),
                "hours": plaza_hours(plaza_contact, code) if is_plaza else show(office, "hours"),
                "phone": formatting.format_phone(phone, code) if phone else "",
                "tel": formatting.tel_uri(phone) if phone else "",
                "map_url": office.map_url,
            }
        )
    for fee in of(Fee):
        amount = formatting.format_yen(fee.amount, code) if fee.amount is not None else ""
        page.fees.append({"label": show(fee, "label"), "amount": amount})
    page.links = [{"label": show(ln, "label"), "url": ln.url} for ln in of(Link)]
    page.faqs = [{"q": show(f, "question"), "a": show(f, "answer")} for f in of(FAQ)]
    return page
