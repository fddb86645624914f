"""Translating the Plaza's FAQ entries with the same editor, memory and glossary as notices."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from consultations import search
from consultations.models import FaqEntry
from core import languages
from translations import editor, services
from translations.access import require_translator
from translations.models import Status
from writing.checks import domain_for


@login_required
def faq_translations(request: HttpRequest) -> HttpResponse:
    """List the FAQ entries with how many fields each language still misses."""
    require_translator(request)
    entries = list(FaqEntry.objects.order_by("slug"))
    targets = [languages.get(code) for code in languages.TARGETS]
    table = []
    for entry in entries:
        fields = [(entry, f) for f in entry.translatable_fields]
        counts = services.coverage_by_language(fields, languages.TARGETS)
        table.append((entry, [(lang, counts[lang.code]) for lang in targets]))
    return render(
        request, "consultations/staff/faq_translations.html", {"table": table, "targets": targets}
    )


@login_required
def faq_translate(request: HttpRequest, slug: str, lang: str) -> HttpResponse:
    """Edit one FAQ entry in one language; saving refreshes its search vectors."""
    require_translator(request)
    entry = get_object_or_404(FaqEntry, slug=slug)
    if lang not in languages.TARGETS:
        raise Http404(lang)
    rows = editor.rows([entry], lang)
    if lang == languages.EASY:
        editor.check_easy(rows, domain=domain_for(entry.category))
    status = 200
    if request.method == "POST":
        if editor.submit(request, rows, lang):
            search.index_entry(entry)  # the answer is searchable in its new language at once
            return redirect("consultations:staff-faq-translate", slug=entry.slug, lang=lang)
        status = 400
    context = {
        "entry": entry,
        "language": languages.get(lang),
        "rows": rows,
        "statuses": Status.choices,
    }
    return render(request, "consultations/staff/faq_translate.html", context, status=status)
