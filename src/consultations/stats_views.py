"""The supervisor's statistics: charts sized to their data, labels in the staff language, CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from consultations import stats
from consultations.access import require_supervisor


@login_required
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    """Show the counts of the chosen period as charts with their tables."""
    require_supervisor(request)
    period = stats.period(request.GET.get("year", ""))
    context = {
        "period": period,
        "years": stats.years(),
        **stats.page(period, request.LANGUAGE_CODE),
    }
    return render(request, "consultations/staff/stats.html", context)


@login_required
@require_GET
def statistics_csv(request: HttpRequest) -> HttpResponse:
    """Return the cells of the chosen period as CSV, codes and labels."""
    require_supervisor(request)
    period = stats.period(request.GET.get("year", ""))
    body = stats.to_csv(stats.select(period), request.LANGUAGE_CODE)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"consultations-{period.key or 'last-12-months'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
