"""Site detail: every fact about one site with its sources, disagreements side by side."""

import streamlit as st

from aimap import details, query, text, ui
from aimap.text import t

data = ui.dataset()
ui.sidebar_filters(data)
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
           f"{t('overview.as_of', date=text.format_date(data.as_of))}")
st.page_link("pages/map.py", label=t("site.back_to_map"),
             query_params={"country": profile.site["country"]})

left, right = st.columns(2)
with left:
    st.subheader(t("site.facts"))
    st.table(profile.facts.assign(field=profile.facts["field"].map(lambda f: t(f"field.{f}")))
             .rename(columns={"field": t("col.field"), "value": t("col.value")})
             .set_index(t("col.field")))
    st.caption(t("site.facts_sources",
                 confidence=t(f"confidence.{profile.site['confidence']}")))
    if not text.is_missing(profile.site["notes"]):
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
            t("col.main_source"): [ui.first_link(data, s) or "" for s in profile.claims["sources"]],
            t("col.note"): profile.claims["notes"].fillna(""),
        }, hide_index=True, width="stretch", column_config={
            t("col.main_source"): st.column_config.LinkColumn(display_text=ui.LINK_DOMAIN)})
    linked_title = "site.linked_factories" if profile.site["kind"] == "antenna" \
        else "site.linked_antennas"
    st.subheader(t(linked_title))
    if profile.linked.empty:
        st.caption(t("site.no_links"))
    for other_id, other_name in zip(profile.linked["id"], profile.linked["name"]):
        st.page_link("pages/site.py", label=other_name, query_params={"id": other_id})

st.subheader(t("site.budgets"))
if profile.budgets.empty:
    st.caption(t("map.panel.no_budgets"))
else:
    ui.budget_table(data, profile.budgets)

st.subheader(t("site.milestones"))
if profile.milestones.empty:
    st.caption(t("site.no_milestones"))
else:
    ui.milestone_table(data, profile.milestones)

st.subheader(t("site.sectors"))
if profile.sectors.empty:
    st.caption(t("map.panel.no_sectors"))
else:
    st.dataframe({
        t("col.sector"): profile.sectors["sector_name"],
        t("col.raw_label"): profile.sectors["raw_label"],
        t("col.language"): profile.sectors["language"],
        t("col.main_source"): [ui.first_link(data, s) or "" for s in profile.sectors["sources"]],
    }, hide_index=True, width="stretch", column_config={
        t("col.main_source"): st.column_config.LinkColumn(display_text=ui.LINK_DOMAIN)})

st.subheader(t("site.sources"))
ui.sources_list(data, profile.sources["id"])
