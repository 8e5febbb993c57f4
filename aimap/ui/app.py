"""The app's frame: navigation over the views, and `open_view`, the start of every page
(data, filters, the link's options, notices for what the link asked but cannot be shown)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from aimap import query
from aimap.load import Dataset
from aimap.options import FILTERS, GLOBAL_PARAMS, Notice, read_selection, write_selection
from aimap.selection import Selection
from aimap.text import t
from aimap.ui import charts, present, sidebar, state
from aimap.ui.data import dataset_or_none
from aimap.views import VIEWS, VIEWS_BY_KEY, View


def run_app() -> None:
    """The app: page config, then navigation over the views, running the requested one."""
    st.set_page_config(page_title=t("app.title"), layout="wide")
    pages = [st.Page(view.page, title=t(view.title_key), url_path=view.url_path or None,
                     default=not view.url_path) for view in VIEWS]
    st.navigation(pages).run()


def leave_legacy_navigation() -> None:
    """Streamlit may run a pages/ file directly, skipping app.py (its old multipage mode, on
    a server's first request, because a pages/ folder exists). Then run the app's navigation
    here, which runs this page properly, and stop this direct run. No rerun: a rerun would
    lose the click that started this run."""
    if PagesManager.uses_pages_directory:
        run_app()
        st.stop()


@dataclass
class ViewPage:
    """A view being drawn: its data, the selection and the notices about its link."""

    view: View
    data: Dataset | None
    selection: Selection
    notices: list[Notice] = field(default_factory=list)

    @property
    def shown(self) -> pd.DataFrame:
        """The sites the filters show (memoised per selection)."""
        return query.shown(self.data, self.selection)

    def title(self, text: str) -> None:
        """The page title (text from the data must come `plain`), then the link's notices."""
        st.title(text)
        if self.notices:  # one box, a line each: a crafted link must not push the view away
            st.warning("  \n".join(notice.message() for notice in self.notices))

    def option(self, name: str, where=st, disabled_help: str | None = None) -> object:
        """Draw the view's option `name` where it belongs and return its value; greyed out,
        with `disabled_help` (a message key) saying why, when the view does not use it now."""
        return state.option_widget(self.view.option(name), self.data, where, disabled_help)


def open_view(key: str) -> ViewPage:
    """Start view `key`: stop on bad data (the problems are shown), draw the filters, seed the
    view's options from the link, drop from the URL what no option reads. The Data page has
    no filters and opens on data that fails validation (then `data` is None), so that a
    maintainer can repair it."""
    leave_legacy_navigation()
    view = VIEWS_BY_KEY[key]
    data = dataset_or_none()
    if data is None and view.figures:
        st.stop()
    params = state.url_params()
    selection, notices = Selection(), []
    known = set(GLOBAL_PARAMS)
    if data is not None and view.figures:
        if view.filtered:
            selection, notices = sidebar.filters(data, params)
            notices += sidebar.presentation_and_pack(data, selection, params)
        else:  # no filters drawn, but the link's valid ones kept for the next view
            kept, notices = read_selection(params, data)
            written = write_selection(kept)
            for spec in FILTERS:
                state.keep_in_url(spec.name, written.get(spec.name))
            notices += sidebar.presentation_toggle(data, params)
        for option in view.options:
            notices += state.seed_option(option, data, params.get(option.name, []))
        known |= {f.name for f in FILTERS} | {o.name for o in view.options}
    unknown = [name for name in params if name not in known]
    notices += [Notice(name, ",".join(params[name])) for name in unknown]
    state.drop_from_url(unknown)
    page = ViewPage(view, data, selection, notices)
    if view.figures and present.presenting():
        _present(page)
    return page


def _present(page: ViewPage) -> None:
    """Presentation mode: the step row (with the view's options and its download), a link's
    notices, then the view's first chart fitted to the screen, and nothing else: the rest of
    the page is not run."""
    columns = present.chrome()
    builder = page.view.figures[0]
    shown = [o for o in page.view.options if page.view.keywords(builder, {o.name: None})]
    values = {}
    if shown:
        with columns[1].popover(t("present.options")):
            values = {option.name: page.option(option.name) for option in shown}
    if page.notices:  # one line: a crafted link must not push the chart off the screen
        st.warning(" · ".join(notice.message() for notice in page.notices))
    keywords = page.view.keywords(builder, values)  # a window too short is widened by its chart
    with columns[2]:
        charts.png_button(builder, page.data, page.selection, page.view.key, **keywords)
    rows = charts.presented_chart(builder, page.data, page.selection, page.view.key,
                                  present.part(page.view.key), **keywords)
    present.steps(columns, page.selection, page.view.key, rows)
    st.stop()
