"""The frame every figure shares: title, subtitle, sources footer and the one template."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from html import escape

import plotly.graph_objects as go

from aimap import formatting, query, text, theme
from aimap.load import Dataset
from aimap.selection import Selection


@dataclass(frozen=True)
class Caption:
    """The words around a chart: what it shows, for which filters, as of when, from where."""

    title: str
    subtitle: str = ""
    footer: str = ""


@dataclass(frozen=True)
class Frame:
    """The page export lays a figure out for: its layout size in px, the scale it is drawn
    at, and the smallest title and label the page needs in drawn px (a slide is read from
    across a room). A builder given one fits its rows and type into it; on screen there is
    none."""

    width: int
    height: int
    scale: float = 1.0
    title_px: float = 0
    label_px: float = 0

    def title(self, size: float) -> float:
        """A title's font size: `size`, or larger where the page needs it."""
        return max(size, _tenths_up(self.title_px / self.scale))

    def label(self, size: float) -> float:
        """A label's font size (ticks, legend, bar values): `size`, or larger."""
        return max(size, _tenths_up(self.label_px / self.scale))

    def footer(self, size: float) -> float:
        """The sources line's font size: `size`, or large enough to read on the page (smaller
        than a label: it is read up close, after the talk)."""
        return max(size, _tenths_up(FOOTER_SHARE * self.label_px / self.scale))


def _tenths_up(size: float) -> float:
    """`size` rounded up to 0.1 px: the browser rounds a font size, and 35.99 px is not 36."""
    return math.ceil(size * 10 - 1e-9) / 10


#: A footer's least size as a share of the page's least label size.
FOOTER_SHARE = 0.7
#: The footer's size (px) where the page asks for no more.
FOOTER_SIZE = 13
#: Characters per footer line: plotly does not wrap text, and a cut source line is useless.
#: The footer starts at the plot's left edge, so charts with long row labels pass less.
FOOTER_WIDTH = 90
NARROW_FOOTER = 60
#: The sources footer's annotation name: presentation mode finds it by it.
FOOTER_NAME = "footer"

_LEGENDS = {
    "top": dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom",
                traceorder="normal"),
    "bottom": dict(orientation="h", x=0, xanchor="left", yanchor="top", traceorder="normal"),
    "inside": dict(orientation="v", x=0.01, xanchor="left", y=0.02, yanchor="bottom",
                   traceorder="grouped", groupclick="toggleitem", borderwidth=0),
}


def caption_for(dataset: Dataset, selection: Selection, title: str, footer_key: str,
                **footer_values: object) -> Caption:
    """The usual caption: `title`, the active filters in words, and a footer message given
    the data's as-of date (and `footer_values`)."""
    subtitle = formatting.describe_selection(selection, query.country_names(dataset),
                                       query.sector_names(dataset))
    return Caption(title, subtitle, text.t(footer_key, date=formatting.format_date(dataset.as_of),
                                          **footer_values))


def framed(figure: go.Figure, caption: Caption, height: int = 560,
           legend: str | None = "top", footer_width: int = FOOTER_WIDTH,
           footer_size: float = FOOTER_SIZE) -> go.Figure:
    """Apply the template, the title with its subtitle and the sources footer to `figure`.

    Caption text may hold names from the data, so it is escaped: plotly renders some HTML.
    """
    title = escape(caption.title)
    if caption.subtitle:
        title += (f"<br><span style='{theme.SUBTITLE_STYLE}'>"
                  f"{escape(caption.subtitle)}</span>")
    figure.update_layout(template=theme.TEMPLATE_NAME, title_text=title,
                         showlegend=legend is not None, meta={"legend": legend})
    if legend is not None:
        figure.update_layout(legend=_LEGENDS[legend])
    if caption.footer:
        lines = textwrap.wrap(caption.footer, footer_width)
        bottom = figure.layout.margin.b
        bottom = max(theme.MARGIN["b"] if bottom is None else bottom,
                     footer_room(caption.footer, footer_width, footer_size))
        figure.update_layout(margin_b=bottom)  # room for the axis labels, then the footer
        footer = "<br>".join(escape(line) for line in lines)
        figure.add_annotation(text=footer, name=FOOTER_NAME, showarrow=False, xref="paper",
                              yref="paper", x=0, y=0, yshift=-(bottom - 6), xanchor="left",
                              yanchor="bottom", align="left",
                              font=dict(size=footer_size, color=theme.MUTED))
    return at_height(figure, height)


def footer_room(footer: str, width: int = FOOTER_WIDTH, size: float = FOOTER_SIZE) -> int:
    """The bottom margin a footer needs (px): the axis labels, then its wrapped lines."""
    return 44 + math.ceil(size * 1.3) * len(textwrap.wrap(footer, width))


def at_height(figure: go.Figure, height: int) -> go.Figure:
    """Set the figure's height and what depends on it (the title's place, a bottom legend's):
    export lays a figure out for a preset page, whatever height suits it on screen."""
    figure.update_layout(height=height,
                         title=dict(yref="container", y=1 - 28 / height, yanchor="top"))
    if (figure.layout.meta or {}).get("legend") == "bottom":  # 12 px under the plot
        margin = figure.layout.margin
        plot = height - (margin.t if margin.t is not None else theme.MARGIN["t"]) \
            - (margin.b if margin.b is not None else theme.MARGIN["b"])
        figure.update_layout(legend_y=-12 / max(plot, 1))
    return figure


def read_click(points: list[dict]) -> tuple[str, str] | None:
    """What a click on a chart chose: ('country', iso3) or ('site', id), else None. Traces
    carry customdata ['country', iso3] or ['site', id]; a choropleth point has its location."""
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) == 2 and data[0] in ("country", "site"):
            return str(data[0]), str(data[1])
        if point.get("location"):
            return "country", str(point["location"])
    return None
