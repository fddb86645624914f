"""What the Easy-Japanese check accepts without a finding, collected from the apps above.

writing is a shared service: it must not import notices or other domain apps.  Apps register a
provider in their AppConfig.ready() (notices: office names and addresses; translations: the
glossary's Easy-Japanese targets and the terms it keeps); the check passes the union to the
engine as `known_terms`.  No Django import here, so the bench can use glossary_known_terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Provider = Callable[[], Iterable[str]]

_PROVIDERS: dict[str, Provider] = {}
# 区役所（くやくしょ）: the glossary keeps the term and only adds its reading (the site adds
# furigana itself), so the bare term is accepted too.
_KEPT_WITH_READING = re.compile(r"(.+?)[（(][ぁ-ゖァ-ヺー\s]+[）)]")
_NAME_SEPARATORS = re.compile(r"[\s（）()・／/]+")


def register(name: str, provider: Provider) -> None:
    """Register (or replace) a provider of known names, addresses or terms under name."""
    _PROVIDERS[name] = provider


def known_terms() -> frozenset[str]:
    """Return every registered known name, address and term (read fresh on each call)."""
    found: set[str] = set()
    for provider in _PROVIDERS.values():
        found.update(t.strip() for t in provider() if t and len(t.strip()) >= 2)
    return frozenset(found)


def name_parts(name: str) -> list[str]:
    """Return a name and its parts: 中央区役所 区民課 → 中央区役所, 区民課 (a part of a name is
    a name too: 「区役所の区民課に行きます」)."""
    parts = [p for p in _NAME_SEPARATORS.split(name) if len(p) >= 2]
    return [name.strip(), *parts]


def glossary_known_terms(pairs: Iterable[tuple[str, str]]) -> set[str]:
    """Return the accepted terms of (Japanese term, Easy-Japanese target) glossary pairs.

    The target is what the glossary prescribes, so it is accepted as written; a term the target
    keeps with only its reading (区役所 → 区役所（くやくしょ）) is accepted bare as well.  A term
    kept with an explanation (予防接種 → 予防接種（病気にならないための注射）) is not: its first
    use needs the explanation.
    """
    out: set[str] = set()
    for term, target in pairs:
        if not target:
            continue
        out.add(target)
        kept = _KEPT_WITH_READING.fullmatch(target.strip())
        if kept and kept.group(1).strip() == term:
            out.add(term)
    return out
