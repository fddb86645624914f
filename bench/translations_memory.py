"""Time translation-memory lookups against a naive scan measured in the same run.

Fills a temporary SQLite database (or the PostgreSQL of DATABASE_URL, where pg_trgm is used) with
N synthetic notice sentences built from the seeded glossary, then looks up edited versions of some
of them. Baseline: score every stored segment with difflib. Ours: memory.suggest (exact hash, then
a bigram prefilter or pg_trgm, then difflib on the candidates). Prints ms per lookup, the speed-up
and whether both find the same best match.
"""

from __future__ import annotations

import difflib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tabunka.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from translations import memory  # noqa: E402
from translations.models import GlossaryTerm, MemoryEntry  # noqa: E402

SIZES = (500, 2000)
QUERIES = 30
PATTERNS = [
    "{a}の{b}は、{c}までに{d}で手続きしてください。",
    "{a}について、{b}と{c}を持って{d}に来てください。",
    "{a}を受け取った人は、{b}の{c}を{d}に出してください。",
    "{a}が届かないときは、{b}か{c}の{d}に聞いてください。",
]


def sentences(count: int, rng: random.Random) -> list[str]:
    terms = list(GlossaryTerm.objects.filter(language="en").values_list("term", flat=True))
    out = set()
    while len(out) < count:
        pattern = rng.choice(PATTERNS)
        out.add(pattern.format(**{k: rng.choice(terms) for k in "abcd"}))
    return sorted(out)


def naive(source: str, rows: list[tuple[str, str]]) -> str | None:
    best = max(
        rows, key=lambda r: difflib.SequenceMatcher(None, source, r[0], autojunk=False).ratio()
    )
    return best[1]


def main() -> None:
    call_command("migrate", verbosity=0)
    rng = random.Random(4)
    print(f"database: {connection.vendor}")
    print(f"{'stored':>6} {'naive ms':>9} {'ours ms':>8} {'speed-up':>8} {'same best':>9}")
    for size in SIZES:
        MemoryEntry.objects.all().delete()
        texts = sentences(size, rng)
        MemoryEntry.objects.bulk_create(
            [
                MemoryEntry(
                    language="en", source=t, target=f"T{i}", source_hash=str(i), target_hash=str(i)
                )
                for i, t in enumerate(texts)
            ]
        )
        rows = list(MemoryEntry.objects.values_list("source", "target"))
        queries = [t.replace("ください", "くださいね", 1) for t in rng.sample(texts, QUERIES)]
        start = time.perf_counter()
        expected = [naive(q, rows) for q in queries]
        naive_ms = (time.perf_counter() - start) * 1000 / QUERIES
        start = time.perf_counter()
        got = [memory.suggest(q, "en", limit=1) for q in queries]
        ours_ms = (time.perf_counter() - start) * 1000 / QUERIES
        same = sum(1 for e, g in zip(expected, got, strict=True) if g and g[0].target == e)
        print(
            f"{size:>6} {naive_ms:>9.1f} {ours_ms:>8.1f} {naive_ms / ours_ms:>7.1f}x "
            f"{same:>4}/{QUERIES}"
        )


if __name__ == "__main__":
    main()
