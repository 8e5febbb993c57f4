"""The frame every figure shares: title, subtitle, sources footer and the one template."""

from __future__ import annotations

from dataclasses import dataclass
import textwrap
from html import escape

import plotly.graph_objects as go

from aimap import theme


@dataclass(frozen=True)
class Caption:
    """The words around a chart: what it shows, for which filters, as of when, from where."""

    title: str
    subtitle: str = ""
    footer: str = ""


#: Characters per footer line: plotly does not wrap text, and a cut source line is useless.
FOOTER_WIDTH = 110

_LEGENDS = {
    "top": dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom",
                traceorder="normal"),
    "right": dict(orientation="v", x=0.8, xanchor="left", y=1.0, yanchor="top",
                  traceorder="grouped", groupclick="toggleitem"),
}


def framed(figure: go.Figure, caption: Caption, height: int = 560,
           legend: str = "top") -> go.Figure:
    """Apply the template, the title with its subtitle and the sources footer to `figure`.

    Caption text may hold names from the data, so it is escaped: plotly renders some HTML.
    """
    title = escape(caption.title)
    if caption.subtitle:
        title += (f"<br><span style='font-size:16px;color:{theme.MUTED}'>"
                  f"{escape(caption.subtitle)}</span>")
    figure.update_layout(template=theme.TEMPLATE_NAME, title_text=title, height=height,
                         title=dict(yref="container", y=1 - 18 / height, yanchor="top"),
                         legend=_LEGENDS[legend],
                         showlegend=True)
    if caption.footer:
        bottom = figure.layout.margin.b
        bottom = theme.MARGIN["b"] if bottom is None else bottom
        footer = "<br>".join(escape(line) for line in textwrap.wrap(caption.footer, FOOTER_WIDTH))
        figure.add_annotation(text=footer, showarrow=False, xref="paper",
                              yref="paper", x=0, y=0, yshift=-(bottom - 6), xanchor="left",
                              yanchor="bottom", align="left", font=dict(size=13, color=theme.MUTED))
    return figure
