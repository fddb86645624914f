"""Delete consultations past their retention period; anonymous statistics stay."""

from typing import Any

from django.core.management.base import BaseCommand

from consultations import actions


class Command(BaseCommand):
    help = "Delete expired consultations and all their personal data (run daily; see docs)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = actions.do_purge_expired()
        self.stdout.write(f"Purged {count} expired consultations.")
