"""Report translations whose object was deleted; `--delete` removes them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from translations import orphans


class Command(BaseCommand):
    help = (
        "Report translations whose object no longer exists (exit 1 if any); --delete removes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete", action="store_true", help="delete them")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["delete"]:
            for label, count in orphans.delete_orphaned().items():
                self.stdout.write(f"{label}: deleted {count} rows")
            return
        found = {label: rows.count() for label, rows in orphans.orphaned().items()}
        for label, count in found.items():
            self.stdout.write(f"{label}: {count} orphaned translations")
        if found:
            raise CommandError("orphaned translations found; run with --delete to remove them")
        self.stdout.write("no orphaned translations")
