"""Data: every table to download; maintainers upload a changed table, see what it changes,
apply it (the previous version is kept) or restore an earlier version."""

import hashlib

import pandas as pd
import streamlit as st

from aimap import datastore, formatting, safety, schema, ui
from aimap.load import DataError, data_dir
from aimap.text import t

folder = data_dir()
data = ui.dataset_or_none()

st.title(t("data.title"))
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


def review(table: str, content: bytes, action: str, key: str) -> None:
    """Check `content` as the new `table`, show what it changes, and offer to apply it."""
    problems = datastore.check(folder, table, content)
    if problems:
        ui.show_problems(t("data.refused", count=len(problems)), problems)
        return
    found = datastore.changes(folder, table, content)
    if not found:
        st.info(t("data.no_changes", table=table))
        return
    # the table as it was when this preview was first shown: applying refuses if it changed
    basis_key = f"data.basis.{key}.{table}.{hashlib.sha256(content).hexdigest()}"
    basis = st.session_state.setdefault(basis_key, datastore.digest(folder, table))
    kinds = [c.change for c in found]
    st.write(t("data.preview", added=kinds.count("added"), changed=kinds.count("changed"),
               removed=kinds.count("removed")))
    st.dataframe(pd.DataFrame({
        t("data.col.change"): kinds, t("data.col.key"): [c.key for c in found],
        t("data.col.column"): [c.column for c in found],
        t("data.col.before"): [c.before for c in found],
        t("data.col.after"): [c.after for c in found]}), hide_index=True, width="stretch")
    if st.button(action, key=key, type="primary"):
        del st.session_state[basis_key]  # a later preview starts from the table as it is then
        try:
            kept = datastore.apply(folder, table, content, expected=basis)
        except DataError as error:  # another maintainer changed the data meanwhile
            ui.show_problems(t("data.refused", count=len(error.problems)), error.problems)
            return
        st.session_state["data.done"] = (
            t("data.applied", file=f"{table}.csv", kept=kept.path.name) if kept
            else t("data.created", file=f"{table}.csv"))
        st.rerun()


st.subheader(t("data.update"))
if "data.done" in st.session_state:
    st.success(st.session_state.pop("data.done"))
token = ui.admin_token()
if not token:
    st.info(t("data.read_only"))
elif ui.maintainer_unlocked(token):
    upload = st.file_uploader(t("data.upload"), type=["csv"], help=t("data.upload_help"))
    if upload is not None:
        names = [s.name for s in schema.TABLES]
        named = datastore.table_of_file(upload.name)
        table = st.selectbox(t("data.table"), names, format_func=lambda name: f"{name}.csv",
                             index=names.index(named) if named else None,
                             placeholder=t("data.pick_table"))
        if table and named and named != table:
            st.warning(t("data.name_mismatch", file=safety.plain(upload.name),
                         named=named, table=table))
        if table:
            review(table, upload.getvalue(), t("data.apply"), "data.apply")

    st.subheader(t("data.history"))
    versions = datastore.versions(folder)
    if not versions:
        st.caption(t("data.no_history"))
    else:
        version = st.selectbox(t("data.history"), versions, label_visibility="collapsed",
                               format_func=lambda v: t(
                                   "data.version", file=f"{v.table}.csv",
                                   saved_at=v.saved_at.strftime("%Y-%m-%d %H:%M:%S")))
        review(version.table, version.path.read_bytes(), t("data.restore"), "data.restore")
