"""The production stack of `make serve`, started for real, and the worker that `make run` starts.

`make serve` runs deploy/serve.py after migrating; so does this test (on a scratch SQLite file
with one demo notice, a free port and its own static root): gunicorn with DEBUG off, hashed
static files with a one-year immutable Cache-Control, and a machine-translation job queued with
`manage.py translate_notice` finished by the stack's task worker against the local fake DeepL.

The stack tests start their own servers on their own SQLite databases, whatever database the
suite runs on: they are skipped when DATABASE_URL is set, so a suite run on SQLite and another
on PostgreSQL run them once, not twice. `run_periodic --once` is tested on the suite's database.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from translations.tests import fakes

own_servers = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="starts its own servers on its own SQLite database; run once, in the SQLite run",
)

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
HOUR = datetime.timedelta(hours=1)

# One demo notice (the pension letter) without its Thai text: the job fills it in.
PREPARE = """
import yaml
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from notices import demo_loader as d
from translations.machine import parts_of
from translations.models import Translation
def read(name):
    return yaml.safe_load((d.DEMO_DIR / name).read_text(encoding="utf-8"))
with transaction.atomic():
    d.load_catalog(read("catalog.yaml"))
    notice = d.load_notice(read("pension.yaml"))
    for part in parts_of(notice):
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(part), object_id=part.pk, language="th"
        ).delete()
print(notice.code)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A migrated SQLite file with the pension notice lacking Thai; returns (file, code)."""
    path = tmp_path_factory.mktemp("serve") / "prepared.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    manage(env, "migrate", "--no-input", "-v", "0")
    code = manage(env, "shell", "-c", PREPARE).strip().splitlines()[-1]
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file to copy
    return path, code


@pytest.fixture
def deepl() -> Iterator[fakes.Fake]:
    with fakes.serve(fakes.deepl) as fake:
        yield fake


def scratch_env(tmp_path: Path, prepared: tuple[Path, str], fake: fakes.Fake) -> dict[str, str]:
    database = tmp_path / "tabunka.sqlite3"
    shutil.copy(prepared[0], database)
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "TABUNKA_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SECRET_KEY": "test-serve-secret-key-not-used-anywhere-else-0123456789",
        "TABUNKA_MT_PROVIDER": "deepl",
        "TABUNKA_MT_URL": fake.url,
        "TABUNKA_MT_KEY": "fake-key",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def job_status(database: str) -> tuple[str, int]:
    """Return (status, Thai rows filled by DeepL) of the newest translation job."""
    with sqlite3.connect(database.removeprefix("sqlite:///"), timeout=20) as conn:
        row = conn.execute(
            "SELECT status FROM translations_translationjob ORDER BY id DESC LIMIT 1"
        ).fetchone()
        (filled,) = conn.execute(
            "SELECT count(*) FROM translations_translation"
            " WHERE language = 'th' AND provider = 'deepl' AND status = 'machine'"
        ).fetchone()
    return (row[0] if row else ""), int(filled)


def wait_for_job(env: dict[str, str], seconds: float = 40) -> tuple[str, int]:
    deadline = time.monotonic() + seconds
    status, filled = job_status(env["DATABASE_URL"])
    while status not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.5)
        status, filled = job_status(env["DATABASE_URL"])
    return status, filled


def get(url: str, language: str = "en") -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail("the stack did not answer within 45 s:\n" + log.read_text()[-3000:])


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@own_servers
def test_make_serve_stack_debug_off_hashed_static_and_worker(
    tmp_path: Path, prepared: tuple[Path, str], deepl: fakes.Fake
) -> None:
    port = free_port()
    env = {**scratch_env(tmp_path, prepared, deepl), "PORT": str(port)}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [PYTHON, "deploy/serve.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{base}/accounts/login/", process, log)

        # DEBUG off: an unknown address is the error page in the reader's language, not
        # Django's technical 404 page.
        status, _, body = get(f"{base}/no-such-page/", "en")
        assert status == 404
        assert "DEBUG = True" not in body and "URLconf" not in body
        assert '<html lang="en"' in body and "We could not find this page." in body

        # Static files under hashed names, cached for a year and never revalidated.
        _, _, login = get(f"{base}/accounts/login/")
        hashed = re.search(r"/static/[\w/.-]+\.[0-9a-f]{12}\.css", login)
        assert hashed, "the login page links no hashed stylesheet"
        status, headers, css = get(base + hashed.group(0))
        assert status == 200 and css.strip()
        cache_control = headers["Cache-Control"]
        assert "immutable" in cache_control
        max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))  # type: ignore[union-attr]
        assert max_age >= 365 * 24 * 3600

        # A machine-translation job queued now is run by the stack's worker.
        assert job_status(env["DATABASE_URL"]) == ("", 0)
        out = manage(env, "translate_notice", prepared[1], "--to", "th")
        assert out.startswith("Job ")
        status, filled = wait_for_job(env)
        assert status == "done", log.read_text()[-3000:]
        assert filled > 0
        assert deepl.bodies("/v2/translate"), "the worker never called the provider"

        # One process dying stops the whole stack (nothing is left half up).
        pids = dict(re.findall(r"(\w+)\.1 started \(pid=(\d+)\)", log.read_text()))
        assert set(pids) == {"web", "worker", "periodic"}
        os.kill(int(pids["periodic"]), signal.SIGKILL)
        assert process.wait(timeout=30) != 0
        assert not listening(port)
        for pid in pids.values():
            with pytest.raises(ProcessLookupError):
                os.kill(int(pid), 0)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C
            process.wait(timeout=30)


@own_servers
def test_the_worker_make_run_starts_runs_a_queued_job(
    tmp_path: Path, prepared: tuple[Path, str], deepl: fakes.Fake
) -> None:
    env = scratch_env(tmp_path, prepared, deepl)
    manage(env, "translate_notice", prepared[1], "--to", "th")
    assert job_status(env["DATABASE_URL"])[0] not in ("done", "failed")
    # The worker's command line in the Makefile's `run` target.
    makefile = (ROOT / "Makefile").read_text()
    assert "manage.py db_worker --queue-name '*' -v 0 &" in makefile
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "-v", "0"], cwd=ROOT, env=env
    )
    try:
        status, filled = wait_for_job(env)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert status == "done" and filled > 0


@pytest.mark.django_db
def test_run_periodic_once_runs_every_daily_job_and_a_failure_stops_none(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from consultations import actions
    from consultations.models import Case
    from consultations.tests.test_privacy import submit
    from core.management.commands import run_periodic

    now = timezone.now()
    expired, kept = submit(), submit()
    actions.do_set_status(expired, "closed", None)
    Case.objects.filter(pk=expired.pk).update(expires_at=now - datetime.timedelta(days=1))
    for key, expires in (("old", now - datetime.timedelta(days=1)), ("live", now + HOUR)):
        Session.objects.create(session_key=key * 8, session_data="", expire_date=expires)
    # A job that fails (here: a command that does not exist) comes first; the others still run.
    monkeypatch.setattr(
        run_periodic, "JOBS", [("03:00", "no_such_command", {}), *run_periodic.JOBS]
    )
    out = io.StringIO()
    with pytest.raises(SystemExit, match="failed: no_such_command"):
        call_command("run_periodic", "--once", stdout=out)
    assert "Purged 1 expired consultations." in out.getvalue()
    assert not Case.objects.filter(pk=expired.pk).exists()
    assert Case.objects.filter(pk=kept.pk).exists()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live" * 8]
    assert any("task result" in r.getMessage() for r in caplog.records)  # pruning ran too
