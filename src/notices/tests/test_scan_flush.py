"""Scan counts wait in the cache and are flushed to ScanCount: exact under concurrent arrivals.

Each arrival is an atomic increment (local memory and Redis: the backend's incr; files: under
a file lock); `flush_scan_counts` takes what it read and adds it to the database, so arrivals
during a flush are kept for the next one. With Redis reachable on 127.0.0.1:6379 the same run
goes through Redis (CI starts it); nothing is started here.
"""

from __future__ import annotations

import socket
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings

from notices import stats
from notices.models import Notice, ScanCount

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"
N = 60


def total(code: str = NHI) -> int:
    return sum(ScanCount.objects.filter(notice__code=code).values_list("count", flat=True))


def arrive(_i: int) -> int:
    return Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi").status_code  # a new browser


def concurrent_arrivals() -> None:
    Client().get(f"/n/{NHI}", HTTP_REFERER="http://testserver/", HTTP_ACCEPT_LANGUAGE="vi")
    with ThreadPoolExecutor(max_workers=16) as pool:
        assert set(pool.map(arrive, range(N))) == {200}


def test_nothing_is_written_in_the_request_and_a_flush_makes_it_exact() -> None:
    concurrent_arrivals()
    assert total() == 0  # still in the cache
    call_command("flush_scan_counts")
    assert total() == N
    call_command("flush_scan_counts")  # a second flush adds nothing
    assert total() == N


def test_arrivals_after_a_flush_go_to_the_next_one() -> None:
    concurrent_arrivals()
    assert stats.flush() == N
    for i in range(5):
        arrive(i)
    assert stats.flush() == 5
    assert ScanCount.objects.get(notice__code=NHI, language="vi").count == N + 5


def test_a_failed_database_write_keeps_the_counts_for_the_next_flush(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    concurrent_arrivals()

    def broken(*args: object) -> None:
        raise RuntimeError("database gone")

    monkeypatch.setattr(stats, "_write", broken)
    with pytest.raises(RuntimeError):
        stats.flush()
    monkeypatch.undo()
    assert stats.flush() == N and total() == N


def test_file_cache_counts_exactly_under_concurrency(tmp_path: Path) -> None:
    files = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    with override_settings(CACHES=files):
        concurrent_arrivals()
        assert stats.flush() == N
    assert total() == N


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_redis_counts_exactly_under_concurrency() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}"  # our keys only: other runs share this Redis
    shared = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=shared):
        try:
            concurrent_arrivals()
            assert stats.flush() == N
        finally:
            client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)
    assert total() == N


def test_the_periodic_runner_flushes_every_ten_seconds() -> None:
    from core.management.commands import run_periodic

    assert (10, "flush_scan_counts") in run_periodic.EVERY


def test_a_draft_notice_has_no_pending_keys_read() -> None:
    notice = Notice.objects.get(code=NHI)
    stats.record_scan(notice, "en")
    Notice.objects.filter(pk=notice.pk).update(status="draft")
    assert stats.flush() == 0  # kept in the cache until the notice is public again
