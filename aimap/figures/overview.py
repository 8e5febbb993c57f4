"""The Overview chart: how many sites each country hosts, by kind."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from aimap import query, text, theme
from aimap.figures.common import Caption, caption_for, framed
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t

_ROW_HEIGHT = 26


def sites_by_country(table: pd.DataFrame, caption: Caption) -> go.Figure:
    """Horizontal stacked bars, one per country (most sites on top), one colour and one
    fill pattern per kind (the legend shows both).

    `table` needs the columns `country` (display name) and `kind`.
    """
    counts = table.groupby(["country", "kind"]).size().unstack("kind", fill_value=0)
    order = pd.DataFrame({"sites": counts.sum(axis=1), "name": counts.index}, index=counts.index)
    # the last row is drawn on top: most sites first, equal counts by name, never swapping
    counts = counts.loc[order.sort_values(["sites", "name"], ascending=[True, False]).index]
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
    height = 200 + _ROW_HEIGHT * max(len(counts), 4)
    return framed(figure, caption, height=height)


def overview_figure(dataset: Dataset, selection: Selection) -> go.Figure:
    """The Overview chart for `selection`, as on screen and in export."""
    shown = query.shown(dataset, selection)
    caption = caption_for(dataset, selection, t("overview.chart_title"), "overview.chart_footer")
    names = shown["country"].map(query.country_names(dataset))
    return sites_by_country(pd.DataFrame({"country": names, "kind": shown["kind"]}), caption)
