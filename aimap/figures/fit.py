"""A bar chart laid out for an export page (a Frame): type as large as the page needs, and
margins and row pitch chosen so that every row, the title, the legend and the footer fit."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from aimap.figures.common import Frame

#: Row pitch per px of label font: a label's box is about 1.2 times its font size, and two
#: neighbouring labels (or a value label and the next row's bar) must not touch.
PITCH = 1.3
#: A horizontal legend entry: its symbol and gap, then about this much width per character.
_LEGEND_SYMBOL, _CHAR = 46, 0.56
_SUBTITLE, _FOOTER_LINE = 16 * 1.4, 17


@dataclass(frozen=True)
class BarLayout:
    """Font sizes (layout px) and margins for one page; `label` is the ticks', legend's and
    value labels' size."""

    title: float
    label: float
    top: int
    bottom: int
    right: int


def title_pad(size: float) -> int:
    """Room above a title larger than the template's: plotly hangs a two-line title's first
    line above its anchor by a share of its size, out of the page."""
    return math.ceil(size - 24) + 6


def text_width(label: str, size: float) -> float:
    """About how wide `label` is drawn at `size` px (plotly measures only in the browser)."""
    return _CHAR * size * len(label)


def legend_lines(names: list[str], size: float, width: float) -> int:
    """How many lines a horizontal legend of `names` at `size` px takes in `width` px: one
    if all fit, else plotly sets them in columns as wide as the widest entry."""
    if not names:
        return 0
    entries = [_LEGEND_SYMBOL + text_width(name, size) for name in names]
    if sum(entries) <= width:
        return 1
    return math.ceil(len(names) / max(1, int(width // max(entries))))


def bar_layout(frame: Frame, rows: list[str], footer: str, footer_width: int,
               legend: list[str] = (), value_room: int = 0, label: float = 16,
               title: float = 24) -> BarLayout:
    """Sizes that fit a bar per name in `rows` into `frame`: the page's smallest label and
    title, or a smaller label where that many rows could not be told apart at it (never
    overlapping). `value_room`: px right of the plot for value labels at 14 px."""
    title_size, size = frame.title(title), frame.label(label)
    pitch = max(len(rows), 1) * PITCH
    top, bottom, right, room = _margins(frame, rows, footer, footer_width, legend, value_room,
                                        size, title_size)
    if room < size * pitch:  # smaller type: its legend and axis need less room too
        size = max(room / pitch, frame.label(0), 1)
        top, bottom, right, room = _margins(frame, rows, footer, footer_width, legend,
                                            value_room, size, title_size)
        size = max(min(size, room / pitch), 1)
    return BarLayout(title_size, size, top, bottom, right)


def rows_that_fit(frame: Frame, rows: list[str], footer: str, footer_width: int,
                  legend: list[str] = (), title: float = 24) -> int:
    """How many bars fit on the page at its smallest readable label (a slide's 20 px): a
    chart with more merges its smallest rows into one, never shrinking type below that."""
    size = frame.label(0) or 10
    *_, room = _margins(frame, rows, footer, footer_width, legend, 0, size, frame.title(title))
    return max(1, int(room // (size * PITCH)))


def _margins(frame: Frame, rows: list[str], footer: str, footer_width: int, legend: list[str],
             value_room: int, size: float, title_size: float) -> tuple[int, int, int, float]:
    """Top, bottom and right margins (px) at `size`, and the height left for the rows."""
    right = math.ceil(value_room * size / 14) if value_room else 24
    plot_width = frame.width - right - 24 - max((text_width(r, size) for r in rows), default=0)
    lines = legend_lines(list(legend), size, plot_width)
    top = math.ceil(28 + title_pad(title_size) + title_size * 1.3 + _SUBTITLE
                    + lines * size * 1.6 + 12)
    footer_lines = len(textwrap.wrap(footer, footer_width))
    bottom = math.ceil(16 + size * 1.6 + _FOOTER_LINE * footer_lines + 10)
    return top, bottom, right, frame.height - top - bottom


def apply(figure: go.Figure, sizes: BarLayout) -> go.Figure:
    """Set `sizes` on a bar figure: title, ticks, legend and annotations (value labels)."""
    figure.update_layout(title_font_size=sizes.title, title_pad_t=title_pad(sizes.title),
                         legend_font_size=sizes.label,
                         xaxis_tickfont_size=sizes.label, yaxis_tickfont_size=sizes.label,
                         margin_t=sizes.top, margin_b=sizes.bottom, margin_r=sizes.right)
    figure.update_annotations(font_size=sizes.label)
    figure.update_traces(textfont_size=sizes.label, selector=dict(mode="text"))
    return figure
