"""Sector figures: the coverage matrix (sites or countries x sectors, with totals) and the
sites-per-sector bars that make the gaps plain."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import pandas as pd
import plotly.graph_objects as go

from aimap import coverage, query, theme
from aimap.figures import fit
from aimap.figures.common import (
    FOOTER_WIDTH,
    NARROW_FOOTER,
    Caption,
    Frame,
    caption_for,
    framed,
)
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import plural, t

_CELL = 24
_EMPTY = "#f1f1ef"
_LISTED = "#0072B2"
#: A text line's height and an average character's width, in font sizes, for room to give.
_LINE, _CHAR = 1.3, 0.5
#: The largest type the screen draws the matrix in (presentation mode's).
_SCREEN_LABEL, _SCREEN_TITLE = 20, 30
#: A page this wide has room for the full footer line under the plot.
_WIDE_PAGE = 1400


def _row_labels(dataset: Dataset, rows: str) -> Mapping[str, str]:
    if rows == "countries":
        return query.country_names(dataset)
    return query.site_names(dataset)


def coverage_matrix(dataset: Dataset, shown: pd.DataFrame, rows: str, order: str,
                    caption: Caption, frame: Frame | None = None) -> go.Figure:
    """The heatmap: a filled cell where the row lists the sector; totals in the labels. The
    column labels stand upright at the top, so that none runs into its neighbour; a `frame`
    (export's page) sets the type and the row pitch that fill it."""
    labels = _row_labels(dataset, rows)
    short = query.site_labels(dataset) if rows == "sites" else labels
    sectors = dict(zip(dataset.sector_taxonomy["id"], dataset.sector_taxonomy["name_en"]))
    table = coverage.ordered(coverage.matrix(dataset, shown, rows), labels, order)
    notes = coverage.cell_notes(dataset, shown, rows)
    row_totals, column_totals = table.sum(axis=1), table.sum(axis=0)
    y = [f"{escape(short.get(r, r))} ({row_totals[r]})" for r in table.index]
    layout = _layout(y, len(table.columns), frame)
    x = [_column_label(f"{coverage.short_name(sectors[s])} ({column_totals[s]})", layout.lines)
         for s in table.columns]
    above = _top_margin(x, layout)
    hover = [[_cell_hover(labels.get(r, r), sectors[s], notes.get((r, s))) for s in table.columns]
             for r in table.index]
    most = max(int(table.to_numpy().max()) if table.size else 1, 1)
    scale = _scale(most) if rows == "countries" else \
        [[0, _EMPTY], [0.5, _EMPTY], [0.5, _LISTED], [1, _LISTED]]
    figure = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=x, y=y, zmin=0, zmax=most if rows == "countries" else 1,
        colorscale=scale, showscale=False, xgap=2, ygap=2, hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>"))
    for name, colour in _legend(rows, most):
        figure.add_scatter(x=[None], y=[None], mode="markers", name=name, hoverinfo="skip",
                           marker=dict(symbol="square", size=15, color=colour,
                                       line=dict(color=theme.MUTED, width=0.5)))
    tick_font = {} if frame is None else dict(tickfont_size=layout.label)
    figure.update_layout(
        xaxis=dict(side="top", tickangle=-90, showgrid=False, title=None, **tick_font),
        yaxis=dict(autorange="reversed", showgrid=False, title=None, **tick_font),
        plot_bgcolor="#ffffff", margin=dict(l=16, r=16, t=above, b=90))
    if frame is None:
        return framed(figure, caption, height=above + 120 + _CELL * max(len(table), 5),
                      legend="bottom", footer_width=NARROW_FOOTER)
    footer_width = FOOTER_WIDTH if frame.width >= _WIDE_PAGE else NARROW_FOOTER
    footer_lines = len(textwrap.wrap(caption.footer, footer_width))
    figure.update_layout(title_font_size=layout.title, legend_font_size=layout.label,
                         margin_b=round(12 + 2 * _LINE * layout.label + 17 * footer_lines))
    figure.update_layout(title_pad_t=round(layout.title - 24))  # a larger title's top stays in
    return framed(figure, caption, height=frame.height, legend="bottom",
                  footer_width=footer_width)


@dataclass(frozen=True)
class _Layout:
    """The matrix's type for a page: label font size, title size, lines per column label."""

    label: float
    title: float
    lines: int


def _layout(row_labels: list[str], columns: int, frame: Frame | None) -> _Layout:
    """On screen one line per column label at the presentation's larger type (the plot's
    width is not known); on a page, as many lines as a column's width holds (at most 3)."""
    if frame is None:
        return _Layout(_SCREEN_LABEL, _SCREEN_TITLE, 1)
    label = frame.label(16)
    row_labels_width = max((len(r) for r in row_labels), default=0) * _CHAR * label
    pitch = (frame.width - 32 - row_labels_width) / max(columns, 1)
    return _Layout(label, frame.title(24),
                   max(1, min(3, int(pitch // (_LINE * label)))))


def _column_label(text: str, lines: int) -> str:
    """`text` wrapped into at most `lines` lines as even as the words allow."""
    for width in range(math.ceil(len(text) / lines), len(text) + 1):
        wrapped = textwrap.wrap(text, width, break_long_words=False)
        if len(wrapped) <= lines:
            return "<br>".join(escape(line) for line in wrapped)
    return escape(text)


def _top_margin(column_labels: list[str], layout: _Layout) -> int:
    """Room above the plot for the title with its subtitle, then the upright column labels."""
    longest = max((len(line) for label in column_labels for line in label.split("<br>")),
                  default=0)
    return round(28 + 1.3 * layout.title + _LINE * _SCREEN_LABEL + 24
                 + longest * _CHAR * layout.label)


def _cell_hover(row: str, sector: str, notes: list[str] | None) -> str:
    head = f"<b>{escape(row)}</b> · {escape(sector)}"
    if not notes:
        return f"{head}<br>{t('sectors.not_listed')}"
    return head + "<br>" + "<br>".join(escape(note) for note in notes)


def _scale(top: int) -> list[list]:
    """A stepped scale: 0 is empty, 1…top spread over the sequential classes, so that
    neighbouring levels stay apart."""
    colours = [_EMPTY] + theme.sequential(top)
    steps = []
    for index, colour in enumerate(colours):
        steps += [[index / len(colours), colour], [(index + 1) / len(colours), colour]]
    return steps


def _legend(rows: str, top: int) -> list[tuple[str, str]]:
    if rows == "sites":
        return [(t("sectors.legend.listed"), _LISTED), (t("sectors.legend.not_listed"), _EMPTY)]
    steps = _scale(top)
    return [(plural("count.sites", count), steps[2 * count][1])
            for count in range(1, top + 1)] + [(t("sectors.legend.none"), _EMPTY)]


def coverage_figure(dataset: Dataset, selection: Selection, rows: str = coverage.DEFAULT_ROWS,
                    order: str = coverage.DEFAULT_ORDER, frame: Frame | None = None) -> go.Figure:
    """The coverage matrix for `selection`, as on screen and in export (`frame`: its page)."""
    shown = query.shown(dataset, selection)
    caption = caption_for(dataset, selection, t(f"sectors.chart_title.{rows}"), "sectors.footer",
                          sectors=len(dataset.sector_taxonomy))
    return coverage_matrix(dataset, shown, rows, order, caption, frame)


def sector_bars(dataset: Dataset, sites: pd.DataFrame, caption: Caption,
                frame: Frame | None = None) -> go.Figure:
    """Sites per sector, fewest first, sectors no site covers marked plainly; fitted to
    `frame` when exported."""
    table = coverage.matrix(dataset, sites, "sites")
    names = dict(zip(dataset.sector_taxonomy["id"], dataset.sector_taxonomy["name_en"]))
    totals = table.sum(axis=0)
    order = pd.DataFrame({"sites": totals, "name": totals.index.map(names)}, index=totals.index)
    counts = totals[order.sort_values(["sites", "name"], ascending=[False, True]).index]
    labels = [names[s] for s in counts.index]
    figure = go.Figure(go.Bar(
        x=counts.to_numpy(), y=labels, orientation="h", marker_color=_LISTED,
        name=t("sectors.legend.sites"), hovertemplate="%{y}: %{x}<extra></extra>"))
    for label, count in zip(labels, counts):
        if count == 0:
            figure.add_annotation(x=0, y=label, text=t("sectors.gap_label"), showarrow=False,
                                  xanchor="left", font=dict(color=theme.TODAY, size=14))
    figure.update_layout(yaxis=dict(autorange="reversed", title=None),
                         xaxis=dict(dtick=max(1, int(counts.max() // 8) or 1), title=None),
                         margin=dict(l=16, r=16, t=110, b=80))
    height = 220 + 30 * len(counts)
    if frame is not None:
        fit.apply(figure, fit.bar_layout(frame, labels, caption.footer, NARROW_FOOTER))
        height = frame.height
    return framed(figure, caption, height=height, legend=None, footer_width=NARROW_FOOTER)


def gaps_figure(dataset: Dataset, selection: Selection, region: str | None = None,
                frame: Frame | None = None) -> go.Figure:
    """Sites per sector for `selection`, or for the AI Factories `region` can reach (fitted
    to `frame` when exported)."""
    shown = coverage.covering(dataset, query.shown(dataset, selection), region)
    if region:
        title = t("sectors.gaps_title.region",
                  country=query.country_names(dataset).get(region, region))
    else:
        title = t("sectors.gaps_title")
    caption = caption_for(dataset, selection, title, "sectors.footer",
                          sectors=len(dataset.sector_taxonomy))
    return sector_bars(dataset, shown, caption, frame)
