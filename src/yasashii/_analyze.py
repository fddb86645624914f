"""analyze(): metrics, word levels and located issues (internal: use `yasashii.analyze`)."""

from __future__ import annotations

import re
from collections import Counter

from yasashii._catalog import RULES
from yasashii._lexicon import jlpt_level, kanji_grades, level_name, paraphrases
from yasashii._mechanical import Finding, mechanical
from yasashii._models import (
    MAX_CHARS,
    Issue,
    KanjiInfo,
    Report,
    SentenceMetrics,
    Settings,
    TextTooLong,
    WordInfo,
)
from yasashii._readability import readability
from yasashii._reading import has_kanji
from yasashii._text_rules import text_findings
from yasashii._tokenize import Token, tokenize

_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[」』）)]*|\n|$)")
_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+")
_KATAKANA = re.compile(r"[ァ-ヺー・]+")
_SPACE = re.compile(r"\s")
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_NOMINALIZING = {"行う", "実施", "実行", "願う"}


class _Safe(dict[str, object]):
    """A format_map mapping that leaves unknown placeholders empty."""

    def __missing__(self, key: str) -> str:
        """Return an empty string for a missing placeholder."""
        return ""


def _issue(
    text: str, rule: str, start: int, end: int, suggestions: tuple[str, ...] = (), **params: object
) -> Issue:
    """Return an Issue with messages filled from the rule catalog."""
    meta = RULES[rule]
    values = _Safe(surface=text[start:end], **params)
    return Issue(
        rule,
        start,
        end,
        text[start:end],
        meta.message_ja.format_map(values),
        meta.message_en.format_map(values),
        meta.guideline,
        suggestions,
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


def _is_content(tok: Token) -> bool:
    """Return whether tok is a content word worth a JLPT level."""
    pos = tok.pos
    if pos[0] not in _CONTENT or pos[1] in ("固有名詞", "数詞", "非自立可能", "助数詞可能"):
        return False
    return not tok.surface.isascii()


def _word_findings(
    text: str, tokens: list[Token], settings: Settings, words: list[WordInfo]
) -> list[Issue]:
    """Return difficult-word, katakana-loanword and nominalized-verb issues; fill words."""
    issues: list[Issue] = []
    limit = settings.max_suggestions
    for i, tok in enumerate(tokens):
        if not _is_content(tok):
            continue
        bare = (
            tok.surface[1:] if tok.surface[:1] in "おご" and len(tok.surface) > 2 else tok.surface
        )
        level = jlpt_level(tok.lemma, tok.surface, tok.normalized, bare)
        words.append(WordInfo(tok.start, tok.end, tok.surface, tok.lemma, level_name(level)))
        if _KATAKANA.fullmatch(tok.surface) and len(tok.surface) >= settings.min_katakana_chars:
            sugg = tuple(paraphrases(tok.surface, tok.lemma)[:limit])
            issues.append(_issue(text, "katakana-loanword", tok.start, tok.end, sugg))
            continue
        hard = level is not None and level < settings.max_jlpt_level
        unlisted = (
            level is None
            and settings.flag_unlisted_kanji_words
            and has_kanji(tok.surface)
            and tok.pos[0] in ("名詞", "動詞", "形状詞")
        )
        if hard or unlisted:
            sugg = tuple(paraphrases(tok.surface, tok.lemma, tok.normalized)[:limit])
            label = level_name(level) or "JLPT外 / not in JLPT lists"
            issues.append(_issue(text, "difficult-word", tok.start, tok.end, sugg, level=label))
        if tok.pos[2] == "サ変可能" and i + 2 < len(tokens):
            nxt, verb = tokens[i + 1], tokens[i + 2]
            if verb.surface == "お" and i + 3 < len(tokens):
                verb = tokens[i + 3]
            if nxt.surface == "を" and verb.lemma in _NOMINALIZING:
                form = tok.surface + "する"
                issues.append(
                    _issue(text, "nominalized-verb", tok.start, verb.end, (form,), verb=form)
                )
            elif nxt.surface == "の" and verb.surface in ("上", "うえ") and tok.surface[:1] != "ご":
                form = tok.surface + "して"
                issues.append(
                    _issue(text, "nominalized-verb", tok.start, verb.end, (form,), verb=form)
                )
    return issues


def _sentence_metrics(text: str, span: tuple[int, int], toks: list[Token]) -> SentenceMetrics:
    """Return the metrics of one sentence."""
    s = text[span[0] : span[1]]
    chars = len(s) - len(_SPACE.findall(s))
    runs = [len(r) for r in _KANJI_RUN.findall(s)]
    kanji = sum(runs)
    words = nouns = katakana = 0
    for t in toks:
        pos0 = t.pos[0]
        if pos0 == "補助記号" or pos0 == "空白":
            continue
        words += 1
        if pos0 == "名詞" and t.pos[1] != "数詞":
            nouns += 1
        if len(t.surface) > 1 and "ァ" <= t.surface[0] <= "ヺ" and _KATAKANA.fullmatch(t.surface):
            katakana += 1
    ratio = round(kanji / chars, 4) if chars else 0.0
    return SentenceMetrics(
        span[0], span[1], s, chars, words, nouns, kanji, ratio, max(runs, default=0), katakana
    )


def _finding_issue(text: str, f: Finding) -> Issue:
    """Return the Issue of a pattern finding."""
    return _issue(text, f.rule, f.start, f.end, tuple(s for s in f.suggestions if s), **f.params)


def analyze(text: str, settings: Settings | None = None) -> Report:
    """Return the Easy-Japanese report of text; raise TextTooLong above MAX_CHARS."""
    if not isinstance(text, str):
        raise TypeError("analyze() needs a str")
    if len(text) > MAX_CHARS:
        raise TextTooLong(len(text))
    settings = settings or Settings()
    tokens = tokenize(text)
    spans = _sentences(text)
    sentences: list[SentenceMetrics] = []
    issues: list[Issue] = []
    ti = 0
    for span in spans:
        while ti < len(tokens) and tokens[ti].end <= span[0]:
            ti += 1
        tj = ti
        while tj < len(tokens) and tokens[tj].start < span[1]:
            tj += 1
        m = _sentence_metrics(text, span, tokens[ti:tj])
        sentences.append(m)
        ti = tj
        if m.characters > settings.max_sentence_chars:
            issues.append(
                _issue(
                    text,
                    "long-sentence",
                    *span,
                    chars=m.characters,
                    limit=settings.max_sentence_chars,
                )
            )
        if m.nouns > settings.max_nouns:
            issues.append(_issue(text, "many-nouns", *span, nouns=m.nouns))
    for run in _KANJI_RUN.finditer(text):
        if len(run.group()) > settings.max_kanji_run:
            issues.append(
                _issue(text, "kanji-run", run.start(), run.end(), length=len(run.group()))
            )
    words: list[WordInfo] = []
    issues += _word_findings(text, tokens, settings, words)
    findings = mechanical(text) + text_findings(text, settings.min_romaji_chars)
    issues += [_finding_issue(text, f) for f in findings]
    issues = sorted(
        (i for i in issues if i.rule not in settings.disabled_rules),
        key=lambda i: (i.start, i.end, i.rule),
    )
    grades = kanji_grades()
    kanji = [
        KanjiInfo(k, grades.get(k), n)
        for k, n in Counter("".join(_KANJI_RUN.findall(text))).items()
        if k not in "々〆ヶ"
    ]
    score, level = readability(text)
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
    return Report(text, sentences, metrics, score, level, words, kanji, issues)
