"""Phone numbers inside translated text become tel: links; everything else stays escaped."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import Client

from core import languages
from translations.services import Shown

TEMPLATE = Template("{% load tabunka %}{% show text %}")


def render(text: str, language: str = "ja", page: str = "ja") -> str:
    shown = Shown(text=text, language=language, wanted=language, status="published")
    return TEMPLATE.render(Context({"text": shown, "current_language": languages.get(page)}))


def test_a_number_in_text_becomes_a_tel_link() -> None:
    html = render("電話 096-328-2111 まで")
    assert html == '<span>電話 <a href="tel:+81-96-328-2111">096-328-2111</a> まで</span>'


def test_hostile_text_next_to_a_number_stays_escaped() -> None:
    html = render('<script>alert("x")</script>096-328-2111<img src=x onerror=alert(1)>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<a href="tel:+81-96-328-2111">096-328-2111</a>&lt;img src=x' in html


def test_markup_around_a_number_is_text_not_html() -> None:
    html = render('<a href="javascript:alert(1)">096-328-2111</a>')
    assert html.count("<a ") == 1  # only ours
    assert 'href="javascript' not in html
    assert '&lt;a href=&quot;javascript:alert(1)&quot;&gt;<a href="tel:+81-96-328-2111">' in html


def test_quotes_cannot_break_out_of_the_link() -> None:
    html = render('096-328-2111" onclick="alert(1)')
    assert '<a href="tel:+81-96-328-2111">096-328-2111</a>&quot; onclick=&quot;alert(1)' in html


def test_easy_japanese_keeps_its_furigana_and_gets_the_link() -> None:
    html = render("わからないときは、電話（096-328-2145）をしてください。<b>", "ja-easy")
    assert "<ruby>電話<rt>でんわ</rt></ruby>（" in html
    # The bracket the matcher takes in stays outside the link.
    assert '（<a href="tel:+81-96-328-2145">096-328-2145</a>）' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_line_breaks_and_several_numbers() -> None:
    html = render("A: 096-334-1507\nB: 0570-00-5374", "en", "en")
    assert html.count('href="tel:') == 2
    assert '<a href="tel:+81-96-334-1507">096-334-1507</a><br>B: ' in html
    assert '<a href="tel:+81-570-005-374">0570-00-5374</a>' in html  # the link dials the digits


@pytest.mark.parametrize(
    "text",
    ["2026年6月30日までに12,300円を払います。", "Pay ¥12,300 by 2026-06-30.", "郵便番号 860-8601"],
)
def test_dates_amounts_and_postcodes_are_not_phone_numbers(text: str) -> None:
    assert "tel:" not in render(text)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ne", "ja-easy", "vi"])
def test_numbers_in_a_notices_contact_are_tappable(client: Client, code: str) -> None:
    html = client.get(f"/n/KN8C4W?lang={code}").content.decode()
    assert 'href="tel:+81-96-334-1507"' in html
    assert 'href="tel:+81-96-328-2145"' in html
