"""The translation workflow's tables: translations and their history, memory, glossary, jobs."""

from translations.models.glossary import GlossaryTerm
from translations.models.jobs import JobStatus, ProviderUsage, TranslationJob
from translations.models.memory import MemoryEntry
from translations.models.workflow import (
    PUBLIC_STATUSES,
    Status,
    Translatable,
    Translation,
    TranslationRevision,
)

__all__ = [
    "PUBLIC_STATUSES",
    "GlossaryTerm",
    "JobStatus",
    "MemoryEntry",
    "ProviderUsage",
    "Status",
    "Translatable",
    "Translation",
    "TranslationJob",
    "TranslationRevision",
]
