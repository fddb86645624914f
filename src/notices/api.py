"""Read-only JSON for apps and partners: the published notices, and the code lookup's twin."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema

from api.errors import invalid
from api.site import errors, register
from core import languages
from notices import presenter, qr
from notices.models import Notice, NoticeStatus
from notices.views import final_successor, find_code
from translations.models import PUBLIC_STATUSES, Translation

router = Router(tags=["notices"])


class NoticeOut(Schema):
    code: str
    url: str
    title: dict[str, str]
    languages: list[str]
    deadline: str | None
    sample: bool


class NoticesOut(Schema):
    notices: list[NoticeOut]


class LookupOut(Schema):
    code: str
    status: str
    current_code: str
    url: str


@router.get("/notices", response={200: NoticesOut, **errors(400)}, url_name="notices-list")
def notice_list(request: HttpRequest) -> dict[str, object]:
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
    return {"notices": data}


@router.get("/notices/lookup", response={200: LookupOut, **errors(400)}, url_name="notices-lookup")
def lookup(request: HttpRequest, code: str = "") -> dict[str, str]:
    """Find the notice of a code as typed from a letter (the /n/?code= form's twin).

    `current_code` and `url` name the notice that applies today (a superseded notice's
    successor). Unlike the form, a lookup here is not counted as a visit.
    """
    try:
        found = find_code(code)
    except ValidationError as error:
        raise invalid({"code": error.messages}) from None
    notice = Notice.objects.get(code=found)
    current = final_successor(notice)
    return {
        "code": found,
        "status": notice.status,
        "current_code": current.code,
        "url": qr.notice_url(current.code),
    }


register(router)
