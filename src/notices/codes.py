"""Short permanent notice codes that survive being read aloud, typed and photocopied."""

import secrets
import unicodedata

# No 0/O, 1/I/L, 2/Z or 5/S at all, and no B so that 8 reads one way: the characters people
# confuse on paper and over the phone.
ALPHABET = "346789ACDEFGHJKMNPQRTUVWXY"
LENGTH = 6


def new_code() -> str:
    """Return a random code (the caller checks it is unused)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(typed: str) -> str:
    """Return what a resident typed as a code: full-width, case, spaces and dashes forgiven."""
    text = unicodedata.normalize("NFKC", typed).upper()
    return "".join(ch for ch in text if ch.isalnum())


def is_valid(code: str) -> bool:
    """Return whether a normalized string can be a code."""
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)
