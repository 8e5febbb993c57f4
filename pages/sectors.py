"""Sectors: the coverage matrix, the gaps, and who serves a chosen sector."""

from dataclasses import replace

import streamlit as st

from aimap import coverage, query, ui
from aimap.figures.map import map_figure
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.text import t

data = ui.dataset()
selection = ui.sidebar_filters(data, "sectors")
shown = query.filter_sites(query.sites(data), selection, data.sectors)
sector_names = query.sector_names(data)
country_names = query.country_names(data)

st.title(t("sectors.title"))
ui.seed_from_url("rows", coverage.ROW_MODES, coverage.DEFAULT_ROWS)
ui.seed_from_url("order", coverage.ORDERS, coverage.DEFAULT_ORDER)
ui.seed_from_url("sector", list(sector_names), None)
controls = st.columns(2)
rows = controls[0].segmented_control(t("sectors.rows"), coverage.ROW_MODES, key="rows",
                                     format_func=lambda r: t(f"rows.{r}"), required=True)
order = controls[1].segmented_control(t("sectors.order"), coverage.ORDERS, key="order",
                                      format_func=lambda o: t(f"order.{o}"), required=True)
ui.view_chart(coverage_figure, data, selection, "sectors", rows=rows, order=order)
missing = coverage.without_sectors(data, shown)
if not missing.empty:
    st.caption(t("sectors.without", names=", ".join(missing["name"])))

st.header(t("sectors.gaps"))
regions = sorted(set(data.antennas["country"]) | set(data.factories["country"]),
                 key=lambda c: country_names.get(c, c))
ui.seed_from_url("region", regions, None)
region = st.selectbox(t("sectors.region"), regions, key="region", index=None,
                      format_func=lambda c: country_names.get(c, c),
                      placeholder=t("sectors.region_all"))
if region:
    reachable = coverage.reachable_from(data, region)
    reachable = reachable[reachable["id"].isin(shown["id"])]
    st.caption(t("sectors.region_sites", country=country_names.get(region, region),
                 names=", ".join(reachable["name"]) or "–"))
    covered = shown[shown["id"].isin(reachable["id"])]
else:
    covered = shown
missing_sectors = coverage.gaps(coverage.matrix(data, covered, "sites"))
st.markdown(t("sectors.gaps_list", names=", ".join(sector_names[s] for s in missing_sectors))
            if missing_sectors else t("sectors.gaps_none"))
ui.view_chart(gaps_figure, data, selection, "gaps", region=region)

st.header(t("sectors.drill"))
sector = st.selectbox(t("sectors.pick"), list(sector_names), key="sector", index=None,
                      format_func=sector_names.get, placeholder=t("sectors.pick_placeholder"))
if sector:
    serving = coverage.sites_serving(data, shown, sector)
    if serving.empty:
        st.caption(t("sectors.serving_none"))
    else:
        ui.view_chart(map_figure, data, replace(selection, sectors=(sector,)), "sector-map",
                      compact=True)
        ui.sector_table(data, serving)
        st.subheader(t("sectors.open_site"))
        ui.site_links(serving.drop_duplicates("subject").rename(columns={"subject": "id"}))

ui.keep_in_url("rows", rows, coverage.DEFAULT_ROWS)
ui.keep_in_url("order", order, coverage.DEFAULT_ORDER)
ui.keep_in_url("region", region)
ui.keep_in_url("sector", sector)
