"""The only module that imports Streamlit: the cached dataset, shared widgets and URL state."""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable, Sequence
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from aimap import export, formatting, query, safety, schema, text, theme
from aimap.load import GEO_FILE, DataError, Dataset, data_dir, load_dataset
from aimap.selection import QUERY_KEYS, SITE_KINDS, Selection
from aimap.text import t
from aimap.views import VIEWS, FigureBuilder

_SELECTION_KEY = "aimap.selection"
_WIDGET_PREFIX = "filter."
_MAINTAINER_KEY = "aimap.maintainer"
_WRONG_TOKEN_DELAY_S = 1.0


def _data_signature() -> tuple[tuple[str, float], ...]:
    """Paths and modification times of every input, so an edited file reloads the data."""
    files = sorted(data_dir().glob("*.csv")) + [GEO_FILE]
    return tuple((str(p), p.stat().st_mtime) for p in files if p.exists())


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(signature: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(data_dir(), GEO_FILE)


def run_app() -> None:
    """The app: page config, then navigation over the views, running the requested one."""
    st.set_page_config(page_title=t("app.title"), layout="wide")
    pages = [st.Page(view.page, title=t(view.title_key), url_path=view.url_path or None,
                     default=not view.url_path) for view in VIEWS]
    st.navigation(pages).run()


def _leave_legacy_navigation() -> None:
    """Streamlit may run a pages/ file directly, skipping app.py (its old multipage mode, on
    a server's first request, because a pages/ folder exists). Then run the app's navigation
    here, which runs this page properly, and stop this direct run. No rerun: a rerun would
    lose the click that started this run."""
    if PagesManager.uses_pages_directory:
        run_app()
        st.stop()


def dataset() -> Dataset:
    """The validated dataset; on bad data, the list of problems instead of any chart."""
    data = dataset_or_none()
    if data is None:
        st.stop()
    return data


def dataset_or_none() -> Dataset | None:
    """The validated dataset, or None after showing the problems (the data page still works
    then, so that a maintainer can repair the data)."""
    _leave_legacy_navigation()
    try:
        return _load(_data_signature())
    except DataError as error:
        show_problems(t("app.data_error", count=len(error.problems)), error.problems)
        return None


def show_problems(message: str, problems: list[str]) -> None:
    """An error, then each `file:row:column: message` as plain text (never rendered)."""
    st.error(message)
    st.code("\n".join(problems), language=None, wrap_lines=True)


def admin_token() -> str:
    """The maintainers' token: $AIMAP_ADMIN_TOKEN, else AIMAP_ADMIN_TOKEN in Streamlit's
    secrets; empty when editing is off."""
    token = os.environ.get("AIMAP_ADMIN_TOKEN", "")
    if not token and st.secrets.load_if_toml_exists():
        token = str(st.secrets.get("AIMAP_ADMIN_TOKEN", ""))
    return token


def maintainer_unlocked(token: str) -> bool:
    """True once this session gave the current token (asked for here until then). The
    session keeps a hash of the token it gave, so changing the token locks everyone out."""
    expected = hashlib.sha256(token.encode()).hexdigest()
    if st.session_state.get(_MAINTAINER_KEY) == expected:
        return True
    given = st.text_input(t("data.token"), type="password", key="data.token")
    if given and hmac.compare_digest(hashlib.sha256(given.encode()).hexdigest(), expected):
        st.session_state[_MAINTAINER_KEY] = expected
        st.rerun()
    if given:
        time.sleep(_WRONG_TOKEN_DELAY_S)  # makes guessing slow
        st.error(t("data.token_wrong"))
    return False


def figure(builder: FigureBuilder, data: Dataset, selection: Selection,
           **options: object) -> go.Figure:
    """The figure `builder` makes for `selection` and `options`, in presentation type when
    presenting."""
    return _figure(builder, data, selection, presenting(), **options)


@lru_cache(maxsize=64)
def _figure(builder: FigureBuilder, data: Dataset, selection: Selection, present: bool,
            **options: object) -> go.Figure:
    """Memoised: plotly's validation makes building cost tens of milliseconds, and reruns
    (search, other widgets) reuse it."""
    built = builder(data, selection, **options)
    return theme.for_presentation(built) if present else built


def presenting() -> bool:
    """True in presentation mode (sidebar toggle, or ?present=1 in the URL)."""
    return bool(st.session_state.get("present"))


#: Presentation mode: no sidebar, no Streamlit chrome, content across the whole screen.
_PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarNav"] {display: none !important;}
[data-testid="stMainBlockContainer"] {max-width: 100% !important; padding: 1.5rem 2rem !important;}
html {font-size: 19px;}
</style>
"""


def _presentation_chrome(selection: Selection, current: str) -> None:
    """Hide the chrome and offer the previous and next views of the briefing, filters kept."""
    st.markdown(_PRESENTATION_CSS, unsafe_allow_html=True)
    order = [v for v in VIEWS if v.figures and v.key != "site"]
    index = next((i for i, v in enumerate(order) if v.key == current), 0)
    params = {**selection.to_query(), "present": "1"}
    columns = st.columns([1, 4, 1])
    if index > 0:
        previous = order[index - 1]
        if columns[0].button(f"← {t(previous.title_key)}", key="present.previous"):
            st.switch_page(previous.page, query_params=params)
    if index + 1 < len(order):
        following = order[index + 1]
        if columns[2].button(f"{t(following.title_key)} →", key="present.next",
                             type="primary"):
            st.switch_page(following.page, query_params=params)
    columns[1].button(t("present.exit"), key="present.exit", on_click=_stop_presenting)


def _stop_presenting() -> None:
    st.session_state["present"] = False


#: plotly.js options: base map files from our own server (never the CDN), no plotly logo.
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False}


def chart(fig: go.Figure, key: str | None = None) -> None:
    """Show a figure exactly as exported (our template, theme=None; local base maps). With a
    `key`, clicking a point reruns the page and `new_clicks(key)` tells what was clicked."""
    if key is None:
        st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG)
    else:
        st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG, key=key,
                        on_select="rerun", selection_mode="points")


def view_chart(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
               key: str | None = None, **options: object) -> None:
    """A view's figure on screen (clickable with a `key`) and its 'Download PNG' below."""
    chart(figure(builder, data, selection, **options), key=key)
    png_button(builder, data, selection, name, **options)


def new_clicks(key: str) -> list[dict]:
    """The points clicked on chart `key` since the last run, else []. Read before the chart is
    drawn, so the figure can show the click; a chart keeps its selection across reruns, and an
    old click must not undo a later choice."""
    state = st.session_state.get(key) or {}
    points = list((state.get("selection") or {}).get("points") or [])
    seen = f"aimap.click.{key}"
    if not points or st.session_state.get(seen) == points:
        return []
    st.session_state[seen] = points
    return points


def seed_from_url(key: str, allowed: Sequence[str], default: object,
                  parse: Callable[[str], object] | None = None) -> None:
    """Give widget `key` its value from the URL the first time it is drawn: the raw value if
    it is `allowed`, or what `parse` makes of it; otherwise `default`."""
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    if parse is not None:
        value = parse(raw) if raw else None
        st.session_state[key] = default if value is None else value
    else:
        st.session_state[key] = raw if raw in allowed else default


def seed_flag_from_url(key: str) -> None:
    """Give toggle `key` its value from the URL (`?key=1`) the first time it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key) == "1"


def keep_in_url(key: str, value: str | bool | None, default: str | bool | None = None) -> None:
    """Write a view's own state into the URL (left out when it is the default)."""
    if value == default or value is None:
        if key in st.query_params:
            del st.query_params[key]
        return
    wanted = "1" if value is True else str(value)
    if st.query_params.get(key) != wanted:
        st.query_params[key] = wanted


def site_links(sites: pd.DataFrame) -> None:
    """A link to the page of each site in `sites` (id, name)."""
    for site_id, name in zip(sites["id"], sites["name"]):
        st.page_link("pages/site.py", label=name, query_params={"id": site_id})


def section(title: str, rows: pd.DataFrame, empty: str, draw: Callable[[], None]) -> None:
    """A subheader, then `draw()` — or, when `rows` is empty, the `empty` message."""
    st.subheader(title)
    if rows.empty:
        st.caption(empty)
    else:
        draw()


def _source_column(data: Dataset, rows: pd.DataFrame) -> tuple[object, object]:
    """Each row's first web source, linked and shown by its domain."""
    return ([query.first_web_source(data, ids) for ids in rows["sources"]],
            st.column_config.LinkColumn(t("col.main_source"), display_text=LINK_DOMAIN))


def _claim_columns(data: Dataset, claims: pd.DataFrame) -> dict[str, tuple[object, object]]:
    """The columns every table of budget claims shows: values and column configuration."""
    return {
        "label": (claims["label"], t("col.label")),
        "amount": (claims["amount_eur"].map(formatting.format_money), t("col.amount")),
        "funder": (claims["funder"].map(lambda f: t(f"funder.{f}")), t("col.funder")),
        "preferred": (claims["preferred"].fillna(False).astype(bool),
                      st.column_config.CheckboxColumn(t("col.preferred"))),
        "confidence": (claims["confidence"].map(lambda c: t(f"confidence.{c}")),
                       t("col.confidence")),
        "source": _source_column(data, claims),
        "note": (claims["notes"].fillna(""), st.column_config.TextColumn(t("col.note"),
                                                                         width="large")),
    }


def _show_table(columns: dict[str, tuple[object, object]], key: str | None = None) -> pd.DataFrame:
    """A dataframe from (values, column configuration) pairs; returns the table shown."""
    table = pd.DataFrame({name: values for name, (values, _) in columns.items()})
    st.dataframe(table, hide_index=True, width="stretch", key=key,
                 column_config={name: config for name, (_, config) in columns.items()})
    return table


def budget_table(data: Dataset, claims: pd.DataFrame) -> None:
    """Budget claims as a table; competing claims sit next to each other, each with a link."""
    names = query.sites(data).set_index("id")["name"]
    shared = _claim_columns(data, claims)
    _show_table({
        "site": (claims["subject"].map(names).fillna(claims["subject"]), t("col.name")),
        **{k: shared[k] for k in ("label", "amount", "funder", "preferred")},
        "disagreement": ([t("disagreement.rivals", count=n) if n > 1 else ""
                          for n in claims["rivals"]], t("col.disagreement")),
        "basis": (claims["basis"].map(lambda b: t(f"basis.{b}")), t("col.basis")),
        **{k: shared[k] for k in ("confidence", "source", "note")},
    })


def claims_table(data: Dataset, claims: pd.DataFrame, key: str) -> pd.DataFrame:
    """Budget claims with their subject, amount, funder, period, source link; returns the
    table as shown, for downloading exactly that."""
    names = query.sites(data).set_index("id")["name"].to_dict()
    names.update({s: t(f"subject.{s}") for s in schema.PROGRAMME_SUBJECTS})
    shared = _claim_columns(data, claims)
    return _show_table({
        "subject": (claims["subject"].map(names).fillna(claims["subject"]), t("col.subject")),
        **{k: shared[k] for k in ("label", "amount")},
        "amount_eur": (claims["amount_eur"], None),
        "funder": shared["funder"],
        "period": (claims["period"].fillna(""), t("col.period")),
        **{k: shared[k] for k in ("preferred", "confidence", "source", "note")},
    }, key=key)


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV that spreadsheets open safely (no formula runs)."""
    return table.map(safety.csv_safe).to_csv(index=False).encode("utf-8")


def milestone_table(data: Dataset, steps: pd.DataFrame) -> None:
    """Milestones with their date at the precision the source gave, status and source."""
    names = query.sites(data).set_index("id")["name"]
    _show_table({
        "when": ([formatting.when(w, s, p) for w, s, p in
                  zip(steps["as_written"], steps["start"], steps["precision"], strict=True)],
                 t("col.when")),
        "site": (steps["subject"].map(names).fillna(steps["subject"]), t("col.name")),
        "label": (steps["label"], t("col.label")),
        "status": (steps["status"].map(lambda s: t(f"status.{s}")), t("col.status")),
        "confidence": (steps["confidence"].map(lambda c: t(f"confidence.{c}")),
                       t("col.confidence")),
        "source": _source_column(data, steps),
    })


def sector_table(data: Dataset, rows: pd.DataFrame) -> None:
    """Sector rows: the site, the sector, the label exactly as written, its language, a link."""
    _show_table({
        "site": (rows["name"] if "name" in rows else rows["subject"], t("col.name")),
        "sector": (rows["sector"].map(query.sector_names(data)), t("col.sector")),
        "raw_label": (rows["raw_label"], t("col.raw_label")),
        "language": (rows["language"], t("col.language")),
        "source": _source_column(data, rows),
    })


def sources_list(data: Dataset, ids: Sequence[str]) -> None:
    """The sources `ids` as a Markdown list of links."""
    st.markdown("\n".join(formatting.source_line(row) for row in
                          query.sources_of(data, tuple(ids)).itertuples()))


#: LinkColumn shows the web domain of a source rather than its whole address.
LINK_DOMAIN = r"https?://(?:www\.)?([^/]+)"


def png_button(builder: FigureBuilder, data: Dataset, selection: Selection, name: str,
               **options: object) -> None:
    """'Download PNG' with a size preset: the same builder as on screen, rendered on click."""
    with st.popover(t("export.button")):
        if not export.available():
            st.warning(t("export.no_chromium", command=export.INSTALL_HINT))
            return
        preset = st.selectbox(t("export.preset"), list(export.PRESETS), key=f"preset.{name}",
                              format_func=lambda p: t(f"preset.{p}"))
        st.download_button(
            t("export.button"), file_name=f"aimap-{name}-{preset}.png", mime="image/png",
            data=lambda: export.png(builder, data, selection, preset, **options),
            key=f"png.{name}")


def pack_button(data: Dataset, selection: Selection) -> None:
    """The briefing pack (ZIP): every view under these filters, a summary, SOURCES.txt."""
    if not export.available():
        st.caption(t("export.no_chromium", command=export.INSTALL_HINT))
        return
    st.download_button(t("export.pack"), file_name="aimap-briefing-pack.zip",
                       mime="application/zip", key="pack",
                       data=lambda: export.zipped(export.briefing_files(data, selection)))


def _options(data: Dataset) -> dict[str, tuple[str, ...]]:
    all_sites = query.sites(data)
    names = query.country_names(data)
    return {
        "kinds": tuple(k for k in SITE_KINDS if k in set(all_sites["kind"])),
        "waves": schema.WAVES,
        "countries": tuple(sorted(set(all_sites["country"]), key=lambda c: names.get(c, c))),
        "sectors": tuple(data.sector_taxonomy["id"]),
    }


def sidebar_filters(data: Dataset, view: str) -> Selection:
    """Draw the shared filters (and, when presenting, the briefing's navigation) and return
    the selection; every page calls this first, naming its view.

    On a session's first run the filters come from the URL; afterwards from the selection kept
    in session state, which survives page switches (widget state does not). The URL is kept
    in step so that a reloaded or shared link restores the view.
    """
    options = _options(data)
    names, sectors = query.country_names(data), query.sector_names(data)
    kept = st.session_state.get(_SELECTION_KEY)
    start = kept or Selection.from_query(st.query_params.to_dict()).restricted(**options)
    labels = {
        "kinds": text.kind_label,
        "waves": lambda w: t("wave.label", wave=w),
        "countries": lambda c: names.get(c, c),
        "sectors": lambda s: sectors.get(s, s),
    }
    helps = {"waves": t("filters.wave_help"), "sectors": t("filters.sector_help")}
    titles = {"kinds": "filters.kind", "waves": "filters.wave", "countries": "filters.country",
              "sectors": "filters.sector"}
    with st.sidebar:
        st.header(t("filters.header"))
        for name in QUERY_KEYS.values():
            key = _WIDGET_PREFIX + name
            if key not in st.session_state:
                st.session_state[key] = list(getattr(start, name))
            st.multiselect(t(titles[name]), options[name], key=key, format_func=labels[name],
                           help=helps.get(name))
        st.button(t("filters.reset"), on_click=_clear_filters)
        selection = Selection(**{name: tuple(st.session_state[_WIDGET_PREFIX + name])
                                 for name in QUERY_KEYS.values()})
        st.divider()
        seed_flag_from_url("present")
        st.toggle(t("present.toggle"), key="present", help=t("present.help"))
        pack_button(data, selection)
    _write_query(selection)
    keep_in_url("present", presenting(), False)
    if presenting():
        _presentation_chrome(selection, view)
    st.session_state[_SELECTION_KEY] = selection
    return selection


def _clear_filters() -> None:
    for name in QUERY_KEYS.values():
        st.session_state[_WIDGET_PREFIX + name] = []


def _write_query(selection: Selection) -> None:
    wanted = selection.to_query()
    for key in QUERY_KEYS:
        keep_in_url(key, wanted.get(key))


