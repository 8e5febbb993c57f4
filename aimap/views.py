"""The registry of views: one row per view, used by navigation, PNG export, the briefing pack,
presentation mode and the command line. Adding a view means adding a row here, a figure
module and a thin page."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from aimap.figures.budgets import budget_figure, per_million_figure
from aimap.figures.headline import headline_figure, site_figure
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
    #: the view's own URL parameters and the figure builders' keyword arguments they set
    params: tuple[tuple[str, str], ...] = ()

    @property
    def url_path(self) -> str:
        """The view's path in the app's URL: the first view is the home page, served at '/'."""
        return "" if self is VIEWS[0] else self.key

    def options(self, builder: FigureBuilder, values: dict[str, object]) -> dict[str, object]:
        """The keyword arguments `builder` takes among the view's parsed URL values."""
        accepted = inspect.signature(builder).parameters
        names = dict(self.params)
        return {names[k]: v for k, v in values.items() if k in names and names[k] in accepted}


VIEWS: tuple[View, ...] = (
    View("overview", "pages/overview.py", "nav.overview", (headline_figure, overview_figure)),
    View("map", "pages/map.py", "nav.map", (map_figure,),
         (("metric", "metric"), ("links", "links"), ("country", "country"))),
    View("timeline", "pages/timeline.py", "nav.timeline", (timeline_figure,),
         (("group", "grouping"), ("sort", "sort"), ("window", "window"))),
    View("sectors", "pages/sectors.py", "nav.sectors", (coverage_figure, gaps_figure),
         (("rows", "rows"), ("order", "order"), ("region", "region"))),
    View("budgets", "pages/budgets.py", "nav.budgets", (budget_figure, per_million_figure),
         (("by", "grouping"), ("claims", "all_claims"))),
    View("site", "pages/site.py", "nav.site", (site_figure,), (("id", "id"),)),
    View("data", "pages/data.py", "nav.data"),
)
VIEWS_BY_KEY = {view.key: view for view in VIEWS}
