"""Login throttling (django-axes): lockout per account and per address, the message, the alert."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from accounts.testing import make_staff

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client: Client, username: str, password: str, address: str = "192.0.2.1") -> int:
    response = client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
    return response.status_code


@pytest.fixture
def admin() -> User:
    return make_staff("admin")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(admin: User) -> None:
    client = Client()
    assert [attempt(client, admin.username, "wrong") for _ in range(4)] == [200] * 4
    assert attempt(client, admin.username, "wrong") == 429
    response = client.post(
        LOGIN, {"username": admin.username, "password": "pw-admin"}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 429
    assert "Logging in is paused for 30 minutes" in response.content.decode() or (
        "30分" in response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    # The same account from another address is locked too (per account) ...
    assert attempt(Client(), admin.username, "pw-admin", address="198.51.100.7") == 429


def test_the_address_is_locked_for_other_accounts_too(admin: User) -> None:
    editor = make_staff("editor")
    client = Client()
    for _ in range(5):
        attempt(client, "nobody-such", "wrong")
    assert attempt(client, editor.username, "pw-editor") == 429


def test_another_account_from_another_address_is_not_locked(admin: User) -> None:
    editor = make_staff("editor")
    for _ in range(6):
        attempt(Client(), admin.username, "wrong")
    assert attempt(Client(), editor.username, "pw-editor", address="203.0.113.5") == 302


def test_the_lock_ends_after_30_minutes(admin: User) -> None:
    start = datetime.datetime(2026, 12, 1, 1, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(5):
            attempt(Client(), admin.username, "wrong")
        clock.move_to(start + datetime.timedelta(minutes=29))
        assert attempt(Client(), admin.username, "pw-admin") == 429  # and the 30 minutes restart
        clock.move_to(start + datetime.timedelta(minutes=29 + 31))
        assert attempt(Client(), admin.username, "pw-admin") == 302


def test_the_login_page_says_it_in_the_staff_language(admin: User) -> None:
    for _ in range(5):
        attempt(Client(), admin.username, "wrong")
    response = Client().post(
        LOGIN,
        {"username": admin.username, "password": "pw-admin"},
        REMOTE_ADDR="192.0.2.1",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert "ログインを30分間停止しています" in response.content.decode()


def test_administrators_see_the_lockouts_on_the_staff_home(admin: User) -> None:
    client = Client()
    client.force_login(admin)
    home = client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Login lockouts in the last 24 hours" not in home
    for _ in range(6):  # the 6th is refused while locked: still one lockout
        attempt(Client(), "editor-user", "wrong", address="192.0.2.9")
    home = client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Login lockouts in the last 24 hours" in home
    assert '<span class="todo-count" data-count>1</span>' in home
    # Others do not see it.
    editor = make_staff("editor")
    other = Client()
    other.force_login(editor)
    assert "Login lockouts" not in other.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_staff_sessions_end_after_a_working_day_of_inactivity(admin: User) -> None:
    client = Client()
    assert attempt(client, admin.username, "pw-admin") == 302
    assert client.session.get_expiry_age() == 9 * 3600
