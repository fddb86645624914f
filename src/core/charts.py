"""Bar charts sized to their data: a pure view model for `core/_bar_chart.html` and its table.

The SVG uses CSS pixels for heights and percentages for lengths, so a chart is as tall as its
number of bars (never its values) and as wide as the column it sits in, from a 360 px phone to a
desktop, with text at a fixed readable size. The table next to it is what a screen reader reads.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from babel.numbers import format_decimal
from django.utils.translation import gettext as _

from core import languages
from core.validation import FORMULA_START, csv_safe  # noqa: F401 - one definition, in validation

FONT_PX = 14
BAR_PX = 12  # every bar is this thick, whatever its value
INLINE_ROW_PX = 24  # label left of the bar
STACKED_ROW_PX = 38  # label above the bar, for labels too long to sit beside it
TOP_PX = 6
AXIS_PX = 30  # the scale under the bars
INLINE_LABEL_MAX_PX = 72  # a label this wide still fits 24 % of a 320 px column
INLINE_LABEL_PERCENT = 24.0
INLINE_BAR_MAX = 56.0  # % of the width; the rest holds the label and the value
STACKED_BAR_MAX = 78.0
STACKED_LABEL_MAX_PX = 280  # a 360 px phone leaves about 320 px for the chart
MIN_BAR = 0.4  # % — a count of 1 among thousands is still visible, unlike 0
MAX_TICKS = 4


@dataclass(frozen=True)
class Row:
    """One bar as the caller gives it: label, count, and extra columns for the table."""

    label: str
    value: int
    lang: str = ""  # lang="…" of the label when it differs from the page
    extra: tuple[int, ...] = ()


@dataclass(frozen=True)
class Bar:
    label: str  # full label, for the table
    short: str  # label cut to fit the chart
    lang: str
    value: int
    shown: str  # the value written the locale's way
    extra: tuple[str, ...]
    x: float  # % where the bar starts
    length: float  # % of the chart width
    top: int  # px
    text_y: int  # baseline of the label
    value_x: float  # % where the value is written (after the bar)


@dataclass(frozen=True)
class Tick:
    x: float  # %
    shown: str
    anchor: str  # text-anchor: the first tick starts at the edge, the others are centred


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    label_header: str
    value_header: str
    extra_headers: tuple[str, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    inline: bool  # labels beside the bars (short labels) or above them
    height: int  # px
    axis_y: int
    bar_px: int
    total: str

    @property
    def empty(self) -> bool:
        return not self.bars


def text_width(text: str) -> int:
    """Return an estimate of the width of text in pixels at FONT_PX (wide scripts count double)."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return math.ceil((len(text) - wide) * FONT_PX * 0.58 + wide * FONT_PX)


def shorten(text: str, max_px: int) -> str:
    """Return text cut with an ellipsis so that it fits max_px."""
    if text_width(text) <= max_px:
        return text
    cut = text
    while cut and text_width(cut + "…") > max_px:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def nice_step(peak: int, ticks: int = MAX_TICKS) -> int:
    """Return a step of 1, 2 or 5 × 10ⁿ giving at most `ticks` steps up to peak."""
    if peak <= 0:
        return 1
    raw = peak / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, factor * power)
    return 10 * power  # pragma: no cover - the loop always returns


def number(value: int, code: str) -> str:
    """Return a count written the way the language writes numbers."""
    return format_decimal(value, locale=languages.get(code).babel)


def bar_chart(
    rows: Iterable[Row],
    *,
    chart_id: str,
    title: str,
    label_header: str,
    value_header: str,
    extra_headers: Sequence[str] = (),
    code: str,
) -> Chart:
    """Return the view model of a horizontal bar chart of the rows, in their order."""
    rows = list(rows)
    if any(r.value < 0 for r in rows):
        raise ValueError("a bar chart counts things: values are never negative")
    inline = all(text_width(r.label) <= INLINE_LABEL_MAX_PX for r in rows)
    row_px = INLINE_ROW_PX if inline else STACKED_ROW_PX
    start = INLINE_LABEL_PERCENT if inline else 0.0
    longest = INLINE_BAR_MAX if inline else STACKED_BAR_MAX
    peak = max([r.value for r in rows] + [0])
    step = nice_step(peak)
    scale_top = max(peak, 1)
    bars = []
    for i, r in enumerate(rows):
        length = longest * r.value / scale_top
        if r.value:
            length = max(length, MIN_BAR)
        top = TOP_PX + i * row_px + (row_px - BAR_PX - 4 if not inline else (row_px - BAR_PX) // 2)
        text_y = top + BAR_PX - 1 if inline else top - 6
        bars.append(
            Bar(
                label=r.label,
                short=shorten(r.label, STACKED_LABEL_MAX_PX),
                lang=r.lang,
                value=r.value,
                shown=number(r.value, code),
                extra=tuple(number(v, code) for v in r.extra),
                x=start,
                length=round(length, 2),
                top=top,
                text_y=text_y,
                value_x=round(start + length, 2),
            )
        )
    ticks = tuple(
        Tick(
            round(start + longest * v / scale_top, 2),
            number(v, code),
            "start" if v == 0 and not inline else "middle",
        )
        for v in range(0, peak + 1, step)
    )
    axis_y = TOP_PX + len(rows) * row_px + 2
    total = sum(r.value for r in rows)
    return Chart(
        id=chart_id,
        title=title,
        description=_describe(bars, total, code),
        label_header=label_header,
        value_header=value_header,
        extra_headers=tuple(extra_headers),
        bars=tuple(bars),
        ticks=ticks,
        inline=inline,
        height=axis_y + AXIS_PX,
        axis_y=axis_y,
        bar_px=BAR_PX,
        total=number(total, code),
    )


def _describe(bars: list[Bar], total: int, code: str) -> str:
    if not bars:
        return _("No data for this selection.")
    top = max(bars, key=lambda b: b.value)
    return _(
        "%(total)s in all; the longest bar is %(label)s with %(value)s. "
        "The table below gives every number."
    ) % {"total": number(total, code), "label": top.label, "value": top.shown}
