"""The back office for notices: list, detail with statistics, preview, translate, lifecycle."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from core import languages
from notices import actions, presenter, qr, stats
from notices.models import Document, Notice, NoticeStatus
from translations import actions as tr_actions
from translations import editor, exchange, providers, services
from translations.access import require_translator
from translations.models import Status, Translatable, TranslationJob
from writing.checks import domain_for


def get_notice_for_staff(request: HttpRequest, code: str, *, edit: bool = False) -> Notice:
    """Return a notice the user may see in the back office (and edit, if asked), or refuse."""
    if not roles.is_staff_member(request.user):
        raise PermissionDenied
    if edit and not roles.can_edit_notices(request.user):
        raise PermissionDenied
    return get_object_or_404(Notice.objects.select_related("topic"), code=code)


def _fields(notice: Notice) -> list[tuple[Translatable, str]]:
    return [(obj, f) for obj in notice.parts() for f in obj.translatable_fields]


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    if not roles.can_edit_notices(request.user):
        if roles.can_translate(request.user):
            return redirect("notices:staff-coverage")  # the translators' home page
        raise PermissionDenied  # counselors and staff without a role
    notices = Notice.objects.select_related("topic").order_by("topic__order", "code")
    return render(request, "notices/staff/list.html", {"notices": notices})


@login_required
def notice_detail(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code)
    pairs = _fields(notice)
    counts = services.coverage_by_language(pairs, languages.TARGETS)
    coverage = [(languages.get(code), counts[code]) for code in languages.TARGETS]
    context = {
        "notice": notice,
        "coverage": coverage,
        "field_count": len([1 for o, f in pairs if getattr(o, f)]),
        "scans": stats.panel(notice, request.LANGUAGE_CODE),
        "successors": Notice.objects.filter(status=NoticeStatus.PUBLISHED).exclude(pk=notice.pk),
        "can_edit": roles.can_edit_notices(request.user),
        "events": notice.events.select_related("user")[:10],
        "qr_kinds": list(qr.CONTENT_TYPES),
        "public_url": qr.notice_url(notice.code),
    }
    return render(request, "notices/staff/detail.html", context)


@login_required
def preview(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """Show the landing page as a resident sees it, drafts included, counting no scan."""
    notice = get_notice_for_staff(request, code)
    # Drafts (of the notice and of its translations) are for those who write them: notices have
    # no per-notice assignment, so editors and translators, not every staff member.
    if not (roles.can_edit_notices(request.user) or roles.can_translate(request.user)):
        raise PermissionDenied
    if lang not in languages.BY_CODE:
        raise Http404(lang)
    page = presenter.build(notice, lang, public=False)
    return render(
        request,
        "notices/landing.html",
        {"page": page, "notice": notice, "furigana": True, "preview": True},
    )


def get_notice_for_translator(request: HttpRequest, code: str) -> Notice:
    """Return a notice whose translations the user may edit, or refuse."""
    require_translator(request)
    return get_object_or_404(Notice.objects.select_related("topic"), code=code)


def _target(lang: str) -> languages.Language:
    if lang not in languages.TARGETS:
        raise Http404(lang)
    return languages.get(lang)


@login_required
def coverage_matrix(request: HttpRequest) -> HttpResponse:
    """The translators' home page: every notice × language with its worst status."""
    require_translator(request)
    notices = list(Notice.objects.select_related("topic").order_by("topic__order", "code"))
    parts = {n.pk: n.parts() for n in notices}
    context = {
        "matrix": editor.matrix(notices, parts),
        "targets": [languages.get(c) for c in languages.TARGETS],
        "jobs": TranslationJob.objects.select_related("created_by")[:5],
    }
    return render(request, "translations/matrix.html", context)


@login_required
def translate(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """The translator's editor: every field of a notice in one language, with its helpers."""
    notice = get_notice_for_translator(request, code)
    language = _target(lang)
    parts = notice.parts()
    rows = editor.rows(parts, lang)
    if lang == languages.EASY:
        documents = [p.name for p in parts if isinstance(p, Document)]
        editor.check_easy(rows, domain=domain_for(notice.topic.slug), known_terms=documents)
    status = 200
    if request.method == "POST":
        if editor.submit(request, rows, lang):
            return redirect("notices:staff-translate", code=notice.code, lang=lang)
        status = 400
    job = TranslationJob.objects.filter(object_id=notice.pk, label=notice.code).first()
    context = {
        "notice": notice,
        "language": language,
        "rows": rows,
        "statuses": Status.choices,
        "job": job,
        "job_message": editor.job_message(job) if job else "",
        "provider": providers.configured_name(),
        "formats": list(exchange.CONTENT_FORMATS),
    }
    return render(request, "translations/editor.html", context, status=status)


@require_POST
@login_required
def machine_translate(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """Enqueue machine translation of the missing fields of a notice in one language."""
    notice = get_notice_for_translator(request, code)
    _target(lang)
    try:
        job = tr_actions.do_request_machine_translation(
            notice, [lang], label=notice.code, user=roles.acting_user(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(request, editor.job_message(job))
    return redirect("notices:staff-translate", code=notice.code, lang=lang)


@login_required
def exchange_export(request: HttpRequest, code: str, lang: str, fmt: str) -> HttpResponse:
    notice = get_notice_for_translator(request, code)
    _target(lang)
    if fmt not in exchange.CONTENT_FORMATS:
        raise Http404(fmt)
    data = exchange.export_content(notice.parts(), lang, fmt)
    suffix = exchange.CONTENT_FORMATS[fmt]
    response = HttpResponse(data, content_type="application/octet-stream")
    name = f"{notice.code}-{lang}-{fmt}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@login_required
def exchange_import(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """Import a returned XLIFF or PO file and show what was done with each unit."""
    notice = get_notice_for_translator(request, code)
    language = _target(lang)
    upload = request.FILES.get("file")
    fmt = request.POST.get("format", "")
    if upload is None or fmt not in exchange.CONTENT_FORMATS:
        raise Http404("file")
    try:
        report = exchange.import_content(
            notice.parts(), lang, fmt, upload.read(), user=roles.acting_user(request)
        )
    except (ValueError, SyntaxError) as error:
        report, failure = None, str(error)
    else:
        failure = ""
    context = {"notice": notice, "language": language, "report": report, "failure": failure}
    return render(
        request, "translations/import_report.html", context, status=400 if failure else 200
    )


@require_POST
@login_required
def withdraw(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    user = roles.acting_user(request)
    return _lifecycle(
        request, notice, lambda: actions.do_withdraw(notice, user=user), _("Withdrawn.")
    )


@require_POST
@login_required
def supersede(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    successor = Notice.objects.filter(code=request.POST.get("successor", "")).first()
    if successor is None:
        messages.error(request, _("Choose the notice that replaces this one."))
        return redirect("notices:staff-detail", code=notice.code)
    user = roles.acting_user(request)
    return _lifecycle(
        request,
        notice,
        lambda: actions.do_supersede(notice, successor, user=user),
        _("Superseded."),
    )


def _lifecycle(
    request: HttpRequest, notice: Notice, change: Callable[[], None], done: str
) -> HttpResponse:
    try:
        change()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("notices:staff-detail", code=notice.code)
