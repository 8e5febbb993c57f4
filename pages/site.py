"""Site detail: every fact about one site with its sources, disagreements side by side."""

import streamlit as st

from aimap import details, formatting, query, text, ui
from aimap.figures.headline import site_figure
from aimap.selection import Selection
from aimap.text import t

data = ui.dataset()
ui.sidebar_filters(data, "site")
everything = query.site_table(data, query.sites(data))
ids = list(everything["id"])
names = dict(zip(everything["id"], everything["name"]))

requested = st.query_params.get("id")
ui.seed_from_url("id", ids, ids[0])
if requested and requested not in ids:
    st.warning(t("site.unknown_id", id=requested))
site_id = st.sidebar.selectbox(t("site.pick"), ids, key="id", format_func=names.get)
ui.keep_in_url("id", site_id)
profile = details.site_profile(data, site_id)

st.title(profile.site["name"])
st.caption(f"{text.kind_label(profile.site['kind'])} · "
           f"{t('overview.as_of', date=formatting.format_date(data.as_of))}")
st.page_link("pages/map.py", label=t("site.back_to_map"),
             query_params={"country": profile.site["country"]})
ui.png_button(site_figure, data, Selection(), f"site-{site_id}", id=site_id)

left, right = st.columns(2)
with left:
    st.subheader(t("site.facts"))
    st.table(profile.facts.assign(field=profile.facts["field"].map(lambda f: t(f"field.{f}")))
             .rename(columns={"field": t("col.field"), "value": t("col.value")})
             .set_index(t("col.field")))
    st.caption(t("site.facts_sources",
                 confidence=t(f"confidence.{profile.site['confidence']}")))
    if not formatting.is_missing(profile.site["notes"]):
        st.subheader(t("site.notes"))
        st.text(profile.site["notes"])
with right:
    st.subheader(t("site.claims"))
    if profile.claims.empty:
        st.caption(t("site.no_claims"))
    else:
        kept = dict(zip(profile.facts["field"], profile.facts["value"]))
        st.dataframe({
            t("col.field"): [t(f"field.{f}") for f in profile.claims["field"]],
            t("col.value"): [kept.get(f, "") for f in profile.claims["field"]],
            t("col.claim"): profile.claims["value"],
            t("col.verdict"): [t(f"verdict.{v}") for v in profile.claims["verdict"]],
            t("col.main_source"): [query.first_web_source(data, s) or "" for s in profile.claims["sources"]],
            t("col.note"): profile.claims["notes"].fillna(""),
        }, hide_index=True, width="stretch", column_config={
            t("col.main_source"): st.column_config.LinkColumn(display_text=ui.LINK_DOMAIN)})
    linked_title = "site.linked_factories" if profile.site["kind"] == "antenna" \
        else "site.linked_antennas"
    ui.section(t(linked_title), profile.linked, t("site.no_links"),
               lambda: ui.site_links(profile.linked))

ui.section(t("site.budgets"), profile.budgets, t("map.panel.no_budgets"),
           lambda: ui.budget_table(data, profile.budgets))
ui.section(t("site.milestones"), profile.milestones, t("site.no_milestones"),
           lambda: ui.milestone_table(data, profile.milestones))
ui.section(t("site.sectors"), profile.sectors, t("map.panel.no_sectors"),
           lambda: ui.sector_table(data, profile.sectors))

st.subheader(t("site.sources"))
ui.sources_list(data, profile.sources["id"])
