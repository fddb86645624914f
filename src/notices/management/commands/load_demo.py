"""Load the sample content and the demo staff accounts."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand

from accounts import roles
from notices import demo_loader, qr

DEMO_PASSWORD = "kumamoto-demo-2026"  # noqa: S105 — printed by `make run`; demo databases only


class Command(BaseCommand):
    help = "Load the sample notices, catalogs and demo staff accounts (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-users", action="store_true", help="Skip the demo staff accounts.")

    def handle(self, *args: Any, **options: Any) -> None:
        notices = demo_loader.load_all()
        if not options["no_users"]:
            roles.ensure_roles()
            for name in (roles.ADMIN, roles.EDITOR, roles.TRANSLATOR):
                user, _ = User.objects.get_or_create(username=name)
                user.is_staff = True
                # Least privilege: the demo admin is a site administrator through the admin
                # role, not a superuser (who would see everything Django guards by permission).
                user.is_superuser = False
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.groups.set([Group.objects.get(name=name)])
        self.stdout.write(f"Loaded {len(notices)} sample notices:")
        for notice in notices:
            self.stdout.write(f"  {qr.notice_url(notice.code)}  {notice.title}")
        if not options["no_users"]:
            self.stdout.write(
                "Staff demo login at /accounts/login/: users admin, editor, translator; "
                f"password {DEMO_PASSWORD}"
            )
