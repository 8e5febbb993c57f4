"""Maintainers: the token that switches editing on, and the check -> preview -> apply path
that every upload and restore takes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from aimap import access, datastore
from aimap.load import DataError
from aimap.text import plural, t
from aimap.ui.data import show_problems

_MAINTAINER_KEY = "aimap.maintainer"
_LAST_WRONG_KEY = "aimap.maintainer.last_wrong"
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
    given_hash = hashlib.sha256(given.encode()).hexdigest()
    if hmac.compare_digest(given_hash, expected):
        st.session_state[_MAINTAINER_KEY] = expected
        st.rerun()
    if st.session_state.get(_LAST_WRONG_KEY) != given_hash:  # a rerun is not a new guess
        st.session_state[_LAST_WRONG_KEY] = given_hash
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


def version_label(version: datastore.Version) -> str:
    """'factories.csv as of 2026-12-03 07:14:02, replaced because: …' (the reason as text)."""
    label = t("data.version", file=f"{version.table}.csv",
              saved_at=version.saved_at.strftime("%Y-%m-%d %H:%M:%S"))
    return f"{label} · {version.reason}" if version.reason else label


@dataclass(frozen=True)
class _Basis:
    """The table as a preview showed it: an apply is refused once it is no longer so."""

    digest: str
    content: bytes
    taken_at: datetime


def review(folder: Path, table: str, content: bytes, action: str, key: str) -> None:
    """Check `content` as the new `table`, show what it changes, and offer to apply it with a
    one-line reason. The preview is of the table as it was when first shown; once the table
    changes (another maintainer), applying is refused, every click, until a fresh preview."""
    problems = datastore.check(folder, table, content)
    if problems:
        show_problems(plural("data.refused", len(problems)), problems)
        return
    basis_key = f"data.basis.{key}.{table}.{hashlib.sha256(content).hexdigest()}"
    if basis_key not in st.session_state:  # one read: the preview and its check agree
        shown = datastore.current(folder, table)
        st.session_state[basis_key] = _Basis(datastore.fingerprint(shown), shown,
                                             datetime.now(UTC))
    basis = st.session_state[basis_key]
    if datastore.digest(folder, table) != basis.digest:
        _changed_since(folder, table, basis, basis_key)
        return
    found = datastore.diff(table, basis.content, content)
    if not found:
        st.info(t("data.no_changes", table=table))
        return
    st.write(t("data.preview", added=_count(found, "added"), changed=_count(found, "changed"),
               removed=_count(found, "removed")))
    _changes_table(found)
    reason = st.text_input(t("data.reason"), key=f"{key}.reason", max_chars=datastore.REASON_WIDTH,
                           placeholder=t("data.reason_placeholder"))
    if st.button(action, key=key, type="primary", disabled=not reason.strip()):
        try:
            kept = datastore.apply(folder, table, content, expected=basis.digest, reason=reason)
        except datastore.StaleError:
            st.rerun()  # the next run says what changed since
        except DataError as error:
            show_problems(plural("data.refused", len(error.problems)), error.problems)
            return
        except OSError as error:  # a full disk, a read-only folder: nothing was changed
            st.error(t("data.write_failed", file=f"{table}.csv",
                       reason=error.strerror or type(error).__name__))
            return
        del st.session_state[basis_key]  # a later preview starts from the table as it is then
        st.session_state["data.done"] = (
            t("data.applied", file=f"{table}.csv", kept=kept.path.name) if kept
            else t("data.created", file=f"{table}.csv"))
        st.rerun()


def _count(found: list[datastore.RowChange], change: str) -> int:
    return sum(c.change == change for c in found)


def _changes_table(found: list[datastore.RowChange]) -> None:
    st.dataframe(pd.DataFrame({
        t("data.col.change"): [c.change for c in found],
        t("data.col.key"): [c.key for c in found],
        t("data.col.column"): [c.column for c in found],
        t("data.col.before"): [c.before for c in found],
        t("data.col.after"): [c.after for c in found]}), hide_index=True, width="stretch")


def _changed_since(folder: Path, table: str, basis: _Basis, basis_key: str) -> None:
    """Say who changed what since the preview, and offer a fresh one."""
    st.warning(t("data.stale", file=f"{table}.csv",
                 time=basis.taken_at.strftime("%H:%M:%S UTC")))
    since = [e for e in datastore.applied(folder, table) if e.applied_at >= basis.taken_at]
    for entry in since:
        st.text(t("data.stale_entry", time=entry.applied_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
                  reason=entry.reason or t("data.no_reason")))
    _changes_table(datastore.diff(table, basis.content, datastore.current(folder, table)))
    if st.button(t("data.fresh_preview"), key=f"{basis_key}.fresh"):
        del st.session_state[basis_key]
        st.rerun()
