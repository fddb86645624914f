"""The staff writing assistant (its JSON twin is writing/api.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts import roles
from writing.checks import CheckError, check, segments


@login_required
def assistant(request: HttpRequest) -> HttpResponse:
    """Show the writing assistant; without JavaScript the form posts here and gets the report."""
    if not roles.is_staff_member(request.user):
        raise PermissionDenied
    text = request.POST.get("text", "") if request.method == "POST" else ""
    report, error = None, ""
    if request.method == "POST":
        try:
            report = check(text)
        except CheckError as problem:
            error = problem.message
    runs = segments(text, report["issues"]) if report else []
    context = {"text": text, "report": report, "error": error, "runs": runs}
    return render(request, "writing/assistant.html", context)
