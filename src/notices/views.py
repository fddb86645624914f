"""Public pages of a notice: the landing page, the print sheet and the QR files."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core import http_cache, languages
from notices import cache as page_cache
from notices import codes, presenter, qr, stats
from notices.models import Notice, NoticeStatus

FURIGANA_COOKIE = "furigana"
MAX_SUCCESSORS = 20  # a supersede chain longer than this is a data error, not a loop to follow


def get_public_notice(code: str) -> Notice:
    """Return the notice a printed code names, or raise 404 (drafts are not public)."""
    notice = Notice.objects.select_related("topic").filter(code=code).first()
    if notice is None or notice.status == NoticeStatus.DRAFT:
        raise Http404(code)
    return notice


def final_successor(notice: Notice) -> Notice:
    """Return the notice that replaces this one today, following the chain."""
    seen = 0
    while notice.status == NoticeStatus.SUPERSEDED and notice.superseded_by_id:
        assert notice.superseded_by is not None
        notice = notice.superseded_by
        seen += 1
        if seen > MAX_SUCCESSORS:
            break
    return notice


def furigana_on(request: HttpRequest) -> bool:
    choice = request.GET.get("furigana") or request.COOKIES.get(FURIGANA_COOKIE, "on")
    return choice != "off"


def find_code(typed: str) -> str:
    """Return the public notice code a resident typed, or raise ValidationError saying why not.

    The code form (/n/?code=) and its JSON twin (GET /api/notices/lookup) both ask this.
    """
    code = codes.normalize(typed)
    if not code:
        raise ValidationError(_("Please type the code printed on your letter."), code="empty")
    if not codes.is_valid(code):
        raise ValidationError(
            _("A code has 6 letters and numbers, like K7QM4X. Please check the letter again."),
            code="invalid",
        )
    if not Notice.objects.filter(code=code).exclude(status=NoticeStatus.DRAFT).exists():
        raise ValidationError(
            _("We could not find this code. Please check it, or ask the Consultation Plaza."),
            code="not_found",
        )
    return code


@require_GET
def lookup(request: HttpRequest) -> HttpResponse:
    """Take the code a resident typed and open its page, or say what is wrong."""
    typed = request.GET.get("code", "")
    try:
        code = find_code(typed)
    except ValidationError as error:
        context = {"lookup_error": error.messages[0], "typed": typed}
        return render(request, "core/home.html", context, status=400)
    response = redirect("notices:landing", code=code)
    notice = final_successor(get_public_notice(code))
    if notice.status != NoticeStatus.WITHDRAWN:  # typing the printed code is an arrival too
        stats.count_arrival(request, response, notice, request.LANGUAGE_CODE, typed=True)
    return response


@require_GET
def landing(request: HttpRequest, code: str) -> HttpResponse:
    """Explain one letter in the reader's language.

    The page is the same for everyone who reads it in a language with a furigana setting, so its
    body is kept in the cache (notices.cache: versioned keys, never stale). The view still runs
    for every request, so an arrival is counted even when the body comes from the cache.
    """
    canonical = codes.normalize(code)
    if canonical != code:
        return redirect(_with_query(reverse("notices:landing", args=[canonical]), request))
    lang = request.LANGUAGE_CODE
    furigana = furigana_on(request)
    key = page_cache.landing_key(code, lang, furigana)
    entry = page_cache.get(key)
    if entry is None:
        notice = get_public_notice(code)
        if notice.status == NoticeStatus.SUPERSEDED:
            successor = final_successor(notice)
            return redirect(_with_query(successor.get_absolute_url(), request))
        if notice.status == NoticeStatus.WITHDRAWN:
            page = presenter.build(notice, lang)
            context = {"page": page, "notice": notice}
            return render(request, "notices/withdrawn.html", context, status=410)  # gone for good
        page = presenter.build(notice, lang)
        # The language menu offers only the languages this notice can really be read in.
        context = {"page": page, "notice": notice, "furigana": furigana}
        rendered = render(
            request, "notices/landing.html", {**context, "all_languages": page.menu_languages}
        )
        entry = page_cache.store(
            key, rendered.content, rendered["Content-Type"], notice.pk, notice.code
        )
    response: HttpResponse = HttpResponse(entry.body, content_type=entry.content_type)
    # not a language switch or a reload; the view's own (unsaved) notice carries id and code
    stats.count_arrival(request, response, Notice(pk=entry.notice_id, code=entry.notice_code), lang)
    if "furigana" in request.GET:
        response.set_cookie(FURIGANA_COOKIE, "on" if furigana else "off", samesite="Lax")
    return http_cache.finish_public(request, response, entry.etag, entry.last_modified)


@require_GET
@cache_control(public=True, max_age=86400)
def qr_file(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """Return the notice's QR code as SVG, PNG, PDF or EPS."""
    if kind not in qr.CONTENT_TYPES:
        raise Http404(kind)
    notice = get_public_notice(code)
    response = HttpResponse(qr.render(notice.code, kind), content_type=qr.CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'inline; filename="tabunka-{notice.code}.{kind}"'
    return response


@require_GET
def print_sheet(request: HttpRequest, code: str) -> HttpResponse:
    """Return the letter insert: the code, the URL, and the call to scan in each language.

    Only the languages the notice is really available in get a line: the sheet must not promise
    an explanation that does not exist.
    """
    notice = get_public_notice(code)
    available = presenter.available_languages(notice)
    lines = []
    for lang in languages.LANGUAGES:
        if lang.code not in available:
            continue
        with translation.override(lang.code):
            lines.append(
                (lang, _("Scan the code for an explanation of this letter in your language."))
            )
    return render(
        request,
        "notices/print.html",
        {
            "notice": notice,
            "url": qr.notice_url(notice.code),
            "size_mm": round(qr.printed_size_mm(notice.code)),
            "lines": lines,
            "plaza": settings.TABUNKA_PLAZA,
        },
    )


def _with_query(url: str, request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url
