"""Glossary: the required translation of an administrative term, and the variants to avoid."""

from __future__ import annotations

from django.db import models


class GlossaryTerm(models.Model):
    language = models.CharField(max_length=12)
    term = models.CharField(max_length=100)  # the Japanese term
    translation = models.CharField(max_length=200)
    forbidden = models.TextField(blank=True)  # one variant per line
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="one_term_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.translation} [{self.language}]"

    @property
    def forbidden_list(self) -> list[str]:
        return [v.strip() for v in self.forbidden.splitlines() if v.strip()]
