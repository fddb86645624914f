"""Least privilege: no case access without a Plaza role (superuser or not), drafts previewed only
by editors and translators, and every state-changing route of a case leaves its audit entry."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from accounts import roles as account_roles
from accounts import second_factor, testing
from consultations import roles
from consultations.models import AuditEntry, Case, CounselorGroup, FaqEntry
from notices.models import Notice

pytestmark = pytest.mark.django_db


def logged_in(user: User) -> Client:
    if roles.can_handle_cases(user):
        second_factor.give_device(user)  # case pages want a second factor
    client = testing.log_in(Client(), user)
    return client


@pytest.fixture
def site_admin(db: None) -> User:
    """The demo's admin: the admin role, staff; a superuser too, to show that it gives nothing."""
    account_roles.ensure_roles()
    roles.ensure_roles()
    user = User.objects.create_user("admin-lp", is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.get(name=account_roles.ADMIN))
    return user


def test_a_superuser_administrator_cannot_open_cases(site_admin: User, case: Case) -> None:
    client = logged_in(site_admin)
    assert client.get(f"/staff/consultations/{case.reference}/").status_code == 403
    assert client.get("/staff/consultations/").status_code == 403
    assert (
        client.get("/staff/consultations/person/", {"reference": case.reference}).status_code == 403
    )
    assert not AuditEntry.objects.filter(user=site_admin).exists()
    # ... but does administer the site.
    assert client.get("/staff/admin/").status_code == 200
    assert client.get("/staff/admin/axes/accessattempt/").status_code == 200


def test_an_administrator_who_is_also_supervisor_can(site_admin: User, case: Case) -> None:
    site_admin.groups.add(Group.objects.get(name=roles.SUPERVISOR))
    client = logged_in(site_admin)
    assert client.get(f"/staff/consultations/{case.reference}/").status_code == 200


def test_the_demo_admin_is_not_a_superuser(db: None) -> None:
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    admin = User.objects.get(username="admin")
    assert not admin.is_superuser and admin.groups.filter(name="admin").exists()
    assert not roles.can_handle_cases(admin)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("translator", True), ("admin", True), ("counselor", False), ("", False)],
)
def test_draft_preview_only_for_editors_and_translators(role: str, allowed: bool) -> None:
    account_roles.ensure_roles()
    roles.ensure_roles()
    user = User.objects.create_user(f"u-{role or 'none'}", is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    notice = Notice.objects.first()
    assert notice is not None
    status = logged_in(user).get(f"/staff/notices/{notice.code}/preview/vi").status_code
    assert status == (200 if allowed else 403)


def state_changes(
    case: Case, groups: dict[str, CounselorGroup]
) -> list[tuple[str, dict[str, Any], str]]:
    faq = FaqEntry.objects.create(
        slug="lp-faq", category="other", question="Q?", answer="A.", published=True
    )
    return [
        ("assign", {"group": groups["west"].pk}, "group"),
        ("assign", {"assignee": ""}, "assign"),
        ("status", {"status": "waiting"}, "status"),
        ("note", {"text": "called the ward office"}, "note"),
        ("contact", {"channel": "phone", "summary": "called back"}, "contact"),
        ("followup", {"due": "2027-01-05", "text": "check"}, "followup"),
        ("faq", {"faq": faq.slug}, "link-faq"),
        ("message", {"text": "Hello"}, "message"),
    ]


def test_every_state_change_route_leaves_its_audit_entry(
    supervisor: Client, case: Case, groups: dict[str, CounselorGroup]
) -> None:
    for action, data, audit_action in state_changes(case, groups):
        before = AuditEntry.objects.filter(reference=case.reference, action=audit_action).count()
        response = supervisor.post(f"/staff/consultations/{case.reference}/{action}", data)
        assert response.status_code == 302, action
        after = AuditEntry.objects.filter(reference=case.reference, action=audit_action).count()
        assert after == before + 1, action
    followup = case.followups.get()
    supervisor.post(f"/staff/consultations/{case.reference}/followup/{followup.pk}/done")
    assert AuditEntry.objects.filter(reference=case.reference, action="followup-done").exists()
