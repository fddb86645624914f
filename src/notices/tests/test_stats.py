"""Scan statistics count per notice × language × day and hold nothing about the person."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from notices.models import Notice, ScanCount

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"


def test_scans_are_counted_per_language_and_day(client: Client) -> None:
    for _ in range(3):
        client.get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    client.get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="ne")
    counts = dict(ScanCount.objects.filter(notice__code=NHI).values_list("language", "count"))
    assert counts == {"vi": 3, "ne": 1}


def test_scan_table_holds_no_ip_user_agent_or_cookie(client: Client) -> None:
    secret_ip, secret_ua, secret_cookie = "203.0.113.77", "SecretPhone/9.9 (fingerprint)", "c00k1e"
    client.cookies["sessionid"] = secret_cookie
    client.cookies["tracking"] = secret_cookie
    client.get(
        f"/n/{NHI}", REMOTE_ADDR=secret_ip, HTTP_USER_AGENT=secret_ua, HTTP_ACCEPT_LANGUAGE="id"
    )
    columns = {f.column for f in ScanCount._meta.get_fields() if hasattr(f, "column")}
    assert columns == {"id", "notice_id", "language", "day", "count"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ScanCount._meta.db_table}")  # noqa: S608
        dump = repr(cursor.fetchall())
    for secret in (secret_ip, secret_ua, secret_cookie, "203.0.113"):
        assert secret not in dump
    assert ScanCount.objects.get(notice__code=NHI, language="id").count == 1


def test_staff_preview_is_not_counted(editor_client: Client) -> None:
    editor_client.get(f"/staff/notices/{NHI}/preview/vi")
    assert not ScanCount.objects.filter(notice__code=NHI).exists()


def test_staff_see_a_chart_of_scans(client: Client, editor_client: Client) -> None:
    client.get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    html = editor_client.get(f"/staff/notices/{NHI}/").content.decode()
    assert '<svg role="img"' in html and ": 1</title></rect>" in html
    assert Notice.objects.get(code=NHI).scans.count() == 1
