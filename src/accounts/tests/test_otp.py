"""The second factor: counselors and supervisors type a TOTP code before any case page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from accounts.testing import log_in, make_staff

QUEUE = "/staff/consultations/"
PAGE = "/accounts/second-factor/"
FROZEN = datetime.datetime(2026, 12, 1, 8, 0, 10, tzinfo=datetime.UTC)


def code_at(device: TOTPDevice, moment: datetime.datetime) -> str:
    """Compute, independently of the app, the code an authenticator shows at that moment."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = moment.timestamp()
    return f"{totp.token():06d}"


def logged_in_without_code(role: str) -> tuple[Client, User]:
    user = make_staff(role)
    TOTPDevice.objects.filter(user=user).delete()  # a new counselor: no app enrolled yet
    client = Client()
    client.force_login(user)
    return client, user


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counselor", "supervisor"])
def test_case_role_without_device_enrols_then_the_queue_opens(role: str) -> None:
    client, user = logged_in_without_code(role)
    response = client.get(QUEUE + "?status=open")
    assert response.status_code == 302
    assert response["Location"] == PAGE + "?next=%2Fstaff%2Fconsultations%2F%3Fstatus%3Dopen"
    assert client.get(QUEUE + "stats/").status_code == 302  # every case route, not just one

    with time_machine.travel(FROZEN, tick=False):
        page = client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        assert 'src="data:image/svg+xml' in html and "data-secret" in html
        assert "no-store" in page["Cache-Control"]
        device = TOTPDevice.objects.get(user=user)
        assert not device.confirmed
        shown = html.split("data-secret>")[1].split("<")[0].replace(" ", "")
        assert second_factor.secret_text(device).replace(" ", "") == shown
        done = client.post(PAGE, {"code": code_at(device, FROZEN), "next": QUEUE + "?status=open"})
    assert done.status_code == 302 and done["Location"] == QUEUE + "?status=open"
    device.refresh_from_db()
    assert device.confirmed
    queue = client.get(QUEUE)
    assert queue.status_code == 200
    assert "<h1>" in queue.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counselor", "supervisor"])
def test_wrong_code_is_refused_with_a_message(role: str) -> None:
    user = make_staff(role)  # a confirmed device
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user)
    with time_machine.travel(FROZEN, tick=False):
        right = code_at(device, FROZEN)
        wrong = f"{(int(right) + 1) % 1_000_000:06d}"
        response = client.post(PAGE, {"code": wrong, "next": QUEUE})
        assert response.status_code == 400
        assert "That code is not right or has expired" in response.content.decode()
        bad = client.post(PAGE, {"code": "12ab", "next": QUEUE})
        assert bad.status_code == 400 and "6 digits" in bad.content.decode()
    assert client.get(QUEUE).status_code == 302  # still not in


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counselor", "supervisor"])
def test_right_code_passes_once_per_step(role: str) -> None:
    user = make_staff(role)
    device = TOTPDevice.objects.get(user=user)
    client = Client()
    client.force_login(user)
    with time_machine.travel(FROZEN, tick=False):
        code = code_at(device, FROZEN)
        assert client.get(PAGE).status_code == 200
        assert "data-secret" not in client.get(PAGE).content.decode()  # enrolled: code only
        response = client.post(PAGE, {"code": code, "next": QUEUE})
        assert response.status_code == 302 and response["Location"] == QUEUE
        assert client.get(QUEUE).status_code == 200
        # The same code cannot be replayed in another session.
        other = Client()
        other.force_login(user)
        assert other.post(PAGE, {"code": code, "next": QUEUE}).status_code == 400
    assert other.get(QUEUE).status_code == 302


@pytest.mark.django_db
def test_next_must_stay_on_this_site() -> None:
    user = make_staff("counselor")
    device = TOTPDevice.objects.get(user=user)
    client = Client()
    client.force_login(user)
    with time_machine.travel(FROZEN, tick=False):
        response = client.post(
            PAGE, {"code": code_at(device, FROZEN), "next": "https://evil.example/"}
        )
    assert response["Location"] == "/staff/"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "translator", "admin"])
def test_roles_without_case_access_are_never_asked(role: str) -> None:
    client = Client()
    client.force_login(make_staff(role))
    assert client.get("/staff/").status_code == 200
    response = client.get(QUEUE)
    assert response.status_code == 403  # their answer as before: no case role, no code page


@pytest.mark.django_db
def test_pages_without_case_data_are_open_and_anonymous_goes_to_login() -> None:
    client, _user = logged_in_without_code("supervisor")
    assert client.get("/staff/").status_code == 200  # the home: counts only, no case data
    anonymous = Client().get(QUEUE)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    assert Client().get(PAGE)["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_log_in_helper_makes_a_verified_session() -> None:
    client = log_in(Client(), make_staff("counselor"))
    assert client.get(QUEUE).status_code == 200


@pytest.mark.django_db
def test_totp_code_command_is_for_the_demo_only(settings: Any, monkeypatch: Any) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    user = make_staff("counselor")
    device = TOTPDevice.objects.get(user=user)
    settings.DEBUG = False
    monkeypatch.delenv("TABUNKA_LOCAL_SECRET_KEY", raising=False)
    with pytest.raises(CommandError, match="demo only"):
        call_command("totp_code", user.username)
    monkeypatch.setenv("TABUNKA_LOCAL_SECRET_KEY", "1")
    out = StringIO()
    with time_machine.travel(FROZEN, tick=False):
        call_command("totp_code", user.username, stdout=out)
    assert out.getvalue().strip() == code_at(device, FROZEN)
    with pytest.raises(CommandError, match="no confirmed"):
        call_command("totp_code", "nobody")
