"""Readings of numbers with counters (internal: DOES NOT belong to the public API).

Sudachi reads 20日 as にれいにち and 300 as さんれいれい; this module finds number
expressions with their counters and reads them the way a notice is read aloud.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_DIGITS = "〇一二三四五六七八九"
_WORDS = ["れい", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]
_FW = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_GEM = {
    "いち": "いっ",
    "ろく": "ろっ",
    "はち": "はっ",
    "じゅう": "じゅっ",
    "ひゃく": "ひゃっ",
    "びゃく": "びゃっ",
    "ぴゃく": "ぴゃっ",
}
_HP = str.maketrans("はひふへほ", "ぱぴぷぺぽ")
_HB = str.maketrans("はひふへほ", "ばびぶべぼ")

# counter: (reading, geminate 1/6/8/10/100?, h-row counter?, replacements for the last number word)
_COUNTERS: dict[str, tuple[str, bool, bool, dict[str, str]]] = {
    "時間": ("じかん", False, False, {"よん": "よ", "なな": "しち", "きゅう": "く"}),
    "時": ("じ", False, False, {"よん": "よ", "なな": "しち", "きゅう": "く"}),
    "分": ("ふん", True, True, {}),
    "秒": ("びょう", False, False, {}),
    "年度": ("ねんど", False, False, {"よん": "よ"}),
    "年生": ("ねんせい", False, False, {"よん": "よ"}),
    "年間": ("ねんかん", False, False, {"よん": "よ"}),
    "年": ("ねん", False, False, {"よん": "よ"}),
    "か月": ("かげつ", True, False, {}),
    "カ月": ("かげつ", True, False, {}),
    "ヶ月": ("かげつ", True, False, {}),
    "ケ月": ("かげつ", True, False, {}),
    "箇月": ("かげつ", True, False, {}),
    "か所": ("かしょ", True, False, {}),
    "カ所": ("かしょ", True, False, {}),
    "ヶ所": ("かしょ", True, False, {}),
    "箇所": ("かしょ", True, False, {}),
    "か国": ("かこく", True, False, {}),
    "カ国": ("かこく", True, False, {}),
    "週間": ("しゅうかん", True, False, {}),
    "週目": ("しゅうめ", True, False, {}),
    "回目": ("かいめ", True, False, {}),
    "回": ("かい", True, False, {}),
    "階": ("かい", True, False, {"さん": "さん"}),
    "歳": ("さい", True, False, {}),
    "才": ("さい", True, False, {}),
    "個": ("こ", True, False, {}),
    "件": ("けん", True, False, {}),
    "冊": ("さつ", True, False, {}),
    "通": ("つう", True, False, {}),
    "点": ("てん", True, False, {}),
    "校": ("こう", True, False, {}),
    "泊": ("はく", True, True, {}),
    "本": ("ほん", True, True, {}),
    "杯": ("はい", True, True, {}),
    "丁目": ("ちょうめ", True, False, {}),
    "番目": ("ばんめ", False, False, {}),
    "番": ("ばん", False, False, {}),
    "号": ("ごう", False, False, {}),
    "条": ("じょう", False, False, {}),
    "枚": ("まい", False, False, {}),
    "名": ("めい", False, False, {}),
    "台": ("だい", False, False, {}),
    "部": ("ぶ", False, False, {}),
    "割": ("わり", False, False, {}),
    "倍": ("ばい", False, False, {}),
    "度": ("ど", False, False, {}),
    "円": ("えん", False, False, {"よん": "よ"}),
    "人": ("にん", False, False, {"よん": "よ"}),
    "日間": ("にちかん", False, False, {}),
    "日": ("にち", False, False, {"なな": "しち", "きゅう": "く"}),
    "月": ("がつ", False, False, {"よん": "し", "なな": "しち", "きゅう": "く"}),
    "%": ("ぱーせんと", True, True, {}),
    "％": ("ぱーせんと", True, True, {}),
    "つ": ("つ", False, False, {}),
}
_STAIRS_3 = {"階": "がい", "本": "ぼん", "杯": "ばい"}

# Whole readings split into (number part, counter part) so ruby can leave digits bare.
_DAYS = {
    1: ("つい", "たち"),
    2: ("ふつ", "か"),
    3: ("みっ", "か"),
    4: ("よっ", "か"),
    5: ("いつ", "か"),
    6: ("むい", "か"),
    7: ("なの", "か"),
    8: ("よう", "か"),
    9: ("ここの", "か"),
    10: ("とお", "か"),
    14: ("じゅうよっ", "か"),
    20: ("はつ", "か"),
    24: ("にじゅうよっ", "か"),
}
_SPECIAL: dict[str, dict[int, tuple[str, str]]] = {
    "人": {1: ("ひと", "り"), 2: ("ふた", "り")},
    "歳": {20: ("はた", "ち")},
    "つ": {
        1: ("ひと", "つ"),
        2: ("ふた", "つ"),
        3: ("みっ", "つ"),
        4: ("よっ", "つ"),
        5: ("いつ", "つ"),
        6: ("むっ", "つ"),
        7: ("なな", "つ"),
        8: ("やっ", "つ"),
        9: ("ここの", "つ"),
    },
}
_ONE_DAY_AFTER = re.compile(
    r"[0-9０-９一二三四五六七八九十]|当たり|あたり|につき|中|以内|以上|程度|に[0-9０-９一二三四五六七八九]"
)

_NUM = r"(?:[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?(?:[兆億万千][0-9０-９]*)*)"
_KNUM = r"(?:[〇一二三四五六七八九十百千][〇一二三四五六七八九十百千万億]*)"
_CTR = "|".join(sorted((re.escape(c) for c in _COUNTERS), key=len, reverse=True))
# Kanji numerals are read here only before a counter (十分 'enough', 一般 stay with Sudachi).
NUMBER_RE = re.compile(rf"({_NUM})({_CTR})?(?!り)|({_KNUM})({_CTR})(?!り)")


class NumberSpan(NamedTuple):
    """A number expression: offsets, number part and counter part with their readings."""

    start: int
    end: int
    number: str
    number_reading: str
    counter: str
    counter_reading: str


def _below_10000(n: int) -> list[str]:
    """Return the words of 0 < n < 10000, highest first."""
    words: list[str] = []
    for unit, name, odd in (
        (1000, "せん", {3: "さんぜん", 8: "はっせん"}),
        (100, "ひゃく", {3: "さんびゃく", 6: "ろっぴゃく", 8: "はっぴゃく"}),
        (10, "じゅう", {}),
    ):
        d, n = divmod(n, unit)
        if d:
            words.append(odd.get(d) or ((_WORDS[d] if d > 1 else "") + name))
    if n:
        words.append(_WORDS[n])
    return words


def int_words(n: int) -> list[str]:
    """Return the reading of a non-negative integer as a list of words."""
    if n == 0:
        return ["れい"]
    words: list[str] = []
    for unit, name in ((10**12, "ちょう"), (10**8, "おく"), (10**4, "まん"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            part = _below_10000(d) if d < 10000 else int_words(d)
            if name == "ちょう" and part[-1] in ("いち", "はち", "じゅう"):
                part[-1] = _GEM[part[-1]]
            words.extend(part)
            if name:
                words.append(name)
    return words


def parse_number(text: str) -> tuple[int | None, str]:
    """Return (integer value or None, decimal digits) of an Arabic or kanji numeral."""
    t = text.translate(_FW).replace(",", "")
    if t[:1].isdigit():
        total, current = 0, ""
        for unit, mult in (("兆", 10**12), ("億", 10**8), ("万", 10**4), ("千", 1000)):
            if unit in t:
                head, t = t.split(unit, 1)
                total += int(head.split(".")[0] or "1") * mult
        whole, _, frac = t.partition(".")
        current = whole
        return total + (int(current) if current else 0), frac
    total = section = digit = 0
    for ch in t:
        if ch in _DIGITS:
            digit = _DIGITS.index(ch)
        elif ch in "十百千":
            section += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
        elif ch in "万億兆":
            total += (section + digit) * {"万": 10**4, "億": 10**8, "兆": 10**12}[ch]
            section = digit = 0
    return total + section + digit, ""


def _geminate(word: str, keys: tuple[str, ...]) -> str:
    """Return word with a final いち/ろく/はち/じゅう/ひゃく made geminate (いっ …)."""
    for key in keys:
        if word.endswith(key):
            return word[: -len(key)] + _GEM[key]
    return word


def _counter_plain(counter: str) -> str:
    """Return the plain reading of a counter."""
    return _COUNTERS[counter][0] if counter in _COUNTERS else counter


def read_number(number: str, counter: str, before: str, after: str) -> tuple[str, str]:
    """Return (number reading, counter reading) of number+counter in its context."""
    digits = number.translate(_FW)
    if sum(c.isdigit() for c in digits) > 16:
        # too long for a quantity (codes, phone numbers): read digit by digit
        return "".join(_WORDS[int(c)] if c.isdigit() else c for c in digits), _counter_plain(
            counter
        )
    value, frac = parse_number(number)
    if value is None:
        return number, counter
    if counter.startswith("日") and not frac:
        one_day = value == 1 and (
            counter == "日間"
            or (_ONE_DAY_AFTER.match(after) is not None and not before.endswith("月"))
        )
        if one_day:
            return "いち", "にち" + counter[1:].replace("間", "かん")
        if value in _DAYS:
            num, ctr = _DAYS[value]
            return num, ctr + ("かん" if counter == "日間" else "")
    special = _SPECIAL.get(counter, {}).get(value)
    if special and not frac:
        return special
    words = int_words(value)
    if frac:
        words[-1] = _geminate(words[-1], ("いち", "はち", "じゅう"))
        words = [*words, "てん", *(_WORDS[int(d)] for d in frac)]
    if not counter:
        return "".join(words), ""
    reading, geminate, h_row, repl = _COUNTERS[counter]
    last = words[-1]
    if last in repl:
        words[-1] = repl[last]
    elif geminate and _geminate(last, tuple(_GEM)) != last:
        words[-1] = _geminate(last, tuple(_GEM))
        if h_row:
            reading = reading.translate(_HP)
    if words[-1].endswith("さん") and counter in _STAIRS_3:
        reading = _STAIRS_3[counter]
    elif h_row and words[-1].endswith(("さん", "よん")) and counter in ("分", "泊"):
        reading = reading.translate(_HP)
    elif h_row and words[-1].endswith("さん"):
        reading = reading.translate(_HB)
    return "".join(words), reading


def find_numbers(text: str) -> list[NumberSpan]:
    """Return the number expressions in text with their readings."""
    spans: list[NumberSpan] = []
    for m in NUMBER_RE.finditer(text):
        number = m.group(1) or m.group(3)
        counter = m.group(2) or m.group(4) or ""
        if (counter == "つ" and parse_number(number)[0] not in _SPECIAL["つ"]) or (
            counter == "月" and text.startswith("曜", m.end())
        ):
            counter = ""
        if m.group(3) and counter == "分" and not text[: m.start()].endswith("時"):
            continue
        end = m.start() + len(number) + len(counter)
        before = text[max(0, m.start() - 2) : m.start()]
        num_r, ctr_r = read_number(number, counter, before, text[end : end + 4])
        spans.append(NumberSpan(m.start(), end, number, num_r, counter, ctr_r))
    return spans
