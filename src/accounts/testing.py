"""Helpers the test suites share for staff personas (imported by tests only)."""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.test import Client

from accounts import roles, second_factor

# The roles that see consultations and so must pass a second factor (consultations.roles).
CODE_ROLES = {"counselor", "supervisor"}


def make_staff(role: str) -> User:
    """Create a staff user in one role group, with the password pw-<role>.

    Counselors and supervisors also get a confirmed TOTP device (second_factor.DEMO_KEY).
    """
    roles.ensure_roles()
    user = User.objects.create_user(f"{role}-user", password="pw-" + role, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if role in CODE_ROLES:
        second_factor.give_device(user)
    return user


def log_in(client: Client, user: User) -> Client:
    """Force-login the user; with a TOTP device, the session counts as verified too."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def code_for(username: str) -> str:
    """Return the current TOTP code of the user's device (browser tests type it)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    return second_factor.current_code(device, fresh=True)
