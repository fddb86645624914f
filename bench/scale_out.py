"""Scale-out on one machine: nginx as load balancer → one, then two app servers → PostgreSQL, Redis.

  .venv/bin/python bench/scale_out.py [--seconds 10] [--connections 32] [--clients 16]

On 127.0.0.1 only, each load phase bounded to --seconds (at most 15), stopping everything it
started (also on Ctrl-C or SIGTERM):

1. A scratch PostgreSQL database (DATABASE_ADMIN_URL, default postgres@127.0.0.1:5432), migrated
   and loaded with the demo; Redis database BENCH_REDIS_DB (default 11) of 127.0.0.1:6379 as the
   shared cache of every server (TABUNKA_CACHE_URL: pages, rate limits, scan counts), emptied
   before and after; hashed static files collected into a temporary directory. DEBUG off.
2. App servers: gunicorn with deploy/gunicorn.conf.py (TABUNKA_WEB_WORKERS × TABUNKA_WEB_THREADS,
   default 2 × 4 each), each on its own free port.
3. nginx (`-c` a temporary config `-p` its directory) on a free port, one upstream with the app
   servers (round robin, keep-alive). The load generator stands in for a CDN edge: it sends
   X-Forwarded-For with a client address, nginx appends its own, and the servers trust two hops
   (TABUNKA_TRUSTED_PROXY_HEADER=X-Forwarded-For, TABUNKA_TRUSTED_PROXIES=2), so the per-address
   limits of core.limits count each simulated resident, not the one load-generating address.
4. For one app server, then two: the landing page GET /n/NH7K4A in five languages with wrk
   (`apt-get install wrk`), and the intake POST /api/consultations from a thread pool (the
   payload of bench/intake_load.py), each request from its own client address. wrk sends no
   Referer and no cookie, so every landing request is a counted arrival (a new scan): the
   mass-mailing case, not the repeat-visit one.

Prints requests/s, p50/p99, errors, and the ratio two/one; afterwards every consultation
acknowledged with 201 must be in the database. On a 2-core machine two app servers compete for the
same cores as nginx, PostgreSQL, Redis and the load generator: the ratio shows that the layout
works (any server answers any request, limits and caches are shared), not that it scales.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from intake_load import db_url, free_port, payload, pct  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
ADMIN_URL = os.environ.get("DATABASE_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = "tabunka_bench_scale"
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "11"))
CODE = "NH7K4A"
LANGS = ["vi", "ne", "zh-hans", "en", "ja-easy"]


def wait(url: str, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(25)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start_app(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn and configuration
        [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "TABUNKA_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
        start_new_session=True,
    )


def start_nginx(work: Path, port: int, app_ports: list[int]) -> subprocess.Popen[bytes]:
    site = work / f"nginx-{len(app_ports)}"
    (site / "scratch").mkdir(parents=True)
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in app_ports)
    conf = site / "nginx.conf"
    conf.write_text(
        f"""worker_processes 1;
daemon off;
pid {site}/nginx.pid;
error_log {site}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {site}/scratch;
  proxy_temp_path {site}/scratch;
  fastcgi_temp_path {site}/scratch;
  uwsgi_temp_path {site}/scratch;
  scgi_temp_path {site}/scratch;
  upstream tabunka {{
{servers}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://tabunka;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""
    )
    return subprocess.Popen(  # noqa: S603 - the system nginx with our temporary configuration
        ["/usr/sbin/nginx", "-c", str(conf), "-p", str(site)], start_new_session=True
    )


WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def landing_load(base: str, seconds: int, connections: int, work: Path) -> dict[str, float]:
    """wrk on the landing page in LANGS; return req/s, p50, p99 (ms), errors."""
    script = work / "langs.lua"
    paths = ", ".join(f'"/n/{CODE}?lang={lang}"' for lang in LANGS)
    script.write_text(WRK_SCRIPT % paths)
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    args += ["-s", str(script), f"{base}/n/{CODE}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603

    def ms(q: str) -> float:
        number, unit = re.search(rf"{q}%\s+([\d.]+)(us|ms|s)\b", out).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "errors": errors, "sent": 0}


def post(base: str, i: int) -> tuple[float, int, str]:
    """One consultation from client address 10.x.y.z (unique per i), as a CDN edge forwards it."""
    address = f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
    request = urllib.request.Request(
        f"{base}/api/consultations",
        data=payload(i),
        headers={"Content-Type": "application/json", "X-Forwarded-For": address},
        method="POST",
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            reference = json.loads(response.read()).get("reference", "")
            return time.perf_counter() - start, response.status, reference
    except urllib.error.HTTPError as error:
        return time.perf_counter() - start, error.code, ""
    except OSError:
        return time.perf_counter() - start, 0, ""


def intake_load(
    base: str, seconds: int, clients: int, first: int
) -> tuple[dict[str, float], set[str]]:
    """Each of `clients` threads posts until the deadline; return numbers and acknowledged refs."""
    deadline = time.monotonic() + seconds
    counter = iter(range(first, first + 10_000_000))
    lock = threading.Lock()
    results: list[tuple[float, int, str]] = []

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                i = next(counter)
            result = post(base, i)
            with lock:
                results.append(result)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for _ in range(clients):
            pool.submit(client)
    elapsed = time.perf_counter() - start
    times = [t for t, status, _ in results if status == 201]
    numbers = {
        "rps": len(times) / elapsed,
        "p50": pct(times, 50) if times else 0.0,
        "p99": pct(times, 99) if times else 0.0,
        "errors": len(results) - len(times),
        "sent": len(results),
    }
    return numbers, {ref for _, status, ref in results if status == 201 and ref}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--clients", type=int, default=16)
    options = parser.parse_args()
    seconds = max(1, min(options.seconds, 15))
    for tool, package in (("wrk", "wrk"), ("/usr/sbin/nginx", "nginx")):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {package}")
    # SIGTERM ends the run like Ctrl-C: through the finally blocks that stop everything. SIGINT
    # is set too: a shell starts a background job with SIGINT ignored, and Python keeps that.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    cache = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    processes: list[subprocess.Popen[bytes]] = []
    rows: list[tuple[str, int, dict[str, float]]] = []
    acknowledged: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="tabunka-scale-") as tmp:
        work = Path(tmp)
        try:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
                admin.execute(f"CREATE DATABASE {DB_NAME}")
            cache.flushdb()
            env = {
                **os.environ,
                "DATABASE_URL": db_url(DB_NAME),
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": "bench-scale-out-key-" + "x" * 40,
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "TABUNKA_CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
                "TABUNKA_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
                "TABUNKA_TRUSTED_PROXIES": "2",
                "TABUNKA_STATIC_MANIFEST": "1",
                "TABUNKA_STATIC_ROOT": str(work / "static"),
                "TABUNKA_WEB_WORKERS": os.environ.get("TABUNKA_WEB_WORKERS", "2"),
                "TABUNKA_WEB_THREADS": os.environ.get("TABUNKA_WEB_THREADS", "4"),
            }
            env.pop("DATABASE_REPLICA_URL", None)
            started = time.monotonic()
            for command in (
                ["migrate", "-v", "0"],
                ["load_demo"],
                ["collectstatic", "--no-input", "-v", "0"],
            ):
                subprocess.run(  # noqa: S603 - our own interpreter and manage.py
                    [PYTHON, "manage.py", *command],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                )
            print(
                f"scratch database {DB_NAME} migrated, demo loaded in "
                f"{time.monotonic() - started:.0f} s",
                flush=True,
            )
            app_ports: list[int] = []
            log = work / "gunicorn.log"
            for servers in (1, 2):
                port = free_port()
                processes.append(start_app(env, port, log))
                app_ports.append(port)
                wait(f"http://127.0.0.1:{port}/n/{CODE}")
                nginx_port = free_port()
                nginx = start_nginx(work, nginx_port, app_ports)
                processes.append(nginx)
                base = f"http://127.0.0.1:{nginx_port}"
                wait(f"{base}/n/{CODE}")
                # Warm-up: every worker loads its dictionaries and the pages enter the cache.
                landing_load(base, 2, options.connections, work)
                intake_load(base, 1, 4, 9_000_000 + servers * 100_000)
                print(f"{servers} app server(s): landing ...", flush=True)
                rows.append(
                    ("landing GET", servers, landing_load(base, seconds, options.connections, work))
                )
                print(f"{servers} app server(s): intake ...", flush=True)
                numbers, refs = intake_load(base, seconds, options.clients, servers * 1_000_000)
                rows.append(("intake POST", servers, numbers))
                acknowledged |= refs
                stop(nginx)
                processes.remove(nginx)
            with psycopg.connect(db_url(DB_NAME)) as conn:
                stored = {r for (r,) in conn.execute("SELECT reference FROM consultations_case")}
        finally:
            for process in reversed(processes):
                stop(process)
            with contextlib.suppress(Exception):
                cache.flushdb()
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            log_file = work / "gunicorn.log"
            server_errors = log_file.read_text(errors="replace") if log_file.exists() else ""
    workers = f"{env['TABUNKA_WEB_WORKERS']} × {env['TABUNKA_WEB_THREADS']}"
    print(
        f"\nnginx → 1 or 2 app servers (gunicorn {workers} each) → PostgreSQL, Redis db "
        f"{REDIS_DB}; {seconds} s per phase; landing: wrk {options.connections} connections, "
        f"{len(LANGS)} languages; intake: {options.clients} client threads"
    )
    print(
        f"{'load':12} {'servers':>7} {'sent':>6} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8}"
    )
    for name, servers, n in rows:
        sent = str(int(n["sent"])) if n["sent"] else "-"
        print(
            f"{name:12} {servers:7} {sent:>6} {int(n['errors']):6} {n['rps']:8.1f} "
            f"{n['p50']:8.1f} {n['p99']:8.1f}"
        )
    for name in ("landing GET", "intake POST"):
        one, two = (n for row_name, _, n in rows if row_name == name)
        print(
            f"ratio two/one, {name}: {two['rps'] / one['rps']:.2f} (requests/s), "
            f"p99 {two['p99'] / one['p99']:.2f}"
        )
    missing = acknowledged - stored
    print(f"consultations acknowledged {len(acknowledged)}, missing afterwards {len(missing)}")
    tracebacks = server_errors.count("Traceback")
    # Workers booted beyond the first ones of each server: recycled by max_requests (each new
    # worker loads its dictionaries again, which shows in p99).
    booted = server_errors.count("Booting worker")
    initial = 2 * int(env["TABUNKA_WEB_WORKERS"])
    restarts = booted - initial
    print(f"server tracebacks in the gunicorn log: {tracebacks}; worker restarts: {restarts}")
    print(
        f"Note: this machine has {os.cpu_count()} cores (load average "
        f"{os.getloadavg()[0]:.1f}); two app servers here compete for the same cores as nginx, "
        "PostgreSQL, Redis and the load generator, so the ratio shows that the layout works "
        "(either server answers any request; cache, rate limits and scan counts are shared in "
        "Redis), not that it scales. On separate machines each app server brings its own cores."
    )
    if missing or tracebacks:
        sys.exit(1)


if __name__ == "__main__":
    main()
