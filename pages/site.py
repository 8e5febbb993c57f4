"""Site detail: every fact about one site with its sources, disagreements side by side."""

import streamlit as st

from aimap import details, formatting, notes
from aimap.figures.headline import site_figure
from aimap.safety import plain
from aimap.selection import Selection
from aimap.text import kind_label, t
from aimap.ui import charts, tables
from aimap.ui.app import open_view
from aimap.views import page_of

page = open_view("site")
data = page.data
site_id = page.option("id", st.sidebar)
profile = details.site_profile(data, site_id)

page.title(plain(profile.site["name"]))
st.caption(f"{kind_label(profile.site['kind'])} · "
           f"{t('overview.as_of', date=formatting.format_date(data.as_of))}")
st.page_link(page_of("map"), label=t("site.back_to_map"),
             query_params={"country": profile.site["country"]})
charts.chart_buttons(site_figure, data, Selection(), f"site-{site_id}", id=site_id)

left, right = st.columns(2)
with left:
    st.subheader(t("site.facts"))
    st.table(profile.facts.assign(field=profile.facts["field"].map(lambda f: t(f"field.{f}")),
                                  value=profile.facts["value"].map(plain))
             .rename(columns={"field": t("col.field"), "value": t("col.value")})
             .set_index(t("col.field")))
    st.caption(t("site.facts_sources",
                 confidence=t(f"confidence.{profile.site['confidence']}")))
    if not formatting.is_missing(profile.site["notes"]):
        st.subheader(t("site.notes"))
        st.text(notes.readable(profile.site["notes"], data))
with right:
    st.subheader(t("site.claims"))
    if profile.claims.empty:
        st.caption(t("site.no_claims"))
    else:
        tables.site_claims_table(data, profile)
    linked_title = {"antenna": "site.linked_factories", "ai_supercomputer": "site.serves"}.get(
        profile.site["kind"], "site.linked_antennas")
    tables.section(t(linked_title), profile.linked, t("site.no_links"),
                   lambda: tables.site_links(profile.linked))

tables.section(t("site.budgets"), profile.budgets, t("map.panel.no_budgets"),
               lambda: tables.budget_table(data, profile.budgets, named=False))
tables.section(t("site.milestones"), profile.milestones, t("site.no_milestones"),
               lambda: tables.milestone_table(data, profile.milestones, named=False))
if profile.site["kind"] != "ai_supercomputer":  # it serves the factories on it, not sectors
    tables.section(t("site.sectors"), profile.sectors, t("map.panel.no_sectors"),
                   lambda: tables.sector_table(data, profile.sectors, named=False))

st.subheader(t("site.sources"))
tables.sources_list(data, profile.sources["id"])
