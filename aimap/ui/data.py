"""The validated dataset, cached per version of the files, and problems shown as plain text."""

from __future__ import annotations

import contextlib
from pathlib import Path

import streamlit as st

from aimap import datastore
from aimap.load import GEO_FILE, DataError, Dataset, data_dir, load_dataset
from aimap.text import plural


def _data_signature() -> tuple[tuple[str, float], ...]:
    """Paths and modification times of every input, so an edited file reloads the data."""
    files = sorted(data_dir().glob("*.csv")) + [GEO_FILE]
    return tuple((str(p), p.stat().st_mtime) for p in files if p.exists())


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(signature: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(data_dir(), GEO_FILE)


@st.cache_resource(show_spinner=False)
def _started(folder: str) -> None:
    """Once per server and data folder: remove what an interrupted apply left behind."""
    with contextlib.suppress(OSError):  # a read-only folder has nothing of ours to remove
        datastore.remove_leftovers(Path(folder))


def dataset_or_none() -> Dataset | None:
    """The validated dataset, or None after showing the problems (the data page still works
    then, so that a maintainer can repair the data)."""
    _started(str(data_dir()))
    try:
        return _load(_data_signature())
    except DataError as error:
        show_problems(plural("app.data_error", len(error.problems)), error.problems)
        return None


def show_problems(message: str, problems: list[str]) -> None:
    """An error, then each `file:row:column: message` as plain text (never rendered)."""
    st.error(message)
    st.code("\n".join(problems), language=None, wrap_lines=True)
