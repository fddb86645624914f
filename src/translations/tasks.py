"""Background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task

from translations import machine


@task()
def machine_translate(job_id: int) -> int:
    """Run one machine-translation job; return how many fields it filled."""
    return machine.run_job(job_id).filled
