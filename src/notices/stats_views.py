"""Scans across notices: notice × language × ISO week, with totals, charts and a CSV download.

Who may read them: people who run the service — editors (they publish the letters and want to
know whether residents reach them), admins, and the Plaza's supervisors (they plan interpreters
and languages). The permission is notices.view_scancount, given to those roles in accounts.roles
and consultations.roles. Translators and counselors do not get it: their work does not need it,
and least access is the rule of every role here, even for counts that identify nobody.
"""

from __future__ import annotations

import csv
import datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts import roles
from notices import stats
from notices.models import Topic
from translations.services import TranslationTable

PERMISSION = "notices.view_scancount"
DEFAULT_WEEKS = 12
MAX_DAYS = 371  # 53 weeks: one column per week still fits a screen that scrolls


def can_read_scans(user: Any) -> bool:
    return roles.is_staff_member(user) and user.has_perm(PERMISSION)


class ScanFilter(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)

    def __init__(self, data: Any, topics: list[tuple[str, str]]) -> None:
        super().__init__(data)
        topic = self.fields["topic"]
        assert isinstance(topic, forms.ChoiceField)
        topic.choices = [("", _("All topics")), *topics]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(
            days=end.weekday() + 7 * (DEFAULT_WEEKS - 1)
        )
        if start > end:
            raise forms.ValidationError(_("The first day must not be after the last day."))
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Choose at most 53 weeks."))
        data["start"], data["end"] = start, end
        return data


def _selection(request: HttpRequest) -> tuple[ScanFilter, stats.Overview | None]:
    """Return the filter form as shown and the overview it selects (None when the input is bad)."""
    if not can_read_scans(request.user):
        raise PermissionDenied
    code = request.LANGUAGE_CODE
    topics = {t.slug: t for t in Topic.objects.all()}
    names = TranslationTable(topics.values(), [code], public=False)
    choices = [(slug, names.show(t, "name", code).text) for slug, t in topics.items()]
    form = ScanFilter(request.GET, choices)
    if not form.is_valid():
        return form, None
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    topic = topics.get(form.cleaned_data["topic"])
    shown = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "topic": topic.slug if topic else "",
    }
    return ScanFilter(shown, choices), stats.overview(start, end, topic, code)


@login_required
@require_GET
def scans(request: HttpRequest) -> HttpResponse:
    """Show scans of every notice (or one topic's) per language and ISO week."""
    form, data = _selection(request)
    status = 400 if data is None else 200
    return render(request, "notices/staff/scans.html", {"form": form, "data": data}, status=status)


@login_required
@require_GET
def scans_csv(request: HttpRequest) -> HttpResponse:
    """Return the same selection as CSV, one row per notice × language × week."""
    form, data = _selection(request)
    if data is None:
        return render(request, "notices/staff/scans.html", {"form": form, "data": None}, status=400)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    first, last = data.weeks[0], data.weeks[-1]
    name = f"scans-{stats.week_label(first)}-{stats.week_label(last)}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    csv.writer(response).writerows(stats.overview_csv_rows(data))
    return response
