"""Rendered public notice pages kept in Django's cache, with versioned keys (never a stale read).

A page's key holds the public content generation, the notice code, the language, the furigana
setting and today's date in Kumamoto (deadline wording changes at midnight). The generation is a
random token in the cache, replaced when a transaction that saved or deleted anything in the
notices or translations apps commits (publish, edit, withdraw, supersede, a translation saved by
a person or the machine, the admin): a changed notice is never served from an old key, and old
keys simply expire. A token costs one cache read per request and invalidates every notice page at
once, which is cheap because edits are rare beside reads.

The token is replaced after the commit, once per transaction (an editor save writes dozens of
rows): replaced before it, a page read in between would render the old rows under the new token
and stay in the cache until the next change.

`purge` asks nginx (or a CDN) to drop its copies of a notice's pages when TABUNKA_PURGE_URL is set.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

log = logging.getLogger(__name__)

GENERATION_KEY = "notices:public-generation"
PAGE_TIMEOUT = 24 * 3600  # an unused page leaves the cache after a day
WATCHED_APPS = frozenset({"notices", "translations"})
NOT_CONTENT = frozenset({"ScanCount", "NoticeEvent"})  # written without changing any page


def generation() -> str:
    """Return the current content generation, making one if the cache has none."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex[:16]
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return str(token)


def bump() -> None:
    """Make every cached public notice page out of date."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:16], timeout=None)


@dataclass
class _Changes:
    """What the transaction under way changed; the first of its commit callbacks acts on it."""

    codes: set[str] = field(default_factory=set)  # notices whose addresses to purge
    done: bool = False


_pending = threading.local()


def _after_commit(changes: _Changes) -> None:
    if changes.done:  # an earlier callback of the same commit bumped already
        return
    changes.done = True
    bump()
    if changes.codes and getattr(settings, "TABUNKA_PURGE_URL", ""):
        from notices import tasks

        for code in sorted(changes.codes):
            tasks.purge_notice.enqueue(code)


def _content_changed(sender: Any, **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in WATCHED_APPS or meta.object_name in NOT_CONTENT:
        return
    changes: _Changes | None = getattr(_pending, "changes", None)
    if changes is None or changes.done:
        # A transaction that rolled back leaves its (never run) record here; reusing it is
        # harmless: at worst a notice it touched is purged once more.
        changes = _pending.changes = _Changes()
    code = getattr(kwargs.get("instance"), "code", "") if meta.object_name == "Notice" else ""
    if code:
        changes.codes.add(code)
    transaction.on_commit(functools.partial(_after_commit, changes))


def connect_signals() -> None:
    """Bump the generation after any save or delete of notice or translation content commits."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"notices.cache.{id(signal)}")


@dataclass(frozen=True)
class Entry:
    """One rendered page: what the landing view needs to answer without the database."""

    body: bytes
    content_type: str
    etag: str  # strong, quoted
    last_modified: float  # unix time of the render
    notice_id: int
    notice_code: str


def landing_key(code: str, lang: str, furigana: bool) -> str:
    day = timezone.localdate().isoformat()
    return f"notices:landing:{generation()}:{code}:{lang}:{int(furigana)}:{day}"


# Each process also keeps the pages it served last in memory: the key holds the generation read
# from the shared cache, so a copy here is never stale, and a hit skips unpickling the body.
_LOCAL_MAX = 256
_local: dict[str, Entry] = {}


def get(key: str) -> Entry | None:
    entry = _local.get(key)
    if entry is not None:
        return entry
    found = cache.get(key)
    if not isinstance(found, Entry):
        return None
    _remember(key, found)
    return found


def _remember(key: str, entry: Entry) -> None:
    if len(_local) >= _LOCAL_MAX:
        _local.clear()  # the old generations and days go; the current pages come back at once
    _local[key] = entry


def store(key: str, body: bytes, content_type: str, notice_id: int, code: str) -> Entry:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    now = timezone.now().timestamp()
    entry = Entry(body, content_type, etag, now, notice_id, code)
    cache.set(key, entry, timeout=PAGE_TIMEOUT)
    _remember(key, entry)
    return entry


def notice_urls(code: str) -> list[str]:
    """Return the public addresses of a notice a shared cache may hold."""
    return [f"/n/{code}", f"/n/{code}/print"]


def purge(code: str) -> int:
    """Send PURGE for the notice's addresses to TABUNKA_PURGE_URL; return how many succeeded.

    Best effort: a shared cache that misses a purge keeps the old page for at most max-age
    (PUBLIC_MAX_AGE seconds). Runs in the task worker (`tasks.purge_notice`), never in a request.
    """
    base = getattr(settings, "TABUNKA_PURGE_URL", "")
    if not base.startswith(("http://", "https://")):
        return 0
    done = 0
    for path in notice_urls(code):
        url = base.rstrip("/") + path
        request = urllib.request.Request(url, method="PURGE")  # noqa: S310 (http(s) only)
        try:
            with urllib.request.urlopen(request, timeout=3):  # noqa: S310 (our own setting)
                done += 1
        except OSError as error:  # includes HTTPError: 404 means nginx had no copy
            if getattr(error, "code", None) == 404:
                done += 1
            else:
                log.warning("purge of %s failed: %s", path, error)
    return done
