"""Background tasks of the notices (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task

from notices import cache


@task()
def purge_notice(code: str) -> int:
    """Ask nginx or the CDN to drop its copies of a notice's pages (TABUNKA_PURGE_URL)."""
    return cache.purge(code)
