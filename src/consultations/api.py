"""JSON for apps: submit a consultation, search the FAQ."""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from consultations import actions, presenter, search
from consultations.forms import IntakeForm
from consultations.models import Channel
from consultations.views import client_address, throttle_intake
from core import languages, limits

_JSON = {"ensure_ascii": False}


@csrf_exempt  # no cookie authentication here: nothing a forged cross-site request could misuse
@require_POST
def submit(request: HttpRequest) -> JsonResponse:
    """Store a consultation sent as JSON; return 201 with the reference and the status link."""
    throttle_intake(request)
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"errors": {"__all__": ["invalid JSON"]}}, status=400)
    if not isinstance(payload, dict):
        return JsonResponse({"errors": {"__all__": ["expected an object"]}}, status=400)
    payload.setdefault("language", request.LANGUAGE_CODE)
    payload["consent"] = "on" if payload.get("consent") is True else ""
    form = IntakeForm({k: v for k, v in payload.items() if isinstance(v, str | int)})
    if not form.is_valid():
        errors = {name: [str(m) for m in errs] for name, errs in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400, json_dumps_params=_JSON)
    submitted = actions.do_submit(
        form.cleaned_data,
        channel=Channel.API,
        client=actions.client_hash(client_address(request)),
    )
    body = {
        "reference": submitted.case.reference,
        "status_url": request.build_absolute_uri(submitted.status_path),
        "flagged": bool(submitted.case.flagged),
    }
    return JsonResponse(body, status=201, json_dumps_params=_JSON)


@require_GET
def faq_search(request: HttpRequest) -> JsonResponse:
    """Rank FAQ entries for ?q= in any language; answers in ?lang= (else the request's)."""
    code = languages.match_tag(request.GET.get("lang", "")) or request.LANGUAGE_CODE
    raw = request.GET.get("limit", "")
    limit = min(max(int(raw), 1), 20) if raw.isascii() and raw.isdigit() else 5
    found = search.Lookup("", False, [])
    if request.GET.get("q", "").strip():
        limits.hit(request, "faq")
        found = search.lookup(request.GET["q"], limit=limit)
    answers = presenter.answers(found.results, code)
    body = {
        "query": found.query,
        "truncated": found.truncated,
        "language": code,
        "results": [a.as_dict() for a in answers],
    }
    return JsonResponse(body, json_dumps_params=_JSON)
