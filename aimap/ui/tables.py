"""Tables and link lists of the views: every row with its source, text shown as text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote

import pandas as pd
import streamlit as st

from aimap import details, formatting, notes, query
from aimap.load import Dataset
from aimap.safety import plain
from aimap.text import field_label, kind_label, t
from aimap.views import VIEWS_BY_KEY

#: LinkColumn shows the web domain of a source rather than its whole address.
LINK_DOMAIN = r"https?://(?:www\.)?([^/]+)"


def site_links(sites: pd.DataFrame) -> None:
    """A link to the page of each site in `sites` (id, name, optional kind); an AI
    supercomputer's says what it is ('LUMI · AI supercomputer'): its name does not, as a
    factory's or an Antenna's does."""
    kinds = sites["kind"] if "kind" in sites else pd.Series("", index=sites.index)
    for site_id, name, kind in zip(sites["id"], sites["name"], kinds):
        label = f"{name} · {kind_label(kind)}" if kind == "ai_supercomputer" else name
        st.page_link(VIEWS_BY_KEY["site"].page, label=plain(label), query_params={"id": site_id})


def section(title: str, rows: pd.DataFrame, empty: str, draw: Callable[[], None]) -> None:
    """A subheader, then `draw()` — or, when `rows` is empty, the `empty` message."""
    st.subheader(title)
    if rows.empty:
        st.caption(empty)
    else:
        draw()


def _source_column(data: Dataset, rows: pd.DataFrame) -> tuple[object, object]:
    """Each row's first web source, linked and shown by its domain."""
    return ([query.first_web_source(data, ids) for ids in rows["sources"]],
            st.column_config.LinkColumn(t("col.main_source"), display_text=LINK_DOMAIN))


def _notes(data: Dataset, claims: pd.DataFrame) -> pd.Series:
    return claims["notes"].fillna("").map(lambda note: notes.readable(note, data))


def _claim_columns(data: Dataset, claims: pd.DataFrame) -> dict[str, tuple[object, object]]:
    """The columns every table of budget claims shows: values and column configuration."""
    return {
        "label": (claims["label"], t("col.label")),
        "amount": (claims["amount_eur"].map(formatting.format_money), t("col.amount")),
        "funder": (claims["funder"].map(lambda f: t(f"funder.{f}")), t("col.funder")),
        "preferred": (claims["preferred"].fillna(False).astype(bool),
                      st.column_config.CheckboxColumn(t("col.preferred"))),
        "confidence": (claims["confidence"].map(lambda c: t(f"confidence.{c}")),
                       t("col.confidence")),
        "source": _source_column(data, claims),
        "note": (_notes(data, claims), st.column_config.TextColumn(t("col.note"),
                                                                         width="large")),
    }


def _frame(columns: dict[str, tuple[object, object]]) -> pd.DataFrame:
    """The table of (values, column configuration) pairs, without the configuration."""
    return pd.DataFrame({name: values for name, (values, _) in columns.items()})


def _show_table(columns: dict[str, tuple[object, object]], key: str | None = None) -> pd.DataFrame:
    """A dataframe from (values, column configuration) pairs; returns the table shown."""
    table = _frame(columns)
    st.dataframe(table, hide_index=True, width="stretch", key=key,
                 column_config={name: config for name, (_, config) in columns.items()})
    return table


def _named(columns: dict[str, tuple[object, object]], named: bool) -> dict:
    """`columns` without the site's name where the page is one site's: a column repeating
    the page's title would push the sources off a presenter's screen."""
    return columns if named else {k: v for k, v in columns.items() if k != "site"}


def budget_table(data: Dataset, claims: pd.DataFrame, named: bool = True) -> None:
    """Budget claims as a table; competing claims sit next to each other, each with a link;
    `named`: with the site's name on each row."""
    names = query.sites(data).set_index("id")["name"]
    shared = _claim_columns(data, claims)
    _show_table(_named({
        "site": (claims["subject"].map(names).fillna(claims["subject"]), t("col.name")),
        **{k: shared[k] for k in ("label", "amount", "funder", "preferred")},
        "disagreement": ([t("disagreement.rivals", count=n) if n > 1 else ""
                          for n in claims["rivals"]], t("col.disagreement")),
        "basis": (claims["basis"].map(lambda b: t(f"basis.{b}")), t("col.basis")),
        **{k: shared[k] for k in ("confidence", "source", "note")},
    }, named))


def claims_table(data: Dataset, claims: pd.DataFrame, key: str) -> pd.DataFrame:
    """Budget claims with their subject, amount, funder, period, source link; returns the
    table as shown, for downloading exactly that."""
    names = query.subject_names(data)
    shared = _claim_columns(data, claims)
    return _show_table({
        "subject": (claims["subject"].map(names).fillna(claims["subject"]), t("col.subject")),
        **{k: shared[k] for k in ("label", "amount")},
        "amount_eur": (claims["amount_eur"], None),
        "funder": shared["funder"],
        "period": (claims["period"].fillna(""), t("col.period")),
        **{k: shared[k] for k in ("preferred", "confidence", "source", "note")},
    }, key=key)


def milestone_table(data: Dataset, steps: pd.DataFrame, named: bool = True) -> None:
    """Milestones with their date at the precision the source gave, status and source."""
    names = query.subject_names(data)  # a wave or the programme by its name, never its id
    _show_table(_named({
        "when": ([formatting.when(w, s, p) for w, s, p in
                  zip(steps["as_written"], steps["start"], steps["precision"], strict=True)],
                 t("col.when")),
        "site": (steps["subject"].map(names).fillna(steps["subject"]), t("col.name")),
        "label": (steps["label"], t("col.label")),
        "status": (steps["status"].map(lambda s: t(f"status.{s}")), t("col.status")),
        "confidence": (steps["confidence"].map(lambda c: t(f"confidence.{c}")),
                       t("col.confidence")),
        "source": _source_column(data, steps),
    }, named))


def sector_table(data: Dataset, rows: pd.DataFrame, named: bool = True) -> None:
    """Sector rows: the site, the sector, the label exactly as written, its language, a link."""
    _show_table(_named({
        "site": (rows["name"] if "name" in rows else rows["subject"].map(query.subject_names(data)),
                 t("col.name")),
        "sector": (rows["sector"].map(query.sector_names(data)), t("col.sector")),
        "raw_label": (rows["raw_label"], t("col.raw_label")),
        "language": (rows["language"], t("col.language")),
        "source": _source_column(data, rows),
    }, named))


def sources_list(data: Dataset, ids: Sequence[str]) -> None:
    """The sources `ids` as a Markdown list of links (their text escaped by source_line)."""
    st.markdown("\n".join(formatting.source_line(row) for row in
                           query.sources_of(data, tuple(ids)).itertuples()))



def overview_table(data: Dataset, rows: pd.DataFrame) -> None:
    """Every shown site (from `query.site_table`): budgets as people write them, sourced."""
    budgets = [formatting.format_budget(a, m) for a, m in
               zip(rows["budget_eur"], rows["budget_method"])]
    waves = [t("wave.label", wave=w) if not formatting.is_missing(w) else "" for w in rows["wave"]]
    st.dataframe(
        rows.assign(kind=rows["kind"].map(kind_label), wave=waves, budget_eur=budgets)
            .drop(columns=["id", "budget_method"]),
        hide_index=True, width="stretch",
        column_config={
            "name": t("col.name"), "kind": t("col.kind"), "country": t("col.country"),
            "city": t("col.city"), "wave": t("col.wave"), "host": t("col.host"),
            "selected_on": st.column_config.DateColumn(t("col.selected_on"),
                                                       format="D MMM YYYY"),
            "budget_eur": t("col.budget"), "confidence": t("col.confidence"),
            "source_names": st.column_config.ListColumn(t("col.sources")),
            "main_source": st.column_config.LinkColumn(t("col.main_source"),
                                                       display_text=LINK_DOMAIN),
        },
    )


def site_claims_table(data: Dataset, profile: details.SiteProfile) -> None:
    """A site's claims beside the value kept, with the verdict and a source for each."""
    kept = dict(zip(profile.facts["field"], profile.facts["value"]))
    claims = profile.claims
    _show_table({
        "field": ([t(f"field.{f}") for f in claims["field"]], t("col.field")),
        "value": ([kept.get(f, "") for f in claims["field"]], t("col.value")),
        "claim": (claims["value"].map(lambda value: notes.readable(value, data)),
                  t("col.claim")),
        "verdict": ([t(f"verdict.{v}") for v in claims["verdict"]], t("col.verdict")),
        "source": _source_column(data, claims),
        "note": (_notes(data, claims), t("col.note")),
    })


def changes_table(data: Dataset, words: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """What changed (`words`: figures.changes.readable of `found`), each row with the first
    web source of its new value; returns the table as shown, for downloading exactly that."""
    sources = pd.DataFrame({"sources": [tuple(filter(None, ids.split(";")))
                                        for ids in found["sources"].fillna("")]})
    return _show_table({
        "change": (words["change"], t("col.change")),
        "subject": (words["subject"], t("col.name")),
        "field": (words["field"], t("col.field")),
        "old": (words["old"], st.column_config.TextColumn(t("col.before"), width="medium")),
        "new": (words["new"], st.column_config.TextColumn(t("col.now"), width="medium")),
        "source": _source_column(data, sources),
    }, key="changes_table")


def _work_detail(reason: str, detail: str) -> str:
    """What an item is about, for people: the field, or when a row was last checked."""
    if reason != "not_verified":
        return field_label(detail)
    if not detail:
        return t("worklist.never_verified")
    return t("worklist.last_verified", day=formatting.format_date(detail))


#: The most worklist items drawn at once: the rest are in the CSV (a table of tens of
#: thousands of rows would make every rerun of the Data page slow).
WORKLIST_SHOWN = 1000


def worklist_table(data: Dataset, items: pd.DataFrame) -> None:
    """The maintainers' worklist: each item with the page of the site it is about and the
    first web source of its row; the first WORKLIST_SHOWN items."""
    _show_table(_worklist_columns(data, items.head(WORKLIST_SHOWN)), key="worklist_table")


def worklist_rows(data: Dataset, items: pd.DataFrame) -> pd.DataFrame:
    """The worklist as `worklist_table` shows it, every item (for its CSV)."""
    return _frame(_worklist_columns(data, items))


def _worklist_columns(data: Dataset, items: pd.DataFrame) -> dict[str, tuple[object, object]]:
    names = query.subject_names(data)
    sites = set(query.sites(data)["id"])
    return {
        "reason": (items["reason"].map(lambda r: t(f"worklist.reason.{r}")), t("col.reason")),
        "about": (items["subject"].map(lambda s: names.get(s, s)), t("col.about")),
        "page": ([f"/{VIEWS_BY_KEY['site'].url_path}?id={quote(s)}" if s in sites else None
                  for s in items["subject"]],
                 st.column_config.LinkColumn(t("nav.site"), display_text=t("site.open"))),
        "row": (items["table"] + ".csv: " + items["id"], t("col.row")),
        "what": ([_work_detail(r, d) for r, d in zip(items["reason"], items["detail"])],
                 st.column_config.TextColumn(t("col.what"), width="large")),
        "source": _source_column(data, items),
    }
