"""Deployment settings (issue 9): check --deploy is clean, no public default secret key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
KEY = "k3y-for-this-test-only-" + "x" * 40


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "TABUNKA_")) and k != "DATABASE_URL"
    }
    env.update(DJANGO_SETTINGS_MODULE="tabunka.settings", **extra)
    return env


def _run(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our interpreter
        [sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def _production(**extra: str) -> dict[str, str]:
    return _env(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=KEY,
        DJANGO_ALLOWED_HOSTS="tabunka.example.jp",
        TABUNKA_HTTPS="1",
        **extra,
    )


def test_check_deploy_with_production_settings_has_no_warnings() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


SHOW = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
    "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
    "s.SECURE_PROXY_SSL_HEADER)"
)


def test_https_turns_on_hsts_secure_cookies_and_redirect(tmp_path: Path) -> None:
    out = _run(SHOW, _production(PYTHONPATH=str(ROOT / "src")), tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["31536000", "True", "False", "True", "True", "True", "None"]
    plain = _run(SHOW, _env(DJANGO_SECRET_KEY=KEY, PYTHONPATH=str(ROOT / "src")), tmp_path)
    assert plain.stdout.split()[:6] == ["0", "False", "False", "False", "False", "False"]


def test_forwarded_proto_is_believed_only_from_a_trusted_proxy(tmp_path: Path) -> None:
    src = str(ROOT / "src")
    half = _run(
        SHOW, _production(PYTHONPATH=src, TABUNKA_TRUSTED_PROXY_HEADER="X-Forwarded-For"), tmp_path
    )
    assert half.stdout.split()[-1] == "None"
    trusted = _run(
        SHOW,
        _production(
            PYTHONPATH=src,
            TABUNKA_TRUSTED_PROXY_HEADER="X-Forwarded-For",
            TABUNKA_TRUSTED_PROXIES="1",
        ),
        tmp_path,
    )
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in trusted.stdout


def test_no_secret_key_and_no_debug_stops_with_a_clear_message(tmp_path: Path) -> None:
    # Settings loaded outside the checkout's var/ (a copy of the package) and outside pytest.
    code = (
        "import shutil, sys; "
        f"shutil.copytree({str(ROOT / 'src' / 'tabunka')!r}, 'pkg/src/tabunka'); "
        "sys.path.insert(0, 'pkg/src'); import tabunka.settings"
    )
    result = _run(code, _env(), tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr
    debug = _run(code.replace("pkg/", "dbg/"), _env(DJANGO_DEBUG="1"), tmp_path)
    assert debug.returncode == 0, debug.stderr
    assert (tmp_path / "dbg" / "var" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_the_test_run_has_a_random_key_not_a_public_default() -> None:
    from django.conf import settings

    assert len(settings.SECRET_KEY) >= 50
    assert "insecure" not in settings.SECRET_KEY
    assert os.environ["DJANGO_SECRET_KEY"] == settings.SECRET_KEY  # subprocesses share it
