"""The shared input checks: what they refuse, what they let through, and nothing else raises."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core import charts, validation

UNSTORABLE = ["\x00", "a\x00b", "\ud800", "x\udfffy", "\udbff\udc00"]  # the last: a split pair


@pytest.mark.parametrize("text", UNSTORABLE)
def test_nul_and_lone_surrogates_are_refused_with_the_message(text: str) -> None:
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            validation.check_text(text)
        assert caught.value.code == "unstorable"
        assert "cannot be stored" in " ".join(caught.value.messages)


def test_the_message_is_translated() -> None:
    with translation.override("vi"):
        with pytest.raises(ValidationError) as caught:
            validation.check_text("\x00")
        assert "không thể lưu" in caught.value.messages[0]
    with translation.override("ja-easy"):
        with pytest.raises(ValidationError) as caught:
            validation.check_text("a" * 11, 10)
        assert caught.value.messages == ["文が長すぎます（11字）。10字までにしてください。"]


@pytest.mark.parametrize("text", ["", "日本語 / Tiếng Việt", "emoji 👩‍👩‍👧 ok", "tab\tnew\nline"])
def test_ordinary_text_passes(text: str) -> None:
    assert validation.check_text(text, 100) == text


def test_length_is_checked_at_the_boundary() -> None:
    assert validation.check_text("a" * 100, 100)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            validation.check_text("a" * 101, 100)
        assert caught.value.code == "too_long" and "101" in caught.value.messages[0]


@given(st.text())
def test_check_text_raises_nothing_but_validation_error(text: str) -> None:
    try:
        result = validation.check_text(text, 50)
    except ValidationError:
        assert validation.unstorable(text) or len(text) > 50
    else:
        assert result == text
        result.encode("utf-8")  # what was accepted can be stored
        assert "\x00" not in result


@given(st.text())
def test_replace_unstorable_always_gives_storable_text(text: str) -> None:
    cleaned = validation.replace_unstorable(text)
    assert not validation.unstorable(cleaned) and len(cleaned) == len(text)
    cleaned.encode("utf-8")


class Form(forms.Form):
    name = validation.StorableCharField(max_length=20)


@pytest.mark.parametrize("value", ["a\x00b", "a\ud800b"])
def test_form_field_mixin_refuses_with_one_message(value: str) -> None:
    form = Form({"name": value})
    assert not form.is_valid()
    assert form.errors["name"] == [str(validation.UNSTORABLE_MESSAGE)]


@given(st.text())
def test_form_field_never_raises(value: str) -> None:
    form = Form({"name": value})
    if form.is_valid():
        assert not validation.unstorable(form.cleaned_data["name"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5", 5),
        ("0", None),
        ("20", 20),
        ("21", None),
        ("²", None),  # "²".isdigit() is True; int("²") raises
        ("١", None),  # Arabic-Indic one: int() accepts it, we do not
        ("٣", None),
        ("-1", None),
        ("+3", None),
        (" 3", None),
        ("3 ", None),
        ("3\n", None),  # a regex with $ would accept this
        ("", None),
        (None, None),
        ("0007", 7),
        ("9" * 10_000, None),
        ("1e3", None),
        ("3.0", None),
        ("\x00", None),
    ],
)
def test_parse_int_is_strict(raw: str | None, expected: int | None) -> None:
    assert validation.parse_int(raw, low=1, high=20) == expected


@given(st.text())
def test_parse_int_never_raises(raw: str) -> None:
    number = validation.parse_int(raw, low=1, high=10_000)
    assert number is None or 1 <= number <= 10_000


def test_require_int_says_the_range() -> None:
    assert validation.require_int("2027", low=2000, high=9999) == 2027
    with pytest.raises(ValidationError) as caught:
        validation.require_int("10000", low=2000, high=9999)
    assert "2000" in caught.value.messages[0] and "9999" in caught.value.messages[0]


def test_query_text_refuses_nul_and_cuts() -> None:
    assert validation.query_text("  保険  ", 10) == "保険"
    assert validation.query_text("a" * 500, 10) == "a" * 10
    assert validation.query_text(None) == ""
    with pytest.raises(ValidationError):
        validation.query_text("保険\x00")


@given(st.text())
def test_query_text_raises_nothing_but_validation_error(raw: str) -> None:
    try:
        cleaned = validation.query_text(raw, 30)
    except ValidationError:
        assert validation.unstorable(raw.strip()[:30])
    else:
        assert len(cleaned) <= 30 and not validation.unstorable(cleaned)


def test_bidi_controls_are_written_out() -> None:
    spoof = "Admin\u202egpj.exe"
    assert validation.visible_controls(spoof) == "Admin<U+202E>gpj.exe"
    assert validation.visible_controls("a\u2066b\u2069\u200fc") == "a<U+2066>b<U+2069><U+200F>c"
    assert validation.visible_controls("تحميل") == "تحميل"  # right-to-left letters stay


def test_template_filter_shows_controls_escaped_and_isolated() -> None:
    template = Template("{% load textguard %}<p>{{ name|visible_controls }} wrote</p>")
    html = template.render(Context({"name": "<b>x</b>\u202eevil"}))
    assert html == "<p><bdi>&lt;b&gt;x&lt;/b&gt;&lt;U+202E&gt;evil</bdi> wrote</p>"
    assert template.render(Context({"name": ""})) == "<p> wrote</p>"


@given(st.text())
def test_template_filter_leaves_no_control_and_no_markup(name: str) -> None:
    html = Template("{% load textguard %}{{ name|visible_controls }}").render(
        Context({"name": name})
    )
    inner = html.removeprefix("<bdi>").removesuffix("</bdi>")
    assert not validation.BIDI_CONTROLS.search(inner)
    assert "<" not in inner and ">" not in inner


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+81 96", "'+81 96"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("区役所", "区役所"),
        (3, 3),
    ],
)
def test_csv_safe_and_back(cell: object, safe: object) -> None:
    assert validation.csv_safe(cell) == safe
    if isinstance(cell, str):
        assert validation.csv_unescape(str(safe)) == cell


def test_charts_uses_the_one_csv_safe() -> None:
    assert charts.csv_safe is validation.csv_safe


@given(st.text())
def test_csv_round_trip(cell: str) -> None:
    safe = validation.csv_safe(cell)
    assert not str(safe).startswith(validation.FORMULA_START)
    assert validation.csv_unescape(str(safe)) == cell or cell.startswith("'")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/%00", 400),
        ("/staff/%00/", 400),
        ("/?q=%00", 200),  # query values are the views' to judge
        ("/?q=%ED%A0%80", 200),  # invalid UTF-8 in a query is decoded as U+FFFD: storable
        ("/?q=%E4%BF%9D%E9%99%BA", 200),
    ],
)
def test_a_path_with_nul_is_a_400_in_the_readers_language(
    client: Client, path: str, status: int
) -> None:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == status
    if status == 400:
        assert response["Content-Language"] == "vi"
