"""Test support: a snapshot of the loaded sample content, restored in a moment after a flush.

Browser tests run against a live server, so their test database is emptied (flushed) after each
one; loading the sample content again through the ORM takes many seconds per test. The snapshot
copies every table once after loading (SQLite's backup API, PostgreSQL's binary COPY) and puts it
back the same way.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

_sqlite_copy: sqlite3.Connection | None = None
_pg_tables: dict[str, bytes] = {}


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _tables() -> list[str]:
    return [t for t in connection.introspection.table_names() if t != "django_migrations"]


def take_snapshot() -> None:
    """Remember every table's rows as they are now; inside a transaction, do nothing (what it
    holds would be rolled back, and SQLite cannot copy a database its connection is writing)."""
    global _sqlite_copy
    if connection.in_atomic_block:
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        _sqlite_copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_sqlite_copy)
        return
    _pg_tables.clear()
    with connection.connection.cursor() as cursor:
        for table in _tables():
            with cursor.copy(f"COPY {_quote(table)} TO STDOUT (FORMAT BINARY)") as copy:
                _pg_tables[table] = b"".join(bytes(block) for block in copy)


def can_restore() -> bool:
    """Return whether a snapshot exists and may be restored now (outside a transaction)."""
    return (_sqlite_copy is not None or bool(_pg_tables)) and not connection.in_atomic_block


def restore_snapshot() -> None:
    """Replace every table's rows with the snapshot (call outside a transaction)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        assert _sqlite_copy is not None
        _sqlite_copy.backup(connection.connection)
        return
    raw: Any = connection.connection
    with transaction.atomic(), raw.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(_quote(t) for t in _pg_tables)} CASCADE")
        for table, data in _pg_tables.items():
            with cursor.copy(f"COPY {_quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(data)
        models = apps.get_models(include_auto_created=True)
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
