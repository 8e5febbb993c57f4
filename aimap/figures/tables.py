"""Tables drawn as figures (a site's fact sheet, what changed): plotly sets them at fixed
type, wraps long cells and silently cuts what does not fit its domain, so their height is
estimated here and the rows that do not fit are counted in a last row instead."""

from __future__ import annotations

import math
from html import escape

import plotly.graph_objects as go

from aimap import text, theme
from aimap.figures import fit

_HEADER = "#eef2f6"
#: Table type and row heights (layout px): a row grows by about this much per extra line
#: when plotly wraps a cell (measured, with some room: a table too tall is cut, unseen).
_HEADER_PX, _ROW_PX, _LINE_PX, _CELL_FONT, _HEADER_FONT = 32, 28, 24, 14, 15


def trace(header: list[str], columns: list[list[str]], domain: dict,
          widths: list[int] | None = None) -> go.Table:
    """A table of `columns` under `header` in `domain`; text from the data is escaped."""
    return go.Table(
        domain=domain, columnwidth=widths or [1] + [3] * (len(columns) - 1),
        header=dict(values=[f"<b>{escape(h)}</b>" for h in header], fill_color=_HEADER,
                    align="left", font=dict(size=_HEADER_FONT, color=theme.INK),
                    height=_HEADER_PX),
        cells=dict(values=[[escape(str(v)) for v in column] for column in columns],
                   align="left", font=dict(size=_CELL_FONT, color=theme.INK), height=_ROW_PX,
                   line_color=theme.GRID, fill_color="#ffffff"))


def row_heights(columns: list[list[str]], widths: list[int], width: float,
                least: int = _ROW_PX, size: float = _CELL_FONT) -> list[int]:
    """About how tall each row is drawn when the table is `width` px wide: a cell wraps
    where its text is wider than its column (less the cell's padding)."""
    share = [w / sum(widths) * width - 16 for w in widths]
    return [least + _LINE_PX * max(math.ceil(fit.text_width(str(v), size) / room) - 1
                                   for v, room in zip((*row, ""), (*share, 1), strict=True))
            for row in zip(*columns, strict=True)]


def height(header: list[str], columns: list[list[str]], widths: list[int],
           width: float) -> int:
    """About how tall a table is drawn: its header and every row, wrapped."""
    top = row_heights([[h] for h in header], widths, width, _HEADER_PX, _HEADER_FONT)[0]
    return top + sum(row_heights(columns, widths, width))


def fitted(header: list[str], columns: list[list[str]], widths: list[int], width: float,
           room: float, more_key: str) -> list[list[str]]:
    """`columns` with as many rows as `room` px holds; when some do not fit, the last row
    says how many more there are (the plural message `more_key`): nothing is left out
    silently."""
    if height(header, columns, widths, width) <= room:
        return columns
    heights = row_heights(columns, widths, width)
    kept, used = 0, height(header, [[""]] * len(header), widths, width)  # + the "more" row
    while kept < len(heights) and used + heights[kept] <= room:
        used += heights[kept]
        kept += 1
    more = text.plural(more_key, len(heights) - kept)
    return [column[:kept] + [more if i == 0 else ""] for i, column in enumerate(columns)]
