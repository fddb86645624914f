"""What every machine-translation provider offers, and the errors it may end with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from core import languages

AUTH = "auth"
QUOTA = "quota"
TIMEOUT = "timeout"
LANGUAGE = "language"
FAILED = "failed"


class ProviderError(Exception):
    """A provider refused or failed; kind is one of auth, quota, timeout, language, failed."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class ProviderConfig:
    """The TABUNKA_MT_* settings a provider is built from."""

    url: str = ""
    key: str = ""
    secret: str = ""
    user: str = ""
    timeout: float = 30.0
    options: Mapping[str, str] = field(default_factory=dict)


class Provider:
    """Translate Japanese texts into one target language; subclasses speak one wire format."""

    name: ClassVar[str] = ""
    # Our language code -> the provider's; a language not listed is not offered.
    codes: ClassVar[Mapping[str, str]] = {}
    # Languages for which the glossary is passed to the provider (it is checked afterwards anyway).
    glossary_languages: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: ProviderConfig) -> None:
        self.config = config

    def supports(self, code: str) -> bool:
        return code in self.codes

    def translate(
        self, texts: Sequence[str], target: str, glossary: Mapping[str, str]
    ) -> list[str]:
        """Return the texts translated from Japanese into the target language, in order."""
        if not self.supports(target):
            name = languages.get(target).english if target in languages.BY_CODE else target
            raise ProviderError(LANGUAGE, f"{self.name} does not translate into {name}.")
        if not texts:
            return []
        terms = dict(glossary) if target in self.glossary_languages else {}
        result = self._translate(list(texts), self.codes[target], terms)
        if len(result) != len(texts):
            raise ProviderError(
                FAILED, f"{self.name} returned {len(result)} of {len(texts)} texts."
            )
        return result

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        raise NotImplementedError


def http_error(status: int, detail: str) -> ProviderError:
    """Return the error for an HTTP status most providers share."""
    if status in (401, 403):
        return ProviderError(AUTH, detail)
    if status in (429, 456):
        return ProviderError(QUOTA, detail)
    return ProviderError(FAILED, detail)
