"""Presentation mode: no chrome, larger type, and the briefing's views one after another."""

from __future__ import annotations

import streamlit as st

from aimap.figures.paging import Page
from aimap.options import write_selection
from aimap.selection import Selection
from aimap.text import t
from aimap.views import BRIEFING

#: No sidebar, no Streamlit chrome, content across the whole screen; the chart's frame is
#: the screen's height less the step row (a chart is paged to fit it on a 720 px screen, and
#: scrolls inside it on a smaller one).
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


#: Session state: (view, page of rows) being presented; _LAST stands for a view's last page.
_PART, _LAST = "present.part", 1_000_000
#: The chart's frame (px) on the smallest screen presented on, 1280x720: the screen less the
#: step row's 5.5rem at the 19 px root size of the CSS above.
SMALLEST_FRAME = 720 - 5.5 * 19


def presenting() -> bool:
    """True in presentation mode (sidebar toggle, or ?present=1 in the URL)."""
    return bool(st.session_state.get("present"))


def presentation_link(selection: Selection) -> dict[str, str]:
    """The query parameters that open a view in presentation mode with these filters."""
    return {**write_selection(selection), "present": "1"}


def chrome() -> list:
    """Hide the chrome and lay out the one compact step row: its cells, from the left, for
    the way back, the view's options, its download, the way out and the way on (the steps
    are drawn once the chart knows its pages: see `steps`)."""
    st.markdown(_PRESENTATION_CSS, unsafe_allow_html=True)
    columns = st.columns([3, 2, 2, 3, 3], vertical_alignment="center")
    columns[3].button(t("present.exit"), key="present.exit", on_click=_stop_presenting)
    return columns


def part(current: str) -> int:
    """The page of rows to show of view `current`: the first, unless the presenter is
    stepping through its rows (or stepped back into it from the next view: its last)."""
    view, number = st.session_state.get(_PART, (None, 1))
    return number if view == current else 1


def steps(columns: list, selection: Selection, current: str, shown: Page | None) -> None:
    """The previous and next steps, filters kept: through the chart's pages of rows first
    (`shown`, when it has more than one), then to the briefing's neighbouring views. A view
    outside the briefing (a site's page) has no steps, only the way out. A page's buttons have
    keys of their own: a view's would still read as clicked in the run after a click."""
    keys = [view.key for view in BRIEFING]
    index = keys.index(current) if current in keys else None
    params = presentation_link(selection)
    if shown is not None and shown.number > 1:
        earlier = shown.turned(-1)
        label = t("present.rows", first=earlier.first, last=earlier.last)
        columns[0].button(f"← {label}", key="present.rows.previous", on_click=_show_part,
                          args=(current, shown.number - 1))
    elif index is not None and index > 0:
        previous = BRIEFING[index - 1]
        if columns[0].button(f"← {t(previous.title_key)}", key="present.previous"):
            st.session_state[_PART] = (previous.key, _LAST)
            st.switch_page(previous.page, query_params=params)
    if shown is not None and shown.number < shown.count:
        later = shown.turned(1)
        label = t("present.rows_of", first=later.first, last=later.last, total=later.total)
        columns[4].button(f"{label} →", key="present.rows.next", type="primary",
                          on_click=_show_part, args=(current, shown.number + 1))
    elif index is not None and index + 1 < len(BRIEFING):
        following = BRIEFING[index + 1]
        if columns[4].button(f"{t(following.title_key)} →", key="present.next",
                             type="primary"):
            st.session_state[_PART] = (following.key, 1)
            st.switch_page(following.page, query_params=params)


def _show_part(view: str, number: int) -> None:
    st.session_state[_PART] = (view, number)


def _stop_presenting() -> None:
    st.session_state["present"] = False
