""""About this data" on every view: a popover beside each chart and a section on the Overview,
so a reader meets the definitions where the terms are used."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from aimap import about, formatting, query
from aimap.load import Dataset
from aimap.safety import plain
from aimap.text import t
from aimap.ui.present import presenting


def definitions(data: Dataset) -> None:
    """Each term in bold, its definition, and the sources it comes from."""
    st.caption(t("about.intro"))
    for term in about.TERMS:
        st.markdown(f"**{plain(t(term.name))}**: {plain(t(term.definition))}")
        lines = _source_lines(data, term)
        if lines:
            st.markdown(lines)
        else:
            st.caption(t("about.own_term"))


@lru_cache(maxsize=32)
def _source_lines(data: Dataset, term: about.Term) -> str:
    """The term's sources as Markdown lines, memoised: every chart's popover draws them on
    every rerun."""
    sources = about.sources_in(data, term)
    return "\n".join(formatting.source_line(row) for row in
                     query.sources_of(data, sources).itertuples()) if sources else ""


def popover(data: Dataset) -> None:
    """The definitions behind an "About this data" button; left out while presenting, where
    only the chart, its title and its source are on screen."""
    if not presenting():
        with st.popover(t("about.title")):
            definitions(data)


def section(data: Dataset) -> None:
    """The definitions as a section of a page (the Overview's), except while presenting."""
    if not presenting():
        st.subheader(t("about.title"))
        definitions(data)
