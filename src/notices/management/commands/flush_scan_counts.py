"""Add the scan counts waiting in the cache to the database (notices.stats.flush).

`manage.py run_periodic` runs this every 10 seconds and once more when it is stopped; run it by
hand before reading ScanCount directly (the staff pages show what has been flushed).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from notices import stats


class Command(BaseCommand):
    help = "Add the scan counts waiting in the cache to the database."

    def handle(self, *args: Any, **options: Any) -> None:
        moved = stats.flush()
        if options["verbosity"] > 1:
            self.stdout.write(f"{moved} scans flushed")
