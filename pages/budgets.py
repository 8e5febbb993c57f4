"""Budgets: who pays what, where claims disagree, what is unknown, every claim sourced."""

import streamlit as st

from aimap import formatting, money, query
from aimap.figures.budgets import budget_figure, per_capita_figure
from aimap.safety import plain_join
from aimap.text import plural, t
from aimap.ui import charts, tables
from aimap.ui.app import open_view

page = open_view("budgets")
data, selection, shown = page.data, page.selection, page.shown

page.title(t("budgets.title"))
controls = st.columns([2, 1, 1], vertical_alignment="bottom")
all_claims = page.option("claims", controls[1])
grouping = page.option("by", controls[0],
                       disabled_help="budgets.claims_per_site" if all_claims else None)
published = query.published_budgets(data, shown)
controls[2].metric(t("overview.budget"), formatting.format_money(published.total_eur),
                   help=formatting.budget_note(published))
if all_claims:
    st.caption(t("budgets.claims_per_site"))
charts.view_chart(budget_figure, data, selection, "budgets", grouping=grouping,
                  all_claims=all_claims)

missing = money.unknown(data, shown)
if missing.empty:
    st.caption(t("budgets.unknown_none"))
else:
    st.info(plural("budgets.unknown", len(missing), names=plain_join(missing["name"])))
bids = shown[shown["kind"] == "gigafactory_candidate"]
if not bids.empty:
    st.caption(t("budgets.bids", names=plain_join(bids["name"])))

charts.view_chart(per_capita_figure, data, selection, "per-capita")

st.subheader(t("budgets.envelopes"))
tables.claims_table(data, money.envelopes(data), key="envelopes")

st.subheader(t("budgets.claims"))
table = tables.claims_table(data, money.claims(data, shown, all_claims), key="claims_table")
charts.csv_download(t("budgets.download"), table, "aimap-budgets.csv")
