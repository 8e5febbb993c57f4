"""The Overview chart: how many sites each country hosts, by kind."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from aimap import query, text, theme
from aimap.figures import fit
from aimap.figures.common import FOOTER_WIDTH, Caption, Frame, caption_for, framed
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import plural, t

_ROW_HEIGHT = 26


def sites_by_country(table: pd.DataFrame, caption: Caption,
                     frame: Frame | None = None) -> go.Figure:
    """Horizontal stacked bars, one per country (most sites on top), one colour and one
    fill pattern per kind (the legend shows both); fitted to `frame` when exported.

    `table` needs the columns `country` (display name) and `kind`.
    """
    counts = table.groupby(["country", "kind"]).size().unstack("kind", fill_value=0)
    order = pd.DataFrame({"sites": counts.sum(axis=1), "name": counts.index}, index=counts.index)
    # the last row is drawn on top: most sites first, equal counts by name, never swapping
    counts = counts.loc[order.sort_values(["sites", "name"], ascending=[True, False]).index]
    if frame is not None:
        legend = [text.kind_label(k) for k in theme.KIND_COLOURS if k in counts]
        counts = _merged_tail(counts, fit.rows_that_fit(frame, list(counts.index),
                                                        caption.footer, FOOTER_WIDTH, legend))
    figure = go.Figure()
    for kind, colour in theme.KIND_COLOURS.items():
        if kind not in counts:
            continue
        figure.add_bar(y=counts.index, x=counts[kind], name=text.kind_label(kind),
                       orientation="h", marker_color=colour,
                       marker_pattern=dict(shape=theme.KIND_PATTERNS[kind], fgcolor="#ffffff",
                                           size=8, solidity=0.3, fillmode="overlay"),
                       hovertemplate="%{y}: %{x} " + text.kind_label(kind) + "<extra></extra>")
    figure.update_layout(barmode="stack", xaxis=dict(dtick=1, title=None),
                         yaxis=dict(title=None))
    if frame is None:
        return framed(figure, caption, height=200 + _ROW_HEIGHT * max(len(counts), 4))
    names = [trace.name for trace in figure.data]
    fit.apply(figure, fit.bar_layout(frame, list(counts.index), caption.footer, FOOTER_WIDTH,
                                     names))
    return framed(figure, caption, height=frame.height)


def _merged_tail(counts: pd.DataFrame, rows: int) -> pd.DataFrame:
    """`counts` in at most `rows` bars: the countries with fewest sites (drawn first) merged
    into one last bar, "7 other countries", so a page never shrinks its type to fit them."""
    if len(counts) <= rows:
        return counts
    tail = len(counts) - rows + 1
    merged = counts.iloc[:tail].sum().to_frame(plural("overview.other_countries", tail)).T
    return pd.concat([merged, counts.iloc[tail:]])


def overview_figure(dataset: Dataset, selection: Selection,
                    frame: Frame | None = None) -> go.Figure:
    """The Overview chart for `selection`, as on screen and in export (fitted to `frame`)."""
    shown = query.shown(dataset, selection)
    caption = caption_for(dataset, selection, t("overview.chart_title"), "overview.chart_footer")
    names = shown["country"].map(query.country_names(dataset))
    return sites_by_country(pd.DataFrame({"country": names, "kind": shown["kind"]}), caption,
                            frame)
