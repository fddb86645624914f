"""Backup → fresh database → restore: every table's rows and checksum, and every file, identical."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from core import backup


@pytest.fixture(autouse=True)
def _demo_content(request: pytest.FixtureRequest) -> None:
    """Reload the sample content if a transactional test before this one emptied the tables."""
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("transactional_db")
    from core import testing
    from notices import demo_loader
    from notices.models import Notice

    if not Notice.objects.exists():
        testing.restore_snapshot() if testing.can_restore() else demo_loader.load_all()


@pytest.fixture
def fresh_target(tmp_path: Path) -> Iterator[backup.Target]:
    """Return an empty database of the same engine as the one under test, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield backup.Target("sqlite", path=str(tmp_path / "fresh.sqlite3"))
        return
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    info = conninfo_to_dict(backup.configured_target().url)
    name = f"tabunka_restore_{uuid.uuid4().hex[:8]}"
    admin_info = make_conninfo(**{**info, "dbname": "postgres"})
    with psycopg.connect(admin_info, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield backup.Target("postgresql", url=make_conninfo(**{**info, "dbname": name}))
    finally:
        with psycopg.connect(admin_info, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Outside a transaction, as `manage.py backup` runs (SQLite's backup API cannot read a database
# that its own connection is writing to); the demo content is reloaded for the tests after it.
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_a_fresh_database_is_identical(
    tmp_path: Path, fresh_target: backup.Target
) -> None:
    media = tmp_path / "media"
    (media / "programmes" / "2026").mkdir(parents=True)
    (media / "programmes" / "2026" / "cafe.jpg").write_bytes(bytes(range(256)) * 40)
    (media / "note.txt").write_text("国際交流会館\n", "utf-8")
    with override_settings(MEDIA_ROOT=media):
        folder = backup.backup(tmp_path / "backups")
    restored_media = tmp_path / "restored-media"
    differences = backup.restore(folder, fresh_target, media_root=restored_media)
    assert differences == {"tables": [], "files": []}

    live = backup.table_checksums(backup.configured_target())
    again = backup.table_checksums(fresh_target)
    assert again == live
    assert live["notices_notice"]["rows"] >= 9  # the demo content was really there
    assert live["translations_translation"]["rows"] > 1000
    assert (restored_media / "programmes" / "2026" / "cafe.jpg").read_bytes() == (
        media / "programmes" / "2026" / "cafe.jpg"
    ).read_bytes()
    assert (restored_media / "note.txt").read_text("utf-8") == "国際交流会館\n"


@pytest.mark.django_db(transaction=True)
def test_a_changed_table_is_reported(tmp_path: Path, fresh_target: backup.Target) -> None:
    with override_settings(MEDIA_ROOT=tmp_path / "none"):
        folder = backup.backup(tmp_path / "backups")
    backup.restore(folder, fresh_target, media_root=tmp_path / "m")
    raw = backup._raw_connection(fresh_target)
    raw.execute("DELETE FROM notices_scancount")
    raw.execute("UPDATE notices_topic SET name = 'changed'")
    raw.commit()
    raw.close()
    checks = backup.table_checksums(fresh_target)
    manifest = backup.table_checksums(backup.configured_target())
    assert checks["notices_topic"] != manifest["notices_topic"]


def test_restore_refuses_a_folder_without_manifest(tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError, match="not a backup folder"):
        backup.restore(tmp_path, backup.Target("sqlite", path=str(tmp_path / "x.sqlite3")))
