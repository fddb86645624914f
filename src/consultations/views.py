"""The resident's side: intake form, private status page with booking, and the FAQ."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consultations import actions, audit, ics, presenter, retention, search
from consultations.access import get_case_for_resident
from consultations.forms import IntakeForm, MessageForm
from consultations.models import Case, CaseStatus, Channel
from core import calendar, languages, limits
from core.formatting import format_date


@never_cache
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    """Take a consultation in the resident's language; no account needed."""
    if request.method == "POST":
        limits.hit(request, "intake")  # form and JSON twin count alike
        form = IntakeForm(request.POST)
        if form.is_valid():
            submitted = actions.do_submit(
                form.cleaned_data,
                channel=Channel.WEB,
                client=actions.client_hash(limits.client_address(request)),
            )
            return redirect(submitted.status_path + "?new=1")
        status = 400
    else:
        form = IntakeForm(initial={"language": request.LANGUAGE_CODE})
        status = 200
    form.describe()
    code = request.LANGUAGE_CODE
    context = {
        "form": form,
        "retention_default": retention.default_period(code),
        "retention_exceptions": retention.exceptions(code),
    }
    return render(request, "consultations/intake.html", context, status=status)


@never_cache
@require_GET
def status(request: HttpRequest, token: str) -> HttpResponse:
    """Show the resident their case, the messages, the linked answers and the times to book."""
    case = get_case_for_resident(token)
    audit.record(None, "resident-view", case)
    return _status_page(request, case, token, MessageForm())


def _status_page(
    request: HttpRequest, case: Case, token: str, form: MessageForm, status: int = 200
) -> HttpResponse:
    code = request.LANGUAGE_CODE
    form.describe()
    linked = presenter.answers([(e, 1.0) for e in case.faqs.all()], code)
    appointment = case.appointments.filter(cancelled_at__isnull=True).select_related("slot").first()
    slots = actions.bookable_slots(case) if case.status != "closed" else []
    context = {
        "case": case,
        "token": token,
        "new": request.GET.get("new") == "1",
        "sent_on": format_date(timezone.localtime(case.created_at).date(), code),
        "retention_period": retention.describe(retention.days_for(case.category), code),
        "thread": [(m, presenter.when(m.created_at, code)) for m in case.messages.all()],
        "visit": settings.TABUNKA_CONSULT_VISIT,
        "bring": ics.what_to_bring(),
        "case_lang": languages.BY_CODE.get(case.language),
        "form": form,
        "closed": case.status == CaseStatus.CLOSED,
        "appointment": appointment,
        "appointment_label": presenter.when(appointment.slot.start, code) if appointment else "",
        "slots": [
            (
                slot,
                presenter.when(slot.start, code),
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
    response = render(request, "consultations/status.html", context, status=status)
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


@never_cache
@require_POST
def reply(request: HttpRequest, token: str) -> HttpResponse:
    """Take the resident's answer to the Plaza; the same limits as the intake description."""
    case = get_case_for_resident(token)
    if case.status == CaseStatus.CLOSED:
        messages.error(request, _("This consultation is closed. Please send a new question."))
        return redirect("consultations:status", token=token)
    form = MessageForm(request.POST)
    if not form.is_valid():
        audit.record(None, "resident-view", case)
        return _status_page(request, case, token, form, status=400)
    actions.do_add_message(case, form.cleaned_data["text"], None, from_resident=True)
    messages.success(request, _("Your answer was sent. The Plaza will read it soon."))
    return redirect("consultations:status", token=token)


@never_cache
@require_GET
def appointment_ics(request: HttpRequest, token: str) -> HttpResponse:
    """Download the booked appointment as an .ics file, to add it to a calendar."""
    case = get_case_for_resident(token)
    appointment = case.appointments.filter(cancelled_at__isnull=True).select_related("slot").first()
    if appointment is None:
        raise Http404("no appointment")
    audit.record(None, "resident-ics", case)
    response = calendar.download(
        ics.appointment_calendar(appointment, ics.PUBLISH), f"appointment-{case.reference}.ics"
    )
    response["Referrer-Policy"] = "same-origin"
    return response


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    """Search the self-help answers with a question in any language."""
    found = search.Lookup("", False, [])
    if request.GET.get("q", "").strip():
        limits.hit(request, "faq")
        found = search.lookup(request.GET["q"])
    context = {
        "query": found.query,
        "truncated": found.truncated,
        "max_chars": search.MAX_QUERY_CHARS,
        "answers": presenter.answers(found.results, request.LANGUAGE_CODE),
    }
    return render(request, "consultations/faq.html", context)
