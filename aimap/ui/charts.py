"""Charts on screen exactly as exported, and the download buttons beside them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from aimap import export, safety, theme
from aimap.figures import fit
from aimap.figures import map as map_figures
from aimap.figures.common import Frame
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t
from aimap.ui import about
from aimap.ui.present import presenting
from aimap.views import FigureBuilder

#: plotly.js options: base map files from our own server (never the CDN), no plotly logo, no
#: plotly's own PNG button (ours, beside the chart, gives the preset sizes and sources).
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False,
                 "modeBarButtonsToRemove": ["toImage"]}
_LOG = logging.getLogger("aimap.charts")
#: The least height a map is drawn at when presenting: below it, small countries vanish.
_MAP_HEIGHT = 420


def figure(builder: FigureBuilder, data: Dataset, selection: Selection,
           **options: object) -> go.Figure:
    """The figure `builder` makes for `selection` and `options`, in presentation type when
    presenting."""
    return _figure(builder, data, selection, presenting(), **options)


@lru_cache(maxsize=64)
def _figure(builder: FigureBuilder, data: Dataset, selection: Selection, present: bool,
            **options: object) -> go.Figure:
    """Memoised: plotly's validation makes building cost tens of milliseconds, and reruns
    (search, other widgets) reuse it."""
    built = builder(data, selection, **options)
    return theme.for_presentation(built) if present else built


def chart(fig: go.Figure, key: str | None = None) -> None:
    """Show a figure exactly as exported (our template, theme=None; local base maps). With a
    `key`, clicking a point reruns the page and `state.new_clicks(key)` tells what. A map
    keeps the shape it was laid out for (see `_keeping_shape`)."""
    clicks = {} if key is None else dict(key=key, on_select="rerun", selection_mode="points")
    if theme.is_map(fig):
        _keeping_shape(fig, clicks)
    else:
        st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG, **clicks)


def _keeping_shape(fig: go.Figure, clicks: dict) -> None:
    """A map in a box whose plot keeps the shape the map was laid out for, scaled to the
    page's width but never taller than the screen: the map then fills its frame, with the
    legend over the sea, on any screen (a plot of another shape leaves bands beside the
    map). The margins keep their px, so the box's height follows its width by formula (a
    container query unit: the width of the box's column)."""
    width, height = fig.layout.width or map_figures.SCREEN_WIDTH, fig.layout.height
    box = f"map-{abs(hash((width, height)))}"
    st.markdown(f"<style>.st-key-{box}-column {{container-type: inline-size}} "
                f".st-key-{box} {{{_plot_shaped(Frame(width, height), '100vh')}}} "
                f".st-key-{box} > div {{flex: 1 1 auto !important; height: 100%}} "
                f".st-key-{box} .stPlotlyChart {{height: 100% !important}}</style>",
                unsafe_allow_html=True)
    with st.container(key=f"{box}-column"), st.container(key=box):
        st.plotly_chart(fig, theme=None, width="stretch", height="stretch",
                        config=PLOTLY_CONFIG, **clicks)


def _presented_height(fig: go.Figure) -> float | None:
    """The least height a presented chart needs: a bar chart's rows at presentation type,
    one label apart (fewer px than on the page, so a wide screen holds every row), else the
    height it was laid out for."""
    declared = fig.layout.yaxis.tickvals  # every row, those without a bar too (a timeline's)
    rows = len(declared) if declared is not None else len(_bar_rows(fig))
    if not rows:
        return fig.layout.height
    margin = fig.layout.margin
    return (margin.t or 0) + (margin.b or 0) + rows * theme.PRESENTED_FONT * fit.PITCH


def _bar_rows(fig: go.Figure) -> set[str]:
    """The row names of a horizontal bar chart (none for other charts)."""
    return {label for trace in fig.data if trace.type == "bar" and trace.orientation == "h"
            for label in (() if trace.y is None else trace.y) if label is not None}


def _plot_shaped(page: Frame, room: str, height: bool = True) -> str:
    """CSS width (and `height`) of a box at most `room` tall and as wide as its column in
    which a map laid out for `page` has a plot of the same shape: the margins do not scale,
    so the box's own shape changes with its size. No '*' in it: Markdown would take a pair
    for emphasis."""
    margin = map_figures.MARGIN
    across, down = margin["l"] + margin["r"], margin["t"] + margin["b"]
    aspect = (page.width - across) / (page.height - down)
    width = f"min(100cqw, calc(({room} - {down}px) / {1 / aspect:.5f} + {across}px))"
    css = f"width: {width} !important;"
    if height:  # as a column's flex item it would take its content's height
        css += (f" height: calc(({width} - {across}px) / {aspect:.4f} + {down}px) !important;"
                " flex: 0 0 auto !important;")
    return css


#: id of a (memoised) figure -> it and its copy without a height; figures are not hashable.
_FLUID: dict[int, tuple[go.Figure, go.Figure]] = {}


def _fluid(fig: go.Figure) -> go.Figure:
    """`fig` without its height, so that it fills its box, and its title as far below the
    top in px as laid out (not as a share of a height it no longer has); the copy is kept
    with the figure (copying a large figure revalidates it)."""
    kept = _FLUID.get(id(fig))
    if kept is None or kept[0] is not fig:
        if len(_FLUID) >= 32:
            _FLUID.clear()
        title = fig.layout.title
        below = (1 - (title.y if title.y is not None else 1)) * (fig.layout.height or 0)
        fluid = go.Figure(fig).update_layout(
            height=None, title_y=1, title_yanchor="top",
            title_pad_t=round(below) + fit.title_pad(title.font.size or theme.TITLE_SIZE))
        rows = _bar_rows(fig)
        if rows and fig.layout.yaxis.tickvals is None:  # plotly would drop every other name
            fluid.update_yaxes(tickmode="array", tickvals=sorted(rows))
        kept = _FLUID[id(fig)] = (fig, fluid)
    return kept[1]


def _figure_or_warning(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
                       **options: object) -> go.Figure | None:
    """The figure, or None with a sentence in its place when it cannot be drawn (details in
    the server log): whatever broke, the reader gets no traceback."""
    try:
        return figure(builder, data, selection, **options)
    except Exception:
        _LOG.exception("the %s chart could not be drawn", name)
        st.warning(t("chart.failed"))
        return None


def view_chart(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
               key: str | None = None, **options: object) -> None:
    """A view's figure on screen (clickable with a `key`) and its buttons below. A
    figure that cannot be drawn is said so in its place (details in the server log); the
    rest of the page still works."""
    fig = _figure_or_warning(builder, data, selection, name, **options)
    if fig is None:
        return
    chart(fig, key=key)
    chart_buttons(builder, data, selection, name, **options)


def chart_buttons(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
                  **options: object) -> None:
    """'Download PNG' and 'About this data' side by side under a chart."""
    with st.container(horizontal=True):
        png_button(builder, data, selection, name, **options)
        about.popover(data)


def presented_chart(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
                    **options: object) -> None:
    """The one chart of presentation mode, in a frame the screen's height (see present.py):
    stretched to fill it, never below the height its rows need (a taller chart scrolls in its
    frame, not off the screen); a map is laid out for a wide screen and keeps that shape."""
    on_map = builder is map_figures.map_figure  # laid out for the presented screen at once
    page = {"frame": map_figures.PRESENTED} if on_map else {}
    fig = _figure_or_warning(builder, data, selection, name, **options, **page)
    if fig is None:
        return
    needed = _MAP_HEIGHT if on_map else _presented_height(fig)
    if on_map:
        st.markdown("<style>[data-testid=stMainBlockContainer] {container-type: inline-size} "
                    ".st-key-present-chart {"
                    f"{_plot_shaped(map_figures.PRESENTED, '(100vh - 5.5rem)', height=False)}"
                    " margin: 0 auto}</style>", unsafe_allow_html=True)
    st.markdown("<style>.st-key-present-chart > div {flex: 1 0 auto !important; "
                f"min-height: {int(needed or _MAP_HEIGHT)}px !important}} "
                ".st-key-present-chart .stPlotlyChart {height: 100% !important}</style>",
                unsafe_allow_html=True)
    with st.container(key="present-chart"):
        st.plotly_chart(_fluid(fig), theme=None, width="stretch",
                        height="stretch", config=PLOTLY_CONFIG)


def png_button(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
               **options: object) -> None:
    """'Download PNG' with a size preset: the same builder as on screen, rendered on click."""
    with st.popover(t("export.button")):
        if not export.available():
            st.warning(t("export.no_chromium", command=export.INSTALL_HINT))
            return
        preset = st.selectbox(t("export.preset"), list(export.PRESETS), key=f"preset.{name}",
                              format_func=lambda p: t(f"preset.{p}"))
        st.download_button(
            t("export.button"), file_name=f"aimap-{name}-{preset}.png", mime="image/png",
            data=lambda: export.png(builder, data, selection, preset, **options),
            key=f"png.{name}")


def pack_button(data: Dataset, selection: Selection) -> None:
    """The briefing pack (ZIP): every view under these filters, a summary, SOURCES.txt."""
    if not export.available():
        st.caption(t("export.no_chromium", command=export.INSTALL_HINT))
        return
    st.download_button(t("export.pack"), file_name="aimap-briefing-pack.zip",
                       mime="application/zip", key="pack",
                       data=lambda: export.zipped(export.briefing_files(data, selection)))


def csv_download(label: str, table: pd.DataFrame | Callable[[], pd.DataFrame],
                 file_name: str) -> None:
    """A table as UTF-8 CSV that spreadsheets open safely (no formula runs); `table` may be
    a function making it, called only when the file is asked for."""
    st.download_button(label, file_name=file_name, mime="text/csv",
                       data=lambda: safety.frame_csv(table() if callable(table) else table))
