"""Sector coverage: which sites (or countries) list which sectors, the totals, and the gaps.
Pure pandas; figures/sectors.py draws it."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from aimap import query
from aimap.load import Dataset

ROW_MODES = ("sites", "countries")
ORDERS = ("coverage", "name")
DEFAULT_ROWS, DEFAULT_ORDER = "sites", "coverage"


def short_name(name: str) -> str:
    """'Health, life sciences & pharma' -> 'Health': column labels must stay short."""
    return name.split(",")[0].split(" & ")[0].strip()


def matrix(dataset: Dataset, shown: pd.DataFrame, rows: str) -> pd.DataFrame:
    """Rows (site ids or ISO3 codes) x sector ids. For sites: 1 if the site lists the sector;
    for countries: how many shown sites there list it. Every sector is a column; only rows
    with at least one sector listed appear (the others are `without_sectors`)."""
    listed = dataset.sectors[dataset.sectors["subject"].isin(shown["id"])]
    pairs = listed[["subject", "sector"]].drop_duplicates()
    if rows == "countries":
        pairs = pairs.assign(subject=pairs["subject"].map(shown.set_index("id")["country"]))
    table = pd.crosstab(pairs["subject"], pairs["sector"])
    table = table.reindex(columns=list(dataset.sector_taxonomy["id"]), fill_value=0)
    table.index.name, table.columns.name = "row", "sector"
    return table


def ordered(table: pd.DataFrame, labels: dict[str, str], order: str) -> pd.DataFrame:
    """Rows and columns by total coverage (most first) or by name."""
    if order == "coverage":
        rows = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
        columns = table.sum(axis=0).sort_values(ascending=False, kind="stable").index
    else:
        rows = sorted(table.index, key=lambda r: labels.get(r, r).casefold())
        columns = table.columns
    return table.loc[rows, columns]


def without_sectors(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Shown sites for which no source lists a sector (an AI supercomputer serves the
    factories on it, not sectors of its own, so none is expected)."""
    listed = _listed(dataset)
    return shown[[site not in listed and kind != "ai_supercomputer"
                  for site, kind in zip(shown["id"], shown["kind"])]]


@lru_cache(maxsize=4)
def _listed(dataset: Dataset) -> frozenset[str]:
    """Sites some source lists a sector for, memoised (pandas' isin over Arrow strings walks
    every sector row on each call)."""
    return frozenset(dataset.sectors["subject"])


def cell_notes(dataset: Dataset, shown: pd.DataFrame,
               rows: str) -> dict[tuple[str, str], list[str]]:
    """For each (row, sector) cell, the labels exactly as written: 'label (fr) — publisher'."""
    publishers = query.publishers(dataset)
    names = query.sites(dataset).set_index("id")["name"]
    listed = dataset.sectors[dataset.sectors["subject"].isin(shown["id"])]
    country = shown.set_index("id")["country"]
    notes: dict[tuple[str, str], list[str]] = {}
    for row in listed.itertuples():
        key = (country[row.subject] if rows == "countries" else row.subject, row.sector)
        origin = ", ".join(publishers[s] for s in row.sources)
        prefix = f"{names[row.subject]}: " if rows == "countries" else ""
        notes.setdefault(key, []).append(f"{prefix}“{row.raw_label}” ({row.language}) — {origin}")
    return notes


def gaps(table: pd.DataFrame) -> list[str]:
    """Sectors no row covers."""
    return [sector for sector in table.columns if table[sector].sum() == 0]


def reachable_from(dataset: Dataset, iso3: str) -> pd.DataFrame:
    """The AI Factories a country can reach: its own, and those its Antennas link to."""
    antennas = dataset.antennas[dataset.antennas["country"] == iso3]
    linked = {f for ids in antennas["linked_factories"] for f in ids}
    sites = query.sites(dataset)
    factories = sites[sites["kind"] == "eurohpc_ai_factory"]
    return factories[(factories["country"] == iso3) | factories["id"].isin(linked)]


def covering(dataset: Dataset, shown: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """The shown sites whose sectors count for `region` (the AI Factories it can reach), or
    every shown site when no region is chosen: the gaps are the sectors none of them lists."""
    if not region:
        return shown
    return shown[shown["id"].isin(reachable_from(dataset, region)["id"])]


def sites_serving(dataset: Dataset, shown: pd.DataFrame, sector: str) -> pd.DataFrame:
    """Shown sites listing `sector`, one row per raw label with its language and sources."""
    rows = dataset.sectors[(dataset.sectors["sector"] == sector)
                           & dataset.sectors["subject"].isin(shown["id"])]
    names = shown.set_index("id")["name"]
    return rows.assign(name=rows["subject"].map(names)).sort_values(["name", "raw_label"]) \
        .reset_index(drop=True)
