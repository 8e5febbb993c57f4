"""The registry of views: one row per view, used by navigation, PNG export, the briefing pack,
presentation mode and the command line. Adding a view means adding a row here, a figure
module and a thin page; adding a view option means adding an `Option` to its row."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from aimap import options as o
from aimap.figures.budgets import budget_figure, per_capita_figure
from aimap.figures.changes import changes_figure
from aimap.figures.headline import headline_figure, site_figure
from aimap.figures.map import map_figure
from aimap.figures.overview import overview_figure
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.figures.timeline import timeline_figure

FigureBuilder = Callable[..., go.Figure]  # (dataset, selection, **view options) -> figure


@dataclass(frozen=True)
class View:
    """One view of the app: its key (also its URL path and page file), title message, the
    builders of its figures (the same functions serve the screen and export) and its own
    options. `briefing`: part of the briefing pack and of presentation mode (a site's fact
    sheet is exported from its own page). `filtered`: the shared sidebar filters apply to it
    (a site's page shows one site whatever they say, so it has none). No icons: icon fonts
    would be fetched from the internet, and emoji are missing on many machines."""

    key: str
    title_key: str
    figures: tuple[FigureBuilder, ...] = ()
    options: tuple[o.Option, ...] = ()
    briefing: bool = True
    filtered: bool = True

    @property
    def page(self) -> str:
        return f"pages/{self.key}.py"

    @property
    def url_path(self) -> str:
        """The view's path in the app's URL: the first view is the home page, served at '/'."""
        return "" if self is VIEWS[0] else self.key

    def option(self, name: str) -> o.Option:
        return next(option for option in self.options if option.name == name)

    def figure(self, name: str | None) -> FigureBuilder | None:
        """The figure called `name` (its builder without '_figure'); the first for None."""
        if name is None:
            return self.figures[0]
        return next((b for b in self.figures if figure_name(b) == name), None)

    def keywords(self, builder: FigureBuilder, values: dict[str, object]) -> dict[str, object]:
        """The keyword arguments `builder` takes among the view's option values."""
        accepted = inspect.signature(builder).parameters
        return {option.keyword: values[option.name] for option in self.options
                if option.keyword in accepted and option.name in values}


def figure_name(builder: FigureBuilder) -> str:
    """How export and the command line name a figure: 'map' for map_figure."""
    return builder.__name__.removesuffix("_figure")


VIEWS: tuple[View, ...] = (
    View("overview", "nav.overview", (overview_figure, headline_figure)),
    View("map", "nav.map", (map_figure,), (o.METRIC, o.SUPERCOMPUTERS, o.LINKS, o.COUNTRY)),
    View("timeline", "nav.timeline", (timeline_figure,),
         (o.GROUP, o.SORT, o.WINDOW, o.TIMELINE_SUPERCOMPUTERS)),
    View("sectors", "nav.sectors", (coverage_figure, gaps_figure),
         (o.ROWS, o.ORDER, o.REGION, o.SECTOR)),
    View("budgets", "nav.budgets", (budget_figure, per_capita_figure), (o.BY, o.CLAIMS)),
    View("changes", "nav.changes", (changes_figure,), (o.SINCE, o.WORDING)),
    View("site", "nav.site", (site_figure,), (o.SITE,), briefing=False, filtered=False),
    View("data", "nav.data", briefing=False),
)
VIEWS_BY_KEY = {view.key: view for view in VIEWS}
BRIEFING = tuple(view for view in VIEWS if view.briefing and view.figures)


def page_of(key: str) -> str:
    """The page file of view `key`, for links and page switches."""
    return VIEWS_BY_KEY[key].page
