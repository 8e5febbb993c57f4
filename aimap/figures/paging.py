"""A chart with more rows than a screen holds, shown a page of rows at a time: the same figure
with its row axis narrowed to one page, so that the scale across, the legend and the sources
stay and a presenter steps through the rows as through slides (never a chart running off the
screen, never type shrunk until rows touch)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go


@dataclass(frozen=True)
class Page:
    """Page `number` of `count`, showing rows `first` to `last` (from the top, from 1) of
    `total`."""

    number: int
    count: int
    first: int
    last: int
    total: int

    def turned(self, step: int) -> Page:
        """The page `step` pages on (back, when negative), the same size as this one."""
        return page(self.total, math.ceil(self.total / self.count), self.number + step)


def row_names(figure: go.Figure) -> list:
    """The rows of the figure's y axis in plotly's order (the first at the bottom, or at the
    top when the axis is reversed): its declared categories (a timeline's), else the names
    of its horizontal bars or its heatmap's rows; none for a chart without rows (a map)."""
    declared = figure.layout.yaxis.categoryarray
    if declared is not None:
        return list(declared)
    names = []
    for trace in figure.data:
        if (trace.type == "heatmap" or (trace.type == "bar" and trace.orientation == "h")) \
                and trace.y is not None:
            names += [name for name in trace.y if name is not None]
    return list(dict.fromkeys(names))


def rows_per_page(plot_height: float, row_pitch: float) -> int:
    """How many rows `plot_height` px hold at `row_pitch` px each (at least one)."""
    return max(1, int(plot_height // row_pitch))


def page(total: int, per_page: int, number: int) -> Page:
    """Page `number` (kept between the first and the last) of `total` rows cut into pages of
    at most `per_page`, all of about the same size: 27 rows at 15 a page give 14 and 13, not
    15 and 12."""
    count = max(1, math.ceil(total / max(per_page, 1)))
    size = math.ceil(total / count) if total else 0
    number = min(max(number, 1), count)
    first = (number - 1) * size + 1
    return Page(number, count, min(first, total), min(number * size, total), total)


def narrowed(figure: go.Figure, shown: Page) -> go.Figure:
    """A copy of `figure` showing only the rows of `shown`: the row axis's range cut to them
    (bars, markers and shaded rows outside are clipped by the plot), and the text labels of
    other rows left out (they are drawn beside the plot, where nothing clips them)."""
    rows = row_names(figure)
    if shown.count == 1 or not rows:
        return figure
    top_first = figure.layout.yaxis.autorange == "reversed"
    low, high = shown.first - 1, shown.last - 1  # indices counted from the top
    if not top_first:
        low, high = len(rows) - 1 - high, len(rows) - 1 - low
    kept = set(rows[low:high + 1])
    copy = go.Figure(figure)
    copy.update_yaxes(autorange=False,
                      range=[high + 0.5, low - 0.5] if top_first else [low - 0.5, high + 0.5])
    for trace in copy.data:
        if trace.type == "scatter" and trace.mode == "text" and trace.y is not None:
            keep = [name in kept for name in trace.y]
            trace.update(x=_kept(trace.x, keep), y=_kept(trace.y, keep),
                         text=_kept(trace.text, keep))
    return copy


def _kept(values, keep: list[bool]):
    """The `values` (a sequence, or one value for all) where `keep` is true."""
    if values is None or isinstance(values, str):
        return values
    return [value for value, wanted in zip(values, keep) if wanted]
