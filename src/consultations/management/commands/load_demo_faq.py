"""Load the sample FAQ, the demo counselors and a week of appointment slots."""

import datetime
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts import second_factor
from consultations import demo_loader, opening, roles
from consultations.models import CounselorGroup, Slot

DEMO_PASSWORD = "kumamoto-demo-2026"  # noqa: S105 — the same demo password as load_demo

# Sample desks: who takes which languages. Real groups are set up by the Plaza in the admin.
DEMO_GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "Asia desk": (["zh-hans", "zh-hant", "ko", "vi", "ne", "id", "fil", "my", "th"], []),
    "Japanese, English, Spanish and Portuguese desk": (["ja", "ja-easy", "en", "es", "pt-br"], []),
}
SLOT_LANGUAGES = [["en", "zh-hans"], ["vi", "ne"], ["id", "en"], ["ne", "zh-hans"]]


class Command(BaseCommand):
    help = "Load the sample FAQ (with vectors), demo counselor groups and slots (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-users", action="store_true", help="Skip the demo staff accounts.")

    def handle(self, *args: Any, **options: Any) -> None:
        entries = demo_loader.load_all()
        self.stdout.write(f"Loaded {len(entries)} FAQ entries with their vectors.")
        roles.ensure_roles()
        if not options["no_users"]:
            self._users()
        self._slots()

    def _users(self) -> None:
        for number, (name, (codes, categories)) in enumerate(DEMO_GROUPS.items()):
            group, _ = CounselorGroup.objects.get_or_create(name=name)
            group.languages, group.categories, group.order = codes, categories, number
            group.save()
            counselor, _ = User.objects.get_or_create(username=f"counselor{number + 1}")
            counselor.is_staff = True
            counselor.set_password(DEMO_PASSWORD)
            counselor.save()
            counselor.groups.set([Group.objects.get(name=roles.COUNSELOR)])
            group.members.add(counselor)
        supervisor, _ = User.objects.get_or_create(username="supervisor")
        supervisor.is_staff = True
        supervisor.set_password(DEMO_PASSWORD)
        supervisor.save()
        supervisor.groups.set([Group.objects.get(name=roles.SUPERVISOR)])
        # Case pages want a second factor: a device with the demo's known key (totp_code prints it).
        for user in User.objects.filter(username__in=["counselor1", "counselor2", "supervisor"]):
            second_factor.give_device(user)
        self.stdout.write(
            "Consultation staff at /staff/consultations/: users counselor1 (Asian languages), "
            f"counselor2, supervisor; password {DEMO_PASSWORD}; second-factor code: "
            "`.venv/bin/python manage.py totp_code counselor1` (demo only)"
        )

    def _slots(self) -> None:
        today = timezone.localdate()
        made = 0
        for day in range(1, 8):
            date = today + datetime.timedelta(days=day)
            if date.weekday() >= 5 or opening.closing_reason(date):
                continue  # the demo keeps to weekdays; never a closing day of the Plaza
            for n, hour in enumerate((10, 11, 14, 15)):
                start = timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))
                _, created = Slot.objects.get_or_create(
                    start=start, defaults={"interpreter_languages": SLOT_LANGUAGES[n]}
                )
                made += created
        self.stdout.write(f"Added {made} appointment slots for the coming week.")
