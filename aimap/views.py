"""The registry of views: one row per view, used by navigation (and later export and
presentation). Adding a view means adding a row here, a figure module and a thin page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from aimap.figures.budgets import budget_figure, per_million_figure
from aimap.figures.map import map_figure
from aimap.figures.overview import overview_figure
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.figures.timeline import timeline_figure

FigureBuilder = Callable[..., go.Figure]  # (dataset, selection, **view options) -> figure


@dataclass(frozen=True)
class View:
    """One view of the app: its key (also its URL path), page file, title message and the
    builders of its figures (the same functions serve the screen and export). No icons: the
    icon fonts would be fetched from the internet, and emoji are missing on many machines."""

    key: str
    page: str
    title_key: str
    figures: tuple[FigureBuilder, ...] = ()

    @property
    def url_path(self) -> str:
        """The view's path in the app's URL: the first view is the home page, served at '/'."""
        return "" if self is VIEWS[0] else self.key


VIEWS: tuple[View, ...] = (
    View("overview", "pages/overview.py", "nav.overview", (overview_figure,)),
    View("map", "pages/map.py", "nav.map", (map_figure,)),
    View("timeline", "pages/timeline.py", "nav.timeline", (timeline_figure,)),
    View("sectors", "pages/sectors.py", "nav.sectors", (coverage_figure, gaps_figure)),
    View("budgets", "pages/budgets.py", "nav.budgets", (budget_figure, per_million_figure)),
    View("site", "pages/site.py", "nav.site"),
)
