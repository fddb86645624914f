"""Pages that belong to the whole site (its JSON, /api/languages, is in src/api)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import languages
from notices.models import Notice, NoticeStatus, Topic
from translations.services import TranslationTable


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Return the entry page: type your code, notices by topic, the way to the Plaza."""
    lang = request.LANGUAGE_CODE
    notices = list(Notice.objects.filter(status=NoticeStatus.PUBLISHED).select_related("topic"))
    topics = list(Topic.objects.filter(notice__in=notices).distinct())
    table = TranslationTable([*notices, *topics], [lang, languages.EASY], public=True)
    groups = [
        {
            "name": table.show(topic, "name", lang),
            "notices": [
                {"code": n.code, "title": table.show(n, "title", lang)}
                for n in notices
                if n.topic_id == topic.pk
            ],
        }
        for topic in topics
    ]
    return render(request, "core/home.html", {"groups": groups})


@require_GET
def language_list(request: HttpRequest) -> HttpResponse:
    """Return the page that lists every language, each named in its own script."""
    return render(request, "core/languages.html")
