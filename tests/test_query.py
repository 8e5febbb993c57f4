"""Filtering and aggregation against the tables themselves."""

from __future__ import annotations

import pandas as pd
import pytest

from aimap import query
from aimap.selection import Selection


def _budgets(*rows: tuple) -> pd.DataFrame:
    columns = ["subject", "amount_eur", "funder", "scope", "preferred"]
    return pd.DataFrame(rows, columns=columns).astype({"amount_eur": "float64",
                                                       "preferred": "boolean"})


def test_sites_unites_factories_and_antennas(dataset):
    sites = query.sites(dataset)
    assert len(sites) == len(dataset.factories) + len(dataset.antennas)
    assert sites["id"].is_unique
    antenna = dataset.antennas.iloc[0]
    row = sites.set_index("id").loc[antenna["id"]]
    assert row["kind"] == "antenna" and row["host"] == antenna["coordinator"]


def test_the_network_has_19_factories_in_three_waves_and_13_antennas(dataset):
    factories = dataset.factories[dataset.factories["kind"] == "eurohpc_ai_factory"]
    assert factories["wave"].value_counts().to_dict() == {"1": 7, "2": 6, "3": 6}
    assert len(dataset.antennas) == 13


@pytest.mark.parametrize("selection, keep", [
    (Selection(), lambda s, sec: pd.Series(True, index=s.index)),
    (Selection(kinds=("antenna",)), lambda s, sec: s["kind"] == "antenna"),
    (Selection(waves=("3",)), lambda s, sec: s["wave"] == "3"),
    (Selection(waves=("1", "2")), lambda s, sec: s["wave"].isin(["1", "2"])),
    (Selection(countries=("DEU", "ESP")), lambda s, sec: s["country"].isin(["DEU", "ESP"])),
    (Selection(sectors=("S04",)),
     lambda s, sec: s["id"].isin(sec.loc[sec["sector"] == "S04", "subject"])),
    (Selection(kinds=("eurohpc_ai_factory",), countries=("POL",)),
     lambda s, sec: (s["kind"] == "eurohpc_ai_factory") & (s["country"] == "POL")),
])
def test_filter_sites(dataset, selection, keep):
    sites = query.sites(dataset)
    expected = sites[keep(sites, dataset.sectors)]
    result = query.filter_sites(sites, selection, dataset.sectors)
    assert list(result["id"]) == list(expected["id"])
    assert not result.empty


def test_budget_total_prefers_the_total_claim_then_adds_shares():
    budgets = _budgets(
        ("a", 430e6, "mixed", "site", True),
        ("a", 420e6, "mixed", "site", False),
        ("a", 215e6, "eu", "site", True),
        ("b", 40e6, "eu", "site", True),
        ("b", 45e6, "national", "site", True),
        ("b", 99e6, "mixed", "component", True),
        ("c", None, "eu", "site", True),
        ("d", 12e6, "national", "site", False),
    )
    totals = query.site_budget_totals(budgets)
    assert totals.loc["a"].tolist() == [430e6, "total"]
    assert totals.loc["b"].tolist() == [85e6, "sum_of_shares"]
    assert "c" not in totals.index and "d" not in totals.index


def test_headline_matches_the_tables(dataset):
    shown = query.sites(dataset)
    numbers = query.headline(dataset, shown)
    totals = query.site_budget_totals(dataset.budgets)
    assert numbers.factories == (dataset.factories["kind"] == "eurohpc_ai_factory").sum() == 19
    assert numbers.antennas == len(dataset.antennas) == 13
    assert numbers.countries == len(set(dataset.factories["country"])
                                    | set(dataset.antennas["country"]))
    counted = shown[shown["kind"].isin(["eurohpc_ai_factory", "antenna", "national_ai_factory"])]
    budgets = numbers.budgets
    assert budgets.total_eur == pytest.approx(
        totals.loc[totals.index.isin(counted["id"]), "amount_eur"].sum())
    assert budgets.summed + budgets.unknown == budgets.sites == len(counted)
    assert budgets.unknown > 0  # MIMER and AI2F have no published budget
    partial = totals[totals.index.isin(counted["id"]) & (totals["method"] == "sum_of_shares")]
    assert budgets.partial == len(partial) > 0  # Iceland: only the EU grant is in euros
    assert numbers.sites == len(shown)


def test_headline_follows_the_filter(dataset):
    sites = query.sites(dataset)
    wave3 = query.filter_sites(sites, Selection(waves=("3",)), dataset.sectors)
    numbers = query.headline(dataset, wave3)
    assert (numbers.factories, numbers.antennas) == (6, 0)
    assert numbers.countries == 6


@pytest.mark.parametrize("text, expected_ids", [
    ("", None),
    ("kraków", {"gaia", "pl-cyfronet-national"}),
    ("ROMANIA", {"ro-ai", "gf-cand-ro-blacksea"}),
    ("lumi ai", {"lumi-aif"}),
    ("no such place", set()),
])
def test_search_sites(dataset, text, expected_ids):
    sites = query.sites(dataset)
    found = query.search_sites(sites, dataset.countries, text)
    assert set(found["id"]) == (set(sites["id"]) if expected_ids is None else expected_ids)


def test_site_table_has_one_row_per_site_with_sources(dataset):
    sites = query.sites(dataset)
    table = query.site_table(dataset, sites)
    assert sorted(table["id"]) == sorted(sites["id"])
    assert table["source_names"].map(len).gt(0).all()
    assert table["main_source"].dropna().str.startswith("http").all()
    mimer = table.set_index("id").loc["mimer"]
    assert pd.isna(mimer["budget_eur"])


def test_site_table_lists_ai_factories_first_by_wave(dataset):
    table = query.site_table(dataset, query.sites(dataset))
    assert table["kind"].iloc[0] == "eurohpc_ai_factory" and table["wave"].iloc[0] == "1"
    kinds = list(dict.fromkeys(table["kind"]))
    assert kinds == ["eurohpc_ai_factory", "antenna", "national_ai_factory",
                     "gigafactory_candidate"]


def test_sources_of_keeps_order(dataset):
    ids = tuple(dataset.sources["id"].iloc[[3, 0, 2]])
    assert tuple(query.sources_of(dataset, ids)["id"]) == ids
