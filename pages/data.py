"""Data: every table to download; maintainers upload a changed table, see what it changes,
apply it (the previous version is kept) or restore an earlier version."""

from datetime import date

import pandas as pd
import streamlit as st

from aimap import datastore, formatting, schema, worklist
from aimap.load import data_dir
from aimap.safety import plain
from aimap.text import plural, t
from aimap.ui import charts, maintain, tables
from aimap.ui.app import open_view

folder = data_dir()
page = open_view("data")
data = page.data

page.title(t("data.title"))
if data is None:
    st.warning(t("data.broken"))
else:
    st.caption(t("data.intro", count=len(schema.TABLES), date=formatting.format_date(data.as_of)))

st.subheader(t("data.download"))
st.download_button(t("data.bundle"), data=lambda: datastore.bundle(folder),
                   file_name="aimap-data.zip", mime="application/zip", type="primary")
counts = {spec.name: datastore.row_count(folder, spec.name) for spec in schema.TABLES}
for row in range(0, len(schema.TABLES), 5):
    for column, spec in zip(st.columns(5), schema.TABLES[row:row + 5]):
        column.download_button(
            spec.file,
            data=lambda name=spec.name: datastore.download(folder, name), file_name=spec.file,
            mime="text/csv", key=f"download.{spec.name}", width="stretch")
st.dataframe(pd.DataFrame({t("data.col.file"): [s.file for s in schema.TABLES],
                           t("data.col.holds"): [s.help for s in schema.TABLES],
                           t("data.col.rows"): [counts[s.name] for s in schema.TABLES]}),
             hide_index=True, width="stretch")


if data is not None:
    st.subheader(t("data.worklist"))
    today = date.today()
    st.caption(t("data.worklist_intro", today=formatting.format_date(today)))
    items = worklist.worklist(data, today)
    counts = worklist.counts(items)
    for column, (reason, n) in zip(st.columns(len(worklist.REASONS)), counts.items()):
        column.metric(t(f"worklist.reason.{reason}"), n)
    listed = st.segmented_control(
        t("data.worklist_show"), worklist.REASONS, key="worklist.reason",
        default=next((r for r, n in counts.items() if n), worklist.REASONS[0]),
        format_func=lambda r: t(f"worklist.reason.{r}"))
    chosen = items[items["reason"] == listed] if listed else items
    tables.worklist_table(data, chosen)
    if len(chosen) > tables.WORKLIST_SHOWN:
        st.caption(t("data.worklist_more", shown=formatting.format_count(tables.WORKLIST_SHOWN),
                     total=formatting.format_count(len(chosen))))
    charts.csv_download(t("data.worklist_download"), lambda: tables.worklist_rows(data, items),
                        "aimap-worklist.csv")

st.subheader(t("data.update"))
if "data.done" in st.session_state:
    st.success(st.session_state.pop("data.done"))
token = maintain.admin_token()
refused = maintain.token_refused(token) if token else None
if not token:
    st.info(t("data.read_only"))
elif refused:
    st.warning(refused)
elif maintain.maintainer_unlocked(token):
    upload = st.file_uploader(t("data.upload"), type=["csv"], help=t("data.upload_help"))
    if upload is not None:
        names = [s.name for s in schema.TABLES]
        named = datastore.table_of_file(upload.name)
        table = st.selectbox(t("data.table"), names, format_func=lambda name: f"{name}.csv",
                             index=names.index(named) if named else None,
                             placeholder=t("data.pick_table"))
        if table and named and named != table:
            st.warning(t("data.name_mismatch", file=plain(upload.name),
                         named=named, table=table))
        if table:
            maintain.review(folder, table, upload.getvalue(), t("data.apply"), "data.apply")

    st.subheader(t("data.history"))
    versions = datastore.versions(folder)
    damaged = datastore.damaged_versions(folder)
    if damaged:
        st.warning(plural("data.history_damaged", len(damaged)))
        st.code("\n".join(damaged), language=None, wrap_lines=True)
    if not versions:
        st.caption(t("data.no_history"))
    else:
        by_name = {v.path.name: v for v in versions}  # a name stays chosen when others arrive
        chosen = by_name[st.selectbox(t("data.history"), list(by_name),
                                      label_visibility="collapsed", key="data.version",
                                      format_func=lambda name: maintain.version_label(
                                          by_name[name]))]
        maintain.review(folder, chosen.table, chosen.path.read_bytes(), t("data.restore"),
                        "data.restore")
