"""Filter and aggregate: pure pandas in, pandas out. No Streamlit, no plotly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from aimap import schema
from aimap.load import Dataset
from aimap.selection import SITE_KINDS, Selection
from aimap.text import t

SITE_COLUMNS = ["id", "name", "short_name", "kind", "wave", "selected_on", "country", "city",
                "lat", "lon", "host", "status", "confidence", "sources", "notes"]
SHARE_FUNDERS = ("eu", "national", "regional", "private")
#: "Published budgets" everywhere (Overview, map, Budgets view, briefing pack, CLI) add up the
#: sites of these kinds: AI Factories, Antennas and national AI factories. An AI Gigafactory
#: candidate's figure is a bid, not a budget, and is never added.
BUDGET_KINDS = ("eurohpc_ai_factory", "antenna", "national_ai_factory")


@lru_cache(maxsize=4)
def sites(dataset: Dataset) -> pd.DataFrame:
    """Every factory and antenna as one frame; an antenna's coordinator is its host.

    Memoised per dataset: callers must not modify the frame in place."""
    factories = dataset.factories.assign(
        kind=dataset.factories["kind"].astype(object))[SITE_COLUMNS]
    antennas = dataset.antennas.assign(kind="antenna", wave=None, status="selected",
                                       host=dataset.antennas["coordinator"])[SITE_COLUMNS]
    both = pd.concat([factories, antennas], ignore_index=True)
    return both.assign(label=both["short_name"].fillna(both["name"]))


def filter_sites(all_sites: pd.DataFrame, selection: Selection,
                 sectors: pd.DataFrame) -> pd.DataFrame:
    """The sites matching every filter set in `selection` (an empty filter keeps everything)."""
    keep = pd.Series(True, index=all_sites.index)
    if selection.kinds:
        keep &= all_sites["kind"].isin(selection.kinds)
    if selection.waves:
        keep &= all_sites["wave"].isin(selection.waves)
    if selection.countries:
        keep &= all_sites["country"].isin(selection.countries)
    if selection.sectors:
        serving = sectors.loc[sectors["sector"].isin(selection.sectors), "subject"]
        keep &= all_sites["id"].isin(set(serving))
    return all_sites[keep]


def layered(sites: pd.DataFrame, supercomputers: bool) -> pd.DataFrame:
    """`sites` with or without the AI supercomputers: a layer the map and the timeline let
    the reader hide (a factory's timeline reads better without the machines' histories)."""
    return sites if supercomputers else sites[sites["kind"] != "ai_supercomputer"]


@lru_cache(maxsize=64)
def shown(dataset: Dataset, selection: Selection) -> pd.DataFrame:
    """The sites `selection` shows, memoised: every view, figure and export starts here.
    Callers must not modify the frame in place."""
    return filter_sites(sites(dataset), selection, dataset.sectors)


def site_budget_totals(budgets: pd.DataFrame) -> pd.DataFrame:
    """Per site: its total budget and how it was found.

    The preferred 'mixed' site claim is the total; without one, the preferred funder shares are
    added up. Sites without any site claim with an amount are absent (unknown, never zero).
    """
    claims = budgets[(budgets["scope"] == "site") & budgets["preferred"].fillna(False)
                     & budgets["amount_eur"].notna()]
    totals = claims[claims["funder"] == "mixed"].groupby("subject")["amount_eur"].sum()
    shares = claims[claims["funder"].isin(SHARE_FUNDERS)].groupby("subject")["amount_eur"].sum()
    shares = shares[~shares.index.isin(totals.index)]
    result = pd.concat([
        pd.DataFrame({"amount_eur": totals, "method": "total"}),
        pd.DataFrame({"amount_eur": shares, "method": "sum_of_shares"}),
    ])
    result.index.name = "subject"
    return result


@lru_cache(maxsize=32)
def preferred_site_claims(dataset: Dataset, funder: str) -> pd.Series:
    """Per subject, the amount of its preferred site claim from `funder` (e.g. 'eu'),
    memoised (do not modify in place)."""
    budgets = dataset.budgets
    claims = budgets[(budgets["scope"] == "site") & (budgets["funder"] == funder)
                     & budgets["preferred"].fillna(False) & budgets["amount_eur"].notna()]
    return claims.groupby("subject")["amount_eur"].sum()


@lru_cache(maxsize=4)
def budget_totals(dataset: Dataset) -> pd.DataFrame:
    """`site_budget_totals` of the dataset, memoised (do not modify in place)."""
    return site_budget_totals(dataset.budgets)


def budget_sites(shown: pd.DataFrame) -> pd.DataFrame:
    """The shown sites whose money counts as a budget (`BUDGET_KINDS`)."""
    return shown[shown["kind"].isin(BUDGET_KINDS)]


@dataclass(frozen=True)
class PublishedBudgets:
    """'Published budgets' of the shown sites: the one definition every view and export uses."""

    total_eur: float
    sites: int  # shown sites of BUDGET_KINDS
    summed: int  # of which have a published budget
    partial: int  # of which only funder shares are known (a lower bound)
    unknown: int  # left out, never counted as zero


def published_budgets(dataset: Dataset, shown: pd.DataFrame) -> PublishedBudgets:
    """The sum of each shown budget site's preferred total (else its known funder shares)."""
    counted = budget_sites(shown)
    known = budget_totals(dataset)
    known = known[known.index.isin(counted["id"])]
    return PublishedBudgets(
        total_eur=float(known["amount_eur"].sum()), sites=len(counted), summed=len(known),
        partial=int((known["method"] == "sum_of_shares").sum()),
        unknown=len(counted) - len(known))


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the Overview, for the sites currently shown."""

    sites: int
    factories: int
    antennas: int
    national: int
    gigafactory_candidates: int
    supercomputers: int
    countries: int
    budgets: PublishedBudgets


def headline(dataset: Dataset, shown: pd.DataFrame) -> Headline:
    """Counts over the `shown` sites, and their published budgets."""
    kinds = shown["kind"].value_counts()
    return Headline(
        sites=len(shown),
        factories=int(kinds.get("eurohpc_ai_factory", 0)),
        antennas=int(kinds.get("antenna", 0)),
        national=int(kinds.get("national_ai_factory", 0)),
        gigafactory_candidates=int(kinds.get("gigafactory_candidate", 0)),
        supercomputers=int(kinds.get("ai_supercomputer", 0)),
        countries=shown["country"].nunique(),
        budgets=published_budgets(dataset, shown),
    )


def search_sites(shown: pd.DataFrame, countries: pd.DataFrame, text: str) -> pd.DataFrame:
    """Sites whose name, id, city, host or country name contains `text` (case-insensitive)."""
    words = text.casefold().split()
    if not words:
        return shown
    names = shown["country"].map(countries.set_index("iso3")["name_en"]).fillna("")
    haystack = (shown["name"].fillna("") + " " + shown["id"] + " " + shown["city"].fillna("")
                + " " + shown["host"].fillna("") + " " + shown["country"] + " " + names)
    haystack = haystack.str.casefold()
    keep = pd.Series(True, index=shown.index)
    for word in words:
        keep &= haystack.str.contains(word, regex=False)
    return shown[keep]


@lru_cache(maxsize=4)
def waves(dataset: Dataset) -> tuple[str, ...]:
    """The selection waves the data knows, in order (waves are content: a new one needs no
    code)."""
    known = {str(w) for w in dataset.factories["wave"] if isinstance(w, str) and w}
    return tuple(sorted(known, key=int))


def programme_subjects(dataset: Dataset) -> dict[str, str]:
    """Subjects that are not one site (the programme, each wave, ...) -> their name."""
    names = {s: t(f"subject.{s}") for s in schema.PROGRAMME_SUBJECTS}
    names.update({schema.WAVE_SUBJECT.format(wave=w): t("subject.wave", wave=w)
                  for w in waves(dataset)})
    return names


@lru_cache(maxsize=4)
def host_countries(dataset: Dataset) -> tuple[str, ...]:
    """Countries hosting a site, ordered by name, memoised."""
    names = country_names(dataset)
    return tuple(sorted(set(sites(dataset)["country"]), key=lambda c: names.get(c, c)))


@lru_cache(maxsize=4)
def site_names(dataset: Dataset) -> Mapping[str, str]:
    """Site id -> name, memoised (widgets name every site on every rerun)."""
    return MappingProxyType(dict(zip(sites(dataset)["id"], sites(dataset)["name"])))


@lru_cache(maxsize=4)
def site_labels(dataset: Dataset) -> Mapping[str, str]:
    """Site id -> chart label (its short name, else its name), memoised: axes and PNGs use it,
    hovers and tables keep the full name."""
    return MappingProxyType(dict(zip(sites(dataset)["id"], sites(dataset)["label"])))


@lru_cache(maxsize=4)
def site_order(dataset: Dataset) -> tuple[str, ...]:
    """Every site id in the order of the site table (kind, wave, name), memoised."""
    return tuple(site_table(dataset, sites(dataset))["id"])


def subject_names(dataset: Dataset) -> dict[str, str]:
    """Every subject of a budget, milestone or claim -> its name."""
    return {**site_names(dataset), **programme_subjects(dataset)}


@lru_cache(maxsize=4)
def country_names(dataset: Dataset) -> Mapping[str, str]:
    """ISO3 -> English name, memoised (widgets name every country on every rerun)."""
    return MappingProxyType(dict(zip(dataset.countries["iso3"], dataset.countries["name_en"])))


@lru_cache(maxsize=4)
def sector_names(dataset: Dataset) -> Mapping[str, str]:
    """Sector id -> English name, memoised."""
    return MappingProxyType(dict(zip(dataset.sector_taxonomy["id"],
                                     dataset.sector_taxonomy["name_en"])))


@lru_cache(maxsize=4)
def publishers(dataset: Dataset) -> Mapping[str, str]:
    """Source id -> publisher, memoised (hovers and tables name them row by row)."""
    return MappingProxyType(dict(zip(dataset.sources["id"], dataset.sources["publisher"])))


@lru_cache(maxsize=4)
def _web_addresses(dataset: Dataset) -> dict[str, str]:
    return {i: u for i, u in zip(dataset.sources["id"], dataset.sources["url"])
            if u.startswith("http")}


def first_web_source(dataset: Dataset, ids: tuple[str, ...]) -> str | None:
    """The address of the first source among `ids` that is a web page (seeds are files)."""
    web = _web_addresses(dataset)
    return next((web[i] for i in ids if i in web), None)


def sources_of(dataset: Dataset, ids: tuple[str, ...]) -> pd.DataFrame:
    """The rows of sources.csv for `ids`, in the order given."""
    return dataset.sources.set_index("id").loc[list(ids)].reset_index()


def site_table(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """One row per shown site with its budget, country name and sources, for tables."""
    totals = budget_totals(dataset)
    publisher = publishers(dataset)
    return pd.DataFrame({
        "id": shown["id"],
        "name": shown["name"],
        "kind": shown["kind"],
        "country": shown["country"].map(dataset.countries.set_index("iso3")["name_en"]),
        "city": shown["city"],
        "wave": shown["wave"],
        "selected_on": shown["selected_on"],
        "host": shown["host"],
        "budget_eur": shown["id"].map(totals["amount_eur"]),
        "budget_method": shown["id"].map(totals["method"]),
        "confidence": shown["confidence"],
        "source_names": [[publisher[s] for s in ids] for ids in shown["sources"]],
        "main_source": [first_web_source(dataset, ids) for ids in shown["sources"]],
    }).sort_values(["kind", "wave", "name"], key=_display_order,
                   na_position="last").reset_index(drop=True)


def _display_order(column: pd.Series) -> pd.Series:
    """Kinds in the order people think of them (AI Factories first), waves by number, other
    columns as they are."""
    if column.name == "kind":
        return column.map({kind: rank for rank, kind in enumerate(SITE_KINDS)})
    if column.name == "wave":  # wave 10 after wave 9
        return pd.to_numeric(column, errors="coerce")
    return column
