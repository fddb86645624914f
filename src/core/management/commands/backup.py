"""Back up the database and uploaded files into a new folder (see docs/backup.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into a new folder under --to."

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR) / "var" / "backups"
        parser.add_argument("--to", type=Path, default=default, help=f"default: {default}")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            folder = backup.backup(options["to"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
