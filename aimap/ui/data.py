"""The validated dataset, cached per version of the files, and problems shown as plain text."""

from __future__ import annotations

import streamlit as st

from aimap.load import GEO_FILE, DataError, Dataset, data_dir, load_dataset
from aimap.text import t


def _data_signature() -> tuple[tuple[str, float], ...]:
    """Paths and modification times of every input, so an edited file reloads the data."""
    files = sorted(data_dir().glob("*.csv")) + [GEO_FILE]
    return tuple((str(p), p.stat().st_mtime) for p in files if p.exists())


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(signature: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(data_dir(), GEO_FILE)


def dataset_or_none() -> Dataset | None:
    """The validated dataset, or None after showing the problems (the data page still works
    then, so that a maintainer can repair the data)."""
    try:
        return _load(_data_signature())
    except DataError as error:
        show_problems(t("app.data_error", count=len(error.problems)), error.problems)
        return None


def show_problems(message: str, problems: list[str]) -> None:
    """An error, then each `file:row:column: message` as plain text (never rendered)."""
    st.error(message)
    st.code("\n".join(problems), language=None, wrap_lines=True)
