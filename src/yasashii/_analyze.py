"""analyze(): metrics, word levels and located issues (internal: use `yasashii.analyze`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from yasashii._catalog import RULES
from yasashii._context import explained_spans, explained_terms, inside, known_spans
from yasashii._lexicon import (
    easy_compound,
    easy_words,
    jlpt_level,
    kanji_grades,
    level_name,
    paraphrases,
    stem_verbs,
    way_of_doing,
)
from yasashii._mechanical import Finding, mechanical
from yasashii._models import (
    MAX_CHARS,
    Issue,
    KanjiInfo,
    LazyReport,
    Report,
    SentenceMetrics,
    Settings,
    TextTooLong,
    WordInfo,
    maker,
)
from yasashii._readability import readability
from yasashii._reading import has_kanji
from yasashii._text_rules import text_findings
from yasashii._tokenize import _FORMS, Token, tokenize, tokenize_reference

_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[」』）)]*|\n|$)")
_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+")
_KATAKANA = re.compile(r"[ァ-ヺー・]+")
_SPACE = re.compile(r"\s")
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_NOMINAL = "nominalized-verb"
_NOMINALIZING = {"行う", "実施", "実行", "願う"}
# Rules about a word or a run of characters: a known name or an explained term is exempt.
_WORD_RULES = frozenset({"difficult-word", "kanji-run", "katakana-loanword", "romaji"})


class _Safe(dict[str, object]):
    """A format_map mapping that leaves unknown placeholders empty."""

    def __missing__(self, key: str) -> str:
        """Return an empty string for a missing placeholder."""
        return ""


_MESSAGES: dict[tuple[object, ...], tuple[str, str]] = {}
_new_issue = maker(Issue)
_new_word = maker(WordInfo)
_new_sentence = maker(SentenceMetrics)


def _issue(
    text: str,
    rule: str,
    start: int,
    end: int,
    suggestions: tuple[str, ...] = (),
    params: tuple[tuple[str, object], ...] = (),
) -> Issue:
    """Return an Issue with messages filled from the rule catalog (cached by rule and values)."""
    meta = RULES[rule]
    surface = text[start:end]
    key = (rule, surface, params)
    messages = _MESSAGES.get(key)
    if messages is None:
        values = _Safe(params, surface=surface)
        messages = (meta.message_ja.format_map(values), meta.message_en.format_map(values))
        if len(_MESSAGES) >= 10_000:
            _MESSAGES.clear()
        _MESSAGES[key] = messages
    return _new_issue(
        rule, start, end, surface, messages[0], messages[1], meta.guideline, suggestions
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence with surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


class _Kind(NamedTuple):
    """What analyze() needs to know about one kind of token (same surface, POS and forms)."""

    counted: bool
    """Counts as a word in sentence metrics (not punctuation or space)."""
    noun: bool
    """A noun other than a numeral (many-nouns)."""
    katakana_word: bool
    """A katakana word of two or more characters (sentence metrics)."""
    content: bool
    """A content word worth a JLPT level (listed in Report.words)."""
    level: int | None
    jlpt: str | None
    """level_name(level): "N3" …"""
    katakana: bool
    """Entirely katakana (katakana-loanword candidate)."""
    unlisted: bool
    """In no JLPT list, with kanji, a noun, verb or na-adjective (difficult-word candidate)."""
    sahen: bool
    prescribed: bool
    """A word the project's vocabularies prescribe as Easy Japanese (data/easy_words.txt)."""


_ISSUE_ORDER = attrgetter("start", "end", "rule")
_START = attrgetter("start")
_END = attrgetter("end")
_COUNTED = attrgetter("counted")
_NOUN = attrgetter("noun")
_KATA_WORD = attrgetter("katakana_word")

# Token kinds repeat a lot within and across notices; their analysis does not depend on
# Settings, so it is computed once per kind.  Bounded: cleared when it grows too large.
_KINDS: dict[tuple[str, tuple[str, ...], str, str], _Kind] = {}
_KINDS_MAX = 100_000
_SUGGESTIONS: dict[tuple[str | None, ...], tuple[str, ...]] = {}


def _kinds(tokens: list[Token]) -> list[_Kind]:
    """Return the _Kind of each token."""
    get = _KINDS.get
    # key: surface, pos, lemma, normalized
    return [get((t[0], t[3], t[5], t[6])) or _new_kind(t) for t in tokens]


def _new_kind(tok: Token) -> _Kind:
    """Return the settings-independent analysis of a token and cache it by kind."""
    surface, pos = tok.surface, tok.pos
    pos0 = pos[0]
    counted = pos0 != "補助記号" and pos0 != "空白"
    is_kata = _KATAKANA.fullmatch(surface) is not None
    content = (
        pos0 in _CONTENT
        and pos[1] not in ("固有名詞", "数詞", "非自立可能", "助数詞可能")
        and not surface.isascii()
    )
    level = None
    if content:
        # お店 → 店, ご家族 → 家族 (ご覧 stays: 覧 is no word)
        bare = surface[1:] if surface[:1] in "おご" and has_kanji(surface[1:]) else surface
        level = jlpt_level(tok.lemma, surface, tok.normalized, bare)
        # a compound verb's stem as a noun: 受け取り, 申し込み, 支払い (not 掛け: お掛けになる)
        if pos0 == "名詞" and (level or 0) < 3 and len(surface) > 2:
            level = max(level or 0, jlpt_level(*stem_verbs(surface)) or 0) or None
    kind = _Kind(
        counted,
        counted and pos0 == "名詞" and pos[1] != "数詞",
        counted and len(surface) > 1 and "ァ" <= surface[0] <= "ヺ" and is_kata,
        content,
        level,
        level_name(level),
        is_kata,
        content and level is None and pos0 in ("名詞", "動詞", "形状詞") and has_kanji(surface),
        pos[2] == "サ変可能",
        content and not easy_words().isdisjoint((surface, tok.lemma, tok.normalized)),
    )
    if len(_KINDS) >= _KINDS_MAX:
        _KINDS.clear()
        _VERDICTS.clear()
    _KINDS[(surface, pos, tok.lemma, tok.normalized)] = kind
    return kind


def _paraphrases(*words: str, domain: str | None = None) -> tuple[str, ...]:
    """Return paraphrases(*words, domain=domain) as a tuple (cached)."""
    key = (domain, *words)
    found = _SUGGESTIONS.get(key)
    if found is None:
        if len(_SUGGESTIONS) >= _KINDS_MAX:
            _SUGGESTIONS.clear()
        found = _SUGGESTIONS[key] = tuple(paraphrases(*words, domain=domain))
    return found


def _unlisted_is_difficult(tok: Token, settings: Settings) -> bool:
    """Return whether an unlisted kanji word is worth a difficult-word issue.

    Flagged: words with a paraphrase in the vocabularies (curated notice jargon: 納付, 転入届),
    verbs, and nouns that do not split into easy parts (JLPT words at max_jlpt_level or
    easier and at most one single kanji within max_kanji_grade).  Not flagged: compounds of
    easy parts without a paraphrase (受付時間 = 受付 + 時間, 対象外 = 対象 + 外).
    """
    if tok.pos[0] == "動詞" or _paraphrases(tok.surface, tok.lemma, tok.normalized):
        return True
    if way_of_doing(tok.surface, settings.max_jlpt_level):  # 受け方, 払い方
        return False
    return not easy_compound(tok.surface, settings.max_jlpt_level, settings.max_kanji_grade)


# The verdict on a content word depends on its kind, the settings and the domain only (the
# counter check, which looks at the previous token, is made per occurrence).  Keyed by
# (settings, domain), then by id(kind); the kind is kept in the value and compared by identity.
_LOANWORD, _DIFFICULT, _OTHER = 0, 1, 2
_Verdict = tuple[int, tuple[str, ...] | None, tuple[tuple[str, object], ...]]
_VERDICTS: dict[tuple[Settings, str | None], dict[int, tuple[_Kind, _Verdict]]] = {}


def _verdict(tok: Token, kind: _Kind, settings: Settings, domain: str | None) -> _Verdict:
    """Return (code, suggestions, params) for a content token of this kind.

    _LOANWORD: the katakana-loanword branch (suggestions None: no issue); _DIFFICULT: a
    difficult-word issue unless the token is a counter after a number; _OTHER: neither.
    """
    disabled = settings.disabled_rules
    limit = settings.max_suggestions
    level = kind.level
    if kind.katakana and len(tok.surface) >= settings.min_katakana_chars:
        # loanwords at JLPT N4/N5 (カレンダー) are taught to beginners
        if "katakana-loanword" not in disabled and not kind.prescribed and (level or 0) < 4:
            return _LOANWORD, _paraphrases(tok.surface, tok.lemma, domain=domain)[:limit], ()
        return _LOANWORD, None, ()
    if (
        "difficult-word" not in disabled
        and not kind.prescribed
        and (
            (level is not None and level < settings.max_jlpt_level)
            or (
                kind.unlisted
                and settings.flag_unlisted_kanji_words
                and _unlisted_is_difficult(tok, settings)
            )
        )
    ):
        sugg = _paraphrases(tok.surface, tok.lemma, tok.normalized, domain=domain)[:limit]
        label = kind.jlpt or "JLPT外 / not in JLPT lists"
        return _DIFFICULT, sugg, (("level", label),)
    return _OTHER, None, ()


def _word_findings(
    text: str,
    tokens: list[Token],
    settings: Settings,
    words: list[WordInfo],
    kinds: list[_Kind] | None = None,
    domain: str | None = None,
) -> list[Issue]:
    """Return difficult-word, katakana-loanword and nominalized-verb issues; fill words.

    kinds: the _Kind of each token, when the caller has them already; domain: the text's
    domain, which selects domain-specific paraphrases.
    """
    if kinds is None:
        kinds = _kinds(tokens)
    issues: list[Issue] = []
    check_nominal = "nominalized-verb" not in settings.disabled_rules
    verdicts = _VERDICTS.get((settings, domain))
    if verdicts is None:
        if len(_VERDICTS) >= 64:
            _VERDICTS.clear()
        verdicts = _VERDICTS[(settings, domain)] = {}
    n = len(tokens)
    for i, kind in enumerate(kinds):
        if not kind.content:
            continue
        tok = tokens[i]
        words.append(_new_word(tok.start, tok.end, tok.surface, tok.lemma, kind.jlpt))
        judged = verdicts.get(id(kind))
        if judged is None or judged[0] is not kind:  # identity: an id can be reused
            judged = verdicts[id(kind)] = (kind, _verdict(tok, kind, settings, domain))
        code, sugg, params = judged[1]
        if code == _LOANWORD:
            if sugg is not None:
                issues.append(_issue(text, "katakana-loanword", tok.start, tok.end, sugg))
            continue
        if code == _DIFFICULT and not _is_counter(tokens, i):
            issues.append(_issue(text, "difficult-word", tok.start, tok.end, sugg or (), params))
        if check_nominal and kind.sahen and i + 2 < n:
            nxt, verb = tokens[i + 1], tokens[i + 2]
            if verb.surface == "お" and i + 3 < n:
                verb = tokens[i + 3]
            if nxt.surface == "を" and verb.lemma in _NOMINALIZING:
                form = tok.surface + "する"
                issues.append(
                    _issue(
                        text, "nominalized-verb", tok.start, verb.end, (form,), (("verb", form),)
                    )
                )
            elif nxt.surface == "の" and verb.surface in ("上", "うえ") and tok.surface[:1] != "ご":
                form = tok.surface + "して"
                issues.append(
                    _issue(
                        text, "nominalized-verb", tok.start, verb.end, (form,), (("verb", form),)
                    )
                )
    return issues


def _is_counter(tokens: list[Token], i: int) -> bool:
    """Return whether token i is a counter after a number (3か月, 6ヶ月, 2回, 1年間)."""
    pos = tokens[i].pos
    return (
        i > 0
        and tokens[i - 1].pos[1] == "数詞"
        and (pos[1] == "助数詞" or pos[2] in ("助数詞可能", "助数詞"))
    )


def _sentence_metrics(
    text: str, span: tuple[int, int], counts: tuple[int, int, int], runs: list[int]
) -> SentenceMetrics:
    """Return the metrics of one sentence: counts = (words, nouns, katakana words), runs =
    the lengths of its kanji runs."""
    s = text[span[0] : span[1]]
    chars = len(s) - len(_SPACE.findall(s))
    kanji = sum(runs)
    ratio = round(kanji / chars, 4) if chars else 0.0
    words, nouns, katakana = counts
    return _new_sentence(
        span[0], span[1], s, chars, words, nouns, kanji, ratio, max(runs, default=0), katakana
    )


_KANJI_INFO: dict[tuple[str, int], KanjiInfo] = {}


def _kanji_info(k: str, grades: dict[str, int], n: int) -> KanjiInfo:
    """Return KanjiInfo(k, grade, n), sharing the immutable objects between reports."""
    info = _KANJI_INFO.get((k, n))
    if info is None:
        if len(_KANJI_INFO) >= 50_000:
            _KANJI_INFO.clear()
        info = _KANJI_INFO[(k, n)] = KanjiInfo(k, grades.get(k), n)
    return info


def _finding_issue(text: str, f: Finding) -> Issue:
    """Return the Issue of a pattern finding."""
    suggestions = f.suggestions if all(f.suggestions) else tuple(filter(None, f.suggestions))
    params = tuple(f.params.items()) if f.params else ()
    return _issue(text, f.rule, f.start, f.end, suggestions, params)


def _protected(
    text: str,
    spans: list[tuple[int, int]],
    tokens: list[Token],
    settings: Settings,
    known_terms: Iterable[str],
) -> tuple[list[tuple[int, int]], set[str]]:
    """Return the sorted spans of known terms and (when accepted) explained terms, and the
    terms that occur."""
    known = known_terms if isinstance(known_terms, frozenset) else frozenset(known_terms)
    found = known_spans(text, known) if known else []
    terms = {text[s:e] for s, e in found}
    if settings.accept_explained_terms and (
        "（" in text or "(" in text or "は" in text or "＜" in text
    ):
        explained = explained_terms(text, spans, tokens)
        found += explained_spans(text, explained)
        terms.update(explained)
    return sorted(found), terms


def _known_compound(surface: str, terms: set[str], settings: Settings) -> bool:
    """Return whether surface is a known or explained term plus an easy word or kanji
    (国民健康保険 + 料, マイナンバー + カード)."""
    for term in terms:
        if len(term) >= len(surface) or term not in surface:
            continue
        if surface.startswith(term):
            rest = surface[len(term) :]
        elif surface.endswith(term):
            rest = surface[: -len(term)]
        else:
            continue
        if _easy_part(rest, settings):
            return True
    return False


def _easy_part(part: str, settings: Settings) -> bool:
    """Return whether part is an easy word, an easy compound or one easy kanji."""
    if part in easy_words() or (jlpt_level(part) or 0) >= settings.max_jlpt_level:
        return True
    if len(part) == 1:
        return kanji_grades().get(part, 99) <= settings.max_kanji_grade
    return easy_compound(part, settings.max_jlpt_level, settings.max_kanji_grade)


_REPEATABLE = frozenset({"difficult-word", "katakana-loanword", "romaji"})


def _first_uses(issues: list[Issue]) -> list[Issue]:
    """Return issues without the word findings that repeat an earlier one on the same word."""
    seen: set[tuple[str, str]] = set()
    out: list[Issue] = []
    for issue in sorted(issues, key=_START):
        if issue.rule in _REPEATABLE:
            key = (issue.rule, issue.surface)
            if key in seen:
                continue
            seen.add(key)
        out.append(issue)
    return out


def explained_in(text: str) -> frozenset[str]:
    """Return the terms text explains (in brackets, by definition, by cross-reference)."""
    if not isinstance(text, str) or len(text) > MAX_CHARS:
        return frozenset()
    return frozenset(explained_terms(text, _sentences(text), tokenize(text)))


_GLOSS = re.compile(r"[（(][^（）()\n]{1,80}[）)]")


def _glosses(text: str) -> list[tuple[int, int]]:
    """Return the spans of bracketed text (glosses, readings, examples)."""
    if "（" not in text and "(" not in text:
        return []
    return [m.span() for m in _GLOSS.finditer(text)]


def _merged_nouns(
    tokens: list[Token],
    kinds: list[_Kind],
    protected: list[tuple[int, int]],
    glosses: list[tuple[int, int]],
) -> list[int]:
    """Return 1 for each noun token not counted in many-nouns: inside a protected span after
    the span's first noun, or inside a gloss in brackets."""
    merged = [0] * len(tokens)
    starts = list(map(_START, tokens))
    for s, e in glosses:
        for i in range(bisect_left(starts, s), len(tokens)):
            if tokens[i].end > e:
                break
            merged[i] = int(kinds[i].noun)
    for s, e in protected:
        first = True
        for i in range(bisect_left(starts, s), len(tokens)):
            if tokens[i].end > e:
                break
            if kinds[i].noun:
                merged[i] = max(merged[i], 0 if first else 1)
                first = False
    return merged


def _short_phrase_level(
    tokens: list[Token], kinds: list[_Kind], sentences: list[SentenceMetrics]
) -> int | None:
    """Return the JLPT level of the hardest content word of a short phrase, else None.

    jReadability is a document measure (its correlation with human ratings on single sentences
    is 0.05); on a phrase of one sentence and at most 12 words it is replaced by the vocabulary
    (毎日の生活 scored "upper-advanced").  Prescribed words and easy compounds count as N4.
    """
    if len(sentences) != 1 or sentences[0].words > 12:
        return None
    hardest = 5
    for i, (tok, kind) in enumerate(zip(tokens, kinds, strict=True)):
        if not kind.content or _is_counter(tokens, i):
            continue
        level = kind.level
        if kind.prescribed or (level is None and easy_compound(tok.surface, 3, 4)):
            level = max(level or 4, 4)
        hardest = min(hardest, level if level is not None else 2)
    return hardest


def analyze(
    text: str,
    settings: Settings | None = None,
    *,
    domain: str | None = None,
    known_terms: Iterable[str] = (),
) -> Report:
    """Return the Easy-Japanese report of text; raise TextTooLong above MAX_CHARS.

    domain: what the text is about (tax, water, insurance …): paraphrases marked for another
    domain are not offered.  known_terms: names, addresses and prescribed terms the caller
    knows (office names, glossary targets); no word or kanji-run issue is raised inside them
    and each counts as one noun.
    """
    if not isinstance(text, str):
        raise TypeError("analyze() needs a str")
    if len(text) > MAX_CHARS:
        raise TextTooLong(len(text))
    return _report(text, settings or Settings(), domain, known_terms, tokenize(text))


def clear_caches() -> None:
    """Empty the per-morpheme and per-kind caches (as in a freshly started process)."""
    for cache in (_KINDS, _SUGGESTIONS, _MESSAGES, _KANJI_INFO, _FORMS, _VERDICTS):
        cache.clear()


def full_report(
    text: str,
    settings: Settings | None = None,
    *,
    domain: str | None = None,
    known_terms: Iterable[str] = (),
) -> Report:
    """Return analyze()'s report by the full path: no per-morpheme or per-kind cache, every
    token field read from Sudachi, the readability score computed at once.

    The reference the fast path is tested against (tests/yasashii/test_speed_paths.py).
    """
    if len(text) > MAX_CHARS:
        raise TextTooLong(len(text))
    clear_caches()
    report = _report(text, settings or Settings(), domain, known_terms, tokenize_reference(text))
    return Report(
        report.text,
        report.sentences,
        report.metrics,
        report.readability,
        report.readability_level,
        report.words,
        report.kanji,
        report.issues,
    )


def _report(
    text: str,
    settings: Settings,
    domain: str | None,
    known_terms: Iterable[str],
    tokens: list[Token],
) -> Report:
    """Return the report of text from its tokens."""
    disabled = settings.disabled_rules
    kinds = _kinds(tokens)
    # Running totals of the per-token metric flags: a sentence's count is a difference.
    cum_words = [0, *accumulate(map(_COUNTED, kinds))]
    cum_nouns = [0, *accumulate(map(_NOUN, kinds))]
    cum_kata = [0, *accumulate(map(_KATA_WORD, kinds))]
    spans = _sentences(text)
    protected, terms = _protected(text, spans, tokens, settings, known_terms)
    glosses = _glosses(text) if settings.accept_explained_terms else []
    if protected or glosses:
        # A known name or an explained term counts as one noun, and the nouns of a gloss in
        # brackets not at all: explaining must not make a sentence "too full of nouns".
        merged = _merged_nouns(tokens, kinds, protected, glosses)
        cum_nouns = [c - m for c, m in zip(cum_nouns, [0, *accumulate(merged)], strict=True)]
    # One scan for kanji runs: sentence metrics, kanji-run issues and the kanji table.
    # A run never crosses a sentence end (sentences end at punctuation or a newline).
    runs = [(m.start(), m.end()) for m in _KANJI_RUN.finditer(text)]
    sentences: list[SentenceMetrics] = []
    issues: list[Issue] = []
    # Tokens and kanji runs are in text order: a sentence's are found by bisection.
    tok_starts = list(map(_START, tokens))
    tok_ends = list(map(_END, tokens))
    run_starts = [s for s, _ in runs]
    run_ends = [e for _, e in runs]
    tj = rj = 0
    for span in spans:
        ti = max(tj, bisect_right(tok_ends, span[0]))
        tj = max(ti, bisect_left(tok_starts, span[1]))
        ri = max(rj, bisect_left(run_starts, span[0]))
        rj = max(ri, bisect_right(run_ends, span[1]))
        counts = (
            cum_words[tj] - cum_words[ti],
            cum_nouns[tj] - cum_nouns[ti],
            cum_kata[tj] - cum_kata[ti],
        )
        m = _sentence_metrics(text, span, counts, [e - s for s, e in runs[ri:rj]])
        sentences.append(m)
        if m.characters > settings.max_sentence_chars:
            issues.append(
                _issue(
                    text,
                    "long-sentence",
                    *span,
                    (),
                    (("chars", m.characters), ("limit", settings.max_sentence_chars)),
                )
            )
        if m.nouns > settings.max_nouns:
            issues.append(_issue(text, "many-nouns", *span, (), (("nouns", m.nouns),)))
    if "kanji-run" not in disabled:
        for start, end in runs:
            if end - start > settings.max_kanji_run:
                issues.append(_issue(text, "kanji-run", start, end, (), (("length", end - start),)))
    words: list[WordInfo] = []
    issues += _word_findings(text, tokens, settings, words, kinds, domain)
    findings = mechanical(text) + text_findings(text, settings.min_romaji_chars)
    issues += [_finding_issue(text, f) for f in findings if f.rule not in disabled]
    if protected:
        issues = [
            i
            for i in issues
            if i.rule not in _WORD_RULES
            or not (
                inside(protected, i.start, i.end)
                or (i.rule in _REPEATABLE and _known_compound(i.surface, terms, settings))
                # Sudachi sometimes makes one token of a term and its gloss: 見本（サンプル）
                or (settings.accept_explained_terms and i.surface.endswith(("）", ")")))
            )
        ]
    if settings.first_use_only:
        issues = _first_uses(issues)
    if disabled:
        issues = [i for i in issues if i.rule not in disabled]
    issues.sort(key=_ISSUE_ORDER)
    grades = kanji_grades()
    known = _KANJI_INFO.get
    kanji = [
        known(item) or _kanji_info(item[0], grades, item[1])
        for item in Counter("".join([text[s:e] for s, e in runs])).items()
        if item[0] not in "々〆ヶ"
    ]
    # The score (a second, UniDic tokenizer pass) is computed when a caller reads it.
    phrase_level = _short_phrase_level(tokens, kinds, sentences)
    n = len(sentences) or 1
    chars = sum(s.characters for s in sentences)
    metrics = {
        "sentences": float(len(sentences)),
        "characters": float(chars),
        "words": float(sum(s.words for s in sentences)),
        "mean_sentence_chars": round(chars / n, 2),
        "mean_sentence_words": round(sum(s.words for s in sentences) / n, 2),
        "mean_sentence_nouns": round(sum(s.nouns for s in sentences) / n, 2),
        "kanji_ratio": round(sum(s.kanji for s in sentences) / chars, 4) if chars else 0.0,
        "longest_kanji_run": float(max((s.longest_kanji_run for s in sentences), default=0)),
        "katakana_words": float(sum(s.katakana_words for s in sentences)),
    }
    return LazyReport(
        text,
        sentences,
        metrics,
        words=words,
        kanji=kanji,
        issues=issues,
        scorer=lambda: readability(text, phrase_level),
    )
