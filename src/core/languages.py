"""The 14 locales tabunka serves, and how a request's language is chosen."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf.locale import LANG_INFO


@dataclass(frozen=True)
class Language:
    code: str  # Django's code, used in URLs (?lang=) and in the database
    name: str  # the language's name in its own script
    english: str
    bcp47: str  # the tag the API publishes
    html_lang: str  # what goes into lang="…" (Easy Japanese is Japanese)
    babel: str  # the CLDR locale used for dates, numbers, money

    def as_dict(self) -> dict[str, str]:
        """Return the public description of this language."""
        return {"code": self.code, "name": self.name, "english": self.english, "bcp47": self.bcp47}


LANGUAGES: tuple[Language, ...] = (
    Language("ja", "日本語", "Japanese", "ja", "ja", "ja_JP"),
    Language("ja-easy", "やさしい日本語", "Easy Japanese", "ja-x-easy", "ja", "ja_JP"),
    Language("en", "English", "English", "en", "en", "en_US"),
    Language("zh-hans", "简体中文", "Chinese (Simplified)", "zh-Hans", "zh-Hans", "zh_Hans_CN"),
    Language("zh-hant", "繁體中文", "Chinese (Traditional)", "zh-Hant", "zh-Hant", "zh_Hant_TW"),
    Language("ko", "한국어", "Korean", "ko", "ko", "ko_KR"),
    Language("vi", "Tiếng Việt", "Vietnamese", "vi", "vi", "vi_VN"),
    Language("ne", "नेपाली", "Nepali", "ne", "ne", "ne_NP"),
    Language("id", "Bahasa Indonesia", "Indonesian", "id", "id", "id_ID"),
    Language("fil", "Filipino", "Filipino", "fil", "fil", "fil_PH"),
    Language("my", "မြန်မာဘာသာ", "Burmese", "my", "my", "my_MM"),
    Language("th", "ไทย", "Thai", "th", "th", "th_TH"),
    Language("pt-br", "Português (Brasil)", "Portuguese (Brazil)", "pt-BR", "pt-BR", "pt_BR"),
    Language("es", "Español", "Spanish", "es", "es", "es_ES"),
)
BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)
SOURCE = "ja"
EASY = "ja-easy"
TARGETS: tuple[str, ...] = tuple(c for c in CODES if c != SOURCE)

# Tags a phone may send that do not match a code by prefix.
_ALIASES = {
    "ja-x-easy": "ja-easy",
    "zh-cn": "zh-hans",
    "zh-sg": "zh-hans",
    "zh": "zh-hans",
    "zh-tw": "zh-hant",
    "zh-hk": "zh-hant",
    "zh-mo": "zh-hant",
    "tl": "fil",
    "pt": "pt-br",
}


def get(code: str) -> Language:
    """Return the language for a code, falling back to Japanese."""
    return BY_CODE.get(code, BY_CODE[SOURCE])


def match_tag(tag: str) -> str | None:
    """Return our code for one BCP-47 tag, or None when we do not serve it."""
    tag = tag.strip().lower().replace("_", "-")
    if not tag or tag == "*":
        return None
    if tag in BY_CODE:
        return tag
    if tag.startswith("zh-") and "hant" in tag.split("-"):
        return "zh-hant"
    # The longest alias first, so zh-hk wins over zh.
    for alias, code in sorted(_ALIASES.items(), key=lambda item: -len(item[0])):
        if tag == alias or tag.startswith(alias + "-"):
            return code
    base = tag.split("-")[0]
    if base in BY_CODE and base != "ja":
        return base
    if base == "ja":
        return "ja-easy" if "easy" in tag.split("-") else "ja"
    return _ALIASES.get(base)


def negotiate(accept_language: str) -> str | None:
    """Return the best code for an Accept-Language header, or None."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        code = match_tag(tag)
        if code and quality > 0:
            choices.append((-quality, position, code))
    return min(choices)[2] if choices else None


def register_lang_info() -> None:
    """Teach Django the locales its own table lacks."""
    for lang in LANGUAGES:
        LANG_INFO.setdefault(
            lang.code,
            {"bidi": False, "code": lang.code, "name": lang.english, "name_local": lang.name},
        )
