"""gunicorn's configuration for tabunka: `make serve` (deploy/serve.py) and tabunka-web.service.

Every value can be changed from the environment (deploy/tabunka.env.example):
TABUNKA_BIND (default 127.0.0.1:$PORT, PORT default 8000; nginx proxies to it),
TABUNKA_WEB_WORKERS (processes; default the number of cores, at least 2, at most 8) and
TABUNKA_WEB_THREADS (threads per process; default 4). On 2 cores that is 2 × 4: requests spend
much of their time waiting on the database, so threads serve more at once than processes would,
and two processes keep one crashed or recycled worker from stopping the site.
TABUNKA_ACCESS_LOG: "-" logs requests to stdout (the journal under systemd); unset, nginx's
access log is the one log of requests. Errors always go to stderr.

preload_app is off: each worker imports the application itself, so `systemctl reload` (HUP)
picks up new code without a restart, and no database connection or file handle opened at import
is ever shared by forked workers (the embedded SQLite database must not be). The price is that
each worker loads the Easy-Japanese dictionaries and the FAQ model on its own.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

wsgi_app = "tabunka.wsgi:application"
pythonpath = str(ROOT / "src")
chdir = str(ROOT)

bind = [os.environ.get("TABUNKA_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("TABUNKA_WEB_WORKERS") or min(max(os.cpu_count() or 1, 2), 8))
threads = int(os.environ.get("TABUNKA_WEB_THREADS") or 4)
worker_class = "gthread"
preload_app = False

# A request that takes longer than `timeout` seconds is stopped (its worker restarted); on
# SIGTERM workers get `graceful_timeout` seconds to finish the requests they hold.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Workers are replaced after about 50,000 requests, which bounds any slow growth of memory.
# (At 2,000 a worker was replaced every few seconds under load, and each new one loads the
# dictionaries again: bench/scale_out.py saw landing p99 of 3-4 s with 5-6 restarts per run.)
max_requests = 50000
max_requests_jitter = 5000

# nginx on the same machine sets X-Forwarded-Proto; trust it from there only.
forwarded_allow_ips = os.environ.get("TABUNKA_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("TABUNKA_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("TABUNKA_LOG_LEVEL", "info")
proc_name = "tabunka-web"
# gunicorn's control socket (for `gunicornc`) is unused here; two servers on one machine (a
# benchmark beside `make serve`) would otherwise share its one default path in $HOME.
control_socket_disable = True
