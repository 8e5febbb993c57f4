"""Charts on screen exactly as exported, and the download buttons beside them."""

from __future__ import annotations

import logging
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from aimap import export, safety, theme
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
    `key`, clicking a point reruns the page and `state.new_clicks(key)` tells what."""
    if key is None:
        st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG)
    else:
        st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG, key=key,
                        on_select="rerun", selection_mode="points")


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
    frame, not off the screen); a map shrinks to any frame."""
    fig = _figure_or_warning(builder, data, selection, name, **options)
    if fig is None:
        return
    is_map = any(trace.type in ("choropleth", "scattergeo") for trace in fig.data)
    needed = _MAP_HEIGHT if is_map else fig.layout.height
    st.markdown("<style>.st-key-present-chart > div {flex: 1 0 auto !important; "
                f"min-height: {int(needed or _MAP_HEIGHT)}px !important}} "
                ".st-key-present-chart .stPlotlyChart {height: 100% !important}</style>",
                unsafe_allow_html=True)
    with st.container(key="present-chart"):
        st.plotly_chart(go.Figure(fig).update_layout(height=None), theme=None, width="stretch",
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


def csv_download(label: str, table: pd.DataFrame, file_name: str) -> None:
    """A table as UTF-8 CSV that spreadsheets open safely (no formula runs)."""
    st.download_button(label, file_name=file_name, mime="text/csv",
                       data=lambda: safety.frame_csv(table))
