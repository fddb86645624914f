"""Print yasashii throughput against its floor, SudachiPy tokenization alone (issue 10).

Text: held-out notice sentences the engine was not tuned on (bench/data/heldout_notices.txt,
written for this bench before the speed work, and the first column of
bench/data/stiff_sentences.tsv, written as a held-out recall set for issue 8), as documents of
five consecutive sentences, the size of a notice field.

Floor: the Sudachi tokenizer analyze() uses (same dictionary "core", split mode C, one tokenizer
object created once), tokenizing each document and materialising its morphemes; nothing else.
analyze(), ruby() (its per-text cache bypassed) and the floor run in turn in every round, so all
three meet the same machine load; the bench prints the median over rounds of the per-round ratios
(wall and CPU time) and chars/s of each.  analyze() keeps per-morpheme and per-token-kind
caches, which a long-running server has filled with other notices' words; "cold" rounds empty
them before every document, the worst case (a process that has seen nothing).

    python bench/yasashii_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yasashii import analyze, ruby  # noqa: E402
from yasashii._analyze import clear_caches  # noqa: E402
from yasashii._tokenize import _get_sudachi  # noqa: E402

DATA = ROOT / "bench" / "data"


def heldout_documents(per_doc: int = 5) -> list[str]:
    """Return the held-out sentences as documents of per_doc consecutive sentences."""
    lines = [
        line.strip()
        for line in (DATA / "heldout_notices.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for line in (DATA / "stiff_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lines.append(line.split("\t", 1)[0])
    return ["".join(lines[i : i + per_doc]) for i in range(0, len(lines), per_doc)]


def timed_rounds(
    fns: list[Callable[[str], object]], docs: list[str], rounds: int
) -> tuple[list[list[float]], list[list[float]]]:
    """Run each fn over docs in turn, rounds times; return (wall, CPU) seconds per round."""
    walls: list[list[float]] = []
    cpus: list[list[float]] = []
    for _ in range(rounds):
        wall, cpu = [], []
        for fn in fns:
            start, start_cpu = time.perf_counter(), time.process_time()
            for d in docs:
                fn(d)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        walls.append(wall)
        cpus.append(cpu)
    return walls, cpus


def main() -> None:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    docs = heldout_documents()
    chars = sum(map(len, docs))
    sudachi = _get_sudachi()  # the engine's own tokenizer object (dict "core", SplitMode.C)
    analyze("準備")  # load the dictionaries and word lists (a word not in the held-out text)
    ruby("準備")
    sudachi.tokenize("準備")

    def floor(d: str) -> object:
        return list(sudachi.tokenize(d))

    fresh = itertools.count()

    def ruby_uncached(d: str) -> object:
        return ruby(f"{d}{next(fresh)}")  # a new text each time: ruby()'s LRU cache misses

    walls, cpus = timed_rounds([floor, analyze, ruby_uncached], docs, args.rounds)
    print(f"held-out text: {len(docs)} documents, {chars:,} characters, {args.rounds} rounds")

    def median(col: int, rows: list[list[float]]) -> float:
        return statistics.median(r[col] for r in rows)

    for name, col in (("Sudachi tokenize (floor)", 0), ("analyze", 1), ("ruby (uncached)", 2)):
        print(f"  {name:26} {chars / median(col, walls):12,.0f} chars/s (median round)")
    for name, col in (("analyze", 1), ("ruby", 2)):
        wall = statistics.median(r[col] / r[0] for r in walls)
        cpu = statistics.median(r[col] / r[0] for r in cpus)
        print(f"  {name} / Sudachi time: median {wall:.2f} wall, {cpu:.2f} CPU")

    def analyze_cold(d: str) -> object:
        clear_caches()
        return analyze(d)

    walls, cpus = timed_rounds([floor, analyze_cold], docs, max(3, args.rounds // 3))
    wall = statistics.median(r[1] / r[0] for r in walls)
    cpu = statistics.median(r[1] / r[0] for r in cpus)
    print(
        f"  analyze, caches emptied before each document / Sudachi: {wall:.2f} wall, {cpu:.2f} CPU"
    )
    notice = "".join(docs)[:3000]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        analyze(notice)
        runs.append(time.perf_counter() - start)
    print(f"analyze on one {len(notice)}-character notice: {min(runs) * 1000:.1f} ms (best of 5)")


if __name__ == "__main__":
    main()
