"""Cached public notice pages: never stale after a change, validators and 304, public caching
only on public pages.

The landing body is kept in the cache per content generation (notices.cache); these tests read a
page once (so it is cached), change the notice the way staff do, and read it again. The
generation changes when the change commits, so each change runs its commit callbacks
(`committed`), as the request that made it would.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from notices import actions, cache
from notices.models import Notice, NoticeStatus
from translations.models import Translation

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"
OWN = "http://testserver/"  # a same-site Referer: not an arrival, so no cookie on the answer


def read(code: str = NHI, **headers: Any) -> Any:
    return Client().get(f"/n/{code}", HTTP_REFERER=OWN, **headers)


Committed = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Committed:
    """Return a context in which changes are followed by their commit callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_second_read_comes_from_the_cache_without_the_database() -> None:
    first = read(HTTP_ACCEPT_LANGUAGE="en")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = read(HTTP_ACCEPT_LANGUAGE="en")
    assert second.content == first.content
    assert len(queries) == 0


def test_a_cached_arrival_is_counted_without_the_database() -> None:
    read(HTTP_ACCEPT_LANGUAGE="en")
    with CaptureQueriesContext(connection) as queries:
        arrival = Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="en")  # from the letter
    assert arrival.status_code == 200 and "arrived" in arrival.cookies
    assert len(queries) == 0


def test_the_generation_changes_after_the_commit_once(committed: Committed) -> None:
    """A page read before the commit (old rows, new generation) must not stay in the cache."""
    notice = Notice.objects.get(code=NHI)
    with mock.patch.object(cache, "bump", wraps=cache.bump) as bump, committed():
        notice.title = notice.title + "（改定）"
        notice.save()
        for step in notice.steps.all():
            step.save()
        during = cache.generation()
    assert cache.generation() != during
    assert bump.call_count == 1


def test_an_edit_is_visible_at_once(committed: Committed) -> None:
    read()
    notice = Notice.objects.get(code=NHI)
    notice.title = "国民健康保険の新しいお知らせ"
    with committed():
        notice.save()
    assert "国民健康保険の新しいお知らせ" in read(HTTP_ACCEPT_LANGUAGE="ja").content.decode()


def test_a_translation_save_is_visible_at_once(committed: Committed) -> None:
    notice = Notice.objects.get(code=NHI)
    row = Translation.objects.get(
        content_type=ContentType.objects.get_for_model(Notice),
        object_id=notice.pk,
        field="title",
        language="en",
    )
    before = read(HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert row.text in before
    row.text = "Health insurance: a corrected title"
    with committed():
        row.save()
    assert "Health insurance: a corrected title" in read(HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_withdraw_is_visible_at_once(committed: Committed) -> None:
    assert read().status_code == 200
    with committed():
        actions.do_withdraw(Notice.objects.get(code=NHI))
    assert read().status_code == 410


def test_supersede_is_visible_at_once(committed: Committed) -> None:
    assert read().status_code == 200
    new = Notice.objects.filter(status=NoticeStatus.PUBLISHED).exclude(code=NHI).first()
    assert new is not None
    with committed():
        actions.do_supersede(Notice.objects.get(code=NHI), new)
    response = read()
    assert response.status_code == 302 and response["Location"].endswith(f"/n/{new.code}")


def test_publish_is_visible_at_once(committed: Committed) -> None:
    notice = Notice.objects.get(code=NHI)
    Notice.objects.filter(pk=notice.pk).update(status=NoticeStatus.DRAFT)  # no signal: a draft
    cache.bump()  # ...that the cache knows (the update above bypasses save)
    assert read().status_code == 404
    notice.refresh_from_db()
    with committed():
        actions.do_publish(notice, confirm_gaps=True)
    assert read().status_code == 200


def test_a_matching_etag_gets_304_and_a_changed_page_does_not(committed: Committed) -> None:
    first = read()
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = read(HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = read(HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    notice = Notice.objects.get(code=NHI)
    notice.title = notice.title + "（改定）"
    with committed():
        notice.save()
    changed = read(HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_language_and_furigana_have_their_own_pages() -> None:
    en = read(HTTP_ACCEPT_LANGUAGE="en")
    vi = read(HTTP_ACCEPT_LANGUAGE="vi")
    assert en["ETag"] != vi["ETag"]
    on = Client().get(f"/n/{NHI}?lang=ja-easy", HTTP_REFERER=OWN)
    off = Client().get(f"/n/{NHI}?lang=ja-easy&furigana=off", HTTP_REFERER=OWN)
    assert on.content != off.content


def test_public_page_may_be_kept_by_shared_caches() -> None:
    response = read()
    control = response["Cache-Control"]
    assert "public" in control and "max-age=60" in control and "stale-while-revalidate" in control
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}


def test_an_answer_that_sets_a_cookie_is_private() -> None:
    response = Client().get(f"/n/{NHI}")  # an arrival: the arrived cookie is set
    assert response.cookies
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/staff/notices/", f"/staff/notices/{NHI}/", f"/staff/notices/{NHI}/preview/en"]
)
def test_staff_pages_are_never_publicly_cached(editor_client: Client, path: str) -> None:
    response = editor_client.get(path)
    assert response.status_code == 200
    control = response.get("Cache-Control", "")
    assert "public" not in control and "ETag" not in response


def test_an_outsider_gets_404_for_a_draft_even_after_a_cached_read() -> None:
    assert Client().get("/n/ZZZZZZ").status_code == 404
