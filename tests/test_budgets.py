"""Budgets: sums equal the preferred claims, unknowns are excluded and counted, disagreements
are drawn, CSV downloads are safe."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from apptest import run_page

from aimap import money, query, safety
from aimap.figures.budgets import budget_figure, money_axis, per_million_figure
from aimap.selection import Selection


def test_split_adds_up_to_the_preferred_total(dataset):
    parts = money.split(dataset, query.sites(dataset))
    totals = query.budget_totals(dataset)["amount_eur"]
    assert parts["total"].to_dict() == pytest.approx(totals[parts.index].to_dict())
    summed = parts[list(money.PARTS)].sum(axis=1)
    assert (summed >= parts["total"] - 1).all()
    it4lia = parts.loc["it4lia"]
    assert it4lia["total"] == 430e6 and it4lia[money.UNSPLIT] == pytest.approx(
        430e6 - it4lia[list(money.FUNDERS)].sum())


def test_unknown_budgets_are_excluded_and_listed(dataset):
    sites = query.sites(dataset)
    parts = money.split(dataset, sites)
    missing = money.unknown(dataset, sites)
    assert {"mimer", "ai2f"} <= set(missing["id"])
    assert not set(missing["id"]) & set(parts.index)
    assert (parts["total"] > 0).all()


def test_gigafactory_bids_are_not_budgets(dataset):
    parts = money.split(dataset, query.sites(dataset))
    assert not parts.index.str.startswith("gf-").any()


@pytest.mark.parametrize("grouping", money.GROUPINGS)
def test_groups_sum_to_the_same_total(dataset, grouping):
    sites = query.sites(dataset)
    grouped = money.grouped(dataset, sites, grouping)
    assert grouped["total"].sum() == pytest.approx(money.split(dataset, sites)["total"].sum())


def test_wave_groups(dataset):
    waves = money.grouped(dataset, query.sites(dataset), "wave")
    assert {"1", "2", "3", "antennas", "national"} <= set(waves.index)
    wave3 = dataset.factories[dataset.factories["wave"] == "3"]["id"]
    totals = query.budget_totals(dataset)["amount_eur"]
    assert waves.at["3", "total"] == pytest.approx(totals.reindex(wave3).sum())


def test_ranges_cover_every_disagreeing_total(dataset):
    spread = money.ranges(dataset, query.sites(dataset))
    assert spread.at["it4lia", "min"] == 420e6 and spread.at["it4lia", "max"] == 430e6
    assert (spread["count"] > 1).all()


def test_claims_table_preferred_or_all(dataset):
    sites = query.sites(dataset)
    preferred = money.claims(dataset, sites, all_claims=False)
    everything = money.claims(dataset, sites, all_claims=True)
    assert preferred["preferred"].all() and len(everything) > len(preferred)
    assert not (everything["scope"] == "envelope").any()


def test_envelopes_are_context(dataset):
    envelopes = money.envelopes(dataset)
    assert (envelopes["scope"] == "envelope").all()
    assert 1.5e9 in set(envelopes["amount_eur"])  # the first wave's €1.5 bn


def test_stacked_figure_and_whiskers(dataset):
    figure = budget_figure(dataset, Selection())
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert {b.name for b in bars} >= {"EU", "National", "Total, split not published"}
    total = sum(sum(b.x) for b in bars)
    assert total == pytest.approx(money.split(dataset, query.sites(dataset))["total"].sum())
    (whiskers,) = [t for t in figure.data if t.name == "Range of disagreeing claims"]
    assert len(whiskers.x) == len(money.ranges(dataset, query.sites(dataset)))
    assert any("★" in h for h in whiskers.hovertext)


def test_every_claim_figure_draws_each_site_claim(dataset):
    figure = budget_figure(dataset, Selection(), all_claims=True)
    site_claims = dataset.budgets[(dataset.budgets["scope"] == "site")
                                  & dataset.budgets["amount_eur"].notna()
                                  & dataset.budgets["subject"].isin(
                                      query.budget_sites(query.sites(dataset))["id"])]
    assert sum(len(t.x) for t in figure.data) == len(site_claims)
    symbols = {t.marker.symbol for t in figure.data}
    assert symbols == {"circle", "circle-open"}


def test_wave_grouping_shows_the_announced_amounts(dataset):
    figure = budget_figure(dataset, Selection(), grouping="wave")
    (announced,) = [t for t in figure.data if t.name == "Announced for the wave"]
    assert 1.5e9 in list(announced.x)


def test_per_million(dataset):
    frame = money.per_million(dataset, query.sites(dataset))
    assert frame.at["LUX", "per_million"] == pytest.approx(112e6 / 677_012 * 1e6)
    figure = per_million_figure(dataset, Selection())
    assert len(figure.data[0].x) == len(frame)


@pytest.mark.parametrize("top, first_ticks", [
    (430e6, ["€0", "€100 M", "€200 M"]),
    (8e6, ["€0", "€2.5 M", "€5 M"]),
    (2.6e9, ["€0", "€500 M", "€1 bn"]),
])
def test_money_axis_is_written_for_people(top, first_ticks):
    axis = money_axis(top)
    assert axis["ticktext"][:3] == first_ticks
    assert axis["range"][1] >= top


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+cmd", "'+1+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"),
    (3.5, 3.5), ("-9.0418", "-9.0418"), ("+1", "+1"),
])
def test_csv_cells_cannot_run_formulas(value, expected):
    assert safety.csv_safe(value) == expected


def _budgets_page(**params: str):
    return run_page("pages/budgets.py", **params)


def test_page_state_lives_in_the_url():
    app = _budgets_page(by="country", claims="1")
    assert app.segmented_control(key="by").value == "country"
    assert app.toggle(key="claims").value is True
    app.segmented_control(key="by").set_value("wave").run()
    assert app.query_params["by"] == "wave"


def test_page_lists_unknown_budgets_and_downloads_the_table_shown(dataset):
    app = _budgets_page()
    assert "MIMER" in app.info[0].value
    shown = app.dataframe[1].value
    preferred = money.claims(dataset, query.sites(dataset), all_claims=False)
    assert len(shown) == len(preferred)
    app.toggle(key="claims").set_value(True).run()
    assert len(app.dataframe[1].value) == len(money.claims(dataset, query.sites(dataset), True))
