"""Map: countries coloured by a chosen metric, sites on top, a panel for the chosen country."""

import streamlit as st

from aimap import details, query
from aimap.figures.common import read_click
from aimap.figures.map import map_figure
from aimap.safety import plain, plain_join
from aimap.text import t
from aimap.ui import charts, scroll, state, tables
from aimap.ui.app import open_view
from aimap.views import page_of

page = open_view("map")
data, selection, shown = page.data, page.selection, page.shown

page.title(t("map.title"))
metric = page.option("metric")  # its own row: seven choices need the page's width at 1280 px
layers = st.columns(2)
supercomputers = page.option("supercomputers", layers[0])
links = page.option("links", layers[1])

map_key = state.click_key("map", st.session_state.get("country"))
click = read_click(state.new_clicks(map_key))
if click and click[0] == "site":
    st.switch_page(page_of("site"), query_params={"id": click[1]})
if click and click[0] == "country" and click[1] in page.view.option("country").allowed(data):
    st.session_state["country"] = click[1]
    state.clicked("map", click[1])
elif click and click[0] == "country":  # a country hosting nothing: say so where one looks
    st.toast(t("map.click.no_site",
               country=plain(query.country_names(data).get(click[1], t("unknown")))))
charts.view_chart(map_figure, data, selection, "map", key=map_key, metric=metric, links=links,
                  supercomputers=supercomputers)
st.caption(t("map.click_hint"))
unplaced = shown[shown["lat"].isna()]
if not unplaced.empty:
    st.caption(t("map.not_on_map", names=plain_join(unplaced["name"])))

country = page.option("country")
if country and click and click[0] == "country":
    scroll.into_view("country-panel", country)  # the panel is below the map: bring it into view
if country:
    with st.container(key="country-panel"):
        info = details.country_panel(data, shown, country)
        served = plain_join(sorted(set(info.sectors["sector_name"])), " · ")
        tables.section(t("map.panel.sites"), info.sites,
                       t("map.panel.no_sites", country=plain(info.name)),
                       lambda: tables.site_links(info.sites))
        tables.section(t("map.panel.budgets"), info.budgets, t("map.panel.no_budgets"),
                       lambda: tables.budget_table(data, info.budgets))
        tables.section(t("map.panel.sectors"), info.sectors, t("map.panel.no_sectors"),
                       lambda: st.write(served))
        tables.section(t("map.panel.milestones"), info.milestones, t("map.panel.no_milestones"),
                       lambda: tables.milestone_table(data, info.milestones))
