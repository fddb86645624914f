"""Serve tabunka as in production on this machine: gunicorn, the task worker, the periodic jobs.

`make serve` migrates (and, on the embedded database, loads the demo) and then runs this;
src/core/tests/test_serve.py runs it too, so the test starts exactly what `make serve` starts.

  PORT=8000 .venv/bin/python deploy/serve.py

1. DEBUG off (DJANGO_DEBUG=0) and hashed static files (TABUNKA_STATIC_MANIFEST=1), collected
   into STATIC_ROOT (TABUNKA_STATIC_ROOT, default var/static) before anything serves.
2. Without DJANGO_SECRET_KEY, a key for this machine is made once into var/secret_key (mode
   0600) and used from then on, so sessions survive restarts. A real deployment sets its own key
   in /etc/tabunka/tabunka.env (docs/deploy.md).
3. honcho runs the three processes of deploy/Procfile (web, worker, periodic) in their own
   process groups: Ctrl-C or SIGTERM stops them all (SIGKILL after 5 s), and when one of them
   dies the others are stopped too, so the stack is never half up. honcho is the Python Foreman:
   a Procfile is the common, tool-neutral way to name a set of processes, and the same file
   serves any Procfile runner (foreman, overmind, a PaaS); systemd units replace it on a server.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_FILE = ROOT / "var" / "secret_key"


def local_secret_key() -> str:
    """Return this machine's key from var/secret_key, making it (0600) on the first call."""
    SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return SECRET_FILE.read_text().strip()
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w") as out:
        out.write(key + "\n")
    return key


def main() -> None:
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "TABUNKA_STATIC_MANIFEST": "1",
        "PORT": os.environ.get("PORT", "8000"),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",
    }
    if not env.get("DJANGO_SECRET_KEY"):
        env["DJANGO_SECRET_KEY"] = local_secret_key()
        print(f"Using the local secret key in {SECRET_FILE.relative_to(ROOT)}", flush=True)
    python = str(bin_dir / "python")
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [python, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    print(
        f"Serving on http://127.0.0.1:{env['PORT']}/ with gunicorn, the task worker and the "
        "periodic jobs, DEBUG off  (Ctrl-C stops all)",
        flush=True,
    )
    procfile = str(ROOT / "deploy" / "Procfile")
    command = [python, "-m", "honcho", "start", "--procfile", procfile, "--app-root", str(ROOT)]
    # --env /dev/null: the processes get this environment only; honcho would otherwise read a
    # .env file in the checkout over it (one left from development could turn DEBUG on).
    command += ["--port", env["PORT"], "--no-colour", "--env", os.devnull]
    os.chdir(ROOT)
    os.execve(python, command, env)  # noqa: S606 - honcho replaces this process


if __name__ == "__main__":
    main()
