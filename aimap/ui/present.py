"""Presentation mode: no chrome, larger type, and the briefing's views one after another."""

from __future__ import annotations

import streamlit as st

from aimap.options import write_selection
from aimap.selection import Selection
from aimap.text import t
from aimap.views import BRIEFING

#: No sidebar, no Streamlit chrome, content across the whole screen; the chart's frame is
#: the screen's height less the step row, and a taller chart scrolls inside it.
_PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarNav"] {display: none !important;}
[data-testid="stMainBlockContainer"] {max-width: 100% !important; padding: 0.8rem 1.5rem
  !important;}
[data-testid="stElementContainer"]:has(style) {display: none;}
html {font-size: 19px;}
.st-key-present-chart {height: calc(100vh - 5.5rem) !important;
  flex: 0 0 calc(100vh - 5.5rem) !important; overflow-y: auto !important;
  overflow-x: hidden !important; flex-wrap: nowrap !important;}
</style>
"""


def presenting() -> bool:
    """True in presentation mode (sidebar toggle, or ?present=1 in the URL)."""
    return bool(st.session_state.get("present"))


def presentation_link(selection: Selection) -> dict[str, str]:
    """The query parameters that open a view in presentation mode with these filters."""
    return {**write_selection(selection), "present": "1"}


def chrome(selection: Selection, current: str) -> tuple:
    """Hide the chrome and offer the previous and next views of the briefing, filters kept, in
    one compact row; returns its two free cells (for the view's options and its download). A
    view outside the briefing (a site's page) has no steps, only the way out."""
    st.markdown(_PRESENTATION_CSS, unsafe_allow_html=True)
    keys = [view.key for view in BRIEFING]
    index = keys.index(current) if current in keys else None
    params = presentation_link(selection)
    columns = st.columns([3, 2, 2, 3, 3], vertical_alignment="center")
    if index is not None and index > 0:
        previous = BRIEFING[index - 1]
        if columns[0].button(f"← {t(previous.title_key)}", key="present.previous"):
            st.switch_page(previous.page, query_params=params)
    if index is not None and index + 1 < len(BRIEFING):
        following = BRIEFING[index + 1]
        if columns[4].button(f"{t(following.title_key)} →", key="present.next",
                             type="primary"):
            st.switch_page(following.page, query_params=params)
    columns[3].button(t("present.exit"), key="present.exit", on_click=_stop_presenting)
    return columns[1], columns[2]


def _stop_presenting() -> None:
    st.session_state["present"] = False
