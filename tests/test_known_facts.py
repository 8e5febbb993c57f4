"""The few facts of data/ pinned on purpose, each checked against ../shared/reference/facts.md.

This is the one test file that changes when the data is updated: when a source changes one of
these facts, update the row and this file together. Every other test asserts on the fixture
(tests/fixtures/data) or on what holds for any valid data."""

from __future__ import annotations

from datetime import date

import pytest

from aimap import coverage, query, worklist
from aimap.metrics import country_values
from aimap.selection import Selection


@pytest.fixture(scope="module")
def sites(dataset):
    return query.sites(dataset).set_index("id")


def _budget(dataset, claim: str):
    return dataset.budgets.set_index("id").loc[claim]


def test_nineteen_ai_factories_in_three_waves_of_seven_six_and_six(dataset):
    factories = dataset.factories[dataset.factories["kind"] == "eurohpc_ai_factory"]
    assert factories["wave"].astype(int).value_counts().sort_index().to_dict() == {
        1: 7, 2: 6, 3: 6}


def test_thirteen_antennas_selected_on_13_october_2025(dataset):
    assert len(dataset.antennas) == 13
    assert set(dataset.antennas["selected_on"].astype(str).str[:10]) == {"2025-10-13"}


def test_the_data_describes_30_june_2026(dataset):
    assert str(dataset.as_of.date()) == "2026-06-30"


def test_published_budgets_are_2_58_bn_over_26_of_34_sites(dataset):
    budgets = query.published_budgets(dataset, query.shown(dataset, Selection()))
    assert round(budgets.total_eur / 1e7) == 258
    assert (budgets.summed, budgets.sites) == (26, 34)


def test_bsc_total_is_the_computed_197_2_million_over_the_rounded_198(dataset):
    assert _budget(dataset, "b-bsc-total")["amount_eur"] == 197_200_000
    assert bool(_budget(dataset, "b-bsc-total")["preferred"])
    assert not bool(_budget(dataset, "b-bsc-total-198")["preferred"])


def test_it4lia_keeps_both_totals_430_and_420_million(dataset):
    assert _budget(dataset, "b-it4lia-430")["amount_eur"] == 430_000_000
    assert _budget(dataset, "b-it4lia-420")["amount_eur"] == 420_000_000


def test_serbia_national_factory_is_in_kragujevac_not_gift_city(dataset, sites):
    assert sites.loc["rs-national", "city"] == "Kragujevac"
    claim = dataset.claims.set_index("id").loc["c-s002-gift"]
    assert claim["verdict"] == "error" and "GIFT City" in claim["value"]


def test_czai_is_in_ostrava_the_seed_said_prague(dataset, sites):
    assert sites.loc["czai", "city"] == "Ostrava"
    assert dataset.claims.set_index("id").loc["c-s003-prague", "verdict"] == "error"


def test_belgian_antenna_links_to_jaif_and_lumi(dataset):
    antenna = dataset.antennas.set_index("id").loc["be-aifa"]
    assert tuple(antenna["linked_factories"]) == ("jaif", "lumi-aif")


def test_eighteen_sectors_in_the_taxonomy(dataset):
    assert len(dataset.sector_taxonomy) == 18


def test_spain_is_reached_by_bsc_and_1healthai(dataset):
    assert set(coverage.reachable_from(dataset, "ESP")["id"]) == {"bsc-aif", "1healthai"}


def test_the_map_gives_italy_the_preferred_430_million(dataset):
    values = country_values(dataset, query.sites(dataset), "budget")
    assert values.at["ITA", "value"] == 430_000_000


def test_twenty_four_ai_supercomputers_fourteen_of_them_eurohpc(dataset):
    machines = dataset.factories[dataset.factories["kind"] == "ai_supercomputer"]
    assert machines["programme"].value_counts().to_dict() == {"eurohpc": 14, "national": 10}


def test_lumi_has_11912_gpus_and_carries_the_lumi_ai_factory(dataset, sites):
    lumi = dataset.factories.set_index("id").loc["sc-lumi"]
    assert lumi["gpus"] == 11_912 and tuple(lumi["serves"]) == ("lumi-aif",)
    assert sites.loc["sc-lumi", "city"] == "Kajaani"


def test_the_luxembourg_ai_factory_opened_its_services_on_2_december_2025(dataset, sites):
    assert sites.loc["l-aif", "status"] == "services_open"
    launch = dataset.milestones.set_index("id").loc["m-laif-launch"]
    assert str(launch["start"].date()) == "2025-12-02" and launch["status"] == "done"


def test_every_data_row_has_a_verification_date(dataset):
    items = worklist.worklist(dataset, date(2026, 12, 4))
    assert (items["reason"] == "not_verified").sum() == 0
