"""Database router for a read replica: public content is read from it, everything else never.

Active only when DATABASE_REPLICA_URL is set (settings.py then adds the "replica" database, this
router and `PrimaryForStaffMiddleware`); without it nothing changes. See docs/deploy.md,
"Multi-machine layout".

A replica lags the primary by up to a few seconds. Reads that may lag are the public content a
resident sees: notices and their parts (REPLICA_MODELS below) and the translated texts and
glossary shown on those pages. Everything else is read from the primary, always: consultations
(a resident's own case, a message just sent), accounts, auth, sessions, axes (login lockouts),
django_tasks (a job must not run twice), translation jobs and provider usage (budgets), scan
counts and the notice history (read-modify-write). Writes and migrations go to the primary only.

Three more rules keep a write and the read after it consistent:
- inside a transaction on the primary (`atomic`, `select_for_update`), every read is from it;
- a request that may write (not GET/HEAD/OPTIONS) or comes from a signed-in person (staff who
  just published must see their edit) reads from the primary: `PrimaryForStaffMiddleware`;
- `primary_only()` pins reads to the primary anywhere else (a management command, a task).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PRIMARY = "default"

# (app label, model name) pairs whose reads may come from the replica; "*" means every model of
# the app except those in PRIMARY_MODELS.
REPLICA_MODELS: frozenset[tuple[str, str]] = frozenset(
    {
        ("notices", "*"),
        ("translations", "translation"),
        ("translations", "glossaryterm"),
    }
)
# Models of a replica app that are still read from the primary.
PRIMARY_MODELS: frozenset[tuple[str, str]] = frozenset(
    {
        ("notices", "scancount"),  # counts are read, added to and written back
        ("notices", "noticeevent"),  # the audit trail a staff member just wrote
    }
)

_pinned: ContextVar[bool] = ContextVar("tabunka_primary_only", default=False)


@contextlib.contextmanager
def primary_only() -> Iterator[None]:
    """Read everything from the primary inside this block."""
    token = _pinned.set(True)
    try:
        yield
    finally:
        _pinned.reset(token)


def may_lag(model: type[Any]) -> bool:
    """Return whether reads of this model may come from a replica a few seconds behind."""
    label, name = model._meta.app_label, model._meta.model_name
    if (label, name) in PRIMARY_MODELS:
        return False
    return (label, name) in REPLICA_MODELS or (label, "*") in REPLICA_MODELS


class ReplicaRouter:
    """Send reads of public content to "replica" when it is configured; all else to "default"."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if (
            REPLICA in settings.DATABASES
            and may_lag(model)
            and not _pinned.get()
            and not connections[PRIMARY].in_atomic_block
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # Both databases hold the same rows: a replica row and a primary row may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        # The replica gets its schema by replication from the primary, never by migrate.
        return db == PRIMARY


class PrimaryForStaffMiddleware:
    """Pin a request's reads to the primary when it may write or comes from a signed-in person.

    Decided from the method and the session cookie alone, before any database access, so a
    resident's GET of a notice page still goes to the replica.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in self.SAFE and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        with primary_only():
            return self.get_response(request)
