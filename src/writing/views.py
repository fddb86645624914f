"""The staff writing assistant and its JSON API."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from writing.checks import CheckError, check, domain_for, segments

MAX_BODY = 200_000  # bytes; above the engine's character limit even in UTF-8


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


@require_POST
def api_check(request: HttpRequest) -> HttpResponse:
    """Return the Easy-Japanese report of {"text": …} as JSON, or as HTML with ?format=html."""
    if not roles.is_staff_member(request.user):
        return JsonResponse({"error": _("Please log in as staff.")}, status=403)
    if len(request.body) > MAX_BODY:
        return JsonResponse({"error": _("The text is too long.")}, status=413)
    try:
        payload = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return JsonResponse({"error": _('Send JSON like {"text": "…"}.')}, status=400)
    if not isinstance(payload, dict):
        payload = {}
    text = payload.get("text")
    # Optional: "domain" (tax, water …) or "topic" (a notice topic slug) and "context" (the
    # texts read before this one, whose explanations count), as the notice editor sends them.
    domain, topic = payload.get("domain"), payload.get("topic")
    context = payload.get("context", [])
    if (
        not isinstance(text, str)
        or not isinstance(domain, str | None)
        or not isinstance(topic, str | None)
        or not isinstance(context, list)
        or not all(isinstance(c, str) for c in context)
    ):
        return JsonResponse({"error": _('Send JSON like {"text": "…"}.')}, status=400)
    domain = domain or domain_for(topic)
    try:
        report = check(text, domain=domain, context=context)
    except CheckError as problem:
        return JsonResponse({"error": problem.message}, status=problem.status)
    if request.GET.get("format") == "html":  # the fragment the notice editor shows per field
        return render(request, "writing/inline_check.html", {"report": report})
    return JsonResponse(report, json_dumps_params={"ensure_ascii": False})
