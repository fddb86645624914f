"""The Plaza's opening calendar: hours per weekday and closing days, from settings and the admin.

Regular rules live in settings.TABUNKA_PLAZA_CALENDAR (hours, every n-th weekday, New Year,
national holidays from the `holidays` library); one-off closings are `ClosingDay` rows. Slots are
created, offered and booked only when `closing_reason()` says nothing and the slot fits the hours.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Any, cast

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.models import ClosingDay


@functools.lru_cache(maxsize=16)
def _national_holidays(year: int, language: str) -> holidays.HolidayBase:
    return holidays.Japan(years=year, language=language)


def _calendar() -> dict[str, Any]:
    return cast(dict[str, Any], settings.TABUNKA_PLAZA_CALENDAR)


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def hours(day: datetime.date) -> tuple[datetime.time, datetime.time] | None:
    """Return the opening and closing time of that weekday, or None if it is never open then."""
    span = _calendar()["hours"].get(day.weekday())
    if not span:
        return None
    return datetime.time.fromisoformat(span[0]), datetime.time.fromisoformat(span[1])


def regular_closing_reason(day: datetime.date) -> str | None:
    """Return why the Plaza is closed on that day by its regular rules, or None."""
    conf = _calendar()
    if conf.get("new_year"):
        first, last = (_month_day(v) for v in conf["new_year"])
        if (day.month, day.day) >= first or (day.month, day.day) <= last:
            return _("New Year holidays")
    for weekday, nth in conf.get("closed_nth_weekday", []):
        if day.weekday() == weekday and (day.day - 1) // 7 + 1 == nth:
            return _("Regular closing day")
    if conf.get("national_holidays"):
        language = "ja" if translation.get_language().startswith("ja") else "en_US"
        name = _national_holidays(day.year, language).get(day)
        if name:
            return _("National holiday: %(name)s") % {"name": name}
    if hours(day) is None:
        return _("Closed on this day of the week")
    return None


def closing_reason(day: datetime.date) -> str | None:
    """Return why the Plaza is closed on that day (regular rules or a ClosingDay), or None."""
    return closing_reasons([day]).get(day)


def closing_reasons(days: Iterable[datetime.date]) -> dict[datetime.date, str]:
    """Return why the Plaza is closed, for those of the days it is closed (one query)."""
    wanted = set(days)
    extra = dict(ClosingDay.objects.filter(day__in=wanted).values_list("day", "reason"))
    reasons = {}
    for day in wanted:
        reason = (
            (extra[day] or _("The Plaza is closed on this day."))
            if day in extra
            else regular_closing_reason(day)
        )
        if reason:
            reasons[day] = reason
    return reasons


def open_days(days: Iterable[datetime.date]) -> set[datetime.date]:
    """Return those of the days on which the Plaza is open."""
    wanted = set(days)
    return wanted - set(closing_reasons(wanted))


def fits_hours(start: datetime.datetime, minutes: int) -> bool:
    """Return True when a slot from `start` lasting `minutes` lies inside that day's hours."""
    local = timezone.localtime(start)
    span = hours(local.date())
    if span is None:
        return False
    end = local + datetime.timedelta(minutes=minutes)
    return span[0] <= local.time() and end.date() == local.date() and end.time() <= span[1]


def check_slot(start: datetime.datetime, minutes: int) -> None:
    """Refuse a slot on a closing day or after hours, saying why in the user's language."""
    local = timezone.localtime(start)
    reason = closing_reason(local.date())
    if reason:
        raise ValidationError(
            _("The Plaza is closed on %(day)s (%(reason)s). Choose another day.")
            % {"day": local.date().isoformat(), "reason": reason}
        )
    if not fits_hours(start, minutes):
        opens, closes = hours(local.date()) or (None, None)
        raise ValidationError(
            _("On %(day)s the Plaza is open from %(opens)s to %(closes)s. Choose a time inside.")
            % {
                "day": local.date().isoformat(),
                "opens": f"{opens:%H:%M}",
                "closes": f"{closes:%H:%M}",
            }
        )
