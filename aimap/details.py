"""Drill-down data: everything known about one country or one site, with sources, as frames
ready to lay out. Pure pandas."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from aimap import formatting, query, text, validate, worklist
from aimap.load import Dataset

FACT_FIELDS = ("kind", "programme", "wave", "selected_on", "country", "city", "host",
               "coordinator", "partners", "partner_count", "system", "performance", "gpus",
               "status", "verified_on")
#: Facts only some kinds have: the EuroHPC selection, and an AI supercomputer's programme.
_SELECTED_BY_EUROHPC = ("eurohpc_ai_factory", "antenna")
_KIND_FACTS = {"wave": _SELECTED_BY_EUROHPC, "selected_on": _SELECTED_BY_EUROHPC,
               "programme": ("ai_supercomputer",)}


def budget_claims(dataset: Dataset, subjects: list[str]) -> pd.DataFrame:
    """Every budget claim about `subjects`, competing claims next to each other (preferred
    first), with `rivals` = how many claims compete in the claim's group."""
    claims = dataset.budgets[dataset.budgets["subject"].isin(subjects)].copy()
    if claims.empty:
        return claims.assign(group=[], rivals=[])
    claims["group"] = ["|".join(validate.budget_group(row)) for row in
                       claims[["subject", "scope", "funder", "label"]].to_dict("records")]
    claims["rivals"] = claims.groupby("group")["id"].transform("size")
    order = {"site": 0, "component": 1, "envelope": 2}
    return claims.sort_values(
        ["subject", "scope", "group", "preferred"], ascending=[True, True, True, False],
        key=lambda c: c.map(order) if c.name == "scope" else c).reset_index(drop=True)


def upcoming(dataset: Dataset, subjects: list[str], limit: int = 5) -> pd.DataFrame:
    """The next planned milestones of `subjects` ending on or after the as-of date."""
    steps = dataset.milestones
    later = steps[steps["subject"].isin(subjects) & (steps["status"] == "planned")
                  & (steps["end"] >= dataset.as_of)]
    return later.sort_values(["start", "end"]).head(limit).reset_index(drop=True)


def sector_rows(dataset: Dataset, subjects: list[str]) -> pd.DataFrame:
    """Sector rows of `subjects` with the sector's English name."""
    rows = dataset.sectors[dataset.sectors["subject"].isin(subjects)]
    return rows.assign(sector_name=rows["sector"].map(query.sector_names(dataset)))


@dataclass(frozen=True)
class CountryPanel:
    """What the map's country panel shows."""

    iso3: str
    name: str
    sites: pd.DataFrame
    budgets: pd.DataFrame
    sectors: pd.DataFrame
    milestones: pd.DataFrame


def country_panel(dataset: Dataset, shown: pd.DataFrame, iso3: str) -> CountryPanel:
    """The shown sites of one country and their budgets, sectors and next milestones."""
    here = shown[shown["country"] == iso3]
    ids = list(here["id"])
    return CountryPanel(iso3, query.country_names(dataset).get(iso3, iso3), here,
                        budget_claims(dataset, ids), sector_rows(dataset, ids),
                        upcoming(dataset, ids))


@dataclass(frozen=True)
class SiteProfile:
    """Everything known about one site."""

    site: pd.Series
    facts: pd.DataFrame
    claims: pd.DataFrame
    budgets: pd.DataFrame
    sectors: pd.DataFrame
    milestones: pd.DataFrame
    linked: pd.DataFrame
    sources: pd.DataFrame


def sources_used(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Every source behind what is shown: the sites, their budgets, milestones, sectors and
    claims, and the programme's, in sources.csv order."""
    subjects = set(shown["id"]) | set(query.programme_subjects(dataset))
    ids = {s for ids in shown["sources"] for s in ids}
    for table in (dataset.budgets, dataset.milestones, dataset.sectors, dataset.claims):
        rows = table[table["subject"].isin(subjects)]
        ids |= {s for row_ids in rows["sources"] for s in row_ids}
    return dataset.sources[dataset.sources["id"].isin(ids)].reset_index(drop=True)


def sources_text(sources: pd.DataFrame) -> str:
    """A numbered plain-text list of sources: title, publisher, date and web address (a seed
    article is a file of the project, so it is said to have none)."""
    lines = []
    for number, row in enumerate(sources.itertuples(), start=1):
        when = ("" if formatting.is_missing(row.published_on)
                else f", {formatting.format_date(row.published_on)}")
        where = row.url if row.url.startswith("http") else text.t("source.seed")
        lines.append(f"{number}. {row.title} — {row.publisher}{when}\n    {where}")
    return "\n".join(lines) + "\n"


def _fact_value(field: str, value: object, dataset: Dataset) -> str:
    if formatting.is_missing(value):
        return text.t("unknown")
    if field == "kind":
        return text.kind_label(str(value))
    if field == "country":
        return query.country_names(dataset).get(str(value), str(value))
    if field in ("selected_on", "verified_on"):
        return formatting.format_date(value)
    if field == "programme":
        return text.t(f"programme.{value}")
    if field in ("gpus", "partner_count"):
        return formatting.format_count(value)
    if field == "status":
        return text.t(f"site_status.{value}")
    if field == "wave":
        return text.t("wave.label", wave=value)
    return str(value)


def _verified(day: object) -> str:
    """When a row was last checked against its sources, for people."""
    if day is None or formatting.is_missing(day):
        return text.t("site.never_verified")
    return formatting.format_date(day)


def linked_sites(dataset: Dataset, site_id: str) -> tuple[str, ...]:
    """The sites linked to `site_id`: an Antenna's AI Factories, an AI supercomputer's sites,
    a factory's Antennas; and the AI supercomputers a site runs on."""
    antennas, factories = dataset.antennas, dataset.factories
    own = [*antennas.loc[antennas["id"] == site_id, "linked_factories"],
           *factories.loc[factories["id"] == site_id, "serves"]]
    linking = [*antennas.loc[[site_id in ids for ids in antennas["linked_factories"]], "id"],
               *factories.loc[[site_id in ids for ids in factories["serves"]], "id"]]
    return tuple(dict.fromkeys([*(s for ids in own for s in ids), *linking]))


def site_profile(dataset: Dataset, site_id: str) -> SiteProfile | None:
    """The profile of `site_id`, or None when no such site exists."""
    everything = query.sites(dataset)
    match = everything[everything["id"] == site_id]
    if match.empty:
        return None
    site = match.iloc[0]
    table = "antennas" if site["kind"] == "antenna" else "factories"
    rows = getattr(dataset, table)
    row = rows[rows["id"] == site_id].iloc[0].copy()
    row["verified_on"] = worklist.last_verified(dataset).get((table, site_id))
    fields = [f for f in FACT_FIELDS if f in row.index
              and site["kind"] in _KIND_FACTS.get(f, (site["kind"],))]
    facts = pd.DataFrame([(f, _verified(row.get(f)) if f == "verified_on"
                           else _fact_value(f, row.get(f), dataset)) for f in fields],
                         columns=["field", "value"])
    linked = everything[everything["id"].isin(linked_sites(dataset, site_id))]
    claims = dataset.claims[dataset.claims["subject"] == site_id]
    steps = dataset.milestones[dataset.milestones["subject"] == site_id].sort_values("start")
    source_ids = tuple(dict.fromkeys(
        [*site["sources"], *[s for ids in claims["sources"] for s in ids]]))
    return SiteProfile(site, facts, claims.reset_index(drop=True),
                       budget_claims(dataset, [site_id]), sector_rows(dataset, [site_id]),
                       steps.reset_index(drop=True), linked.reset_index(drop=True),
                       query.sources_of(dataset, source_ids))
