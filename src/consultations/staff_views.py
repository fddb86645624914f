"""The back office: queue, one case, its handling, exports and erasure, slots."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case as SqlCase
from django.db.models import Count, Q, QuerySet, Value, When
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import acting_user
from consultations import actions, audit, export, opening, presenter, retention, roles
from consultations.access import get_case_for_user, require_supervisor
from consultations.forms import MAX_DESCRIPTION, MessageForm
from consultations.models import (
    Case,
    CaseStatus,
    Category,
    Channel,
    CounselorGroup,
    FaqEntry,
    FollowUp,
    Slot,
)
from core import languages
from core.validation import check_text, parse_int, query_text, unstorable

QUEUE_PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # a BigAutoField: a larger number never reaches the database
# Notes, contact summaries and handover notes are text columns: the same cap as a resident's words.
NOTE_LIMIT = MAX_DESCRIPTION
# Sort orders of the queue: a flood of flagged cases can be put last, a new case looked for first.
QUEUE_ORDERS = {
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    "flagged": ("-is_flagged", "created_at", "pk"),
}


def _queue_filters(params: QueryDict) -> tuple[dict[str, str], list[str]]:
    """Return the queue's filters, each a known value or "", and the names of refused ones."""
    known = {
        "language": set(languages.BY_CODE),
        "category": set(Category.values),
        "status": set(CaseStatus.values),
        "mine": {"1"},
        "sort": set(QUEUE_ORDERS),
    }
    filters, refused = {}, []
    for name, allowed in known.items():
        value = params.get(name, "")
        filters[name] = value if value in allowed else ""
        if value and value not in allowed:
            refused.append(name)
    filters["sort"] = filters["sort"] or "oldest"
    return filters, refused


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """List the cases the user may see, by language and category; no personal data shown."""
    if not roles.can_handle_cases(request.user):
        raise PermissionDenied
    unread = Q(messages__from_resident=True, messages__seen_at__isnull=True)
    cases = (
        roles.visible_cases(request.user)
        .select_related("assignee", "group")
        .annotate(new_messages=Count("messages", filter=unread, distinct=True))
    )
    filters, refused = _queue_filters(request.GET)
    if filters["language"]:
        cases = cases.filter(language=filters["language"])
    if filters["category"]:
        cases = cases.filter(category=filters["category"])
    if filters["status"]:
        cases = cases.filter(status=filters["status"])
    else:
        cases = cases.exclude(status=CaseStatus.CLOSED)
    if filters["mine"]:
        cases = cases.filter(assignee=acting_user(request))
    cases = cases.annotate(
        is_flagged=SqlCase(When(flagged="", then=Value(0)), default=Value(1))
    ).order_by(*QUEUE_ORDERS[filters["sort"]])
    page = Paginator(cases, QUEUE_PAGE_SIZE).get_page(
        parse_int(request.GET.get("page"), low=1, high=10**6, default=1)
    )
    keep = {k: v for k, v in filters.items() if v and not (k == "sort" and v == "oldest")}
    context = {
        "cases": page.object_list,
        "page": page,
        "page_links": [
            (number, urlencode({**keep, "page": number}) if number != "…" else "")
            for number in page.paginator.get_elided_page_range(page.number, on_each_side=2)
        ],
        "refused": refused,
        "filters": filters,
        "orders": [
            ("oldest", _("Oldest first")),
            ("newest", _("Newest first")),
            ("flagged", _("Cases to check first")),
        ],
        "languages": languages.LANGUAGES,
        "categories": Category.choices,
        "statuses": CaseStatus.choices,
        "due": FollowUp.objects.filter(
            case__in=roles.visible_cases(request.user),
            done_at__isnull=True,
            due__lte=timezone.localdate(),
        ).select_related("case"),
        "supervisor": roles.can_supervise(request.user),
    }
    status = 400 if refused else 200
    return render(request, "consultations/staff/queue.html", context, status=status)


def _assignable(case: Case, user: Any) -> QuerySet[User]:
    """Return who may take the case: its group's members, or every counselor for supervisors."""
    handlers = User.objects.filter(
        Q(groups__name__in=[roles.COUNSELOR, roles.SUPERVISOR]), is_active=True, is_staff=True
    )
    if roles.can_supervise(user) or case.group_id is None:
        return handlers.distinct().order_by("username")
    return handlers.filter(counselor_groups=case.group_id).distinct().order_by("username")


@login_required
@require_GET
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    return _case_page(request, case, MessageForm())


def _case_page(
    request: HttpRequest, case: Case, form: MessageForm, status: int = 200
) -> HttpResponse:
    """Render the case with its thread and reply form; every rendering is one audited view."""
    newly_seen = actions.do_open_case(case, acting_user(request))
    published = list(FaqEntry.objects.filter(published=True))
    linked = list(case.faqs.all())
    answers = presenter.answers([(e, 1.0) for e in published], case.language)
    context = {
        "case": case,
        "form": form,
        "thread": case.messages.select_related("author"),
        # Each list with the rows it names, so the page costs the same queries however long.
        "notes": case.notes.select_related("author"),
        "contacts": case.contacts.select_related("author"),
        "appointments": case.appointments.select_related("slot"),
        "handovers": case.handovers.select_related("from_user", "to_user"),
        "newly_seen": newly_seen,
        "faq_answers": [
            (entry, answer.answer, languages.get(answer.answer.language))
            for entry, answer in zip(published, answers, strict=True)
        ],
        "retention_period": retention.describe(
            retention.days_for(case.category), request.LANGUAGE_CODE
        ),
        "language": languages.BY_CODE.get(case.language),
        "assignable": _assignable(case, request.user),
        "groups": CounselorGroup.objects.all(),
        "statuses": CaseStatus.choices,
        "channels": Channel.choices,
        "linked": linked,
        "faqs": [entry for entry in published if entry not in linked],
        "supervisor": roles.can_supervise(request.user),
        "today": timezone.localdate(),
        "audit": case.audit.select_related("user")[:20],
    }
    return render(request, "consultations/staff/case.html", context, status=status)


@login_required
@require_POST
def send_message(request: HttpRequest, reference: str) -> HttpResponse:
    """Send the reply to the resident, or (button "insert") put an FAQ answer into it first.

    Without JavaScript the insert button comes here and the page is rendered again with the
    answer, in the resident's language, added to what was already written.
    """
    case = get_case_for_user(request, reference)
    if "insert" in request.POST:
        text = request.POST.get("text", "")
        slug = request.POST.get("faq_answer", "")
        entry = (
            None if unstorable(slug) else FaqEntry.objects.filter(slug=slug, published=True).first()
        )
        if entry is not None:
            answer = presenter.answers([(entry, 1.0)], case.language)[0].answer.text
            text = f"{text.rstrip()}\n\n{answer}" if text.strip() else answer
        form = MessageForm(initial={"text": text})
        return _case_page(request, case, form)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, form, status=400)
    actions.do_add_message(case, form.cleaned_data["text"], acting_user(request))
    return _done(
        request, case, _("Message sent. The resident gets a mail that there is a new message.")
    )


def _done(request: HttpRequest, case: Case, text: str) -> HttpResponse:
    messages.success(request, text)
    # A counselor who handed the case over no longer sees it: go back to the queue.
    if roles.visible_cases(request.user).filter(pk=case.pk).exists():
        return redirect(case)
    return redirect("consultations:staff-queue")


def _refuse(request: HttpRequest, case: Case, error: ValidationError) -> HttpResponse:
    """Answer 400 with the case page and the reason; nothing was changed."""
    for text in error.messages:
        messages.error(request, text)
    return _case_page(request, case, MessageForm(), status=400)


def _posted(request: HttpRequest, name: str, limit: int) -> str:
    """Return a posted text stripped; raise ValidationError if unstorable or over its column."""
    return check_text(request.POST.get(name, "").strip(), limit)


@login_required
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    raw = request.POST.get("assignee", "")
    to = None
    if raw:
        pk = parse_int(raw, low=1, high=MAX_ID, digits=19)
        to = _assignable(case, request.user).filter(pk=pk).first() if pk else None
        if to is None:
            raise PermissionDenied
    regroup = "group" in request.POST and roles.can_supervise(request.user)
    try:
        group = _group(request.POST["group"]) if regroup else case.group
        note = _posted(request, "note", NOTE_LIMIT)
    except ValidationError as error:
        return _refuse(request, case, error)
    if regroup:
        actions.do_set_group(case, group, acting_user(request))
    actions.do_assign(case, to, acting_user(request), note)
    return _done(request, case, _("Assigned."))


def _group(raw: str) -> CounselorGroup | None:
    """Return the counselor group a posted id names ("" = none); refuse anything else."""
    if not raw:
        return None
    pk = parse_int(raw, low=1, high=MAX_ID, digits=19)
    group = CounselorGroup.objects.filter(pk=pk).first() if pk else None
    if group is None:
        raise ValidationError(_("Choose a group from the list."))
    return group


@login_required
@require_POST
def set_status(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    try:
        actions.do_set_status(case, request.POST.get("status", ""), acting_user(request))
    except ValidationError as error:
        raise Http404(error.messages[0]) from error
    return _done(request, case, _("Status changed."))


@login_required
@require_POST
def add_note(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    try:
        text = _posted(request, "text", NOTE_LIMIT)
    except ValidationError as error:
        return _refuse(request, case, error)
    if not text:
        messages.error(request, _("Write the note first."))
        return redirect(case)
    # Special-care unless the counselor unticks it: health, immigration, family matters are common.
    special = request.POST.get("ordinary") != "1"
    actions.do_add_note(case, text, acting_user(request), special_care=special)
    return _done(request, case, _("Note added."))


@login_required
@require_POST
def log_contact(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    channel = request.POST.get("channel", "")
    try:
        summary = _posted(request, "summary", NOTE_LIMIT)
    except ValidationError as error:
        return _refuse(request, case, error)
    interpreter = request.POST.get("interpreter", "")
    if interpreter not in languages.BY_CODE:
        interpreter = ""
    if channel not in Channel.values or not summary:
        messages.error(request, _("Choose how you were in contact and write what was said."))
        return redirect(case)
    actions.do_log_contact(case, channel, summary, acting_user(request), interpreter)
    return _done(request, case, _("Contact recorded."))


@login_required
@require_POST
def add_followup(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    try:
        due = datetime.date.fromisoformat(request.POST.get("due", ""))
    except ValueError:
        messages.error(request, _("Enter the due date as YYYY-MM-DD."))
        return redirect(case)
    try:
        text = _posted(request, "text", FollowUp._meta.get_field("text").max_length or 300)
    except ValidationError as error:
        return _refuse(request, case, error)
    actions.do_add_followup(case, due, text or _("Follow up"), acting_user(request))
    return _done(request, case, _("Follow-up added."))


@login_required
@require_POST
def complete_followup(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case_for_user(request, reference)
    followup = get_object_or_404(FollowUp, case=case, pk=pk)
    actions.do_complete_followup(followup, acting_user(request))
    return _done(request, case, _("Follow-up done."))


@login_required
@require_POST
def link_faq(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case_for_user(request, reference)
    slug = request.POST.get("faq", "")
    if unstorable(slug):
        raise Http404("faq")
    entry = get_object_or_404(FaqEntry, slug=slug, published=True)
    actions.do_link_faq(case, entry, acting_user(request))
    return _done(request, case, _("Answer linked; the resident sees it on their status page."))


@login_required
@require_GET
def export_case(request: HttpRequest, reference: str) -> JsonResponse:
    case = get_case_for_user(request, reference)
    audit.record(acting_user(request), "export", case)
    return _download(export.case_data(case), f"case-{case.reference}.json")


def _download(data: Any, filename: str) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _person_cases(request: QueryDict) -> list[Case]:
    """Return the cases of one person; raise ValidationError for an unstorable search value."""
    email = query_text(request.get("email"), limit=254)
    phone = query_text(request.get("phone"), limit=30)
    reference = query_text(request.get("reference"), limit=9).upper()
    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email)
    if phone:
        query |= Q(phone=phone)
    if reference:
        query |= Q(reference=reference)
    return list(Case.objects.filter(query).order_by("created_at"))


@login_required
@require_GET
def person(request: HttpRequest) -> HttpResponse:
    """Find one person's cases by email, phone or reference, for an export or erasure request."""
    require_supervisor(request)
    try:
        cases = _person_cases(request.GET) if request.GET else []
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        context = {"cases": [], "query": {}, "searched": False}
        return render(request, "consultations/staff/person.html", context, status=400)
    for case in cases:
        audit.record(acting_user(request), "person-search", case)
    return render(
        request,
        "consultations/staff/person.html",
        {"cases": cases, "query": request.GET, "searched": bool(request.GET)},
    )


@login_required
@require_GET
def person_export(request: HttpRequest) -> JsonResponse:
    require_supervisor(request)
    try:
        cases = _person_cases(request.GET)
    except ValidationError as error:
        raise BadRequest(error.messages[0]) from error
    if not cases:
        raise Http404("no cases")
    for case in cases:
        audit.record(acting_user(request), "export-person", case)
    return _download({"cases": [export.case_data(c) for c in cases]}, "personal-data.json")


@login_required
@require_POST
def person_erase(request: HttpRequest) -> HttpResponse:
    require_supervisor(request)
    try:
        cases = _person_cases(request.POST)
    except ValidationError as error:
        raise BadRequest(error.messages[0]) from error
    if request.POST.get("confirm") != "erase" or not cases:
        messages.error(request, _("Nothing was erased. Tick the confirmation box."))
        return redirect("consultations:staff-person")
    count = actions.do_erase(cases, acting_user(request))
    messages.success(request, _("Erased %(count)d cases.") % {"count": count})
    return redirect("consultations:staff-person")


@login_required
def slots(request: HttpRequest) -> HttpResponse:
    """List upcoming appointment slots; supervisors add new ones."""
    if not roles.can_handle_cases(request.user):
        raise PermissionDenied
    if request.method == "POST":
        require_supervisor(request)
        try:
            start = datetime.datetime.fromisoformat(request.POST.get("start", ""))
        except ValueError:
            messages.error(request, _("Enter the start as YYYY-MM-DD HH:MM."))
            return redirect("consultations:staff-slots")
        if timezone.is_naive(start):
            start = timezone.make_aware(start)
        codes = [c for c in request.POST.getlist("languages") if c in languages.BY_CODE]
        count = parse_int(request.POST.get("count"), low=1, high=16, default=1) or 1
        try:
            made = actions.do_create_slots(start, codes, acting_user(request), count=count)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("consultations:staff-slots")
        messages.success(request, _("Slots added: %(count)d.") % {"count": len(made)})
        return redirect("consultations:staff-slots")
    upcoming = list(
        Slot.objects.filter(start__gte=timezone.now()).prefetch_related("appointments__case")
    )
    today = timezone.localdate()
    soon = [today + datetime.timedelta(days=i) for i in range(62)]
    reasons = opening.closing_reasons(soon + [timezone.localtime(s.start).date() for s in upcoming])
    context = {
        "slots": [(slot, reasons.get(timezone.localtime(slot.start).date())) for slot in upcoming],
        "closing_days": sorted((day, reason) for day, reason in reasons.items() if day in soon),
        "languages": languages.LANGUAGES[2:],
        "supervisor": roles.can_supervise(request.user),
    }
    return render(request, "consultations/staff/slots.html", context)
