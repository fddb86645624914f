"""Intake while the server is killed: every consultation acknowledged with 201 must be stored.

1. PostgreSQL behind gunicorn with the production configuration (deploy/gunicorn.conf.py,
   2 workers × 4 threads, DEBUG off): clients submit consultations to POST /api/consultations
   without pause while the server is killed with SIGKILL KILLS times, in turn a worker (gunicorn
   starts a new one), the master (its orphaned workers leave; whatever is left after 10 s is
   killed, as systemd would) and the whole process group; after the master or the group the
   script starts the server again, as systemd's Restart=always does.
2. The same load on SQLite (the embedded database of `make run`/`make serve`), without kills.

Afterwards the references acknowledged with 201 are looked up in the database. Printed per run:
sent, acknowledged, present, missing, 5xx answers, connection errors (a request cut by a kill:
never acknowledged, so the resident sees an error and sends again), and 429s. Exit status 1 when
an acknowledged submission is missing, or when the SQLite run has a server error.

Each client sends from its own X-Forwarded-For address (trusted as one proxy in front, as behind
nginx), so the per-address limits see many residents, as in production, not one flood.
Only 127.0.0.1; bounded by KILLS and by a 10-minute deadline.

  DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/durability.py [KILLS]
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from intake_load import ADMIN_URL, db_url, free_port, payload

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DB_NAME = "tabunka_bench_durability"
SQLITE_PATH = Path(tempfile.gettempdir()) / "tabunka_bench_durability.sqlite3"
LOG = ROOT / "var" / "bench" / "durability-server.log"
CLIENTS = 8
DEADLINE = time.monotonic() + 600
VICTIMS = ["worker", "master", "group"]


class Load:
    """CLIENTS threads submitting consultations until stopped; results kept per request."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged: set[str] = set()
        self.outcomes: Counter[str] = Counter()
        self.next = 0

    def submit(self, client: int) -> None:
        while not self.stop.is_set():
            with self.lock:
                i = self.next
                self.next += 1
            request = urllib.request.Request(
                f"{self.base}/api/consultations",
                data=payload(i),
                headers={
                    "Content-Type": "application/json",
                    # A resident per 5 submissions: under the flagging and hourly limits.
                    "X-Forwarded-For": f"10.{client}.{i // 5 // 250 % 250}.{i // 5 % 250 + 1}",
                },
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=15) as response:
                    reference = json.loads(response.read()).get("reference", "")
                    outcome = str(response.status)
                    with self.lock:
                        if response.status == 201 and reference:
                            self.acknowledged.add(reference)
            except urllib.error.HTTPError as error:
                outcome = str(error.code)
                if error.code >= 500:
                    print(f"  {error.code}: {error.read()[:200]!r}", file=sys.stderr)
            except (OSError, ValueError):  # refused, reset, timed out, cut short
                outcome = "connection error"
                time.sleep(0.2)  # a resident would not retry faster
            with self.lock:
                self.outcomes[outcome] += 1

    def run(self, seconds: float | None = None, count: int | None = None) -> None:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            for client in range(CLIENTS):
                pool.submit(self.submit, client)
            while not self.stop.is_set():
                time.sleep(0.1)
                if count is not None and self.next >= count:
                    self.stop.set()
                if seconds is not None and time.monotonic() > seconds:
                    self.stop.set()

    def summary(self, stored: set[str]) -> dict[str, int]:
        outcomes = self.outcomes
        return {
            "sent": sum(outcomes.values()),
            "acknowledged": len(self.acknowledged),
            "present": len(self.acknowledged & stored),
            "missing": len(self.acknowledged - stored),
            "5xx": sum(n for k, n in outcomes.items() if k.isdigit() and int(k) >= 500),
            "conn. errors": outcomes["connection error"],
            "429": outcomes["429"],
        }


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    with LOG.open("ab") as log:
        return subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "TABUNKA_BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group, which the group kill hits
        )


def wait_serving(base: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(f"{base}/consult/", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # answering
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer within {seconds} s; see {LOG}")


def group_members(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":  # pgrp, state
                pids.append(int(entry.name))
    return pids


def kill_one(server: subprocess.Popen[bytes], victim: str) -> bool:
    """Kill the victim with SIGKILL; return True when the server must be started again."""
    master = server.pid
    if victim == "worker":
        workers = [pid for pid in group_members(master) if pid != master]
        if workers:
            os.kill(random.choice(workers), signal.SIGKILL)
            return False
        victim = "group"
    if victim == "master":
        os.kill(master, signal.SIGKILL)
        server.wait()
        end = time.monotonic() + 10  # orphaned workers notice and leave
        while group_members(master) and time.monotonic() < end:
            time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(master, signal.SIGKILL)
    server.wait()
    return True


def stored_postgres() -> set[str]:
    with psycopg.connect(db_url(DB_NAME)) as conn:
        return {r for (r,) in conn.execute("SELECT reference FROM consultations_case")}


def stored_sqlite() -> set[str]:
    with sqlite3.connect(SQLITE_PATH) as conn:
        return {r for (r,) in conn.execute("SELECT reference FROM consultations_case")}


def base_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-durability-key-" + "x" * 40,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TABUNKA_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
        "TABUNKA_TRUSTED_PROXIES": "1",
        "TABUNKA_WEB_WORKERS": "2",
        "TABUNKA_WEB_THREADS": "4",
    }


def print_row(name: str, numbers: dict[str, int]) -> None:
    print(f"{name:30}" + "".join(f"{numbers[k]:>14}" for k in numbers))


def postgres_under_kills(kills: int) -> dict[str, int]:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        admin.execute(f"CREATE DATABASE {DB_NAME}")
    env = base_env(db_url(DB_NAME))
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(env, port)
    wait_serving(base)
    load = Load(base)
    loader = threading.Thread(target=load.run, kwargs={"seconds": DEADLINE - 60})
    loader.start()
    done: Counter[str] = Counter()
    try:
        for k in range(kills):
            time.sleep(random.uniform(0.5, 1.5))  # let requests be under way
            victim = VICTIMS[k % len(VICTIMS)]
            if kill_one(server, victim):
                server = start_server(env, port)
            done[victim] += 1
            wait_serving(base)
            if time.monotonic() > DEADLINE - 90:
                print(f"  deadline: stopped after {k + 1} kills", file=sys.stderr)
                break
        time.sleep(2)  # requests after the last restart
    finally:
        load.stop.set()
        loader.join()
        server.terminate()
        server.wait(timeout=30)
    print(
        f"  {sum(done.values())} kill -9: "
        + ", ".join(f"{n} × {victim}" for victim, n in done.items())
    )
    numbers = load.summary(stored_postgres())
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
    return numbers


def sqlite_without_kills(count: int) -> dict[str, int]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    env = base_env(f"sqlite:///{SQLITE_PATH}")
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(env, port)
    try:
        wait_serving(base)
        load = Load(base)
        load.run(seconds=DEADLINE - 10, count=count)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return load.summary(stored_sqlite())


def main() -> None:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    LOG.parent.mkdir(parents=True, exist_ok=True)
    LOG.write_bytes(b"")
    print(f"{'run':30}" + "".join(f"{k:>14}" for k in Load("").summary(set())))
    postgres = postgres_under_kills(kills)
    print_row(f"PostgreSQL, {kills} × kill -9", postgres)
    sqlite = sqlite_without_kills(400)
    print_row("SQLite (embedded), no kills", sqlite)
    failures = []
    for name, numbers in (("PostgreSQL", postgres), ("SQLite", sqlite)):
        if numbers["missing"]:
            failures.append(f"{name}: LOST {numbers['missing']} acknowledged submissions")
        if not numbers["acknowledged"]:
            failures.append(f"{name}: nothing was acknowledged")
    if sqlite["5xx"] or sqlite["conn. errors"]:
        errors = f"{sqlite['5xx']} server errors, {sqlite['conn. errors']} connection errors"
        failures.append(f"SQLite: {errors}")
    if failures:
        sys.exit("; ".join(failures))
    print("every acknowledged submission is stored")


if __name__ == "__main__":
    main()
