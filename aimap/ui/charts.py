"""Charts on screen exactly as exported, and the download buttons beside them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from aimap import export, safety, theme
from aimap.figures import fit, paging
from aimap.figures import map as map_figures
from aimap.figures.changes import changes_figure
from aimap.figures.common import Frame
from aimap.figures.timeline import timeline_figure
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t
from aimap.ui import about, present
from aimap.views import FigureBuilder

#: plotly.js options: base map files from our own server (never the CDN), no plotly logo, no
#: plotly's own PNG button (ours, beside the chart, gives the preset sizes and sources).
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False,
                 "modeBarButtonsToRemove": ["toImage"]}
_LOG = logging.getLogger("aimap.charts")
#: The least height a map is drawn at when presenting: below it, small countries vanish.
_MAP_HEIGHT = 420
#: A 1280x720 screen's chart frame when presenting, at presentation type: the page the
#: builders below lay their figure out for (legends beside, tables cut to fit), which then
#: stretches to a larger screen. A map keeps its own wide shape; bar charts are paged instead.
_SCREEN = Frame(1223, 616, 1.0, title_px=30, label_px=20)
_PRESENTED_FRAMES = {map_figures.map_figure: map_figures.PRESENTED, timeline_figure: _SCREEN,
                     changes_figure: _SCREEN}


def figure(builder: FigureBuilder, data: Dataset, selection: Selection,
           **options: object) -> go.Figure:
    """The figure `builder` makes for `selection` and `options`, in presentation type when
    presenting."""
    return _figure(builder, data, selection, present.presenting(), **options)


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


def _row_pitch(fig: go.Figure) -> float:
    """A presented row's least height (px): its label's type, one label apart."""
    return (fig.layout.yaxis.tickfont.size or theme.PRESENTED_FONT) * fit.PITCH


def _presented_page(fig: go.Figure, part: int) -> paging.Page | None:
    """Page `part` of a presented chart's rows, as many a page as the smallest screen's frame
    holds at presentation type; None for a chart without rows."""
    rows = paging.row_names(fig)
    if not rows:
        return None
    margin = fig.layout.margin
    room = present.SMALLEST_FRAME - (margin.t or 0) - (margin.b or 0)
    return paging.page(len(rows), paging.rows_per_page(room, _row_pitch(fig)), part)


def _presented_height(fig: go.Figure, shown: paging.Page | None) -> float | None:
    """The least height a presented chart needs: its page of rows one label apart, else the
    height it was laid out for."""
    if shown is None:
        return fig.layout.height
    margin = fig.layout.margin
    return (margin.t or 0) + (margin.b or 0) + (shown.last - shown.first + 1) * _row_pitch(fig)


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


#: (id of a memoised figure, page) -> it and its copy without a height; figures are not
#: hashable.
_FLUID: dict[tuple[int, paging.Page | None], tuple[go.Figure, go.Figure]] = {}


def _fluid(fig: go.Figure, shown: paging.Page | None = None) -> go.Figure:
    """`fig` (narrowed to the rows of `shown`) without its height, so that it fills its box,
    and its title as far below the top in px as laid out (not as a share of a height it no
    longer has); the copy is kept with the figure (copying a large figure revalidates it)."""
    kept = _FLUID.get((id(fig), shown))
    if kept is None or kept[0] is not fig:
        if len(_FLUID) >= 32:
            _FLUID.clear()
        title = fig.layout.title
        below = (1 - (title.y if title.y is not None else 1)) * (fig.layout.height or 0)
        fluid = paging.narrowed(fig, shown) if shown is not None else fig
        fluid = go.Figure(fluid) if fluid is fig else fluid
        fluid.update_layout(
            height=None, title_y=1, title_yanchor="top",
            title_pad_t=round(below) + fit.title_pad(title.font.size or theme.TITLE_SIZE))
        rows = _bar_rows(fig)
        if rows and fig.layout.yaxis.tickvals is None:  # plotly would drop every other name
            fluid.update_yaxes(tickmode="array", tickvals=sorted(rows))
        kept = _FLUID[(id(fig), shown)] = (fig, fluid)
    return kept[1]


def _or_warning(name: str, make: Callable[[], object]) -> object | None:
    """What `make` returns, or None with a sentence in its place when the chart cannot be
    drawn (details in the server log): whatever broke, the reader gets no traceback."""
    try:
        return make()
    except Exception:
        _LOG.exception("the %s chart could not be drawn", name)
        st.warning(t("chart.failed"))
        return None


def view_chart(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
               key: str | None = None, **options: object) -> None:
    """A view's figure on screen (clickable with a `key`) and its buttons below. A
    figure that cannot be drawn is said so in its place (details in the server log); the
    rest of the page still works."""
    fig = _or_warning(name, lambda: figure(builder, data, selection, **options))
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


def presented_figure(builder: FigureBuilder, data: Dataset, selection: Selection,
                     part: int = 1, **options: object) -> tuple[go.Figure, paging.Page | None]:
    """A presented figure as drawn: laid out for the presented screen where its builder is
    (see _PRESENTED_FRAMES), in presentation type, without a height (it fills its frame),
    and narrowed to page `part` of its rows when the smallest screen's frame cannot hold them
    all; with the page (None: a chart without rows, such as a map)."""
    screen = _PRESENTED_FRAMES.get(builder)
    fig = _figure(builder, data, selection, True,
                  **options, **({} if screen is None else {"frame": screen}))
    shown = None if theme.is_map(fig) else _presented_page(fig, part)
    return _fluid(fig, shown), shown


def presented_chart(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
                    part: int = 1, **options: object) -> paging.Page | None:
    """The one chart of presentation mode (see `presented_figure`), in a frame the screen's
    height (see present.py) that it fills; the step buttons turn its pages. Returns the page
    of rows shown. A figure that cannot be drawn is said so in its place."""
    drawn = _or_warning(name, lambda: presented_figure(builder, data, selection, part,
                                                       **options))
    if drawn is None:
        return None
    fig, shown = drawn
    on_map = theme.is_map(fig)
    needed = _MAP_HEIGHT if on_map else _presented_height(fig, shown)
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
        st.plotly_chart(fig, theme=None, width="stretch", height="stretch",
                        config=PLOTLY_CONFIG)
    return shown


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
