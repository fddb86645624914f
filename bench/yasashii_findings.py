"""Print Easy-Japanese findings on the demo's reviewed Easy Japanese and recall on stiff text.

Rows (all measured in this run):
- baseline: the engine at BASELINE_COMMIT (today's behaviour before issue 8), run from a
  `git archive` copy in a subprocess;
- options off: the current engine without the caller's context (no domain, no known terms,
  explained terms not accepted: Settings(accept_explained_terms=False));
- options on: the current engine as the writing assistant calls it (topic → domain, known
  names and addresses from the catalog, the glossary's Easy-Japanese targets as known terms,
  explained terms accepted).

Demo texts: every `ja-easy` string in src/notices/demo/*.yaml and src/consultations/demo/faq.yaml
(read as YAML, no Django).  Stiff text: bench/data/stiff_sentences.tsv, written before the
engine changes and never tuned on; an expected (rule, surface) counts as found when an issue of
that rule overlaps the surface's first occurrence.

Usage: python bench/yasashii_findings.py [--baseline COMMIT] [--top N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINE_COMMIT = "83df6e5"  # the engine as it was when issue 8 was filed
NOTICE_DEMO = ROOT / "src" / "notices" / "demo"
FAQ_DEMO = ROOT / "src" / "consultations" / "demo" / "faq.yaml"
GLOSSARY = ROOT / "src" / "translations" / "data" / "glossary.csv"
STIFF = ROOT / "bench" / "data" / "stiff_sentences.tsv"
# The same topic → domain table the writing assistant uses (writing/checks.py DOMAINS).
TOPIC_DOMAINS = {
    "insurance-pension": "insurance",
    "health-insurance": "insurance",
    "pension": "insurance",
    "tax": "tax",
    "moving-registration": "residence",
    "residence": "residence",
    "children": "childcare",
    "childcare": "childcare",
    "health": "health",
    "medical": "health",
    "daily-life": "daily-life",
}


def _strings(node: Any, key: str = "") -> Iterator[str]:
    """Yield every string under a `ja-easy` key."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif key == "ja-easy" and isinstance(node, str) and node.strip():
        yield node


def _names(item: dict[str, Any], field: str = "name") -> set[str]:
    """Return the Japanese and Easy-Japanese values of a catalog item's field."""
    value = item.get(field) or {}
    return {v for k, v in value.items() if k in ("ja", "ja-easy") and v}


def demo_groups() -> list[tuple[str | None, frozenset[str], list[str]]]:
    """Return (domain, the notice's document names, ja-easy texts in reading order) per notice,
    FAQ entry or catalog item.  A notice lists its documents with their catalog entry, so their
    names are known in its text (the writing assistant gets them from the notice editor)."""
    import yaml

    catalog = yaml.safe_load((NOTICE_DEMO / "catalog.yaml").read_text("utf-8"))
    documents = {d["slug"]: _names(d) for d in catalog.get("documents", [])}
    out: list[tuple[str | None, frozenset[str], list[str]]] = []
    for kind in catalog.values():
        out += [(None, frozenset(), list(_strings(item))) for item in kind]
    for path in sorted(NOTICE_DEMO.glob("*.yaml")):
        if path.name == "catalog.yaml":
            continue
        data = yaml.safe_load(path.read_text("utf-8"))
        names = frozenset().union(*(documents.get(s, set()) for s in data.get("documents") or []))
        out.append((TOPIC_DOMAINS.get(data.get("topic", "")), names, list(_strings(data))))
    for entry in yaml.safe_load(FAQ_DEMO.read_text("utf-8")):
        domain = TOPIC_DOMAINS.get(entry.get("category", ""))
        out.append((domain, frozenset(), list(_strings(entry))))
    return out


def demo_texts() -> list[tuple[str, str | None, frozenset[str]]]:
    """Return (text, domain, the notice's document names and the terms explained in the fields
    before it) for each ja-easy text."""
    import yasashii

    def explains(text: str) -> frozenset[str]:
        if not hasattr(yasashii, "explained_terms"):  # not in the baseline engine
            return frozenset()
        return yasashii.explained_terms(text)

    out: list[tuple[str, str | None, frozenset[str]]] = []
    for domain, names, texts in demo_groups():
        explained: frozenset[str] = names
        for i, text in enumerate(texts):
            # A heading (title, question) may leave its terms to the text right under it.
            after = explains(texts[1]) if i == 0 and len(texts) > 1 else frozenset()
            out.append((text, domain, explained | after))
            explained |= explains(text)
    return out


def known_terms() -> list[str]:
    """Return office names and addresses, topic names and the glossary's accepted terms."""
    import yaml

    sys.path.insert(0, str(ROOT / "src"))
    from writing.terms import glossary_known_terms, name_parts  # pure functions, no Django

    catalog = yaml.safe_load((NOTICE_DEMO / "catalog.yaml").read_text("utf-8"))
    terms: set[str] = set()
    for item in catalog.get("offices", []):
        terms |= _names(item) | _names(item, "address")
        terms |= {part for name in _names(item) for part in name_parts(name)}
    for item in catalog.get("topics", []):
        terms |= _names(item)
    with GLOSSARY.open(encoding="utf-8") as handle:
        pairs = [(row["ja"], row["ja-easy"]) for row in csv.DictReader(handle) if row["ja-easy"]]
    terms.update(glossary_known_terms(pairs))
    return sorted(terms)


def stiff_cases() -> list[tuple[str, list[tuple[str, str]]]]:
    """Return (sentence, [(rule, surface)]) of the held-out stiff set."""
    cases = []
    for line in STIFF.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, marks = line.partition("\t")
        cases.append((text, [tuple(m.split(":", 1)) for m in marks.split("|")]))
    return cases  # type: ignore[return-value]


def measure(mode: str) -> dict[str, Any]:
    """Return the figures of one mode: baseline, off or on."""
    sys.path.insert(0, str(ROOT / "src") if mode != "baseline" else os.environ["YASASHII_SRC"])
    import yasashii

    def run(text: str, domain: str | None, known: frozenset[str]) -> list[Any]:
        if mode == "baseline":
            return yasashii.analyze(text).issues
        if mode == "off":
            settings = yasashii.Settings(accept_explained_terms=False, first_use_only=False)
            return yasashii.analyze(text, settings).issues
        return yasashii.analyze(text, domain=domain, known_terms=known).issues

    known = frozenset(known_terms()) if mode == "on" else frozenset()
    texts = demo_texts()
    chars = findings = with_findings = 0
    surfaces: Counter[str] = Counter()
    for text, domain, explained in texts:
        issues = run(text, domain, known | explained)
        chars += len(text)
        findings += len(issues)
        with_findings += bool(issues)
        surfaces.update(f"{i.rule}:{i.surface[:20]}" for i in issues)
    expected = found = 0
    missed: list[str] = []
    for text, marks in stiff_cases():
        issues = run(text, None, known)
        for rule, surface in marks:
            start = text.find(surface)
            end = start + len(surface)
            expected += 1
            if start >= 0 and any(
                i.rule == rule and i.start < end and start < i.end for i in issues
            ):
                found += 1
            else:
                missed.append(f"{rule}:{surface}")
    return {
        "texts": len(texts),
        "with_findings": with_findings,
        "chars": chars,
        "findings": findings,
        "top": surfaces.most_common(),
        "recall": (found, expected),
        "missed": missed,
    }


def baseline(commit: str) -> dict[str, Any]:
    """Return measure("baseline") run on the engine of commit, in a subprocess."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src/yasashii"],
            check=True,
            capture_output=True,
        ).stdout
        tar_path = Path(tmp) / "src.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        env = dict(os.environ, YASASHII_SRC=str(Path(tmp) / "src"))
        out = subprocess.run(
            [sys.executable, __file__, "--worker", "baseline"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
    return json.loads(out)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE_COMMIT)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker), ensure_ascii=False))
        return
    rows = {
        f"baseline {args.baseline}": baseline(args.baseline),
        "options off": measure("off"),
        "options on": measure("on"),
    }
    print(f"{'':24} {'texts w/ findings':>18} {'per 1,000 chars':>16} {'stiff recall':>14}")
    for name, r in rows.items():
        share = f"{r['with_findings']}/{r['texts']} {r['with_findings'] / r['texts']:.0%}"
        per_k = 1000 * r["findings"] / r["chars"]
        found, expected = r["recall"]
        recall = f"{found}/{expected} {found / expected:.1%}"
        print(f"{name:24} {share:>18} {per_k:>16.1f} {recall:>14}")
    for name, r in rows.items():
        print(f"\n{name}: most frequent findings on the demo texts")
        for surface, n in r["top"][: args.top]:
            print(f"  {n:4}  {surface}")
        print(f"  missed on stiff text: {', '.join(r['missed']) or '-'}")


if __name__ == "__main__":
    main()
