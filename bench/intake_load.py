"""Intake under load on PostgreSQL through a real server: nothing acknowledged may be lost.

Creates a scratch database, starts gunicorn (2 workers × 8 threads, DEBUG off) against it, and
sends consultations to POST /api/consultations: first from one client in sequence (the baseline),
then from N concurrent clients. Afterwards every reference the server acknowledged with 201 must
be in the database. Prints p50/p99 latency and throughput of both runs and their ratio.
Submissions from one address beyond the hourly limit are stored and flagged, never refused:
the flagged count is printed too.

  DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/intake_load.py [N] [C]
  BENCH_DB=sqlite python bench/intake_load.py [N] [C]    # the embedded database of `make run`
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get("DATABASE_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = "tabunka_bench_intake"
SQLITE = os.environ.get("BENCH_DB", "") == "sqlite"
SQLITE_PATH = Path(tempfile.gettempdir()) / "tabunka_bench_intake.sqlite3"
LOG = ROOT / "var" / "bench" / "intake-server.log"  # the server's errors, if any
LANGS = ["vi", "ne", "zh-hans", "id", "en", "ko", "my", "fil", "th", "pt-br", "es", "ja"]
CATEGORIES = ["health-insurance", "tax", "pension", "housing", "work", "residence"]


def db_url(name: str) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def payload(i: int) -> bytes:
    return json.dumps(
        {
            "language": LANGS[i % len(LANGS)],
            "category": CATEGORIES[i % len(CATEGORIES)],
            "description": f"Load test consultation number {i}: a letter about insurance.",
            "preferred_contact": "phone",
            "phone": f"090-0000-{i % 10000:04d}",
            "consent": True,
        }
    ).encode()


def submit(base: str, i: int) -> tuple[float, int, str]:
    request = urllib.request.Request(
        f"{base}/api/consultations",
        data=payload(i),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            body = json.loads(response.read())
            return time.perf_counter() - start, response.status, body.get("reference", "")
    except urllib.error.HTTPError as error:
        print(f"  request {i}: HTTP {error.code} {error.read()[:200]!r}", file=sys.stderr)
        return time.perf_counter() - start, error.code, ""
    except OSError as error:
        print(f"  request {i}: {error!r}", file=sys.stderr)
        return time.perf_counter() - start, 0, ""


def run(
    base: str, count: int, clients: int, offset: int
) -> tuple[list[tuple[float, int, str]], float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda i: submit(base, offset + i), range(count)))
    return results, time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] * 1000


def report(name: str, results: list[tuple[float, int, str]], seconds: float) -> dict[str, float]:
    times = [t for t, status, _ in results if status == 201]
    failed = len(results) - len(times)
    numbers = {
        "p50": pct(times, 50),
        "p99": pct(times, 99),
        "rps": len(times) / seconds,
    }
    print(
        f"{name:22} {len(results):5} {failed:6} {numbers['p50']:8.1f} {numbers['p99']:8.1f} "
        f"{numbers['rps']:8.1f}"
    )
    return numbers


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    LOG.parent.mkdir(parents=True, exist_ok=True)
    if SQLITE:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    else:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
            admin.execute(f"CREATE DATABASE {DB_NAME}")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{SQLITE_PATH}" if SQLITE else db_url(DB_NAME),
        "DJANGO_DEBUG": os.environ.get("BENCH_DJANGO_DEBUG", "0"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    # gunicorn as in production (2 workers × 8 threads on 2 cores), not runserver: runserver
    # starts a thread and a new database connection per request, which exhausts PostgreSQL.
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "tabunka.wsgi",
            "--pythonpath",
            "src",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "8",
            "--error-logfile",
            str(LOG),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/consult/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        submit(base, -1)  # warm up
        print(f"{'run':22} {'sent':>5} {'failed':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
        single = report("1 client (baseline)", *run(base, max(count // 5, 20), 1, 0))
        results, seconds = run(base, count, clients, 100_000)
        loaded = report(f"{clients} concurrent clients", results, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    acknowledged = {ref for _, status, ref in results if status == 201}
    conn = sqlite3.connect(SQLITE_PATH) if SQLITE else psycopg.connect(db_url(DB_NAME))
    with conn:
        stored = {r for (r,) in conn.execute("SELECT reference FROM consultations_case")}
        flagged = conn.execute(
            "SELECT count(*) FROM consultations_case WHERE flagged <> ''"
        ).fetchone()
        opened = conn.execute("SELECT sum(opened) FROM consultations_monthlystat").fetchone()
    conn.close()
    errors = sum(1 for _, status, _ in results if status >= 500 or status == 0)
    print(f"server errors (5xx or no answer) under load: {errors}")
    missing = acknowledged - stored
    print(
        f"acknowledged {len(acknowledged)}, missing afterwards {len(missing)}, "
        f"stored flagged (over the per-address limit, kept) {flagged[0] if flagged else 0}, "
        f"statistics count {opened[0] if opened else 0} of {len(stored)} stored"
    )
    print(
        f"p99 under load vs one client: {loaded['p99'] / single['p99']:.1f}x; "
        f"throughput {loaded['rps'] / single['rps']:.1f}x "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    if not SQLITE:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
    if missing:
        sys.exit(f"LOST {len(missing)} acknowledged submissions")
    if errors:
        sys.exit(f"{errors} server errors under load")


if __name__ == "__main__":
    main()
