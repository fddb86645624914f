"""FAQ search under abuse: a long question's cost, and a notice page while distinct questions flood.

Runs on a temporary SQLite database with the demo notices and FAQ. Prints, each against a baseline
measured in the same run:
1. one 490-character question: the old path (embedded whole, 500-character cap) against the new
   one (`search.lookup`: cut to 200 characters, then answered from the cache when asked again);
2. a notice landing page's median latency alone, and while one client sends 3.4 distinct
   490-character questions a second (the rate of the probe in issue 9) for 30 s: through the old
   path (no limit, no cut), and through GET /consult/faq with today's limits (after 30 a minute
   the answer is a cheap 429).
The server is Django's test client in threads of one process, as `make run` serves; the numbers
are ratios, not production latencies. Not a test: run `python bench/faq_abuse.py`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]
_tmp = tempfile.mkdtemp(prefix="faq-abuse-")
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tabunka.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from consultations import demo_loader as faq_loader  # noqa: E402
from consultations import search  # noqa: E402
from notices import demo_loader  # noqa: E402
from notices.models import Notice  # noqa: E402

LONG = ("国民健康保険に入りたいです。病院に行きたいけど保険証がありません。" * 20)[:490]
PAGES = 40
# The probe that found the problem sent 3.4 distinct questions a second (issue 9).
RATE = 3.4
FLOOD_THREADS = 4
SECONDS = 30.0


def timed(call: Callable[[], object], repeat: int = 5) -> float:
    """Return the median seconds of a call."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_latency(url: str, seconds: float | None = None) -> float:
    """Return the page's median latency over PAGES requests, or over `seconds` of requests."""
    client = Client()
    if seconds is None:
        return timed(lambda: client.get(url), repeat=PAGES)
    times, end = [], time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
        time.sleep(0.05)  # a reader, not a loop
    return statistics.median(times)


def under_flood(url: str, ask: Callable[[int], object]) -> tuple[float, int]:
    """Return the page's median latency while FLOOD_THREADS send distinct questions at RATE/s."""
    stop = threading.Event()
    counter = iter(range(10**9))
    asked = [0]
    lock = threading.Lock()

    def flood(offset: float) -> None:
        due = time.perf_counter() + offset
        while not stop.is_set():
            time.sleep(max(0.0, due - time.perf_counter()))
            with lock:
                n = next(counter)
                asked[0] += 1
            ask(n)
            due += FLOOD_THREADS / RATE  # a late request does not make the next one wait

    workers = [threading.Thread(target=flood, args=(i / RATE,)) for i in range(FLOOD_THREADS)]
    for worker in workers:
        worker.start()
    try:
        latency = page_latency(url, seconds=SECONDS)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    return latency, asked[0]


def main() -> None:
    call_command("migrate", verbosity=0)
    demo_loader.load_all()
    faq_loader.load_all()
    search.current_index()
    search.embed_query("warm up")
    notice = Notice.objects.order_by("pk").first()
    assert notice is not None
    url = f"/n/{notice.code}"

    # The path before issue 9: the whole question (cap 500) embedded, no cache.
    old = timed(lambda: search.current_index().rank(LONG[:500]))
    cache.clear()
    first = timed(lambda: (cache.clear(), search.lookup(LONG)))
    search.lookup(LONG)
    again = timed(lambda: search.lookup(LONG))
    print(f"490-character question, old path (whole question): {old * 1000:7.1f} ms")
    print(f"  new path, first time (cut to 200):  {first * 1000:7.1f} ms  ({first / old:.2f}x)")
    print(f"  new path, asked again (cache):      {again * 1000:7.1f} ms  ({again / old:.4f}x)")

    alone = page_latency(url)
    print(f"notice page alone: {alone * 1000:.1f} ms (median of {PAGES})")
    print(f"a flood of {RATE} distinct 490-character questions a second, for {SECONDS:.0f} s:")
    unlimited, n_old = under_flood(url, lambda n: search.current_index().rank(f"{n} {LONG}"[:500]))
    print(
        f"  notice page, search without limit or cut:       {unlimited * 1000:7.1f} ms "
        f"({unlimited / alone:.2f}x; {n_old} questions embedded)"
    )
    cache.clear()
    flooder = Client(REMOTE_ADDR="203.0.113.66")
    refused = [0]

    def limited(n: int) -> None:
        response = flooder.get("/consult/faq", {"q": f"{n} {LONG}"})
        refused[0] += response.status_code == 429

    throttled, n_new = under_flood(url, limited)
    print(
        f"  notice page, flood through /consult/faq (limits): {throttled * 1000:7.1f} ms "
        f"({throttled / alone:.2f}x; {n_new} requests, {refused[0]} answered 429)"
    )


if __name__ == "__main__":
    main()
