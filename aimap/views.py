"""The registry of views: one row per view, used by navigation (and later export and
presentation). Adding a view means adding a row here, a figure module and a thin page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import plotly.graph_objects as go

from aimap.figures.overview import overview_figure
from aimap.load import Dataset
from aimap.selection import Selection

FigureBuilder = Callable[[Dataset, Selection], go.Figure]


@dataclass(frozen=True)
class View:
    """One view of the app: its key (also its URL path), page file, title message, icon and the
    builders of its figures (the same functions serve the screen and export)."""

    key: str
    page: str
    title_key: str
    icon: str
    figures: tuple[FigureBuilder, ...] = ()


VIEWS: tuple[View, ...] = (
    View("overview", "pages/overview.py", "nav.overview", "🧭", (overview_figure,)),
)
