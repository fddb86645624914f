"""Measure what a phone downloads for a notice's landing page, in every language.

Starts the app on a temporary SQLite database, opens each language's page in Debian's Chromium and
sums the bytes the network really carried (Chrome DevTools' encodedDataLength: headers and gzip
bodies, fonts excluded). Prints each page against the 30 KB budget and against the uncompressed
size measured in the same run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 30 * 1024
HEADER = f"{'lang':8} {'transferred':>11} {'uncompressed':>12} {'vs budget':>9} {'gzip ratio':>10}"
CODE = "NH7K4A"
LANGS = [
    "ja",
    "ja-easy",
    "en",
    "zh-hans",
    "zh-hant",
    "ko",
    "vi",
    "ne",
    "id",
    "fil",
    "my",
    "th",
    "pt-br",
    "es",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(tmp: str) -> tuple[subprocess.Popen[bytes], str]:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3")
    py = sys.executable
    for args in (["migrate", "-v0", "--no-input"], ["load_demo", "--no-users"]):
        subprocess.run([py, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [py, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/api/languages", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def measure(page: object, cdp: object, url: str) -> tuple[int, int]:
    sizes: dict[str, int] = {}
    bodies: dict[str, int] = {}
    fonts: set[str] = set()

    def on_response(event: dict) -> None:  # type: ignore[type-arg]
        if event["type"] == "Font":
            fonts.add(event["requestId"])

    def on_finished(event: dict) -> None:  # type: ignore[type-arg]
        sizes[event["requestId"]] = int(event["encodedDataLength"])

    def on_data(event: dict) -> None:  # type: ignore[type-arg]
        bodies[event["requestId"]] = bodies.get(event["requestId"], 0) + int(event["dataLength"])

    cdp.on("Network.responseReceived", on_response)  # type: ignore[attr-defined]
    cdp.on("Network.loadingFinished", on_finished)  # type: ignore[attr-defined]
    cdp.on("Network.dataReceived", on_data)  # type: ignore[attr-defined]
    page.goto(url, wait_until="networkidle")  # type: ignore[attr-defined]
    transferred = sum(v for k, v in sizes.items() if k not in fonts)
    raw = sum(v for k, v in bodies.items() if k not in fonts)
    for name, handler in (
        ("Network.responseReceived", on_response),
        ("Network.loadingFinished", on_finished),
        ("Network.dataReceived", on_data),
    ):
        cdp.remove_listener(name, handler)  # type: ignore[attr-defined]
    return transferred, raw


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server, base = start_server(tmp)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=[
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                    ],
                )
                worst = 0
                print(HEADER)
                for lang in LANGS:
                    context = browser.new_context()
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Network.enable")
                    sent, raw = measure(page, cdp, f"{base}/n/{CODE}?lang={lang}")
                    worst = max(worst, sent)
                    ratio = sent / max(raw, 1)
                    print(f"{lang:8} {sent:>11,} {raw:>12,} {sent / BUDGET:>9.2f} {ratio:>10.2f}")
                    context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait()
    print(f"largest page: {worst:,} bytes = {worst / BUDGET:.2f} × the 30 KB budget")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
