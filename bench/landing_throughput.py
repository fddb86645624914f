"""Landing page throughput: the production server against nginx serving the same bytes statically.

  .venv/bin/python bench/landing_throughput.py [--seconds 10] [--connections 64]

In one run, on 127.0.0.1 only, bounded in time, stopping everything it started:

1. A scratch SQLite database in a temporary directory (migrate, the demo notices), hashed static
   files collected into that directory, a file cache there too (the `make serve` default, one
   per machine), DEBUG off; gunicorn with deploy/gunicorn.conf.py (TABUNKA_WEB_WORKERS and
   TABUNKA_WEB_THREADS as in the environment, default 2 × 4 on this 2-core machine).
2. The landing page of the demo NHI notice is fetched once and saved in the temporary directory;
   nginx (/usr/sbin/nginx; `apt-get install nginx`) serves that file on a free port.
3. wrk (`apt-get install wrk`) loads each at 64 connections for --seconds seconds: nginx; the
   server warm (the page in the cache); cold (the cache's files deleted
   every 0.2 s, so most requests render: the worst case right after an edit); with furigana
   (ja-easy, ruby on). A same-site Referer is sent, as the language menu does, so the load
   measures serving, not counting (an arrival adds one cache increment).

Prints requests/s, p99 latency and the ratio server/nginx (goal: ≥ 25 %, p99 ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CODE = "NH7K4A"
REFERER = "http://127.0.0.1/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait(url: str, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"{url} did not answer within {seconds} s")


def wrk(url: str, seconds: int, connections: int, headers: dict[str, str]) -> tuple[float, float]:
    """Return requests/s and p99 in ms."""
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    number, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99 = float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    if "Non-2xx" in out:
        print("  (non-2xx answers seen)\n" + out)
    return rps, p99


def start_nginx(work: Path, page: bytes, port: int) -> subprocess.Popen[bytes]:
    site = work / "nginx"
    (site / "n").mkdir(parents=True)
    (site / "n" / CODE).write_bytes(page)
    conf = site / "nginx.conf"
    conf.write_text(
        f"""worker_processes 2;
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
  default_type text/html;
  server {{
    listen 127.0.0.1:{port};
    root {site};
  }}
}}
"""
    )
    return subprocess.Popen(
        ["/usr/sbin/nginx", "-c", str(conf), "-p", str(site)], start_new_session=True
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    options = parser.parse_args()
    for tool, package in (("wrk", "wrk"), ("/usr/sbin/nginx", "nginx")):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {package}")
    with tempfile.TemporaryDirectory(prefix="tabunka-landing-") as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # nginx's workers (user nobody) read the saved page from here
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-landing-key-" + "x" * 40,
            "TABUNKA_STATIC_MANIFEST": "1",
            "TABUNKA_STATIC_ROOT": str(work / "static"),
            "TABUNKA_WEB_WORKERS": os.environ.get("TABUNKA_WEB_WORKERS", "2"),
            "TABUNKA_WEB_THREADS": os.environ.get("TABUNKA_WEB_THREADS", "4"),
        }
        env.pop("TABUNKA_CACHE_URL", None)  # the embedded file cache, as `make serve`
        for command in (
            ["migrate", "-v", "0"],
            ["load_demo"],
            ["collectstatic", "--no-input", "-v", "0"],
        ):
            subprocess.run(
                [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
            )
        # The file cache settings.py names for this database (the key prefix is its hash).
        name = f"/{work / 'db.sqlite3'}"
        cache_dir = ROOT / "var" / "cache" / hashlib.sha256(name.encode()).hexdigest()[:10]
        app_port, nginx_port = free_port(), free_port()
        app = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "TABUNKA_BIND": f"127.0.0.1:{app_port}"},
            stdout=subprocess.DEVNULL,
            stderr=(work / "gunicorn.log").open("wb"),
            start_new_session=True,
        )
        nginx = None
        try:
            base = f"http://127.0.0.1:{app_port}/n/{CODE}"
            wait(base)
            request = urllib.request.Request(base, headers={"Referer": REFERER})
            page = urllib.request.urlopen(request, timeout=10).read()
            nginx = start_nginx(work, page, nginx_port)
            static = f"http://127.0.0.1:{nginx_port}/n/{CODE}"
            wait(static)
            own = {"Referer": REFERER, "Accept-Language": "ja"}
            s, c = options.seconds, options.connections
            results: list[tuple[str, float, float]] = []
            results.append(("nginx, static file", *wrk(static, s, c, own)))
            wrk(base, 3, c, own)  # every worker loads its dictionaries and caches the page
            results.append(("server, warm", *wrk(base, s, c, own)))
            stop_bumping = threading.Event()

            def empty_cache() -> None:  # every page renders again, as right after an edit
                while not stop_bumping.is_set():
                    for entry in cache_dir.glob("*.djcache"):
                        with contextlib.suppress(OSError):
                            entry.unlink()
                    stop_bumping.wait(0.2)

            bumper = threading.Thread(target=empty_cache, daemon=True)
            bumper.start()
            try:
                results.append(("server, cold (cache emptied)", *wrk(base, s, c, own)))
            finally:
                stop_bumping.set()
                bumper.join(30)
            easy = f"{base}?lang=ja-easy&furigana=on"
            wrk(easy, 3, c, own)  # the furigana page into the cache
            results.append(("server, warm, furigana (ja-easy)", *wrk(easy, s, c, own)))
        finally:
            if nginx is not None:
                stop(nginx)
            stop(app)
            shutil.rmtree(cache_dir, ignore_errors=True)
        nginx_rps = results[0][1]
        print(f"\nlanding /n/{CODE}, {c} connections, {s} s each, {len(page)} bytes")
        print(f"{'':36} {'req/s':>10} {'p99 ms':>8} {'of nginx':>9}")
        for name, rps, p99 in results:
            print(f"{name:36} {rps:10.0f} {p99:8.1f} {rps / nginx_rps:9.2%}")
        warm = results[1]
        print(
            f"\nratio server/nginx (warm): {warm[1] / nginx_rps:.2%} (goal ≥ 25 %); "
            f"p99 {warm[2]:.1f} ms (goal ≤ 50 ms)"
        )


if __name__ == "__main__":
    main()
