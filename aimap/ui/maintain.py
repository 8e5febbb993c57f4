"""Maintainers: the token that switches editing on, and the check -> preview -> apply path
that every upload and restore takes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from aimap import access, datastore
from aimap.load import DataError
from aimap.text import t
from aimap.ui.data import show_problems

_MAINTAINER_KEY = "aimap.maintainer"
#: Wrong tokens of every session of this server (guessing from many tabs is no faster).
WRONG_TOKENS = access.WrongTokens()
_LOG = logging.getLogger("aimap.maintainers")


def admin_token() -> str:
    """The maintainers' token: $AIMAP_ADMIN_TOKEN, else AIMAP_ADMIN_TOKEN in Streamlit's
    secrets; empty when editing is off."""
    token = os.environ.get("AIMAP_ADMIN_TOKEN", "")
    if not token and st.secrets.load_if_toml_exists():
        token = str(st.secrets.get("AIMAP_ADMIN_TOKEN", ""))
    return token


def maintainer_unlocked(token: str) -> bool:
    """True once this session gave the current token (asked for here until then). The
    session keeps a hash of the token it gave, so changing the token locks everyone out."""
    expected = hashlib.sha256(token.encode()).hexdigest()
    if st.session_state.get(_MAINTAINER_KEY) == expected:
        return True
    given = st.text_input(t("data.token"), type="password", key="data.token")
    if not given:
        return False
    wait = WRONG_TOKENS.wait_s()
    if wait:
        st.error(t("data.token_wait", seconds=math.ceil(wait)))
        return False
    if hmac.compare_digest(hashlib.sha256(given.encode()).hexdigest(), expected):
        st.session_state[_MAINTAINER_KEY] = expected
        st.rerun()
    WRONG_TOKENS.failed()
    _LOG.warning("a wrong maintainer token was given on the Data page")  # never the token
    st.error(t("data.token_wrong"))
    return False


def token_refused(token: str) -> str | None:
    """Why the configured `token` leaves editing off (a message for the page; logged too),
    or None when it may be used."""
    problem = access.token_problem(token)
    if problem is None:
        return None
    _LOG.warning("AIMAP_ADMIN_TOKEN is %s: editing stays off", problem)
    return t(f"data.token_{problem}", length=access.MIN_TOKEN_LENGTH)


def review(folder: Path, table: str, content: bytes, action: str, key: str) -> None:
    """Check `content` as the new `table`, show what it changes, and offer to apply it."""
    problems = datastore.check(folder, table, content)
    if problems:
        show_problems(t("data.refused", count=len(problems)), problems)
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
            show_problems(t("data.refused", count=len(error.problems)), error.problems)
            return
        except OSError as error:  # a full disk, a read-only folder: nothing was changed
            st.error(t("data.write_failed", file=f"{table}.csv",
                       reason=error.strerror or type(error).__name__))
            return
        st.session_state["data.done"] = (
            t("data.applied", file=f"{table}.csv", kept=kept.path.name) if kept
            else t("data.created", file=f"{table}.csv"))
        st.rerun()
