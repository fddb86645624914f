"""No English left on any public page in another locale.

Every public route (found by walking the URL resolver; a new route without a row here fails) is
rendered in each of the 13 non-English locales. The visible text — text nodes, plus the labels a
screen reader reads — is searched for the English UI strings of every catalog (the msgstrs of each
`en` .po). Text marked lang="en", URLs and codes are not searched. Two allowances keep the test
about UI strings, not content: a locale may show English its own catalogs use (a loanword or a
name the translator kept, e.g. fil "Consultation Plaza"), and a one-word string counts only as a
whole label (a text node or attribute of its own), not inside a sentence of notice content
("Japan Pension Service" in an Indonesian text is a name, "Pension" alone as a label is not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import lxml.html
import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import to_locale

from core import languages
from notices import actions
from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db

BASE = Path(settings.BASE_DIR)
LOCALE_DIRS = [BASE / "locale", *sorted((BASE / "src").glob("*/locale"))]
NON_ENGLISH = [code for code in languages.CODES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
URL = re.compile(r"https?://\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# Parts of the site that are not public pages.
PRIVATE_PREFIXES = ("staff/", "accounts/", "api/")


def routes() -> Iterator[tuple[str, str]]:
    """Yield (name, pattern) of every named route, namespaces included."""

    def walk(patterns: list, prefix: str, namespace: str) -> Iterator[tuple[str, str]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", prefix + str(entry.pattern)

    yield from walk(get_resolver().url_patterns, "", "")


def public_routes() -> set[str]:
    return {name for name, pattern in routes() if not pattern.startswith(PRIVATE_PREFIXES)}


# ---- how to reach each public route as a resident (None: not a page to read) -------------------


def published_codes() -> list[str]:
    return list(Notice.objects.filter(status=NoticeStatus.PUBLISHED).values_list("code", flat=True))


def status_page(client: Client) -> list[str]:
    # A resident sends a consultation and lands on their private status page.
    response = client.post(
        "/consult/",
        {
            "language": "vi",
            "category": "health-insurance",
            "description": "Tôi mới chuyển đến và chưa có bảo hiểm y tế.",
            "preferred_contact": "email",
            "email": "resident@example.com",
            "consent": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return [response["Location"], response["Location"].split("?")[0]]


ROUTES: dict[str, Callable[[Client], list[str]] | None] = {
    "core:home": lambda c: ["/"],
    "core:languages": lambda c: ["/languages/"],
    "notices:lookup": lambda c: ["/n/?code=", "/n/?code=1", "/n/?code=QQQQQQ"],
    "notices:landing": lambda c: (
        [f"/n/{code}" for code in published_codes()]
        + [f"/n/{published_codes()[0]}?lang=ja-easy&furigana=off"]
    ),
    "notices:print": lambda c: [f"/n/{code}/print" for code in published_codes()],
    "notices:qr": None,  # images
    "notices:deadline-ics": None,  # a calendar file; its language is tested in test_deadline
    "consultations:intake": lambda c: ["/consult/"],
    "consultations:faq": lambda c: ["/consult/faq", "/consult/faq?q=pension"],
    "consultations:status": status_page,
    "consultations:book": None,  # POST only, answers with a redirect to the status page
    "consultations:cancel": None,  # POST only, likewise
    "consultations:reply": None,  # POST only, likewise
    "consultations:appointment-ics": None,  # a calendar file
}
# Error pages and other states that no route name reaches.
EXTRA = ["/n/ZZZZZZ", "/consult/s/not-a-real-link", "/no/such/page"]


def test_every_public_route_has_a_row() -> None:
    """A new public page must say how it is reached, so this test renders it too."""
    assert public_routes() - set(ROUTES) == set()


# ---- the English strings to look for -----------------------------------------------------------


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return entry.msgctxt or "", entry.msgid


@cache
def english_strings() -> dict[str, set[tuple[str, str]]]:
    """Return each English UI text fragment and the catalog keys it comes from."""
    found: dict[str, set[tuple[str, str]]] = {}
    for directory in LOCALE_DIRS:
        path = directory / "en" / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            texts = [entry.msgstr or entry.msgid]
            texts += [v for v in entry.msgstr_plural.values() if v]
            for text in texts:
                for fragment in PLACEHOLDER.split(text):
                    fragment = fragment.strip(" :.,;()—-–·\n")
                    # A word of two letters is too likely to be part of a name or code.
                    if len(fragment) >= 3 and re.search(r"[A-Za-z]{3}", fragment):
                        found.setdefault(fragment, set()).add((str(directory), *_key(entry)))
    return found


@cache
def catalog_text(code: str) -> str:
    """Return all translations of a locale's catalogs, one per line."""
    texts: list[str] = []
    for directory in LOCALE_DIRS:
        po = polib.pofile(str(directory / to_locale(code) / "LC_MESSAGES" / "django.po"))
        for entry in po:
            texts += [entry.msgstr, *entry.msgstr_plural.values()]
    return "\n".join(texts)


@cache
def kept_in(code: str, fragment: str) -> bool:
    """Return whether the locale's own translations use this English text (a loanword, a name)."""
    return bool(pattern_for(fragment).search(catalog_text(code)))


@cache
def pattern_for(fragment: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(fragment) + r"(?![\w])")


def visible_texts(html: str) -> list[str]:
    """Return the texts a reader sees or hears, leaving out what is marked as English."""
    doc = lxml.html.document_fromstring(html)
    for element in doc.xpath("//script|//style|//*[starts-with(@lang, 'en')]|//code"):
        element.drop_tree()
    texts: list[str] = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        texts += [element.text or "", element.tail or ""]
        texts += [element.get(name, "") for name in READ_ATTRIBUTES]
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            texts.append(element.get("value", ""))
        if element.tag == "title":
            texts.append(element.text_content())
    return [URL.sub(" ", text) for text in texts if text.strip()]


def english_on(html: str, code: str) -> set[str]:
    """Return the English UI strings found on a page rendered in another locale."""
    texts = visible_texts(html)
    labels = {text.strip(" :.,;()—-–·\n\t") for text in texts}
    found = set()
    for fragment in english_strings():
        if " " not in fragment:
            hit = fragment in labels  # one word: only as a label of its own
        else:
            rx = pattern_for(fragment)
            hit = any(fragment in text and rx.search(text) for text in texts)
        if hit and not kept_in(code, fragment):
            found.add(fragment)
    return found


def pages(client: Client) -> list[str]:
    urls: list[str] = []
    for name in sorted(public_routes()):
        reach = ROUTES.get(name)
        if reach is not None:
            urls += reach(client)
    return urls + EXTRA


def with_lang(url: str, code: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={code}"


def test_english_strings_are_found_where_they_are() -> None:
    """The search itself works: an English label is caught, a lang="en" one is not."""
    html = (
        "<html><body><p>Hãy mang <b>What to bring</b></p><p lang='en'>Map</p>"
        "<button aria-label='Phone'>x</button></body></html>"
    )
    found = english_on(html, "vi")
    assert "What to bring" in found and "Phone" in found and "Map" not in found


@pytest.mark.parametrize("code", NON_ENGLISH)
def test_no_english_ui_string_on_any_public_page(code: str) -> None:
    client = Client()
    withdrawn = Notice.objects.filter(status=NoticeStatus.PUBLISHED).last()
    assert withdrawn is not None
    urls = pages(client)
    actions.do_withdraw(withdrawn)  # its page (410) is a public page too
    urls.append(f"/n/{withdrawn.code}")
    problems: dict[str, set[str]] = {}
    for url in urls:
        response = client.get(with_lang(url, code))
        assert response.status_code in (200, 400, 404, 410), (url, response.status_code)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert f'<html lang="{languages.get(code).html_lang}"' in html, url
        if found := english_on(html, code):
            problems[url] = found
    csrf = Client(enforce_csrf_checks=True).post(with_lang("/consult/", code), {})
    if found := english_on(csrf.content.decode(), code):
        problems["csrf"] = found
    invalid = client.post(with_lang("/consult/", code), {"description": ""})
    if found := english_on(invalid.content.decode(), code):
        problems["intake with errors"] = found
    assert problems == {}
