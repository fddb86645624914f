"""Back-office pages of the workflow that are not about one notice: glossary, memory, jobs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import languages
from translations import editor, exchange, glossary
from translations.access import require_translator
from translations.exchange import safety
from translations.exchange.safety import ImportFailure
from translations.models import GlossaryTerm, MemoryEntry, ProviderUsage, TranslationJob


def _language(code: str) -> languages.Language:
    if code not in languages.TARGETS:
        raise Http404(code)
    return languages.get(code)


@login_required
def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Return a job's progress for the editor's progress bar."""
    require_translator(request)
    job = get_object_or_404(TranslationJob, pk=pk)
    return JsonResponse(
        {
            "status": job.status,
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "finished": job.finished,
            "message": editor.job_message(job),
        }
    )


@login_required
def glossary_page(request: HttpRequest, lang: str) -> HttpResponse:
    require_translator(request)
    return _glossary(request, _language(lang))


def _glossary(
    request: HttpRequest, language: languages.Language, status: int = 200
) -> HttpResponse:
    context = {
        "language": language,
        "targets": [languages.get(c) for c in languages.TARGETS],
        "terms": GlossaryTerm.objects.filter(language=language.code),
        "memory_count": MemoryEntry.objects.filter(language=language.code).count(),
        "usage": ProviderUsage.objects.all()[:24],
    }
    return render(request, "translations/glossary.html", context, status=status)


@login_required
def download(request: HttpRequest, lang: str, kind: str) -> HttpResponse:
    """Return the glossary (CSV, TBX) or the memory (TMX) of one language as a file."""
    require_translator(request)
    _language(lang)
    files = {
        "csv": (lambda: glossary.export_csv(lang).encode(), "text/csv"),
        "tbx": (lambda: exchange.export_tbx(lang), "application/x-tbx+xml"),
        "tmx": (lambda: exchange.export_tmx(lang), "application/x-tmx+xml"),
    }
    if kind not in files:
        raise Http404(kind)
    make, content_type = files[kind]
    response = HttpResponse(make(), content_type=f"{content_type}; charset=utf-8")
    name = "memory" if kind == "tmx" else "glossary"
    response["Content-Disposition"] = f'attachment; filename="tabunka-{name}-{lang}.{kind}"'
    return response


@require_POST
@login_required
def upload(request: HttpRequest, lang: str) -> HttpResponse:
    """Import a glossary (CSV, TBX) or memory (TMX) file of one language, whole or not at all."""
    require_translator(request)
    language = _language(lang)
    upload = request.FILES.get("file")
    suffix = (upload.name or "").rsplit(".", 1)[-1].lower() if upload else ""
    try:
        if upload is None:
            raise ImportFailure(_("Choose a file."))
        if suffix not in ("csv", "tbx", "tmx"):
            raise ImportFailure(_("This file could not be read. Use CSV, TBX or TMX."))
        safety.check_size(upload.size or 0)  # before reading it into memory
        data = upload.read()
        if suffix == "csv":
            count = glossary.import_csv(data)
        elif suffix == "tbx":
            count = exchange.import_tbx(data, lang)
        else:
            count = exchange.import_tmx(data, lang)
    except ImportFailure as failure:
        messages.error(request, f"{failure} {_('Nothing was imported.')}")
        return _glossary(request, language, status=400)
    messages.success(request, _("Imported %(count)d entries.") % {"count": count})
    return redirect("translations:glossary", lang=lang)
