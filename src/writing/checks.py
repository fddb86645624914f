"""The web side of the Easy-Japanese engine: one place that turns text into a report or an error."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

import yasashii
from writing import terms

# What a text is about → the engine's paraphrase domain (yasashii data/paraphrase_domains.tsv).
# Keys are notice topic slugs and Plaza FAQ category slugs; a new topic without a row gets
# only general paraphrases.  The water bill's topic (daily-life or a water topic) is never tax.
DOMAINS = {
    "insurance-pension": "insurance",
    "health-insurance": "insurance",
    "pension": "pension",
    "tax": "tax",
    "water": "water",
    "moving-registration": "residence",
    "residence": "residence",
    "children": "childcare",
    "childcare": "childcare",
    "health": "health",
    "medical": "health",
    "daily-life": "daily-life",
    "housing": "daily-life",
}


def domain_for(slug: str | None) -> str | None:
    """Return the paraphrase domain of a notice topic or FAQ category slug, or None."""
    return DOMAINS.get(slug) if isinstance(slug, str) else None


class CheckError(ValueError):
    """Text the engine will not check, with a message for the writer."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def check(
    text: str,
    *,
    domain: str | None = None,
    known_terms: Iterable[str] = (),
    context: Iterable[str] = (),
) -> dict[str, Any]:
    """Return the engine's report with the furigana preview, or raise CheckError.

    domain: what the text is about (domain_for(topic slug)); known_terms: names the caller
    knows besides the registered ones (a notice's document names); context: the texts a reader
    has read before this one (a notice's earlier fields, or for a title the summary under it):
    the terms they explain count as explained here.
    """
    _refuse_unchecked(text)
    return _report(text, domain, _known(known_terms).union(*map(_explained, context)))


def _known(known_terms: Iterable[str]) -> frozenset[str]:
    """Return the registered known terms (a few queries) and the caller's."""
    return terms.known_terms() | frozenset(t for t in known_terms if t)


def _explained(text: str) -> frozenset[str]:
    if not text or len(text) > yasashii.MAX_CHARS:
        return frozenset()
    return yasashii.explained_terms(text)


def _refuse_unchecked(text: str) -> None:
    if not text.strip():
        raise CheckError(_("Please write or paste some Japanese text to check."), 400)
    if len(text) > yasashii.MAX_CHARS:
        raise CheckError(
            _("The text is too long: %(count)d characters. The limit is %(limit)d.")
            % {"count": len(text), "limit": yasashii.MAX_CHARS},
            413,
        )


def _report(text: str, domain: str | None, known: frozenset[str]) -> dict[str, Any]:
    report = yasashii.analyze(text, domain=domain, known_terms=known).to_dict()
    report["ruby"] = yasashii.ruby(text)
    return report


def segments(text: str, issues: list[dict[str, Any]]) -> list[tuple[str, int | None]]:
    """Split text into plain and flagged runs (the first of overlapping issues wins)."""
    runs: list[tuple[str, int | None]] = []
    position = 0
    for index, issue in sorted(enumerate(issues), key=lambda pair: pair[1]["start"]):
        start, end = issue["start"], issue["end"]
        if start < position or end <= start:
            continue
        if start > position:
            runs.append((text[position:start], None))
        runs.append((text[start:end], index))
        position = end
    if position < len(text):
        runs.append((text[position:], None))
    return runs


def check_texts(
    texts: list[str],
    *,
    domain: str | None = None,
    known_terms: Iterable[str] = (),
) -> list[dict[str, Any] | None]:
    """Return easy_check() of each text of one page, read in order: what an earlier text
    explains counts as explained in the later ones (the first text also sees the second, as a
    title is read with the summary under it)."""
    # The registered terms and each text's explanations are read once for the page, not once
    # per text (a notice has 50 and more fields: that was 50 × 5 queries and 50²/2 parses).
    known = _known(known_terms)
    explained = [_explained(text) for text in texts]
    reports: list[dict[str, Any] | None] = []
    for i, text in enumerate(texts):
        seen = known.union(*explained[1:2]) if i == 0 else known
        try:
            _refuse_unchecked(text)
        except CheckError:
            reports.append(None)
        else:
            reports.append(_report(text, domain, seen))
        known |= explained[i]
    return reports


def easy_check(
    text: str,
    *,
    domain: str | None = None,
    known_terms: Iterable[str] = (),
    context: Iterable[str] = (),
) -> dict[str, Any] | None:
    """Return the report of a field's Easy-Japanese text for the editor, or None when unchecked.

    Arguments as for check(); pass them when the field's notice or FAQ entry is known.
    """
    try:
        return check(text, domain=domain, known_terms=known_terms, context=context)
    except CheckError:
        return None
