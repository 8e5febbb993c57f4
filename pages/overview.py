"""Overview: headline figures, sites per country, and a searchable table of every site."""

import streamlit as st

from aimap import formatting, query
from aimap.figures.headline import headline_figure
from aimap.figures.overview import overview_figure
from aimap.safety import plain
from aimap.text import t
from aimap.ui import about, charts, tables
from aimap.ui.app import open_view

page = open_view("overview")
data, selection, shown = page.data, page.selection, page.shown
numbers = query.headline(data, shown)
subtitle = formatting.describe_selection(selection, query.country_names(data),
                                         query.sector_names(data))

page.title(t("overview.title"))
st.caption(f"{plain(subtitle)} · {t('overview.as_of', date=formatting.format_date(data.as_of))}")

cards = st.columns(4)
cards[0].metric(t("overview.factories"), numbers.factories)
cards[1].metric(t("overview.antennas"), numbers.antennas)
cards[2].metric(t("overview.countries"), numbers.countries)
cards[3].metric(t("overview.budget"), formatting.format_money(numbers.budgets.total_eur))
charts.png_button(headline_figure, data, selection, "headline")
st.caption(formatting.budget_note(numbers.budgets))
if other_sites := formatting.other_sites_note(numbers.national, numbers.gigafactory_candidates,
                                              numbers.supercomputers):
    st.caption(other_sites)

if shown.empty:
    st.info(t("overview.no_sites"))
    st.stop()

charts.view_chart(overview_figure, data, selection, "overview")

st.subheader(t("overview.table"))
search = st.text_input(t("overview.search"), placeholder=t("overview.search_help"))
rows = query.site_table(data, query.search_sites(shown, data.countries, search))
st.caption(t("overview.matches", shown=len(rows), total=len(shown)))
tables.overview_table(data, rows)

st.subheader(t("overview.sources_for"))
site_id = st.selectbox(t("overview.sources_for"), rows["id"], label_visibility="collapsed",
                       key="sources_of", format_func=dict(zip(rows["id"], rows["name"])).get)
if site_id:
    tables.sources_list(data, shown.loc[shown["id"] == site_id, "sources"].iloc[0])

about.section(data)
