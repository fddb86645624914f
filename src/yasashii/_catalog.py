"""Rule ids, guideline points and messages (internal: DOES NOT belong to the public API).

Guideline = 在留支援のためのやさしい日本語ガイドライン (出入国在留管理庁・文化庁, 2020),
writing rules 1–10.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """A rule's guideline point and message templates (named placeholders)."""

    guideline: str
    message_ja: str
    message_en: str


RULES: dict[str, Rule] = {
    "long-sentence": Rule(
        "2: 文を短くする(一文一意)",
        "文が長いです({chars}字)。{limit}字以内の短い文に分けてください。",
        "This sentence is long ({chars} characters); split it into sentences of at most {limit}.",
    ),
    "many-nouns": Rule(
        "2: 文を短くする / 5: 動詞を使う",
        "名詞が多いです({nouns}個)。動詞を使って、文を分けてください。",
        "This sentence has many nouns ({nouns}); use verbs and split it.",
    ),
    "kanji-run": Rule(
        "7: 漢字を減らす",
        "漢字が{length}字続いています。ひらがなや短い言葉を使ってください。",
        "{length} kanji in a row; break the compound up or use simpler words.",
    ),
    "difficult-word": Rule(
        "4-8: 難しい言葉を使わない(キーワードは説明する)",
        "「{surface}」は難しい言葉です({level})。やさしい言葉に言い換えるか、説明してください。",
        "'{surface}' is a difficult word ({level}); use an easier word or explain it.",
    ),
    "honorific": Rule(
        "6: 尊敬語・謙譲語を使わない(です・ます)",
        "「{surface}」は敬語です。普通の「です・ます」にしてください。",
        "'{surface}' is honorific language; use plain です/ます forms.",
    ),
    "double-negative": Rule(
        "5: 二重否定を使わない",
        "「{surface}」は二重否定です。肯定の形で言ってください。",
        "'{surface}' is a double negative; say it positively.",
    ),
    "katakana-loanword": Rule(
        "4: カタカナ語(外来語)を使わない",
        "「{surface}」はカタカナ語です。日本語の言葉にするか、説明してください。",
        "'{surface}' is a katakana loanword; use a Japanese word or explain it.",
    ),
    "romaji": Rule(
        "4: ローマ字を使わない(固有名詞を除く)",
        "「{surface}」はローマ字です。日本語で書いてください。",
        "'{surface}' is written in Latin letters; write it in Japanese.",
    ),
    "nominalized-verb": Rule(
        "5: 名詞ではなく動詞を使う",
        "「{surface}」は名詞の形です。「{verb}」のように動詞を使ってください。",
        "'{surface}' turns a verb into a noun; use the verb ('{verb}').",
    ),
    "vague-expression": Rule(
        "5: あいまいな表現を使わない",
        "「{surface}」はあいまいな表現です。はっきり書いてください。",
        "'{surface}' is vague; say exactly what is meant.",
    ),
    "era-date": Rule(
        "9: 年は西暦で書く",
        "「{surface}」は元号です。西暦({western})で書いてください。",
        "'{surface}' uses a Japanese era; write the Western year ({western}).",
    ),
    "clock-24h": Rule(
        "9: 時刻は午前・午後で書く(24時間制を使わない)",
        "「{surface}」は24時間の書き方です。「{clock}」と書いてください。",
        "'{surface}' is 24-hour time; write '{clock}'.",
    ),
    "tilde-range": Rule(
        "9: 「～」ではなく「から」「まで」を使う",
        "「～」は分かりにくいです。「から」「まで」を使ってください。",
        "The tilde '～' is unclear; use から … まで.",
    ),
    "relative-date": Rule(
        "9: 日付は具体的に書く",
        "「{surface}」は日付が分かりにくいです。「12月16日(月)」のように具体的な日付を書いてください。",
        "'{surface}' is an indirect date; write the actual date, e.g. 12月16日(月).",
    ),
}
