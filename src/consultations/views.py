"""The resident's side: intake form, private status page with booking, and the FAQ."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consultations import actions, audit, presenter, search
from consultations.access import get_case_for_resident
from consultations.forms import IntakeForm
from consultations.models import Channel, Slot, retention_for
from core import languages
from core.formatting import format_date


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def slot_label(slot: Slot, code: str) -> str:
    """Return the slot's date in the reader's language and its local time."""
    start = timezone.localtime(slot.start)
    return f"{format_date(start.date(), code)} {start:%H:%M}"


def retention_years() -> int:
    """Return the longest retention period in whole years, for the consent text."""
    longest = max(settings.TABUNKA_CONSULT_RETENTION_DAYS.values())
    return max(1, round(longest / 365))


@never_cache
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    """Take a consultation in the resident's language; no account needed."""
    if request.method == "POST":
        form = IntakeForm(request.POST)
        if form.is_valid():
            submitted = actions.do_submit(
                form.cleaned_data,
                channel=Channel.WEB,
                client=actions.client_hash(client_address(request)),
            )
            return redirect(submitted.status_path + "?new=1")
        status = 400
    else:
        form = IntakeForm(initial={"language": request.LANGUAGE_CODE})
        status = 200
    form.describe()
    context = {"form": form, "retention_years": retention_years()}
    return render(request, "consultations/intake.html", context, status=status)


@never_cache
@require_GET
def status(request: HttpRequest, token: str) -> HttpResponse:
    """Show the resident their case, the answers linked to it and the times they can book."""
    case = get_case_for_resident(token)
    audit.record(None, "resident-view", case)
    code = request.LANGUAGE_CODE
    linked = presenter.answers([(e, 1.0) for e in case.faqs.all()], code)
    appointment = case.appointments.filter(cancelled_at__isnull=True).select_related("slot").first()
    slots = actions.bookable_slots(case) if case.status != "closed" else []
    context = {
        "case": case,
        "token": token,
        "new": request.GET.get("new") == "1",
        "sent_on": format_date(timezone.localtime(case.created_at).date(), code),
        "retention_days": retention_for(case.category).days,
        "appointment": appointment,
        "appointment_label": slot_label(appointment.slot, code) if appointment else "",
        "slots": [
            (
                slot,
                slot_label(slot, code),
                [
                    languages.BY_CODE[c]
                    for c in slot.interpreter_languages
                    if c in languages.BY_CODE
                ],
            )
            for slot in slots
            if appointment is None or slot.pk != appointment.slot_id
        ],
        "linked": linked,
        "interpreter": languages.BY_CODE.get(case.interpreter_language),
    }
    response = render(request, "consultations/status.html", context)
    # The token is in the URL: never send it to other sites. ("no-referrer" would make browsers
    # send Origin: null with the booking form, which CSRF protection rightly refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


@require_POST
def book(request: HttpRequest, token: str) -> HttpResponse:
    case = get_case_for_resident(token)
    try:
        actions.do_book(case, int(request.POST.get("slot", "0") or 0))
    except (ValidationError, ValueError):
        messages.error(request, _("This time is no longer available. Please choose another."))
    else:
        messages.success(request, _("Your appointment is booked."))
    return redirect("consultations:status", token=token)


@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    case = get_case_for_resident(token)
    actions.do_cancel_appointment(case)
    messages.success(request, _("Your appointment is cancelled."))
    return redirect("consultations:status", token=token)


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    """Search the self-help answers with a question in any language."""
    query = request.GET.get("q", "").strip()[:500]
    found = presenter.answers(search.search(query), request.LANGUAGE_CODE) if query else []
    return render(request, "consultations/faq.html", {"query": query, "answers": found})
