"""Print yasashii throughput: tokenization alone vs analyze, and one 3,000-character notice."""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from yasashii import analyze, ruby  # noqa: E402
from yasashii._tokenize import _get_sudachi, goshu_rows, tokenize  # noqa: E402

SUBJECTS = [
    "国民健康保険料",
    "市民税",
    "児童手当",
    "粗大ごみ",
    "転入届",
    "予防接種",
    "住民票",
    "介護保険",
]
ACTIONS = [
    "の納期限までに指定金融機関にて納付してください。",
    "の申請は、本人確認書類を持参の上、市役所の窓口でお願いいたします。",
    "について、令和7年4月1日から受付時間は9:00～17:00となります。",
    "は毎月第3月曜日に収集しますので、なるべく早めにお申し込みください。",
    "の手続きを行う方は、至急ご提出くださいますようお願い申し上げます。",
    "はコンビニエンスストアでも支払うことができます。",
    "を受け取らないわけではありませんが、ご注意ください。",
    "の相談は無料です。通訳もいます。",
]


def corpus(sentences: int = 3000, seed: int = 7) -> list[str]:
    """Return generated notice documents of about 20 sentences each."""
    rng = random.Random(seed)
    lines = [rng.choice(SUBJECTS) + rng.choice(ACTIONS) for _ in range(sentences)]
    return ["".join(lines[i : i + 20]) for i in range(0, sentences, 20)]


def best(fn: object, docs: list[str], repeat: int = 3) -> float:
    """Return the best wall time of running fn over docs."""
    return interleaved([fn], docs, repeat)[0][0]


def interleaved(
    fns: list[object], docs: list[str], repeat: int = 5
) -> tuple[list[float], list[list[float]], list[list[float]]]:
    """Run each fn over docs, in turn, repeat times.

    Return (best wall time of each fn, wall times per round, CPU times per round).
    Alternating the functions in every round exposes them to the same machine load, so their
    ratio is steadier on a shared machine than when each is timed in its own block; CPU time
    (process_time) is not inflated by waiting for a core.
    """
    walls: list[list[float]] = []
    cpus: list[list[float]] = []
    for _ in range(repeat):
        wall, cpu = [], []
        for fn in fns:
            start, start_cpu = time.perf_counter(), time.process_time()
            for d in docs:
                fn(d)  # type: ignore[operator]
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        walls.append(wall)
        cpus.append(cpu)
    return [min(r[i] for r in walls) for i in range(len(fns))], walls, cpus


def main() -> None:
    """Print the measurements."""
    docs = corpus()
    chars = sum(map(len, docs))
    analyze(docs[0])  # load dictionaries and word lists
    sudachi = _get_sudachi()
    t_sudachi = best(lambda d: list(sudachi.tokenize(d)), docs)
    # Tokenization = exactly the tokenizer work analyze() does: Sudachi tokens and the
    # fugashi/UniDic rows readability uses (each once per text).
    (t_tok, t_an), walls, cpus = interleaved(
        [lambda d: (tokenize(d), goshu_rows(d)), analyze], docs
    )
    print(f"corpus: {len(docs)} documents, 3000 sentences, {chars} characters")
    print(f"raw Sudachi tokenize:                      {chars / t_sudachi:12,.0f} chars/s")
    print(f"tokenization alone (Sudachi+fugashi tokens):{chars / t_tok:12,.0f} chars/s")
    print(f"analyze:                                   {chars / t_an:12,.0f} chars/s")
    print(
        f"analyze / tokenization time ratio: {t_an / t_tok:.2f} (best times)"
        f"  (vs raw Sudachi: {t_an / t_sudachi:.2f})"
    )
    print(
        "  median of 5 interleaved rounds:"
        f" wall {statistics.median(a / t for t, a in walls):.2f},"
        f" CPU {statistics.median(a / t for t, a in cpus):.2f}"
    )
    notice = "".join(docs)[:3000]
    analyze(notice)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        analyze(notice)
        runs.append(time.perf_counter() - start)
    print(f"analyze on one {len(notice)}-character notice: {min(runs) * 1000:.1f} ms (best of 5)")
    # ruby() renders every Easy-Japanese field of a public page; its cache is bypassed here.
    fresh = itertools.count()
    t_ruby = best(lambda d: ruby(f"{d}{next(fresh)}"), docs)
    ratio = t_ruby / t_tok
    print(f"ruby (furigana HTML): {chars / t_ruby:12,.0f} chars/s = {ratio:.2f} × tokenize time")


if __name__ == "__main__":
    main()
