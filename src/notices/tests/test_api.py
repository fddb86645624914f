from __future__ import annotations

import pytest
from django.test import Client

from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db


def test_api_notices_lists_published_notices_with_titles_per_language(client: Client) -> None:
    data = client.get("/api/notices").json()["notices"]
    published = Notice.objects.filter(status=NoticeStatus.PUBLISHED)
    assert {n["code"] for n in data} == {n.code for n in published}
    nhi = next(n for n in data if n["code"] == "NH7K4A")
    assert len(nhi["languages"]) == 14 and nhi["languages"][0] == "ja"
    assert nhi["url"].endswith("/n/NH7K4A")
    assert set(nhi["title"]) == set(nhi["languages"])


def test_api_notices_leaves_out_drafts_and_withdrawn(client: Client) -> None:
    notice = Notice.objects.get(code="NH7K4A")
    notice.status = NoticeStatus.WITHDRAWN
    notice.save()
    codes = {n["code"] for n in client.get("/api/notices").json()["notices"]}
    assert "NH7K4A" not in codes
