"""The staff home and the one navigation, asked by every persona; the to-do counts move.

Every route under /staff/ must sit under a page of the navigation, answer an anonymous visitor
with the login page and an outsider with a refusal; each persona sees exactly its entries.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.testing import log_in, make_staff
from consultations import actions as consult_actions
from consultations.forms import IntakeForm
from consultations.models import AuditEntry, CounselorGroup, FollowUp
from consultations.tests.conftest import INTAKE, staff_client
from core import staff_nav
from notices.models import Notice, Topic
from translations.models import JobStatus, TranslationJob
from translations.tasks import machine_translate
from translations.tests.conftest import run_worker_once

pytestmark = pytest.mark.django_db

HOME = "/staff/"
ROLES = ("admin", "editor", "translator", "counselor", "supervisor")
# What each persona finds in the navigation ("outsider": a staff account with no role yet).
EVERYONE = {"writing:assistant"}
TRANSLATING = {"notices:coverage", "translations:glossary", "consultations:faq-translations"}
EDITING = {"notices:list", "notices:scans"} | TRANSLATING | EVERYONE
PLAZA = {"consultations:queue", "consultations:slots"} | EVERYONE
NAV: dict[str, set[str]] = {
    "admin": EDITING | {"accounts:admin"},
    "editor": EDITING,
    "translator": TRANSLATING | EVERYONE,
    "counselor": PLAZA,
    "supervisor": PLAZA | {"notices:scans", "consultations:stats", "consultations:person"},
    "outsider": EVERYONE,
    "anonymous": set(),
}
# Django's admin lets every staff account in and shows only the models its permissions allow;
# the navigation offers it to administrators only.
DJANGO_ADMIN = "accounts:admin"
LOGIN_PAGES = ("/accounts/login/", "/staff/admin/login/")  # ours, and Django admin's own


def persona_clients() -> dict[str, Client]:
    clients = {"anonymous": Client()}
    for role in ROLES:
        clients[role] = Client()
        log_in(clients[role], make_staff(role))  # counselors: with their second factor
    clients["outsider"] = Client()
    clients["outsider"].force_login(User.objects.create_user("no-role", is_staff=True))
    return clients


def nav_keys(body: str) -> set[str]:
    return set(re.findall(r'data-nav="([^"]+)"', body))


def counts(client: Client) -> dict[str, int]:
    """Return the home's to-do cards as {link target and label: count}."""
    body = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    cards = re.findall(
        r'<a href="([^"]+)"><span class="todo-count" data-count>(\d+)</span> ([^<]+)</a>', body
    )
    return {f"{label.strip()} {url}": int(n) for url, n, label in cards}


def staff_routes() -> dict[str, URLPattern]:
    """Return every named route whose URL starts with staff/ (Django's admin excluded)."""
    found: dict[str, URLPattern] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                if p.namespace != "admin":
                    walk(p.url_patterns, route, p.namespace or namespace)
            elif route.startswith("staff/"):
                assert p.name, route
                found[f"{namespace}:{p.name}" if namespace else p.name] = p

    walk(get_resolver().url_patterns, "", "")
    return found


_DUMMY = {"int": 999999, "slug": "no-such-thing", "str": "ZZZZZZ", "path": "none"}


def dummy_url(name: str, pattern: URLPattern) -> str:
    """Return the route's URL with made-up arguments that name nothing that exists."""
    converters = pattern.pattern.converters  # type: ignore[attr-defined]
    kwargs = {
        key: _DUMMY.get(type(conv).__name__.removesuffix("Converter").lower(), "ZZZZZZ")
        for key, conv in converters.items()
    }
    return reverse(name, kwargs=kwargs)


def test_every_staff_route_lies_under_a_page_of_the_navigation(db: None) -> None:
    routes = staff_routes()
    assert "core:staff-home" in routes and "notices:staff-list" in routes
    prefixes = [e.url for e in staff_nav.entries()]
    for name, pattern in routes.items():
        url = dummy_url(name, pattern)
        if name == "core:staff-home":
            continue
        under = [p for p in prefixes if url.startswith(p) and p != HOME]
        assert under, f"{name} ({url}) is reached from no navigation entry: register one"


def test_anonymous_and_outsiders_get_no_staff_page(db: None) -> None:
    anonymous = Client()
    visitor = Client()  # logged in, but not a staff account
    visitor.force_login(User.objects.create_user("visitor"))
    for name, pattern in staff_routes().items():
        url = dummy_url(name, pattern)
        for method in ("get", "post"):
            response = getattr(anonymous, method)(url)
            got = (name, method, response.status_code)
            assert response.status_code in (302, 405), got
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/"), got
            assert getattr(visitor, method)(url).status_code in (403, 404, 405), got


def test_each_persona_sees_exactly_its_entries_and_may_use_them(db: None) -> None:
    registered = {e.key for e in staff_nav.entries()}
    assert registered == set().union(*NAV.values()), "give every entry a row in NAV"
    for persona, client in persona_clients().items():
        home = client.get(HOME)
        if persona == "anonymous":
            assert home.status_code == 302 and home["Location"].startswith("/accounts/login/")
        else:
            assert home.status_code == 200, persona
            assert nav_keys(home.content.decode()) == NAV[persona], persona
        allowed = NAV[persona]
        for entry in staff_nav.entries():
            response = client.get(entry.url)
            got = (persona, entry.key, response.status_code)
            if entry.key in allowed:
                assert response.status_code == 200, got
            elif persona == "anonymous":
                assert response.status_code == 302, got
                assert response["Location"].startswith(LOGIN_PAGES), got
            elif entry.key == DJANGO_ADMIN:
                assert response.status_code == 200, got  # Django's own rule, see above
            elif response.status_code == 302:
                # A role's own start page instead (translators: the notice list → coverage).
                target = response["Location"]
                menu = staff_nav.menu_for(client_user(client))
                assert any(target == e.url for _, items in menu for e in items), got
            else:
                assert response.status_code == 403, got


def client_user(client: Client) -> Any:
    return User.objects.get(pk=client.session["_auth_user_id"])


def test_a_logged_in_account_without_staff_status_gets_403(db: None) -> None:
    client = Client()
    client.force_login(User.objects.create_user("visitor"))
    assert client.get(HOME).status_code == 403


def test_logging_in_lands_on_the_staff_home(db: None) -> None:
    make_staff("editor")
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "editor-user", "password": "pw-editor"}
    )
    assert response.status_code == 302 and response["Location"] == HOME
    page = client.get(HOME)
    body = page.content.decode()
    assert 'name="robots" content="noindex"' in body
    assert 'class="plaza"' not in body  # no public Plaza box in the staff layout
    assert body.count("hreflang=") == 0  # no public list of 14 language links
    assert body.count('<option value="') >= 14  # the staff person's own UI language
    assert "no-store" in page["Cache-Control"]


def test_staff_ui_language_is_chosen_with_the_select_and_sticks(db: None) -> None:
    client = Client()
    client.force_login(make_staff("editor"))
    page = client.get(HOME + "?lang=vi").content.decode()
    assert '<html lang="vi">' in page and "Việc cần làm" in page
    assert '<html lang="vi">' in client.get("/staff/notices/").content.decode()


def test_login_page_has_the_staff_chrome_and_no_navigation(client: Client) -> None:
    body = client.get(reverse("accounts:login")).content.decode()
    assert 'name="robots" content="noindex"' in body and 'class="plaza"' not in body
    assert "staff-nav" not in body


def test_draft_count_grows_with_a_new_draft(db: None) -> None:
    editor = Client()
    editor.force_login(make_staff("editor"))
    key = "Draft notices /staff/notices/"
    before = counts(editor)[key]
    Notice.objects.create(topic=Topic.objects.first(), title="水道料金のお知らせ", summary="水道")
    assert counts(editor)[key] == before + 1
    translator = Client()
    translator.force_login(make_staff("translator"))
    assert key not in counts(translator)  # drafts are the editors' to-do


def test_missing_translation_count_grows_with_a_new_field(db: None) -> None:
    translator = Client()
    translator.force_login(make_staff("translator"))
    key = "Missing translations /staff/translations/"
    before = counts(translator)[key]
    Notice.objects.create(topic=Topic.objects.first(), title="水道料金のお知らせ", summary="水道")
    # The new notice is missing in every target language.
    assert counts(translator)[key] == before + 13


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Let a test set the clock (Django's timezone.now) to any instant."""

    class Clock:
        def set(self, when: datetime.datetime) -> None:
            monkeypatch.setattr(timezone, "now", lambda: when)

    yield Clock()


TOKYO = ZoneInfo("Asia/Tokyo")


def test_failed_job_counts_for_seven_days_and_until_redone(db: None, frozen: Any) -> None:
    translator = Client()
    translator.force_login(make_staff("translator"))
    key = "Failed translation jobs /staff/translations/"
    notice = Notice.objects.get(code="NH7K4A")
    now = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=TOKYO)
    frozen.set(now)
    base = counts(translator)[key]

    def job(status: str, at: datetime.datetime) -> TranslationJob:
        made = TranslationJob.objects.create(
            content_type=ContentType.objects.get_for_model(Notice),
            object_id=notice.pk,
            label=notice.code,
            languages=["vi"],
            provider="deepl",
            status=status,
        )
        TranslationJob.objects.filter(pk=made.pk).update(created_at=at)
        return made

    job(JobStatus.FAILED, now - datetime.timedelta(days=7, seconds=1))  # too old
    assert counts(translator)[key] == base
    job(JobStatus.FAILED, now - datetime.timedelta(days=7))  # exactly seven days: still counts
    assert counts(translator)[key] == base + 1
    job(JobStatus.DONE, now - datetime.timedelta(hours=1))  # tried again with success
    assert counts(translator)[key] == base


def test_crashed_translation_task_counts_as_failed(db: None) -> None:
    translator = Client()
    translator.force_login(make_staff("translator"))
    key = "Failed translation jobs /staff/translations/"
    before = counts(translator)[key]
    machine_translate.enqueue(999999)  # a job that does not exist: the task raises
    assert run_worker_once() >= 1
    assert counts(translator)[key] == before + 1


def _submit() -> Any:
    form = IntakeForm(INTAKE)
    assert form.is_valid(), form.errors
    return consult_actions.do_submit(form.cleaned_data, channel="web", client="test-client").case


def test_new_cases_count_only_what_access_lets_each_counselor_see(db: None) -> None:
    asia = CounselorGroup.objects.create(name="Asia", languages=["vi", "ne"])
    west = CounselorGroup.objects.create(name="West", languages=["en", "es"])
    counselor = staff_client("counselor", "c-asia", asia)
    other = staff_client("counselor", "c-west", west)
    supervisor = staff_client("supervisor", "s-1")
    key = "New cases /staff/consultations/?status=new"
    before = {c: counts(c)[key] for c in (counselor, other, supervisor)}
    case = _submit()  # Vietnamese: routed to the Asia group
    assert counts(counselor)[key] == before[counselor] + 1
    assert counts(other)[key] == before[other]
    assert counts(supervisor)[key] == before[supervisor] + 1
    # Counts only: no reference or name on the home, and viewing it audits nothing.
    audits = AuditEntry.objects.count()
    body = counselor.get(HOME).content.decode()
    assert case.reference not in body and INTAKE["name"] not in body
    assert AuditEntry.objects.count() == audits


def test_follow_ups_due_turn_due_at_midnight_in_tokyo(db: None, frozen: Any) -> None:
    asia = CounselorGroup.objects.create(name="Asia", languages=["vi", "ne"])
    counselor = staff_client("counselor", "c-asia", asia)
    key = "Follow-ups due /staff/consultations/"
    case = _submit()
    FollowUp.objects.create(case=case, due=datetime.date(2026, 12, 1), text="Call")
    FollowUp.objects.create(case=case, due=datetime.date(2026, 12, 2), text="Call again")
    done = FollowUp.objects.create(case=case, due=datetime.date(2026, 11, 30), text="Done")
    done.done_at = datetime.datetime(2026, 11, 30, 12, tzinfo=TOKYO)
    done.save()
    frozen.set(datetime.datetime(2026, 12, 1, 23, 59, 59, tzinfo=TOKYO))
    assert counts(counselor)[key] == 1
    frozen.set(datetime.datetime(2026, 12, 2, 0, 0, tzinfo=TOKYO))
    assert counts(counselor)[key] == 2


def test_the_current_page_is_marked_in_the_navigation(db: None) -> None:
    editor = Client()
    editor.force_login(make_staff("editor"))

    def current(path: str) -> list[str]:
        body = editor.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        return re.findall(r'href="([^"]+)"(?: data-nav="[^"]+")? aria-current="page"', body)

    assert current(HOME) == [HOME]
    assert current("/staff/notices/NH7K4A/") == ["/staff/notices/"]  # a page under the list
    # The glossary in another language is still the glossary (same view), not the coverage page.
    assert current("/staff/translations/glossary/vi/") == ["/staff/translations/glossary/en/"]


def test_a_staff_account_without_a_role_is_told_to_ask_for_one(db: None) -> None:
    client = Client()
    client.force_login(User.objects.create_user("no-role", is_staff=True))
    body = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "no back-office role yet" in body and "Nothing is waiting" not in body
    editor = Client()
    editor.force_login(make_staff("editor"))
    assert "no back-office role yet" not in editor.get(HOME).content.decode()


def test_log_out_returns_to_the_staff_login_page(db: None) -> None:
    client = Client()
    client.force_login(make_staff("editor"))
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert client.get(HOME).status_code == 302
