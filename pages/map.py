"""Map: countries coloured by a chosen metric, sites on top, a panel for the chosen country."""

import streamlit as st

from aimap import details, query, ui
from aimap.figures.common import read_click
from aimap.figures.map import map_figure
from aimap.metrics import DEFAULT_METRIC, METRICS
from aimap.text import t

data = ui.dataset()
selection = ui.sidebar_filters(data, "map")
shown = query.filter_sites(query.sites(data), selection, data.sectors)
names = query.country_names(data)
metric_keys = [m.key for m in METRICS]
countries = sorted(set(shown["country"]), key=lambda c: names.get(c, c))

st.title(t("map.title"))
ui.seed_from_url("metric", metric_keys, DEFAULT_METRIC)
ui.seed_flag_from_url("links")
ui.seed_from_url("country", countries, None)
controls = st.columns([3, 1], vertical_alignment="bottom")
metric = controls[0].segmented_control(t("metric.label"), metric_keys, key="metric",
                                       format_func=lambda k: t(f"metric.{k}"), required=True)
links = controls[1].toggle(t("map.show_links"), key="links", help=t("map.show_links_help"))

click = read_click(ui.new_clicks("map"))
if click and click[0] == "site":
    st.switch_page("pages/site.py", query_params={"id": click[1]})
if click and click[0] == "country" and click[1] in countries:
    st.session_state["country"] = click[1]
ui.view_chart(map_figure, data, selection, "map", key="map", metric=metric, links=links,
              country=st.session_state.get("country"))
unplaced = shown[shown["lat"].isna()]
st.caption(t("map.click_hint"))
if not unplaced.empty:
    st.caption(t("map.not_on_map", names=", ".join(unplaced["name"])))

country = st.selectbox(t("map.country"), countries, key="country", index=None,
                       format_func=lambda c: names.get(c, c), placeholder=t("map.pick_country"))
if country:
    info = details.country_panel(data, shown, country)
    ui.section(t("map.panel.sites"), info.sites, t("map.panel.no_sites", country=info.name),
               lambda: ui.site_links(info.sites))
    ui.section(t("map.panel.budgets"), info.budgets, t("map.panel.no_budgets"),
               lambda: ui.budget_table(data, info.budgets))
    ui.section(t("map.panel.sectors"), info.sectors, t("map.panel.no_sectors"),
               lambda: st.write(" · ".join(sorted(set(info.sectors["sector_name"])))))
    ui.section(t("map.panel.milestones"), info.milestones, t("map.panel.no_milestones"),
               lambda: ui.milestone_table(data, info.milestones))

ui.keep_in_url("metric", metric, DEFAULT_METRIC)
ui.keep_in_url("links", links, False)
ui.keep_in_url("country", country)
