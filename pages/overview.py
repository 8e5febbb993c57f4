"""Overview: headline figures, sites per country, and a searchable table of every site."""

import streamlit as st

from aimap import formatting, query, text, ui
from aimap.figures.headline import headline_figure
from aimap.figures.overview import overview_figure
from aimap.text import t

data = ui.dataset()
selection = ui.sidebar_filters(data, "overview")
shown = query.filter_sites(query.sites(data), selection, data.sectors)
numbers = query.headline(data, shown)
subtitle = formatting.describe_selection(selection, query.country_names(data), query.sector_names(data))

st.title(t("overview.title"))
st.caption(f"{subtitle} · {t('overview.as_of', date=formatting.format_date(data.as_of))}")

cards = st.columns(4)
cards[0].metric(t("overview.factories"), numbers.factories)
cards[1].metric(t("overview.antennas"), numbers.antennas)
cards[2].metric(t("overview.countries"), numbers.countries)
cards[3].metric(t("overview.budget"), formatting.format_money(numbers.budget_eur))
ui.png_button(headline_figure, data, selection, "headline")
st.caption(t("overview.budget_how", summed=numbers.budget_sites, sites=numbers.network_sites,
             partial=numbers.budget_partial, unknown=numbers.budget_unknown))
if numbers.national or numbers.gigafactory_candidates:
    st.caption(t("overview.other_sites", national=numbers.national,
                 giga=numbers.gigafactory_candidates))

if shown.empty:
    st.info(t("overview.no_sites"))
    st.stop()

ui.view_chart(overview_figure, data, selection, "overview")

st.subheader(t("overview.table"))
search = st.text_input(t("overview.search"), placeholder=t("overview.search_help"))
found = query.search_sites(shown, data.countries, search)
rows = query.site_table(data, found)
st.caption(t("overview.matches", shown=len(rows), total=len(shown)))
budgets = [formatting.format_budget(a, m) for a, m in zip(rows["budget_eur"], rows["budget_method"])]
waves = [t("wave.label", wave=w) if not formatting.is_missing(w) else "" for w in rows["wave"]]
st.dataframe(
    rows.assign(kind=rows["kind"].map(text.kind_label), wave=waves, budget_eur=budgets)
        .drop(columns=["id", "budget_method"]),
    hide_index=True, width="stretch",
    column_config={
        "name": t("col.name"), "kind": t("col.kind"), "country": t("col.country"),
        "city": t("col.city"), "wave": t("col.wave"), "host": t("col.host"),
        "selected_on": st.column_config.DateColumn(t("col.selected_on"), format="D MMM YYYY"),
        "budget_eur": t("col.budget"), "confidence": t("col.confidence"),
        "source_names": st.column_config.ListColumn(t("col.sources")),
        "main_source": st.column_config.LinkColumn(t("col.main_source"),
                                                   display_text=ui.LINK_DOMAIN),
    },
)

st.subheader(t("overview.sources_for"))
site_id = st.selectbox(t("overview.sources_for"), rows["id"], label_visibility="collapsed",
                       key="sources_of",
                       format_func=dict(zip(rows["id"], rows["name"])).get)
if site_id:
    site_sources = shown.loc[shown["id"] == site_id, "sources"].iloc[0]
    st.markdown("\n".join(formatting.source_line(row) for row in
                          query.sources_of(data, site_sources).itertuples()))
