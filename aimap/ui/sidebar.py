"""The shared filters in the sidebar, the presentation toggle and the briefing pack."""

from __future__ import annotations

import streamlit as st

from aimap.load import Dataset
from aimap.options import FILTERS, Notice, Option, read_selection, write_selection
from aimap.selection import Selection
from aimap.text import t
from aimap.ui.charts import pack_button
from aimap.ui.state import keep_in_url, seed_option

_SELECTION_KEY = "aimap.selection"
_WIDGET_PREFIX = "filter."
PRESENT = Option("present", "present.toggle", "flag", "toggle", default=False,
                 help="present.help")


def filters(data: Dataset, params: dict[str, list[str]]) -> tuple[Selection, list[Notice]]:
    """Draw the shared filters and return the selection, with notices for values of the link
    that were left out.

    On a session's first run the filters come from the link; afterwards from the selection kept
    in session state, which survives page switches (widget state does not)."""
    kept = st.session_state.get(_SELECTION_KEY)
    notices: list[Notice] = []
    if kept is None:
        kept, notices = read_selection(params, data)
    with st.sidebar:
        st.header(t("filters.header"))
        for spec in FILTERS:
            key = _WIDGET_PREFIX + spec.name
            allowed = spec.allowed(data)
            if key not in st.session_state:
                st.session_state[key] = list(getattr(kept, spec.name))
            # values a data update removed are dropped, not an error
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
            st.multiselect(t(spec.label), allowed, key=key,
                           format_func=lambda v, s=spec: s.caption(data, v),
                           help=t(spec.help) if spec.help else None)
        st.button(t("filters.reset"), on_click=_clear_filters)
    selection = Selection(**{spec.name: tuple(st.session_state[_WIDGET_PREFIX + spec.name])
                             for spec in FILTERS})
    written = write_selection(selection)
    for spec in FILTERS:
        keep_in_url(spec.name, written.get(spec.name))
    st.session_state[_SELECTION_KEY] = selection
    return selection, notices


def presentation_and_pack(data: Dataset, selection: Selection,
                          params: dict[str, list[str]]) -> list[Notice]:
    """The presentation toggle (seeded from ?present=1) and the briefing pack below it."""
    notices = presentation_toggle(data, params)
    with st.sidebar:
        pack_button(data, selection)
    return notices


def presentation_toggle(data: Dataset, params: dict[str, list[str]]) -> list[Notice]:
    """The presentation toggle, seeded from ?present=1 and kept in the URL."""
    notices = seed_option(PRESENT, data, params.get(PRESENT.name, []))
    with st.sidebar:
        st.divider()
        st.toggle(t(PRESENT.label), key=PRESENT.name, help=t(PRESENT.help))
    keep_in_url(PRESENT.name, PRESENT.write(st.session_state[PRESENT.name]))
    return notices


def _clear_filters() -> None:
    for spec in FILTERS:
        st.session_state[_WIDGET_PREFIX + spec.name] = []
