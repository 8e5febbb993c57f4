"""Who pays what: each site's budget split by funder, grouped by site, wave or country, the
ranges where claims disagree, the sites without a budget, the programme envelopes, and the
claims table behind it all. Pure pandas; unknown money is never counted as zero."""

from __future__ import annotations

import pandas as pd

from aimap import query
from aimap.load import Dataset

FUNDERS = ("eu", "national", "regional", "private")
UNSPLIT = "unsplit"  # part of a published total whose funder split is not published
PARTS = (*FUNDERS, UNSPLIT)
GROUPINGS = ("site", "wave", "country")
DEFAULT_GROUPING = "site"


def split(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Per shown site with a known budget: euros per funder, the unsplit rest of the published
    total, and `total`. Preferred claims only; sites without any amount are absent."""
    sites = query.budget_sites(shown)
    parts = pd.DataFrame({funder: query.preferred_site_claims(dataset, funder)
                          for funder in FUNDERS}).reindex(sites["id"]).fillna(0.0)
    totals = query.budget_totals(dataset)
    total = sites["id"].map(totals["amount_eur"]).to_numpy()
    parts["total"] = total
    parts = parts.dropna(subset=["total"])
    parts[UNSPLIT] = (parts["total"] - parts[list(FUNDERS)].sum(axis=1)).clip(lower=0)
    parts.index.name = "id"
    return parts


def grouped(dataset: Dataset, shown: pd.DataFrame, grouping: str) -> pd.DataFrame:
    """`split` summed by site (unchanged), wave or country; rows keep a display `label`."""
    parts = split(dataset, shown)
    sites = shown.set_index("id")
    if grouping == "site":
        return parts.assign(label=sites.loc[parts.index, "label"])
    keys = sites.loc[parts.index, "wave" if grouping == "wave" else "country"]
    if grouping == "wave":
        national = sites.loc[parts.index, "kind"] == "national_ai_factory"
        keys = keys.fillna("antennas").where(~national, "national")
    summed = parts.groupby(keys.to_numpy()).sum()
    summed["sites"] = pd.Series(keys.to_numpy()).value_counts()
    summed.index.name = grouping
    if grouping == "wave":  # in the order people read them, wave 1 first
        order = (*query.waves(dataset), "antennas", "national")
        summed = summed.reindex([k for k in order if k in summed.index])
    return summed


def ranges(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Sites whose total budget claims disagree: min, max and preferred of the 'mixed' site
    claims (the disagreement drawn as a whisker)."""
    budgets = dataset.budgets
    totals = budgets[(budgets["scope"] == "site") & (budgets["funder"] == "mixed")
                     & budgets["subject"].isin(query.budget_sites(shown)["id"])
                     & budgets["amount_eur"].notna()]
    spread = totals.groupby("subject")["amount_eur"].agg(["min", "max", "count"])
    return spread[spread["count"] > 1]


def unknown(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Shown sites with a budget to publish but none published."""
    sites = query.budget_sites(shown)
    published = set(query.budget_totals(dataset).index)  # `split`'s sites, without the split
    return sites[[site not in published for site in sites["id"]]]


def envelopes(dataset: Dataset) -> pd.DataFrame:
    """Programme money (waves, antennas, InvestAI, the 2021-27 plan…), preferred claims."""
    budgets = dataset.budgets
    rows = budgets[(budgets["scope"] == "envelope") & budgets["preferred"].fillna(False)]
    return rows.sort_values("amount_eur", ascending=False).reset_index(drop=True)


def claims(dataset: Dataset, shown: pd.DataFrame, all_claims: bool) -> pd.DataFrame:
    """The site-level claims behind the view: preferred ones, or every claim. Only sites whose
    money is a budget: a gigafactory bid is not one (data/README.md)."""
    budgets = dataset.budgets
    rows = budgets[budgets["subject"].isin(query.budget_sites(shown)["id"])
                   & (budgets["scope"] != "envelope")]
    if not all_claims:
        rows = rows[rows["preferred"].fillna(False)]
    return rows.sort_values(["subject", "scope", "funder"]).reset_index(drop=True)


def per_capita(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Per country: budget, population and euros of budget per inhabitant (where both known)."""
    by_country = grouped(dataset, shown, "country")["total"]
    population = dataset.countries.set_index("iso3")["population"].astype("float64")
    frame = pd.DataFrame({"total": by_country, "population": population.reindex(by_country.index)})
    frame["per_capita"] = frame["total"] / frame["population"]
    return frame.dropna().sort_values("per_capita", ascending=False)
