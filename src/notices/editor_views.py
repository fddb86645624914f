"""The notice editor, new catalog entries from it, and the publish checklist (editors only)."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from core import languages
from notices import actions, checklist, forms
from notices.models import Notice, NoticeStatus
from notices.staff_views import get_notice_for_staff
from translations import actions as tr_actions
from translations import editor, providers
from translations.models import TranslationJob
from writing.checks import domain_for, easy_check

# Where a saved editor page goes next, by the button pressed.
NEXT = {
    "office": "notices:staff-office-new",
    "document": "notices:staff-document-new",
    "checklist": "notices:staff-publish",
}


def require_editor(request: HttpRequest) -> None:
    if not roles.can_edit_notices(request.user):
        raise PermissionDenied


@login_required
def notice_new(request: HttpRequest) -> HttpResponse:
    """Write a new notice; it gets its code when it is first saved as a draft."""
    require_editor(request)
    return _editor_page(request, None)


@login_required
def notice_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Edit the Japanese source of a notice and its parts on one page."""
    notice = get_notice_for_staff(request, code, edit=True)
    return _editor_page(request, notice)


def _editor_page(request: HttpRequest, notice: Notice | None) -> HttpResponse:
    if request.method != "POST":
        page = forms.build_editor(notice)
        return _render_editor(request, notice, page)
    add = request.POST.get("add", "")
    page = forms.build_editor(notice, request.POST, add=add)
    if add in forms.PART_FORMSETS:  # "add another" without JavaScript: one more empty row
        return _render_editor(request, notice, page, focus=add)
    if not page.is_valid():
        return _render_editor(request, notice, page, status=400)
    saved = actions.do_save_notice(page, user=roles.acting_user(request))
    messages.success(
        request, _("Saved. The code of this notice is %(code)s.") % {"code": saved.code}
    )
    then = NEXT.get(request.POST.get("then", ""), "notices:staff-edit")
    return redirect(then, code=saved.code)


def _render_editor(
    request: HttpRequest,
    notice: Notice | None,
    page: forms.NoticeEditor,
    *,
    focus: str = "",
    status: int = 200,
) -> HttpResponse:
    topic = notice.topic.slug if notice is not None else None
    forms.prepare(page, functools.partial(easy_check, domain=domain_for(topic)))
    context = {"notice": notice, "editor": page, "focus": focus}
    return render(request, "notices/staff/edit.html", context, status=status)


def _catalog_page(
    request: HttpRequest,
    code: str,
    kind: str,
    form_class: type[forms.OfficeForm | forms.DocumentForm],
) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    if not request.user.has_perm(f"notices.add_{kind}"):
        raise PermissionDenied
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = roles.acting_user(request)
        if isinstance(form, forms.OfficeForm):
            name = actions.do_add_office(notice, form, user=user).name
        else:
            name = actions.do_add_document(notice, form, user=user).name
        messages.success(request, _("Added to this notice: %(name)s") % {"name": name})
        return redirect(reverse("notices:staff-edit", args=[notice.code]) + f"#h-{kind}s")
    forms.describe_errors(form)
    context = {"notice": notice, "form": form, "kind": kind}
    status = 400 if form.errors else 200
    return render(request, "notices/staff/catalog_form.html", context, status=status)


@login_required
def office_new(request: HttpRequest, code: str) -> HttpResponse:
    """Add an office the letter names (e.g. 上下水道局) to the catalog and to the notice."""
    return _catalog_page(request, code, "office", forms.OfficeForm)


@login_required
def document_new(request: HttpRequest, code: str) -> HttpResponse:
    """Add a document the letter asks for to the catalog and to the notice."""
    return _catalog_page(request, code, "document", forms.DocumentForm)


@login_required
def publish(request: HttpRequest, code: str) -> HttpResponse:
    """Show the publish checklist; publishing with gaps needs the confirmation box ticked."""
    notice = get_notice_for_staff(request, code, edit=True)
    error = ""
    can_publish = notice.status in (NoticeStatus.DRAFT, NoticeStatus.WITHDRAWN)
    if request.method == "POST" and not can_publish:
        error = _("This notice cannot be published from here: its status is %(status)s.") % {
            "status": notice.get_status_display()
        }
    elif request.method == "POST":
        confirm = request.POST.get("confirm") == "yes"
        try:
            actions.do_publish(notice, user=roles.acting_user(request), confirm_gaps=confirm)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Published."))
            return redirect("notices:staff-detail", code=notice.code)
    found = checklist.build(notice)
    job = TranslationJob.objects.filter(object_id=notice.pk, label=notice.code).first()
    context = {
        "notice": notice,
        "checklist": found,
        "error": error,
        "provider": providers.configured_name(),
        "machine_languages": [languages.get(c) for c in _machine_codes(found)],
        "job": job,
        "job_message": editor.job_message(job) if job else "",
        "can_publish": can_publish,
    }
    return render(request, "notices/staff/checklist.html", context, status=400 if error else 200)


def _machine_codes(found: checklist.Checklist) -> list[str]:
    """Return the languages lacking text that the configured provider translates into."""
    if not providers.configured_name():
        return []
    try:
        provider = providers.get_provider()
    except ImproperlyConfigured:
        return []
    wanted = [s.language.code for s in found.languages if s.missing or s.outdated]
    return [c for c in wanted if provider.supports(c)]


@require_POST
@login_required
def machine_translate_missing(request: HttpRequest, code: str) -> HttpResponse:
    """Queue the translate job for every missing language the provider translates into."""
    notice = get_notice_for_staff(request, code, edit=True)
    codes = _machine_codes(checklist.build(notice))
    try:
        if not codes:
            raise ValidationError(_("There is nothing the provider can fill."))
        job = tr_actions.do_request_machine_translation(
            notice, codes, label=notice.code, user=roles.acting_user(request)
        )
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.info(request, editor.job_message(job))
    return redirect("notices:staff-publish", code=notice.code)
