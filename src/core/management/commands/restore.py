"""Restore a backup folder into the database (stop the server and worker first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup folder made by `backup` into the configured database (or --database-url)"
        " and MEDIA_ROOT, then verify every table and file against the backup's manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--database-url", default="", help="restore into this database")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        url = options["database_url"]
        try:
            target = backup.target_from_url(url) if url else backup.configured_target()
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if not options["yes"] and input(f"Replace every table in {target} ? [y/N] ") != "y":
            raise CommandError("not restored")
        try:
            differences = backup.restore(options["folder"], target)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if differences["tables"] or differences["files"]:
            raise CommandError(f"restored, but differs from the backup: {differences}")
        self.stdout.write("restored; every table and file matches the backup's manifest")
