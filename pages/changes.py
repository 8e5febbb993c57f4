"""What changed: the data now against a release kept in data/releases, for the sites shown."""

import streamlit as st

from aimap import changes
from aimap.figures.changes import changes_figure, readable, shown_changes
from aimap.text import plural, t
from aimap.ui import about, charts, tables
from aimap.ui.app import open_view

page = open_view("changes")
data, selection = page.data, page.selection

page.title(t("nav.changes"))
controls = st.columns([2, 2], vertical_alignment="bottom")
since = page.option("since", controls[0])
wording = page.option("wording", controls[1])
if since is None:
    st.info(t("changes.no_release"))
    about.popover(data)
    st.stop()
st.caption(t("changes.intro", date=page.view.option("since").show(data, since)))
found = shown_changes(data, selection, since, wording)
counted = {kind: n for kind, n in changes.counts(found).items() if n}
for column, (kind, n) in zip(st.columns(max(len(counted), 1)), counted.items()):
    column.metric(t(f"changes.kind.{kind}"), n)
if found.empty:
    st.caption(t("changes.none"))
else:
    st.caption(plural("changes.count", len(found)))
    table = tables.changes_table(data, readable(data, found), found)
    charts.csv_download(t("changes.download"), table, f"aimap-changes-since-{since}.csv")
charts.chart_buttons(changes_figure, data, selection, "changes", since=since, wording=wording)
