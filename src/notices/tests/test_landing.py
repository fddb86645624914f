"""The landing page a resident opens from the letter."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from notices.models import Notice, Step
from translations.models import Status, Translation
from translations.services import set_translation

pytestmark = pytest.mark.django_db

NHI = "NH7K4A"


def page(client: Client, path: str, **headers: str) -> str:
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("accept", "html_lang", "switch_current"),
    [
        ("vi-VN,vi;q=0.9,en;q=0.5", "vi", "Tiếng Việt"),
        ("ne-NP", "ne", "नेपाली"),
        ("ja-x-easy", "ja", "やさしい日本語"),
        ("zh-TW", "zh-Hant", "繁體中文"),
        ("pt", "pt-BR", "Português (Brasil)"),
        ("de-DE", "ja", "日本語"),  # a language we do not serve falls back to Japanese
    ],
)
def test_opens_in_the_phones_language(
    client: Client, accept: str, html_lang: str, switch_current: str
) -> None:
    html = page(client, f"/n/{NHI}", HTTP_ACCEPT_LANGUAGE=accept)
    assert f'<html lang="{html_lang}">' in html
    assert re.search(rf'aria-current="true">{re.escape(switch_current)}<', html)


def test_lang_parameter_overrides_and_sticks(client: Client) -> None:
    html = page(client, f"/n/{NHI}?lang=id", HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="id">' in html
    assert client.cookies["lang"].value == "id"
    html = page(client, "/", HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="id">' in html


def test_switcher_names_every_language_in_its_own_script_and_lang(client: Client) -> None:
    html = page(client, f"/n/{NHI}?lang=en")
    for lang, name in [("ko", "한국어"), ("my", "မြန်မာဘာသာ"), ("th", "ไทย"), ("ne", "नेपाली")]:
        assert re.search(rf'<a href="[^"]*lang={lang}[^"]*" lang="{lang}"[^>]*>{name}</a>', html)


def test_structured_sections_and_locale_formatting(client: Client) -> None:
    notice = Notice.objects.get(code=NHI)
    assert notice.deadline is not None
    ja = page(client, f"/n/{NHI}?lang=ja")
    assert f"{notice.deadline.year}年（令和" in ja  # the era beside the Western year
    en = page(client, f"/n/{NHI}?lang=en")
    for heading in ("What this letter is", "By when", "What you must do", "What to bring", "Where"):
        assert heading in en
    assert str(notice.deadline.year) in en and "令和" not in en
    assert "+81 96-328-2111" in en  # phone in international form for non-Japanese readers
    assert "096-328-2111" in ja


def test_easy_japanese_has_furigana_and_a_toggle_that_works_without_js(client: Client) -> None:
    html = page(client, f"/n/{NHI}?lang=ja-easy")
    assert "<ruby>" in html and "<rt>" in html
    assert 'href="?furigana=off"' in html
    off = page(client, f"/n/{NHI}?lang=ja-easy&furigana=off")
    assert 'class="no-furigana"' in off
    assert client.cookies["furigana"].value == "off"


def test_untranslated_field_falls_back_visibly_with_its_own_lang(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    notice = Notice.objects.get(code=NHI)
    step = Step.objects.create(notice=notice, order=99, text="新しい手順です。")
    # A step missing in Vietnamese (and Easy Japanese): the page is not available in Vietnamese,
    # so the whole text is the Japanese source, said once at the top in Vietnamese.
    html = page(client, f"/n/{NHI}?lang=vi")
    assert '<span lang="ja">新しい手順です。</span>' in html
    assert "Not yet translated" not in html  # the label itself is in Vietnamese
    assert html.count('id="not-translated"') == 1 and '<small class="label">' not in html
    with django_capture_on_commit_callbacks(execute=True):  # the cached page goes at the commit
        set_translation(
            step, "text", "ja-easy", "あたらしい てじゅん です。", status=Status.PUBLISHED
        )
    html = page(client, f"/n/{NHI}?lang=vi")
    assert re.search(r'<span lang="ja">.*あたらしい.*</span>', html)
    assert html.count('id="not-translated"') == 1 and '<small class="label">' not in html
    # Once Vietnamese has the step, the page is Vietnamese again and has no such note.
    with django_capture_on_commit_callbacks(execute=True):
        set_translation(step, "text", "vi", "Bước mới.", status=Status.PUBLISHED)
    assert 'id="not-translated"' not in page(client, f"/n/{NHI}?lang=vi")


def test_machine_translation_is_labelled_and_drafts_are_hidden(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    notice = Notice.objects.get(code=NHI)
    step = Step.objects.create(notice=notice, order=99, text="追加の手順です。")
    set_translation(step, "text", "en", "An extra step.", status=Status.MACHINE)
    html = page(client, f"/n/{NHI}?lang=en")
    assert 'An extra step.</span><small class="label">Machine translation' in html
    with django_capture_on_commit_callbacks(execute=True):  # the cached page goes at the commit
        set_translation(step, "text", "en", "A draft step.", status=Status.DRAFT)
    html = page(client, f"/n/{NHI}?lang=en")
    assert "A draft step." not in html and "追加の手順です。" in html


def test_changing_the_source_marks_translations_outdated_and_the_page_says_so(
    client: Client,
) -> None:
    notice = Notice.objects.get(code=NHI)
    before = notice.revision
    notice.summary = notice.summary + "（更新）"
    notice.save()
    assert notice.revision == before + 1
    rows = Translation.objects.filter(object_id=notice.pk, field="summary")
    assert rows.count() >= 13 and all(r.outdated for r in rows)
    untouched = Translation.objects.filter(object_id=notice.pk, field="title")
    assert not any(r.outdated for r in untouched)
    assert "The Japanese original has changed" in page(client, f"/n/{NHI}?lang=en")


def test_every_public_page_has_the_plaza_block_in_the_same_place(client: Client) -> None:
    for path in ("/", f"/n/{NHI}", f"/n/{NHI}/print", "/languages/"):
        html = page(client, path + ("&" if "?" in path else "?") + "lang=en")
        assert "Consultation Plaza" in html
        if path != f"/n/{NHI}/print":
            assert re.search(r"</main>\s*<div class=\"wrap\"><aside class=\"plaza\"", html)


def test_home_lists_notices_by_topic_and_offers_code_entry(client: Client) -> None:
    html = page(client, "/?lang=en")
    assert 'name="code"' in html and f'href="/n/{NHI}"' in html
    assert html.count("<h3>") >= 3


def test_print_sheet_has_code_url_and_14_languages_each_with_lang(client: Client) -> None:
    html = page(client, f"/n/{NHI}/print")
    assert f"/n/{NHI}/qr.svg" in html
    assert f"{settings.TABUNKA_PUBLIC_URL}/n/{NHI}" in html
    lines = re.findall(r'<li lang="([^"]+)"><span>[^<]+</span>: ([^<]+)</li>', html)
    assert len(lines) == 14
    assert len({text for _, text in lines if _ != "ja"}) >= 12  # really in each language


def test_notice_page_is_fast_in_queries(client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(30):
        client.get(f"/n/{NHI}?lang=vi")
