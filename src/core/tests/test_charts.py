"""Bar charts: sized by the number of bars, never by the values; readable labels; safe CSV."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from core import charts
from core.charts import Row, bar_chart


def chart(rows: list[Row], code: str = "en") -> charts.Chart:
    return bar_chart(
        rows, chart_id="c", title="Cases", label_header="Month", value_header="Cases", code=code
    )


@pytest.mark.parametrize("value", [1, 1_000, 10_000_000])
def test_height_depends_on_the_number_of_bars_not_on_the_values(value: int) -> None:
    one = chart([Row("2026-11", value)])
    assert one.height == charts.TOP_PX + charts.INLINE_ROW_PX + 2 + charts.AXIS_PX
    assert one.height < 100
    assert one.bars[0].length == charts.INLINE_BAR_MAX  # the largest bar fills the scale
    twelve = chart([Row(f"2026-{m:02}", value) for m in range(1, 13)])
    assert twelve.height == one.height + 11 * charts.INLINE_ROW_PX


def test_one_case_and_a_thousand_cases_have_the_same_size() -> None:
    small, large = chart([Row("2026-11", 1)]), chart([Row("2026-11", 1000)])
    assert (small.height, small.bars[0].length) == (large.height, large.bars[0].length)
    assert [t.shown for t in small.ticks] == ["0", "1"]
    assert [t.shown for t in large.ticks] == ["0", "500", "1,000"]


def test_every_length_stays_inside_the_chart() -> None:
    rows = [Row(f"L{i}", v) for i, v in enumerate([0, 1, 3, 999, 1000, 250])]
    c = chart(rows)
    for bar in c.bars:
        assert 0 <= bar.x + bar.length <= charts.INLINE_LABEL_PERCENT + charts.INLINE_BAR_MAX
    assert max(t.x for t in c.ticks) <= 100


def test_zero_values_draw_no_bar_but_keep_their_row() -> None:
    c = chart([Row("a", 0), Row("b", 0)])
    assert [b.length for b in c.bars] == [0, 0]
    assert [t.shown for t in c.ticks] == ["0"]
    html = render_to_string("core/_bar_chart.html", {"chart": c})
    assert "<rect" not in html and html.count("<tr>") == 4  # head, 2 rows, total


def test_a_small_count_beside_a_large_one_is_still_visible() -> None:
    c = chart([Row("a", 1), Row("b", 100_000)])
    assert 0 < c.bars[0].length < c.bars[1].length


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        chart([Row("a", -1)])


def test_no_rows_say_so_instead_of_drawing_an_empty_chart() -> None:
    with translation.override("en"):
        c = chart([])
        html = render_to_string("core/_bar_chart.html", {"chart": c})
    assert c.empty and "<svg" not in html and "No data for this selection." in html


def test_long_labels_go_above_their_bars_and_are_cut_to_fit_a_phone() -> None:
    title = "国民健康保険料の納付についてのお知らせ（口座振替のご案内と減免の申請方法）"
    c = chart([Row(title, 5, lang="ja"), Row("Short", 2)])
    assert not c.inline
    assert c.height == charts.TOP_PX + 2 * charts.STACKED_ROW_PX + 2 + charts.AXIS_PX
    assert c.bars[0].short.endswith("…") and charts.text_width(c.bars[0].short) <= 280
    assert c.bars[0].label == title  # the table keeps the whole label
    assert c.bars[0].length == charts.STACKED_BAR_MAX
    html = render_to_string("core/_bar_chart.html", {"chart": c})
    assert f'<th scope="row" lang="ja">{title}</th>' in html


def test_a_thousand_bars_grow_linearly() -> None:
    c = chart([Row(f"#{i}", i) for i in range(1000)])
    assert c.height == charts.TOP_PX + 1000 * charts.INLINE_ROW_PX + 2 + charts.AXIS_PX


def test_numbers_are_written_the_staff_language_way() -> None:
    c = chart([Row("a", 1234567)], code="es")
    assert c.bars[0].shown == "1.234.567"


def test_svg_has_a_title_a_description_and_a_role() -> None:
    with translation.override("en"):
        c = chart([Row("2026-10", 3), Row("2026-11", 7)])
    html = render_to_string("core/_bar_chart.html", {"chart": c})
    assert 'role="img" aria-labelledby="c-title c-desc"' in html
    assert '<title id="c-title">Cases</title>' in html
    assert "10 in all; the longest bar is 2026-11 with 7." in c.description
    assert f'height="{c.height}"' in html and "<caption" in html


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+81", "'+81"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("国民健康保険", "国民健康保険"),
        (-2, -2),
        (5, 5),
    ],
)
def test_csv_cells_never_start_a_formula(cell: object, safe: object) -> None:
    assert charts.csv_safe(cell) == safe


@pytest.mark.parametrize(
    ("code", "reader", "name"),
    [
        ("vi", "ja", "ベトナム語"),
        ("pt-br", "en", "Portuguese (Brazil)"),
        ("zh-hant", "ko", "중국어 (번체)"),
        ("ja-easy", "ja", "やさしい日本語"),
        ("ne", "ja-easy", "ネパール語"),
    ],
)
def test_language_names_in_the_staff_language(code: str, reader: str, name: str) -> None:
    from core.formatting import language_name

    assert language_name(code, reader) == name
