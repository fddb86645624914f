"""The back office for notices: list, detail with statistics, preview, translate, lifecycle."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from core import languages
from notices import actions, presenter, qr, stats
from notices.models import Notice, NoticeStatus
from translations import services
from translations.models import Status, Translatable


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
    if not roles.is_staff_member(request.user):
        raise PermissionDenied
    notices = Notice.objects.select_related("topic").order_by("topic__order", "code")
    return render(request, "notices/staff/list.html", {"notices": notices})


@login_required
def notice_detail(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code)
    pairs = _fields(notice)
    coverage = [(lang, services.coverage(pairs, lang.code)) for lang in languages.LANGUAGES[1:]]
    days = stats.daily(notice)
    peak = max([count for _, count in days] + [1])
    context = {
        "notice": notice,
        "coverage": coverage,
        "field_count": len([1 for o, f in pairs if getattr(o, f)]),
        "days": [
            {"day": day, "count": count, "x": i * 10, "h": h, "y": 100 - h}
            for i, (day, count) in enumerate(days)
            for h in [round(100 * count / peak)]
        ],
        "scan_total": sum(count for _, count in days),
        "by_language": stats.by_language(notice),
        "successors": Notice.objects.filter(status=NoticeStatus.PUBLISHED).exclude(pk=notice.pk),
        "can_edit": roles.can_edit_notices(request.user),
        "qr_kinds": list(qr.CONTENT_TYPES),
        "public_url": qr.notice_url(notice.code),
    }
    return render(request, "notices/staff/detail.html", context)


@login_required
def preview(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """Show the landing page as a resident sees it, drafts included, counting no scan."""
    notice = get_notice_for_staff(request, code)
    if lang not in languages.BY_CODE:
        raise Http404(lang)
    page = presenter.build(notice, lang, public=False)
    return render(
        request,
        "notices/landing.html",
        {"page": page, "notice": notice, "furigana": True, "preview": True},
    )


@login_required
def translate(request: HttpRequest, code: str, lang: str) -> HttpResponse:
    """Edit every field of a notice in one language, with the source and Easy Japanese beside it."""
    notice = get_notice_for_staff(request, code)
    if not roles.can_translate(request.user):
        raise PermissionDenied
    if lang not in languages.TARGETS:
        raise Http404(lang)
    parts = notice.parts()
    table = services.TranslationTable(parts, [lang, languages.EASY], public=False)
    rows = []
    for obj in parts:
        for field in obj.translatable_fields:
            source = getattr(obj, field)
            if not source:
                continue
            key = f"{obj._meta.model_name}-{obj.pk}-{field}"
            rows.append(
                {
                    "key": key,
                    "obj": obj,
                    "field": field,
                    "source": source,
                    "easy": table.get(obj, field, languages.EASY),
                    "current": table.get(obj, field, lang),
                }
            )
    if request.method == "POST":
        changed = 0
        for row in rows:
            text = request.POST.get(f"text-{row['key']}", "").strip()
            status = request.POST.get(f"status-{row['key']}", Status.DRAFT)
            if status not in Status.values:
                status = Status.DRAFT
            current = row["current"]
            if not text and current is None:
                continue
            if current and current.text == text and current.status == status:
                continue
            services.set_translation(
                row["obj"], row["field"], lang, text, status=status, user=_user(request)
            )
            changed += 1
        messages.success(request, _("Saved %(count)d fields.") % {"count": changed})
        return redirect("notices:staff-translate", code=notice.code, lang=lang)
    context = {
        "notice": notice,
        "language": languages.get(lang),
        "rows": rows,
        "statuses": Status.choices,
    }
    return render(request, "notices/staff/translate.html", context)


@require_POST
@login_required
def publish(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    return _lifecycle(request, notice, lambda: actions.do_publish(notice), _("Published."))


@require_POST
@login_required
def withdraw(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    return _lifecycle(request, notice, lambda: actions.do_withdraw(notice), _("Withdrawn."))


@require_POST
@login_required
def supersede(request: HttpRequest, code: str) -> HttpResponse:
    notice = get_notice_for_staff(request, code, edit=True)
    successor = Notice.objects.filter(code=request.POST.get("successor", "")).first()
    if successor is None:
        messages.error(request, _("Choose the notice that replaces this one."))
        return redirect("notices:staff-detail", code=notice.code)
    return _lifecycle(
        request, notice, lambda: actions.do_supersede(notice, successor), _("Superseded.")
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


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None
