"""Property tests over arbitrary Unicode: nothing raises, offsets and HTML stay sound."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from yasashii import analyze, reading, rewrite, ruby

JAPANESE = st.text(
    alphabet=st.sampled_from(
        list(
            "漢字手続申請納期限方日月時分人回歳円第令和平成ごお願いくださいますひらがなカタカナー0123456789"
            "～〜:：（）()。、！？ \n<>&\"'AbＡ😀\x00\x1b\u200b\ufeff々ヶ"
        )
    ),
    max_size=80,
)
TEXT = st.one_of(st.text(max_size=80), JAPANESE)


class _Text(HTMLParser):
    """Collect text outside <rt> and the tags seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.in_rt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_rt += tag == "rt"

    def handle_endtag(self, tag: str) -> None:
        self.in_rt -= tag == "rt"

    def handle_data(self, data: str) -> None:
        if not self.in_rt:
            self.parts.append(data)


def _html_text(html: str) -> tuple[str, list[str]]:
    """Return the text of html without <rt> contents, and its tags."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts), parser.tags


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_analyze_never_raises_and_offsets_index_input(text: str) -> None:
    report = analyze(text)
    for issue in report.issues:
        assert 0 <= issue.start <= issue.end <= len(text)
        assert text[issue.start : issue.end] == issue.surface
    for s in report.sentences:
        assert text[s.start : s.end] == s.text
    for w in report.words:
        assert text[w.start : w.end] == w.surface


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_rewrite_offsets_index_input(text: str) -> None:
    rw = rewrite(text)
    last = 0
    for change in rw.changes:
        assert last <= change.start <= change.end <= len(text)
        assert text[change.start : change.end] == change.old
        last = change.end
    assert rw.apply() == rw.text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_reading_never_raises(text: str) -> None:
    assert isinstance(reading(text), str)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_ruby_is_safe_html_that_keeps_the_text(text: str) -> None:
    html = ruby(text)
    plain, tags = _html_text(html)
    assert set(tags) <= {"ruby", "rt"}
    # html.parser turns \r\n and \r into \n; compare on that basis
    assert plain == re.sub(r"\r\n?", "\n", text) or plain == text
