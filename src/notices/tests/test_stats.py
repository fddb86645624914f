"""Scans: an arrival counts once per notice × language × day, and nothing about the person is kept.

Over HTTP: arriving from the QR code or the printed address counts; a language switch, a reload
or a click from our own pages does not; another browser counts again. The overview across
notices is for editors, admins and supervisors only.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client

from accounts import roles
from consultations import roles as plaza_roles
from notices import stats
from notices.models import Notice, ScanCount, Topic

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
OWN_PAGE = "http://testserver/n/NH7K4A"  # the test client's host is testserver


def count(code: str = NHI, language: str | None = None) -> int:
    stats.flush()  # the counts wait in the cache until the periodic flush
    query = ScanCount.objects.filter(notice__code=code)
    if language:
        query = query.filter(language=language)
    return sum(query.values_list("count", flat=True))


def test_an_arrival_from_the_qr_code_counts_once(client: Client) -> None:
    response = client.get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")  # a scan sends no Referer
    assert response.status_code == 200
    assert count(language="vi") == 1


def test_a_language_switch_is_not_a_new_scan(client: Client) -> None:
    client.get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    client.get(f"/n/{NHI}?lang=ne", HTTP_REFERER=OWN_PAGE)
    client.get(f"/n/{NHI}?lang=en", HTTP_REFERER=OWN_PAGE + "?lang=ne")
    client.get(f"/n/{NHI}?furigana=off", HTTP_REFERER=OWN_PAGE)
    assert count() == 1


def test_a_language_link_without_a_referer_is_still_not_a_scan() -> None:
    # Only our own language menu writes ?lang=; a browser that strips the Referer sends it too.
    Client().get(f"/n/{NHI}?lang=ne")
    assert count() == 0


def test_a_click_from_our_own_pages_is_not_a_scan() -> None:
    Client().get(f"/n/{NHI}", HTTP_REFERER="http://testserver/")
    Client().get(f"/n/{NHI}", HTTP_REFERER="http://testserver/staff/notices/")
    assert count() == 0


def test_a_reload_within_the_window_is_not_counted_and_after_it_is(client: Client) -> None:
    start = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=TOKYO)
    with time_machine.travel(start, tick=False) as clock:
        client.get(f"/n/{NHI}")
        clock.shift(datetime.timedelta(minutes=29))
        client.get(f"/n/{NHI}")  # reload: the Referer is kept, none after a scan
        assert count() == 1
        clock.shift(datetime.timedelta(minutes=2))
        client.get(f"/n/{NHI}")  # 31 minutes later: reading the letter again is an arrival
    assert count() == 2


def test_a_second_browser_counts_again() -> None:
    Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="ne")
    stats.flush()
    counts = dict(ScanCount.objects.filter(notice__code=NHI).values_list("language", "count"))
    assert counts == {"vi": 2, "ne": 1}


def test_one_browser_arriving_at_two_notices_counts_both(client: Client) -> None:
    other = Notice.objects.filter(status="published").exclude(code=NHI).first()
    assert other is not None
    client.get(f"/n/{NHI}")
    client.get(f"/n/{other.code}")
    client.get(f"/n/{NHI}")
    assert (count(), count(other.code)) == (1, 1)


def test_a_link_from_another_site_counts() -> None:
    Client().get(f"/n/{NHI}", HTTP_REFERER="https://www.city.kumamoto.jp/kokuho/")
    assert count() == 1


def test_a_browser_prefetch_is_not_a_scan() -> None:
    Client().get(f"/n/{NHI}", HTTP_SEC_PURPOSE="prefetch")
    assert count() == 0


def test_typing_the_printed_code_on_the_home_page_counts_once() -> None:
    client = Client()
    response = client.get("/n/?code=nh7k4a", HTTP_REFERER="http://testserver/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/n/{NHI}"
    assert count() == 1  # the lookup counted it; the page it led to did not count it again


def test_the_browser_keeps_only_a_code_and_a_time(client: Client) -> None:
    response = client.get(f"/n/{NHI}")
    cookie = response.cookies[stats.ARRIVED_COOKIE]
    assert re.fullmatch(rf"{NHI}\.\d{{10}}", cookie.value)
    assert cookie["httponly"] and cookie["max-age"] == 1800


def test_a_forged_cookie_is_ignored_not_an_error(client: Client) -> None:
    client.cookies[stats.ARRIVED_COOKIE] = "junk|NH7K4A.x|.|" + "A" * 5000
    assert client.get(f"/n/{NHI}").status_code == 200
    assert count() == 1


def test_scans_are_counted_on_the_japan_date() -> None:
    # 15:30 UTC on Sunday 29 November is 00:30 on Monday 30 November in Kumamoto.
    with time_machine.travel(datetime.datetime(2026, 11, 29, 15, 30, tzinfo=datetime.UTC)):
        Client().get(f"/n/{NHI}")
        stats.flush()
    assert ScanCount.objects.get(notice__code=NHI).day == datetime.date(2026, 11, 30)


def test_scan_table_holds_no_ip_user_agent_or_cookie(client: Client) -> None:
    secret_ip, secret_ua, secret_cookie = "203.0.113.77", "SecretPhone/9.9 (fingerprint)", "c00k1e"
    client.cookies["sessionid"] = secret_cookie
    client.cookies["tracking"] = secret_cookie
    client.get(
        f"/n/{NHI}", REMOTE_ADDR=secret_ip, HTTP_USER_AGENT=secret_ua, HTTP_ACCEPT_LANGUAGE="id"
    )
    stats.flush()
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


def test_notice_page_shows_weekly_chart_and_languages_with_names(editor_client: Client) -> None:
    Client().get(f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE="vi")
    response = editor_client.get(f"/staff/notices/{NHI}/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert 'data-chart="scans-per-week"' in html and 'data-chart="scans-by-language"' in html
    assert '<caption id="scans-by-language-caption">' in html
    assert '<th scope="row">Vietnamese</th><td class="num">1</td>' in html
    assert response.context["scans"].per_week.height < 400  # 12 weeks, whatever the counts


# The overview across notices ------------------------------------------------------------------


def staff(username: str, role: str) -> Client:
    roles.ensure_roles()
    plaza_roles.ensure_roles()
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 200),
        ("admin", 200),
        ("supervisor", 200),
        ("translator", 403),
        ("counselor", 403),
        ("", 403),  # staff without a role
    ],
)
def test_who_may_read_the_scan_overview(role: str, status: int) -> None:
    if role:
        client = staff(f"user-{role}", role)
    else:
        client = Client()
        client.force_login(User.objects.create_user("no-role", is_staff=True))
    assert client.get("/staff/notices/scans/").status_code == status
    assert client.get("/staff/notices/scans.csv").status_code == status


def test_outsiders_are_sent_to_login_or_refused(client: Client) -> None:
    for path in ("/staff/notices/scans/", "/staff/notices/scans.csv"):
        assert client.get(path).status_code == 302  # to the login page
    resident = User.objects.create_user("resident")  # an account that is not staff
    client.force_login(resident)
    assert client.get("/staff/notices/scans/").status_code == 403


def _scan(code: str, language: str, day: datetime.date, n: int) -> None:
    ScanCount.objects.create(
        notice=Notice.objects.get(code=code), language=language, day=day, count=n
    )


def test_overview_is_notice_by_language_by_iso_week(editor_client: Client) -> None:
    other = Notice.objects.exclude(code=NHI).exclude(topic__notice__code=NHI).first()
    assert other is not None
    _scan(NHI, "vi", datetime.date(2026, 11, 29), 2)  # Sunday: week 48
    _scan(NHI, "vi", datetime.date(2026, 11, 30), 3)  # Monday: week 49
    _scan(NHI, "ne", datetime.date(2026, 11, 24), 1)
    _scan(other.code, "en", datetime.date(2026, 12, 1), 4)
    _scan(NHI, "vi", datetime.date(2026, 11, 15), 50)  # before the range
    response = editor_client.get(
        "/staff/notices/scans/?start=2026-11-23&end=2026-12-06", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    data = response.context["data"]
    assert data.week_labels == ["2026-W48", "2026-W49"]
    cells = {(r.notice.code, r.language): r.counts for r in data.rows}
    assert cells == {(NHI, "vi"): (2, 3), (NHI, "ne"): (1, 0), (other.code, "en"): (0, 4)}
    assert data.week_totals == (3, 7) and data.total == 10
    assert [(b.label.split()[0], b.value) for b in data.per_notice.bars] == [
        (NHI, 6),
        (other.code, 4),
    ]
    html = response.content.decode()
    assert '<th scope="row">Vietnamese</th>' in html and '<th scope="row">Nepali</th>' in html
    assert f'<th scope="rowgroup" rowspan="2"><a href="/staff/notices/{NHI}/">' in html
    assert 'data-chart="scans-per-week"' in html


def test_overview_filters_by_topic(editor_client: Client) -> None:
    topic = Notice.objects.get(code=NHI).topic
    other = Notice.objects.exclude(topic=topic).first()
    assert other is not None
    day = datetime.date(2026, 11, 30)
    _scan(NHI, "vi", day, 2)
    _scan(other.code, "vi", day, 5)
    response = editor_client.get(
        f"/staff/notices/scans/?start=2026-11-30&end=2026-11-30&topic={topic.slug}"
    )
    assert {r.notice.code for r in response.context["data"].rows} == {NHI}


def test_the_default_range_is_the_last_twelve_iso_weeks(editor_client: Client) -> None:
    with time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=TOKYO)):  # Thursday
        # A staff session ends after a working day without a request: log in on that day.
        editor_client.force_login(User.objects.get(username="editor-user"))
        data = editor_client.get("/staff/notices/scans/").context["data"]
    assert len(data.weeks) == 12
    assert data.weeks[0] == datetime.date(2026, 9, 14) and data.weeks[-1] == datetime.date(
        2026, 11, 30
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2026-12-01&end=2026-11-01", "The first day must not be after the last day."),
        ("start=2024-01-01&end=2026-01-01", "Choose at most 53 weeks."),
        ("start=yesterday", "Enter a valid date."),
        ("topic=no-such-topic", "Select a valid choice."),
    ],
)
def test_bad_filters_get_a_clear_message(editor_client: Client, query: str, message: str) -> None:
    response = editor_client.get(f"/staff/notices/scans/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert message in response.content.decode()
    csv_response = editor_client.get(f"/staff/notices/scans.csv?{query}")
    assert csv_response.status_code == 400


def test_csv_is_long_rows_with_codes_and_names_and_no_formulas(editor_client: Client) -> None:
    Notice.objects.filter(code=NHI).update(title='=HYPERLINK("http://evil.example")')
    Topic.objects.filter(notice__code=NHI).update(slug="-topic")
    _scan(NHI, "vi", datetime.date(2026, 11, 30), 3)
    response = editor_client.get(
        "/staff/notices/scans.csv?start=2026-11-30&end=2026-12-06", HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="scans-2026-W49-2026-W49.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == stats.CSV_COLUMNS
    assert rows[1] == [
        "2026-W49",
        "2026-11-30",
        NHI,
        '\'=HYPERLINK("http://evil.example")',
        "'-topic",
        "vi",
        "ベトナム語",
        "3",
    ]


@pytest.mark.parametrize(("end", "status"), [("2026-01-06", 200), ("2026-01-07", 400)])
def test_at_most_53_weeks_boundary(editor_client: Client, end: str, status: int) -> None:
    response = editor_client.get(f"/staff/notices/scans/?start=2025-01-01&end={end}")
    assert response.status_code == status
    if status == 200:
        assert len(response.context["data"].weeks) == 54  # a partial week at each end
