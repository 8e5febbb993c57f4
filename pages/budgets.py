"""Budgets: who pays what, where claims disagree, what is unknown, every claim sourced."""

import streamlit as st

from aimap import money, query, ui
from aimap.figures.budgets import budget_figure, per_million_figure
from aimap.text import t

data = ui.dataset()
selection = ui.sidebar_filters(data, "budgets")
shown = query.filter_sites(query.sites(data), selection, data.sectors)

st.title(t("budgets.title"))
ui.seed_from_url("by", money.GROUPINGS, money.DEFAULT_GROUPING)
ui.seed_flag_from_url("claims")
controls = st.columns([2, 1], vertical_alignment="bottom")
grouping = controls[0].segmented_control(t("budgets.group_by"), money.GROUPINGS, key="by",
                                         format_func=lambda g: t(f"group.{g}"), required=True)
all_claims = controls[1].toggle(t("budgets.all_claims"), key="claims",
                                help=t("budgets.all_claims_help"))
ui.view_chart(budget_figure, data, selection, "budgets", grouping=grouping,
              all_claims=all_claims)

missing = money.unknown(data, shown)
if missing.empty:
    st.caption(t("budgets.unknown_none"))
else:
    st.info(t("budgets.unknown", count=len(missing), names=", ".join(missing["name"])))
bids = shown[shown["kind"] == "gigafactory_candidate"]
if not bids.empty:
    st.caption(t("budgets.bids", names=", ".join(bids["name"])))

ui.view_chart(per_million_figure, data, selection, "per-million")

st.subheader(t("budgets.envelopes"))
ui.claims_table(data, money.envelopes(data), key="envelopes")

st.subheader(t("budgets.claims"))
table = ui.claims_table(data, money.claims(data, shown, all_claims), key="claims_table")
st.download_button(t("budgets.download"), data=ui.csv_bytes(table), file_name="aimap-budgets.csv",
                   mime="text/csv")

ui.keep_in_url("by", grouping, money.DEFAULT_GROUPING)
ui.keep_in_url("claims", all_claims, False)
