"""The one gate to machine translation: only fields of published content ever leave the city.

Providers may log what they get (free TexTra does), so nothing personal may reach them. Every
text sent to a provider goes through `send`, which accepts only the current Japanese value of a
field a `Translatable` model declares as translatable: content written for publication, never
user data, consultations or any other model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from translations.models import Translatable
from translations.providers import Provider


class OutboundRefused(Exception):
    """Something other than a published-content field was about to be sent to a provider."""


@dataclass(frozen=True)
class Segment:
    obj: Translatable
    field: str

    @property
    def text(self) -> str:
        return str(getattr(self.obj, self.field) or "")


def segments(objects: Iterable[Translatable]) -> list[Segment]:
    """Return every non-empty translatable field of the objects."""
    return [
        Segment(obj, field)
        for obj in objects
        for field in obj.translatable_fields
        if getattr(obj, field)
    ]


def check(segment: Segment) -> None:
    """Refuse a segment that is not a translatable field of published content."""
    obj = segment.obj
    if not isinstance(obj, Translatable) or obj.pk is None:
        raise OutboundRefused(f"{type(obj).__name__} is not stored translatable content.")
    if segment.field not in type(obj).translatable_fields:
        raise OutboundRefused(f"{type(obj).__name__}.{segment.field} is not a translatable field.")


def send(
    provider: Provider, items: Sequence[Segment], target: str, glossary: Mapping[str, str]
) -> list[str]:
    """Return the provider's translations of the segments, after checking every one of them."""
    for segment in items:
        check(segment)
    return provider.translate([s.text for s in items], target, glossary)
