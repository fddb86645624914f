"""Fixtures for the translation workflow: a provider pointed at its local fake server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from translations.tests import fakes

FAKES: dict[str, Callable[[fakes.Fake, fakes.Received], fakes.Reply]] = {
    "deepl": fakes.deepl,
    "google": fakes.google,
    "azure": fakes.azure,
    "textra": fakes.textra,
    "libretranslate": fakes.libretranslate,
    "openai": fakes.openai,
}
USERS = {"google": "tabunka-city/us-central1", "azure": "japaneast", "openai": "local-llm"}


IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings: Any) -> None:
    """Run tasks at once; tests of the database backend switch back and call run_worker_once."""
    settings.TASKS = IMMEDIATE


def run_worker_once() -> int:
    """Run every ready task as `manage.py db_worker --batch` does, minus its connection handling.

    The worker closes database connections between tasks, which would end the test's transaction
    on PostgreSQL; the task execution itself is the worker's own code.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    for result in DBTaskResult.objects.ready():
        result.claim(worker.worker_id)
        worker.run_task(result)
        count += 1
    return count


@pytest.fixture
def use_fake(settings: Any) -> Iterator[Callable[[str], fakes.Fake]]:
    """Return a function that starts a provider's fake and points TABUNKA_MT_* at it."""
    with ExitStack() as stack:

        def start(name: str) -> fakes.Fake:
            fake = stack.enter_context(fakes.serve(FAKES[name]))
            settings.TABUNKA_MT_PROVIDER = name
            settings.TABUNKA_MT_URL = fake.url
            settings.TABUNKA_MT_KEY = "test-key"
            settings.TABUNKA_MT_SECRET = "test-secret"
            settings.TABUNKA_MT_USER = USERS.get(name, "tabunka")
            settings.TABUNKA_MT_TIMEOUT = 0.5
            settings.TABUNKA_MT_OPTIONS = {"term_id": "city-terms"}
            return fake

        yield start
