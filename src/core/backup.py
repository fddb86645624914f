"""Back up and restore the database and uploaded files, with a manifest to verify a restore.

PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore`; SQLite is copied
with its online backup API (consistent while the server writes). Uploaded files (MEDIA_ROOT) go
into a tar archive. `manifest.json` records row counts and a checksum per table, so a restore can
prove that it brought back exactly what was saved.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "db.sqlite3"
PG_FILE = "db.dump"
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason for the operator."""


@dataclass(frozen=True)
class Target:
    """A database to back up from or restore into."""

    vendor: str  # "postgresql" or "sqlite"
    url: str = ""  # PostgreSQL connection URL
    path: str = ""  # SQLite file
    alias: str = ""  # a configured Django database: SQLite is then read through its connection

    def __str__(self) -> str:
        if self.vendor == "sqlite":
            return f"SQLite {self.path}"
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(self.url)
        return f"PostgreSQL {info.get('dbname', '')} on {info.get('host', 'localhost')}"


def configured_target(alias: str = "default") -> Target:
    """Return the target of a configured Django database."""
    conn = connections[alias]
    s = conn.settings_dict
    if conn.vendor == "sqlite":
        return Target("sqlite", path=str(s["NAME"]), alias=alias)
    if conn.vendor == "postgresql":
        from psycopg.conninfo import make_conninfo

        params = {
            "dbname": s["NAME"],
            "user": s["USER"],
            "password": s["PASSWORD"],
            "host": s["HOST"],
            "port": str(s["PORT"] or ""),
        }
        return Target("postgresql", url=make_conninfo(**{k: v for k, v in params.items() if v}))
    raise BackupError(f"unsupported database: {conn.vendor}")


def target_from_url(url: str) -> Target:
    """Return a target from a DATABASE_URL-style address (postgres://… or sqlite:///path)."""
    parts = urlsplit(url)
    if parts.scheme in ("postgres", "postgresql"):
        return Target("postgresql", url=url.replace("postgres://", "postgresql://", 1))
    if parts.scheme == "sqlite":
        return Target("sqlite", path=parts.path[1:] if parts.path.startswith("//") else parts.path)
    raise BackupError(f"unsupported database address: {parts.scheme}://…")


class _Borrowed:
    """Django's own SQLite connection, lent out and not closed (a second connection would wait
    for the lock this one may hold, e.g. inside a transaction)."""

    def __init__(self, alias: str) -> None:
        connections[alias].ensure_connection()
        self.raw = connections[alias].connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def close(self) -> None:
        pass


def _raw_connection(target: Target) -> Any:
    if target.vendor == "sqlite":
        return _Borrowed(target.alias) if target.alias else _sqlite(target.path)
    import psycopg

    return psycopg.connect(target.url)


def _sqlite(path: str | Path) -> sqlite3.Connection:
    name = str(path)
    return sqlite3.connect(name, uri=name.startswith("file:"))


def _tables(raw: Any, vendor: str) -> list[str]:
    if vendor == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return sorted(row[0] for row in raw.execute(sql).fetchall())


def table_checksums(target: Target) -> dict[str, dict[str, Any]]:
    """Return {table: {"rows": n, "sha256": …}} over every row in a stable order."""
    raw = _raw_connection(target)
    try:
        result = {}
        for table in _tables(raw, target.vendor):
            rows = raw.execute(_select_all(raw, target.vendor, table)).fetchall()
            digest = hashlib.sha256()
            # Sorting in Python gives one order on both engines, whatever the collation.
            for line in sorted(repr(tuple(_plain(v) for v in row)) for row in rows):
                digest.update(line.encode())
                digest.update(b"\n")
            result[table] = {"rows": len(rows), "sha256": digest.hexdigest()}
        return result
    finally:
        raw.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select_all(raw: Any, vendor: str, table: str) -> str:
    if vendor != "sqlite":
        return f"SELECT * FROM {_quote(table)}"  # noqa: S608 (names from the catalog)
    # `+column` is the stored value without its declared type, so Django's connection (which
    # converts declared types) and a plain one read the same values.
    columns = [row[1] for row in raw.execute(f"PRAGMA table_info({_quote(table)})").fetchall()]
    listed = ", ".join(f"+{_quote(c)}" for c in columns)
    return f"SELECT {listed} FROM {_quote(table)}"  # noqa: S608 (names from the catalog)


def _plain(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _media_root() -> Path | None:
    root = getattr(settings, "MEDIA_ROOT", "")
    return Path(root) if root else None


def file_checksums(root: Path | None) -> dict[str, str]:
    """Return {relative path: sha256} of every file under root."""
    if root is None or not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def backup(destination: Path, target: Target | None = None) -> Path:
    """Write a backup into a new folder under destination and return that folder."""
    target = target or configured_target()
    folder = destination / timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    if target.vendor == "sqlite":
        source = _raw_connection(target)
        copy = sqlite3.connect(folder / SQLITE_FILE)
        try:
            source.raw.backup(copy) if isinstance(source, _Borrowed) else source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={folder / PG_FILE}", target.url])
    media = _media_root()
    if media is not None and media.exists():
        with tarfile.open(folder / MEDIA_FILE, "w:gz") as tar:
            tar.add(media, arcname=".")
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": target.vendor,
        "tables": table_checksums(Target("sqlite", path=str(folder / SQLITE_FILE)))
        if target.vendor == "sqlite"
        else table_checksums(target),
        "files": file_checksums(media),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
    return folder


def restore(
    folder: Path, target: Target | None = None, media_root: Path | None = None
) -> dict[str, Any]:
    """Restore a backup folder into target (and media_root); return the differences found."""
    target = target or configured_target()
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{folder} is not a backup folder (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    if manifest["vendor"] != target.vendor:
        raise BackupError(f"a {manifest['vendor']} backup cannot be restored into {target.vendor}")
    if target.vendor == "sqlite":
        source = sqlite3.connect(folder / SQLITE_FILE)
        into = _raw_connection(target)
        try:
            source.backup(into.raw if isinstance(into, _Borrowed) else into)
        finally:
            into.close()
            source.close()
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={target.url}", str(folder / PG_FILE)])  # fmt: skip
    media = media_root or _media_root()
    if (folder / MEDIA_FILE).exists() and media is not None:
        if media.exists():
            shutil.rmtree(media)
        media.mkdir(parents=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as tar:
            tar.extractall(media, filter="data")
    tables = table_checksums(target)
    files = file_checksums(media)
    return {
        "tables": sorted(t for t in manifest["tables"] if tables.get(t) != manifest["tables"][t]),
        "files": sorted(set(files.items()) ^ set(manifest["files"].items())),
    }


def _run(command: list[str]) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()[:500]}") from error
