"""Print the accuracy of yasashii.reading() on tests/yasashii/data/reading_gold.tsv."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yasashii import reading  # noqa: E402

GOLD = ROOT / "tests" / "yasashii" / "data" / "reading_gold.tsv"


def load_gold(path: Path = GOLD) -> list[tuple[str, str]]:
    """Return (text, expected reading) pairs of the gold file."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, expected = line.split("\t")[:2]
            pairs.append((text, expected))
    return pairs


def accuracy(pairs: list[tuple[str, str]], verbose: bool = False) -> float:
    """Return the share of pairs read exactly right, printing misses when verbose."""
    right = 0
    for text, expected in pairs:
        got = reading(text)
        if got == expected:
            right += 1
        elif verbose:
            print(f"MISS\t{text}\texpected {expected}\tgot {got}")
    return right / len(pairs)


def main() -> None:
    """Print misses and accuracy."""
    pairs = load_gold()
    acc = accuracy(pairs, verbose=True)
    print(f"reading accuracy: {acc:.4f} ({round(acc * len(pairs))}/{len(pairs)})")


if __name__ == "__main__":
    main()
