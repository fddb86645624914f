"""How long a case is kept: the one source every page and the purge read (settings).

`Case.expires_at` is set at intake and set again at every later change of the case (a change of
status such as its closing, a message), to now + the category's period; `do_purge_expired`
deletes what is past it. So the period runs from the case's last change, usually its closing.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.units import format_unit
from django.conf import settings

from consultations.models import Category, retention_for
from core import languages


def days_for(category: str) -> int:
    """Return the retention period of a category in days (the `default` for unlisted ones)."""
    return retention_for(category).days


def describe(days: int, code: str) -> str:
    """Return a period in words of the language: whole years as years ("3 years"), else days."""
    locale = languages.get(code).babel
    if days % 365 == 0:
        return format_unit(days // 365, "duration-year", length="long", locale=locale)
    return format_unit(days, "duration-day", length="long", locale=locale)


@dataclass(frozen=True)
class CategoryPeriod:
    label: str  # the category's name in the active language
    period: str


def default_period(code: str) -> str:
    """Return the period of every category without its own, in words of the language."""
    return describe(int(settings.TABUNKA_CONSULT_RETENTION_DAYS["default"]), code)


def exceptions(code: str) -> list[CategoryPeriod]:
    """Return the categories whose period differs from the default, with their periods."""
    default = int(settings.TABUNKA_CONSULT_RETENTION_DAYS["default"])
    return [
        CategoryPeriod(str(label), describe(days_for(value), code))
        for value, label in Category.choices
        if days_for(value) != default
    ]
