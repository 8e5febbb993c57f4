"""Country-level metrics for the map, described as data: one Metric row per choice.

Values are computed over the sites currently shown. A country that hosts shown sites but whose
value is unknown gets NaN ("no data"); a country hosting none is absent ("no site").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from aimap import money, query
from aimap.load import Dataset

INF = math.inf


@dataclass(frozen=True)
class Metric:
    """A map metric: its key (in the URL), how to format a value, and its class edges."""

    key: str
    edges: tuple[float, ...]
    kind: str  # count | money | per_person | share | gpus


METRICS: tuple[Metric, ...] = (
    Metric("sites", (1, 2, 3, 4, INF), "count"),
    Metric("factories", (0, 1, 2, 3, INF), "count"),
    Metric("antennas", (0, 1, 2, INF), "count"),
    Metric("budget", (0, 50e6, 100e6, 250e6, 500e6, 1e9, INF), "money"),
    Metric("eu_share", (0, 0.25, 0.5, 0.75, 1.0 + 1e-9), "share"),
    Metric("budget_per_capita", (0, 2, 5, 10, 25, 50, INF), "per_person"),
    Metric("gpus", (0, 500, 1000, 2500, INF), "gpus"),
)
METRICS_BY_KEY = {m.key: m for m in METRICS}
DEFAULT_METRIC = "sites"

def _counts(kinds: tuple[str, ...] | None) -> Callable[[Dataset, pd.DataFrame], pd.Series]:
    def count(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
        chosen = shown if kinds is None else shown[shown["kind"].isin(kinds)]
        return chosen.groupby("country").size().astype(float)
    return count


def _budget(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    totals = query.budget_totals(dataset)["amount_eur"]
    money = query.budget_sites(shown).assign(amount=shown["id"].map(totals))
    return money.dropna(subset=["amount"]).groupby("country")["amount"].sum()


def _eu_share(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    """EU money over total budget, for sites with both a published total and an EU share."""
    totals = query.budget_totals(dataset)
    totals = totals.loc[totals["method"] == "total", "amount_eur"]
    eu = query.preferred_site_claims(dataset, "eu")
    money = query.budget_sites(shown).assign(
        total=shown["id"].map(totals), eu=shown["id"].map(eu)).dropna(subset=["total", "eu"])
    sums = money.groupby("country")[["eu", "total"]].sum()
    return sums["eu"] / sums["total"]


def _per_capita(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    """Euros per inhabitant, as the Budgets page computes them (one measure, one formula)."""
    return money.per_capita(dataset, shown)["per_capita"]


def _gpus(dataset: Dataset, shown: pd.DataFrame) -> pd.Series:
    """GPUs per country; an AI Factory's GPUs are left out where a shown AI supercomputer it
    runs on counts its own (JAIF's 24,000 are JUPITER's: counted once)."""
    factories = dataset.factories.set_index("id")
    gpus = factories["gpus"].astype("float64")
    machines = factories.loc[factories.index.isin(shown["id"])
                             & (factories["kind"] == "ai_supercomputer") & gpus.notna()]
    counted_by_machine = {site for served in machines["serves"] for site in served}
    known = shown.assign(gpus=shown["id"].map(gpus)).dropna(subset=["gpus"])
    known = known[[site not in counted_by_machine for site in known["id"]]]
    return known.groupby("country")["gpus"].sum()


_VALUES: dict[str, Callable[[Dataset, pd.DataFrame], pd.Series]] = {
    "sites": _counts(None),
    "factories": _counts(("eurohpc_ai_factory",)),
    "antennas": _counts(("antenna",)),
    "budget": _budget,
    "eu_share": _eu_share,
    "budget_per_capita": _per_capita,
    "gpus": _gpus,
}


def country_values(dataset: Dataset, shown: pd.DataFrame, metric: str) -> pd.DataFrame:
    """One row per country hosting a shown site: `value` (NaN = no data), `sites` (their
    names) and `budget_known` (how many of them have a published budget)."""
    values = _VALUES[metric](dataset, shown)
    totals = query.budget_totals(dataset)["amount_eur"]
    eligible = shown["id"].isin(query.budget_sites(shown)["id"])  # a bid is never a budget
    grouped = shown.assign(known=eligible & shown["id"].map(totals).notna()).groupby("country")
    frame = pd.DataFrame({"sites": grouped["name"].agg(list),
                          "budget_known": grouped["known"].sum()})
    frame["value"] = values.reindex(frame.index).astype("float64")
    if METRICS_BY_KEY[metric].kind == "count":
        frame["value"] = frame["value"].fillna(0.0)
    frame.index.name = "iso3"
    return frame


def class_index(value: float, edges: tuple[float, ...]) -> int | None:
    """Which class `value` falls in: i when edges[i] <= value < edges[i+1]; None if missing or
    out of range."""
    if value is None or math.isnan(value):
        return None
    for index in range(len(edges) - 1):
        if edges[index] <= value < edges[index + 1]:
            return index
    return None
