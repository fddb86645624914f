"""Run the periodic jobs on their schedule, in the foreground, until stopped.

`make serve` and deploy/tabunka-periodic.service run this beside the web server and the task
worker. The jobs are management commands, each run in this process at its time of day (the
machine's local time; deploy/ sets Asia/Tokyo):

- `purge_expired`: consultations past their retention period (docs/consultations.md);
- `clearsessions`: expired staff sessions;
- `prune_db_task_results`: finished background-job results older than 14 days.

The schedule is kept by the `schedule` library: a few lines of plain Python with no job store,
which is all a handful of daily jobs need (APScheduler's persistent stores and executors would
be unused weight). A job that fails is logged and tried again at its next time; it never stops
the others. Every job is idempotent, so a missed run (the machine was off) is made good by the
next one; `--once` runs them all now and exits (for cron or a systemd timer instead).
"""

from __future__ import annotations

import logging
import signal
import time
from types import FrameType
from typing import Any

import schedule
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection

log = logging.getLogger(__name__)

# (time of day, command, options)
JOBS: list[tuple[str, str, dict[str, Any]]] = [
    ("03:15", "purge_expired", {}),
    ("03:30", "clearsessions", {}),
    ("03:45", "prune_db_task_results", {"queue_name": "*"}),
]
# (seconds, command): scan counts wait in the cache until this adds them to the database; the
# last run when this process stops makes them exact after a clean shutdown (docs/notices.md).
EVERY: list[tuple[int, str]] = [(10, "flush_scan_counts")]


class Command(BaseCommand):
    help = "Run the periodic jobs (purge, session and job-result clean-up) daily until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run every job now and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            failed = [name for _, name, kwargs in JOBS if not self.run_job(name, kwargs)]
            if failed:
                raise SystemExit(f"failed: {', '.join(failed)}")
            return
        scheduler = schedule.Scheduler()
        for at, name, kwargs in JOBS:
            scheduler.every().day.at(at).do(self.run_job, name, kwargs)
        for seconds, name in EVERY:
            scheduler.every(seconds).seconds.do(self.run_job, name, {})
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            "Periodic jobs: " + ", ".join(f"{name} daily at {at}" for at, name, _ in JOBS)
        )
        self.stdout.flush()
        while not stopping:
            scheduler.run_pending()
            time.sleep(1)
        for _seconds, name in EVERY:
            self.run_job(name, {})  # a clean stop loses no scan

    def run_job(self, name: str, kwargs: dict[str, Any]) -> bool:
        """Run one command; log and swallow its failure so the schedule goes on."""
        fresh_connection()  # the database may have restarted since the last run
        try:
            call_command(name, stdout=self.stdout, **kwargs)
        except Exception:
            log.exception("periodic job %s failed", name)
            return False
        finally:
            fresh_connection()
        return True


def fresh_connection() -> None:
    """Drop a broken or old database connection, unless called inside a transaction (a test)."""
    if not connection.in_atomic_block:
        close_old_connections()
