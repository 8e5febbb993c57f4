"""What changed between a release of the data (a copy kept in data/releases/<as-of date>/)
and the data now: sites added and removed, figures changed (old -> new, with the new value's
sources), status changes, corrections of earlier errors and new disagreements. What an
official reads before a briefing: "what is new since the last one".

Compared as the CSV files' text, not as loaded datasets: a release keeps the columns of its
day, and a column added since is simply new in every row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from aimap import formatting, frames, schema
from aimap.load import csv_rows, read_table_bytes

RELEASES_DIR = "releases"
#: The kinds of change, in the order a reader meets them.
KINDS = ("site_added", "site_removed", "status", "figure", "correction", "disagreement",
         "row_added", "row_removed", "note")
COLUMNS = ("kind", "table", "id", "subject", "field", "old", "new", "sources")
_SITE_TABLES = ("factories", "antennas")
#: Columns whose change is a matter of wording or sourcing, not of a figure.
_NOTE_FIELDS = ("notes", "sources", "title", "publisher", "scope_note", "as_of_note")
#: Tables whose rows describe the sources and the data, not the infrastructure.
_BOOKKEEPING = ("sources", "meta", "sector_taxonomy")
#: The record of checks is about the work on the data, not a change of it.
_UNCOMPARED = ("verifications",)


def releases(folder: Path) -> tuple[str, ...]:
    """The releases kept beside the data, oldest first: folders named by their as-of date
    (YYYY-MM-DD) holding a meta table."""
    found = Path(folder) / RELEASES_DIR
    if not found.is_dir():
        return ()
    return tuple(sorted(p.name for p in found.iterdir() if _is_date(p.name) and p.is_dir()
                        and not p.is_symlink() and (p / "meta.csv").is_file()))


def _is_date(name: str) -> bool:
    try:
        return date.fromisoformat(name).isoformat() == name
    except ValueError:
        return False


def rows(folder: Path, table: schema.Table) -> dict[str, dict[str, str]]:
    """A table's rows by key, as text; empty when the file is missing or unreadable."""
    raw, _ = read_table_bytes(Path(folder) / table.file)
    return {schema.row_key(table, row): row for row in csv_rows(raw or b"")}


def compare(old_folder: Path, new_folder: Path) -> pd.DataFrame:
    """Every change from `old_folder`'s tables to `new_folder`'s, one row each (COLUMNS),
    in KINDS order, then table and id."""
    found = [change for table in schema.TABLES if table.name not in _UNCOMPARED
             for change in _table_changes(table, rows(old_folder, table), rows(new_folder, table))]
    return frames.in_order(pd.DataFrame(found, columns=list(COLUMNS)), "kind", KINDS,
                           ["table", "id", "field"])


def _table_changes(table: schema.Table, old: dict[str, dict[str, str]],
                   new: dict[str, dict[str, str]]) -> list[tuple[str, ...]]:
    changes = []
    for key in new.keys() - old.keys():
        changes.append((_added_kind(table, new[key]), table.name, key, _subject(table, new[key]),
                        "", "", _summary(table, new[key]), new[key].get("sources") or ""))
    for key in old.keys() - new.keys():
        changes.append(("site_removed" if table.name in _SITE_TABLES else "row_removed",
                        table.name, key, _subject(table, old[key]), "",
                        _summary(table, old[key]), "", ""))
    for key in old.keys() & new.keys():
        before, after = old[key], new[key]
        for field in after:
            if field not in before and not after[field]:
                continue  # a column added since, left empty
            if (before.get(field) or "") != (after[field] or ""):
                changes.append((_changed_kind(field), table.name, key, _subject(table, after),
                                field, before.get(field) or "", after[field] or "",
                                _new_sources(before, after)))
    return changes


def _new_sources(before: dict[str, str], after: dict[str, str]) -> str:
    """The sources a changed row cites now: those added with the change first (where the
    new value comes from), then the ones it had."""
    was = (before.get("sources") or "").split(";")
    now = [s for s in (after.get("sources") or "").split(";") if s]
    return ";".join([s for s in now if s not in was] + [s for s in now if s in was])


def _added_kind(table: schema.Table, row: dict[str, str]) -> str:
    if table.name in _SITE_TABLES:
        return "site_added"
    if table.name == "claims":
        return "correction" if row.get("verdict") == "error" else "disagreement"
    return "row_added"


def _changed_kind(field: str) -> str:
    if field == "status":
        return "status"
    return "note" if field in _NOTE_FIELDS else "figure"


def _subject(table: schema.Table, row: dict[str, str]) -> str:
    """The site (or programme subject) a row is about."""
    return row.get("subject") or (row.get("id", "") if table.name in _SITE_TABLES else "")


def _summary(table: schema.Table, row: dict[str, str]) -> str:
    """A whole row in a few words: its name or label, and its figure or date."""
    words = row.get("name") or row.get("label") or row.get("title") or row.get("value") or \
        row.get("raw_label") or schema.row_key(table, row)
    if row.get("amount_eur"):
        return f"{words} ({formatting.format_money(_number(row['amount_eur']))})"
    if row.get("start"):
        return f"{words} ({formatting.format_date(row['start'])})"
    return words


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def for_reader(changes: pd.DataFrame, site_ids: set[str], shown_ids: set[str],
               wording: bool = False, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """The changes a reader of the views shown asked for: about the shown sites (a site not
    in the data now, a removed one, and programme-wide rows always stay), of the `kinds`
    asked (all for none); wording and source-list changes only with `wording`."""
    about_site = changes["subject"].isin(site_ids)
    kept = ~about_site | changes["subject"].isin(shown_ids)
    if not wording:
        kept &= (changes["kind"] != "note") & ~changes["table"].isin(_BOOKKEEPING)
    if kinds:
        kept &= changes["kind"].isin(kinds)
    return changes[kept].reset_index(drop=True)


def counts(changes: pd.DataFrame) -> dict[str, int]:
    """How many changes of each kind (every kind, zero included)."""
    return frames.counted(changes, "kind", KINDS)
