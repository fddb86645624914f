"""Read-only JSON for apps and partners."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from core import languages
from notices import presenter, qr
from notices.models import Notice, NoticeStatus
from translations.models import PUBLIC_STATUSES, Translation


@require_GET
def notice_list(request: HttpRequest) -> JsonResponse:
    """Return every published notice with its code, URL, titles and available languages."""
    notices = list(Notice.objects.filter(status=NoticeStatus.PUBLISHED).order_by("code"))
    ct = ContentType.objects.get_for_model(Notice)
    titles: dict[int, dict[str, str]] = {n.pk: {languages.SOURCE: n.title} for n in notices}
    rows = Translation.objects.filter(
        content_type=ct,
        object_id__in=titles,
        field="title",
        status__in=PUBLIC_STATUSES,
    ).exclude(text="")
    for row in rows.values("object_id", "language", "text"):
        titles[row["object_id"]][row["language"]] = row["text"]
    # The languages a notice can really be read in: the same rule as its page and print sheet.
    available = presenter.available_by_notice(notices)
    data = [
        {
            "code": n.code,
            "url": qr.notice_url(n.code),
            "title": {code: titles[n.pk][code] for code in available[n.pk]},
            "languages": available[n.pk],
            "deadline": n.deadline.isoformat() if n.deadline else None,
            "sample": n.is_sample,
        }
        for n in notices
    ]
    return JsonResponse({"notices": data}, json_dumps_params={"ensure_ascii": False})
