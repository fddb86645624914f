"""What a notice still lacks before it goes out: the publish checklist, computed in one place."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core import languages
from notices import presenter
from notices.models import FAQ, Document, Fee, Link, Notice, Office, Step
from translations import services
from translations.models import Translatable
from writing.checks import check_texts, domain_for


@dataclass
class LanguageState:
    language: languages.Language
    total: int  # fields with Japanese text
    missing: int  # no text residents may see (none, or a draft)
    outdated: int
    machine: int  # machine translation nobody has checked yet
    available: bool

    @property
    def complete(self) -> bool:
        return not (self.missing or self.outdated or self.machine)


@dataclass
class Finding:
    label: str  # "Step 2 · what to do"
    count: int
    surfaces: list[str]


@dataclass
class Checklist:
    notice: Notice
    languages: list[LanguageState]
    easy_findings: list[Finding] = field(default_factory=list)
    deadline_past: bool = False
    no_contact: bool = False  # neither a "who to ask" text nor an office
    offices_without_phone: list[Office] = field(default_factory=list)

    @property
    def missing_codes(self) -> list[str]:
        return [s.language.code for s in self.languages if s.missing]

    @property
    def incomplete(self) -> list[LanguageState]:
        return [s for s in self.languages if not s.complete]

    @property
    def has_gaps(self) -> bool:
        return bool(
            self.incomplete
            or self.easy_findings
            or self.deadline_past
            or self.no_contact
            or self.offices_without_phone
        )

    def gaps(self) -> dict[str, Any]:
        """Return the gaps as data, to store with a publication that went ahead with them."""
        return {
            "languages": {
                s.language.code: {
                    "missing": s.missing,
                    "outdated": s.outdated,
                    "machine": s.machine,
                }
                for s in self.incomplete
            },
            "easy_findings": sum(f.count for f in self.easy_findings),
            "deadline_past": self.deadline_past,
            "no_contact": self.no_contact,
            "offices_without_phone": [o.name for o in self.offices_without_phone],
        }


def part_labels(notice: Notice, parts: list[Translatable]) -> dict[tuple[str, int], str]:
    """Return a human name for every part of a notice ("Step 2", "Question 1")."""
    names: dict[tuple[str, int], str] = {("notice", notice.pk): _("The letter")}
    counters: dict[type, int] = {}
    kinds = {
        Step: _("Step %(number)s"),
        Fee: _("Fee %(number)s"),
        Link: _("Link %(number)s"),
        FAQ: _("Question %(number)s"),
    }
    for part in parts:
        kind = type(part)
        if kind in kinds:
            counters[kind] = counters.get(kind, 0) + 1
            names[(part._meta.model_name or "", part.pk)] = kinds[kind] % {"number": counters[kind]}
        elif part is not notice:
            names[(part._meta.model_name or "", part.pk)] = str(part)
    return names


def field_label(obj: Translatable, name: str, labels: dict[tuple[str, int], str]) -> str:
    part = labels.get((obj._meta.model_name or "", obj.pk), str(obj))
    verbose = getattr(obj._meta.get_field(name), "verbose_name", name)
    return f"{part} · {verbose}"


def build(notice: Notice, today: datetime.date | None = None) -> Checklist:
    """Return the checklist of a notice: per language, Easy Japanese, deadline and contact."""
    parts = notice.parts()
    pairs = [(o, f) for o in parts for f in o.translatable_fields if getattr(o, f)]
    counts = services.coverage_by_language(pairs, languages.TARGETS)
    available = presenter.available_languages(notice, parts)
    states = []
    for code in languages.TARGETS:
        c = counts[code]
        states.append(
            LanguageState(
                language=languages.get(code),
                total=len(pairs),
                missing=c["missing"] + c.get("draft", 0),
                outdated=c["outdated"],
                machine=c.get("machine", 0),
                available=code in available,
            )
        )
    checklist = Checklist(notice=notice, languages=states)
    labels = part_labels(notice, parts)
    table = services.TranslationTable(parts, [languages.EASY], public=False)
    texts = []
    for obj, name in pairs:
        row = table.get(obj, name, languages.EASY)
        texts.append(row.text if row is not None else "")
    reports = check_texts(
        texts,
        domain=domain_for(notice.topic.slug),
        known_terms=[p.name for p in parts if isinstance(p, Document)],
    )
    for (obj, name), report in zip(pairs, reports, strict=True):
        if report and report["issues"]:
            surfaces = list(dict.fromkeys(issue["surface"] for issue in report["issues"]))[:5]
            finding = Finding(field_label(obj, name, labels), len(report["issues"]), surfaces)
            checklist.easy_findings.append(finding)
    today = today or timezone.localdate()
    checklist.deadline_past = notice.deadline is not None and notice.deadline < today
    offices = [p for p in parts if isinstance(p, Office)]
    checklist.no_contact = not notice.contact.strip() and not offices
    checklist.offices_without_phone = [o for o in offices if not o.phone]
    return checklist
