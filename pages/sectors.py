"""Sectors: the coverage matrix, the gaps, and who serves a chosen sector."""

from dataclasses import replace

import streamlit as st

from aimap import coverage, query
from aimap.figures.map import map_figure
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.safety import plain, plain_join
from aimap.text import t
from aimap.ui import charts, tables
from aimap.ui.app import open_view

page = open_view("sectors")
data, selection, shown = page.data, page.selection, page.shown
sector_names = query.sector_names(data)

page.title(t("sectors.title"))
controls = st.columns(2)
rows = page.option("rows", controls[0])
order = page.option("order", controls[1])
charts.view_chart(coverage_figure, data, selection, "sectors", rows=rows, order=order)
missing = coverage.without_sectors(data, shown)
if not missing.empty:
    st.caption(t("sectors.without", names=plain_join(missing["name"])))

st.header(t("sectors.gaps"))
region = page.option("region")
covering = coverage.covering(data, shown, region)
if region:
    st.caption(t("sectors.region_sites",
                 country=plain(query.country_names(data).get(region, region)),
                 names=plain_join(covering["name"]) or "–"))
missing_sectors = coverage.gaps(coverage.matrix(data, covering, "sites"))
st.markdown(t("sectors.gaps_list", names=plain_join(sector_names[s] for s in missing_sectors))
            if missing_sectors else t("sectors.gaps_none"))
charts.view_chart(gaps_figure, data, selection, "gaps", region=region)

st.header(t("sectors.drill"))
sector = page.option("sector")
if sector:
    serving = coverage.sites_serving(data, shown, sector)
    if serving.empty:
        st.caption(t("sectors.serving_none"))
    else:
        charts.view_chart(map_figure, data, replace(selection, sectors=(sector,)),
                          "sector-map", compact=True)
        tables.sector_table(data, serving)
        st.subheader(t("sectors.open_site"))
        tables.site_links(serving.drop_duplicates("subject").rename(columns={"subject": "id"}))
