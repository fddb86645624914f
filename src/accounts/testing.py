"""Helpers the test suites share for staff personas (imported by tests only)."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from accounts import roles


def make_staff(role: str) -> User:
    """Create a staff user in one role group, with the password pw-<role>."""
    roles.ensure_roles()
    user = User.objects.create_user(f"{role}-user", password="pw-" + role, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user
