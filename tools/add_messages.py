"""Add or update UI-string translations in all 14 locales of one catalog, safely beside others.

Usage: .venv/bin/python tools/add_messages.py LOCALE_DIR FILE.yaml

FILE.yaml maps each msgid to its translations by Django language code, e.g.

    "Add a step":
      ja: 手順を追加
      ja-easy: すること を 足す
      en: Add a step
      zh-hans: ...

Every one of the 14 languages must be given ("en" may be omitted: it copies the msgid). Plural
entries are written as `{msgid: ..., msgid_plural: ..., <lang>: [one, other]}` under any key;
a `msgctxt: ...` key gives the entry a context (`{% translate "Status" context "consultation" %}`),
which keeps it apart from the same msgid elsewhere.
Several people may run this at once: a lock on LOCALE_DIR/.lock serializes the writes. Run
`make messages` afterwards to add source locations (it keeps these translations).
"""

from __future__ import annotations

import fcntl
import sys
from pathlib import Path

import polib
import yaml

CODES = [
    "ja", "ja-easy", "en", "zh-hans", "zh-hant", "ko", "vi", "ne",
    "id", "fil", "my", "th", "pt-br", "es",
]  # fmt: skip


def to_locale(code: str) -> str:
    """Return Django's locale folder name for a language code (ja-easy → ja_Easy)."""
    lang, _, region = code.partition("-")
    if not region:
        return lang
    return f"{lang}_{region.upper() if len(region) == 2 else region.title()}"


def main(locale_dir: Path, source: Path) -> int:
    entries = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    problems = []
    for key, value in entries.items():
        missing = [c for c in CODES if c not in ("en", "msgctxt") and c not in value]
        if missing:
            problems.append(f"{key!r}: missing {', '.join(missing)}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with open(locale_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for code in CODES:
            path = locale_dir / to_locale(code) / "LC_MESSAGES" / "django.po"
            po = polib.pofile(str(path))
            for key, value in entries.items():
                msgid = value.get("msgid", key)
                plural = value.get("msgid_plural")
                context = value.get("msgctxt")
                text = value.get(code, [msgid, plural] if plural else msgid)
                entry = po.find(msgid, msgctxt=context)  # None: the entry without context
                if entry is None:
                    entry = polib.POEntry(msgid=msgid, msgctxt=context)
                    po.append(entry)
                if plural:
                    entry.msgid_plural = plural
                    entry.msgstr_plural = dict(enumerate(text))
                else:
                    entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            po.save(str(path))
    print(f"{len(entries)} messages written to {locale_dir} in {len(CODES)} languages")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
