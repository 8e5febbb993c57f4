"""Budgets: sums equal the preferred claims, unknowns are excluded and counted, disagreements
are drawn, CSV downloads are safe. Figures on the fixture (tests/fixtures/data), invariants on
the real data."""

from __future__ import annotations

import json
import shutil

import plotly.graph_objects as go
import pytest
from apptest import as_read, run_page
from conftest import FIXTURE, read_rows, write_rows

from aimap import formatting, money, query, safety
from aimap.figures.budgets import VALUE_LABELS, budget_figure, money_axis, per_capita_figure
from aimap.load import load_dataset
from aimap.selection import Selection
from aimap.text import t

M = 1e6



def _value_labels(figure) -> list[str]:
    """The amounts written at the bar ends, bottom row first."""
    (values,) = [trace for trace in figure.data if trace.name == VALUE_LABELS]
    return [text.strip() for text in values.text]

def test_split_adds_up_to_the_preferred_total(dataset):
    parts = money.split(dataset, query.sites(dataset))
    totals = query.budget_totals(dataset)["amount_eur"]
    assert parts["total"].to_dict() == pytest.approx(totals[parts.index].to_dict())
    summed = parts[list(money.PARTS)].sum(axis=1)
    assert (summed >= parts["total"] - 1).all()


def test_split_of_the_fixture(fixture):
    parts = money.split(fixture, query.sites(fixture))
    columns = ["eu", "national", "regional", "private", money.UNSPLIT, "total"]
    assert parts[columns].to_dict("index") == {
        "alpha-aif": dict(zip(columns, [0, 0, 0, 0, 100 * M, 100 * M])),  # the preferred total
        "beta-aif": dict(zip(columns, [30 * M, 20 * M, 0, 0, 0, 50 * M])),  # shares added
        "gamma-aif": dict(zip(columns, [0, 0, 0, 0, 40 * M, 40 * M])),
        "epsilon-national": dict(zip(columns, [0, 10 * M, 0, 0, 0, 10 * M])),
        "eta-ant": dict(zip(columns, [0, 0, 0, 0, 5 * M, 5 * M])),
    }


def test_unknown_budgets_are_excluded_and_listed(fixture):
    sites = query.sites(fixture)
    parts = money.split(fixture, sites)
    missing = money.unknown(fixture, sites)
    assert list(missing["id"]) == ["delta-aif", "theta-ant"]
    assert not set(missing["id"]) & set(parts.index)


def test_unknown_and_split_never_overlap(dataset):
    sites = query.sites(dataset)
    parts = money.split(dataset, sites)
    missing = money.unknown(dataset, sites)
    assert not set(missing["id"]) & set(parts.index)
    assert set(missing["id"]) | set(parts.index) == set(query.budget_sites(sites)["id"])
    assert (parts["total"] > 0).all()


def test_gigafactory_bids_are_not_budgets(fixture):
    sites = query.sites(fixture)
    parts = money.split(fixture, sites)
    assert "zeta-giga" not in parts.index  # its 2 bn bid is in budgets.csv
    assert "zeta-giga" not in set(money.unknown(fixture, sites)["id"])  # nor missing
    assert parts["total"].sum() == 205 * M


def test_no_gigafactory_bid_is_a_budget(dataset):
    bids = dataset.factories.loc[dataset.factories["kind"] == "gigafactory_candidate", "id"]
    parts = money.split(dataset, query.sites(dataset))
    assert not parts.index.isin(bids).any()


@pytest.mark.parametrize("grouping", money.GROUPINGS)
def test_groups_sum_to_the_same_total(dataset, grouping):
    sites = query.sites(dataset)
    grouped = money.grouped(dataset, sites, grouping)
    assert grouped["total"].sum() == pytest.approx(money.split(dataset, sites)["total"].sum())


def test_wave_groups(fixture):
    waves = money.grouped(fixture, query.sites(fixture), "wave")
    # wave 3 (Delta only, no budget) has nothing to add up; waves first, in order
    assert list(waves.index) == ["1", "2", "antennas", "national"]
    assert waves["total"].to_dict() == {"1": 150 * M, "2": 40 * M, "antennas": 5 * M,
                                        "national": 10 * M}
    assert waves["sites"].to_dict() == {"1": 2, "2": 1, "antennas": 1, "national": 1}
    assert (waves.at["1", "eu"], waves.at["1", "national"], waves.at["1", money.UNSPLIT]) == \
        (30 * M, 20 * M, 100 * M)


def test_country_groups(fixture):
    countries = money.grouped(fixture, query.sites(fixture), "country")
    # Poland adds Gamma and Epsilon; Germany's bid and Romania's and Luxembourg's unknowns: none
    assert countries["total"].to_dict() == {"ESP": 100 * M, "ITA": 50 * M, "POL": 50 * M,
                                            "PRT": 5 * M}
    assert countries.at["POL", "sites"] == 2


def test_each_wave_group_sums_its_factories(dataset):
    waves = money.grouped(dataset, query.sites(dataset), "wave")
    totals = query.budget_totals(dataset)["amount_eur"]
    factories = dataset.factories[dataset.factories["kind"] == "eurohpc_ai_factory"]
    for wave in query.waves(dataset):
        expected = totals.reindex(factories.loc[factories["wave"] == wave, "id"]).sum()
        found = waves.at[wave, "total"] if wave in waves.index else 0.0
        assert found == pytest.approx(expected), wave


def test_ranges_cover_every_disagreeing_total(fixture):
    spread = money.ranges(fixture, query.sites(fixture))
    assert spread.to_dict("index") == {"alpha-aif": {"min": 100 * M, "max": 110 * M, "count": 2}}


def test_ranges_only_where_claims_disagree(dataset):
    spread = money.ranges(dataset, query.sites(dataset))
    assert (spread["count"] > 1).all() and (spread["min"] <= spread["max"]).all()


def test_claims_table_preferred_or_all(fixture):
    sites = query.sites(fixture)
    preferred = money.claims(fixture, sites, all_claims=False)
    everything = money.claims(fixture, sites, all_claims=True)
    assert list(preferred["id"]) == ["b-alpha-total", "b-beta-eu", "b-beta-national",
                                     "b-epsilon-total", "b-eta-total", "b-gamma-total"]
    assert "b-zeta-bid" not in set(everything["id"])  # a gigafactory bid is not a budget
    assert set(everything["id"]) == {*preferred["id"], "b-alpha-total-news"}
    assert "b-wave-1" not in set(everything["id"])  # an envelope


def test_claims_table_never_lists_envelopes(dataset):
    sites = query.sites(dataset)
    preferred = money.claims(dataset, sites, all_claims=False)
    everything = money.claims(dataset, sites, all_claims=True)
    assert preferred["preferred"].all() and len(everything) >= len(preferred)
    assert not (everything["scope"] == "envelope").any()


def test_envelopes_are_context(fixture):
    envelopes = money.envelopes(fixture)
    assert list(envelopes["id"]) == ["b-wave-1"]
    assert envelopes.at[0, "amount_eur"] == 500 * M and envelopes.at[0, "subject"] == "wave-1"


def test_stacked_figure_and_whiskers(fixture):
    figure = budget_figure(fixture, Selection())
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert [b.name for b in bars] == ["EU", "National", "Total, split not published"]
    assert [sum(b.x) for b in bars] == [30 * M, 30 * M, 145 * M]  # National: Beta + Epsilon
    (whiskers,) = [t for t in figure.data if t.name == "Range of disagreeing claims"]
    assert list(whiskers.y) == ["Alpha AI Factory"] and list(whiskers.x) == [100 * M]
    assert list(whiskers.error_x.array) == [10 * M]
    assert list(whiskers.error_x.arrayminus) == [0]
    (hover,) = whiskers.hovertext
    assert "★ Alpha total: €100 M" in hover and "<br>Alpha total: €110 M" in hover


def test_stacked_figure_adds_up_to_the_split(dataset):
    figure = budget_figure(dataset, Selection())
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    total = sum(sum(b.x) for b in bars)
    assert total == pytest.approx(money.split(dataset, query.sites(dataset))["total"].sum())
    whiskers = [t for t in figure.data if t.name == "Range of disagreeing claims"]
    assert sum(len(t.x) for t in whiskers) == len(money.ranges(dataset, query.sites(dataset)))


def test_every_claim_figure_draws_each_site_claim(fixture):
    figure = budget_figure(fixture, Selection(), all_claims=True)
    # Alpha 2, Beta 2, Gamma, Epsilon, Eta; not Zeta's bid
    assert sum(len(t.x) for t in figure.data) == 7
    drawn = {t.marker.symbol: sorted(t.x) for t in figure.data if t.marker.symbol}
    assert set(drawn) == {"circle", "circle-open"}
    assert drawn["circle-open"] == [110 * M]  # the claim not preferred
    assert [t.name for t in figure.data] == ["Total", "Total (other claim)", "EU", "National"]


def test_every_claim_figure_matches_the_claims(dataset):
    figure = budget_figure(dataset, Selection(), all_claims=True)
    site_claims = dataset.budgets[(dataset.budgets["scope"] == "site")
                                  & dataset.budgets["amount_eur"].notna()
                                  & dataset.budgets["subject"].isin(
                                      query.budget_sites(query.sites(dataset))["id"])]
    assert sum(len(t.x) for t in figure.data) == len(site_claims)


def test_wave_grouping_shows_the_announced_amounts(fixture):
    figure = budget_figure(fixture, Selection(), grouping="wave")
    (announced,) = [t for t in figure.data if t.name == "Announced for the wave"]
    assert list(announced.y) == ["Wave 1"] and list(announced.x) == [500 * M]


def test_per_capita(fixture):
    frame = money.per_capita(fixture, query.sites(fixture))
    # by country: euros of budget per inhabitant; Luxembourg and Romania have no budget
    assert frame["per_capita"].to_dict() == pytest.approx(
        {"ESP": 100 * M / 40e6, "POL": 50 * M / 30e6, "ITA": 50 * M / 50e6, "PRT": 5 * M / 10e6})
    assert list(frame.index) == ["ESP", "POL", "ITA", "PRT"]  # largest first
    figure = per_capita_figure(fixture, Selection())
    assert list(figure.data[0].y) == ["Portugal", "Italy", "Poland", "Spain"]  # largest on top
    assert _value_labels(figure)[:4] == ["€0.50", "€1.00", "€1.67", "€2.50"]
    assert figure.layout.xaxis.ticktext[:3] == ("€0", "€1", "€2")  # plain euros per person
    assert "€ per inhabitant" in figure.layout.title.text


def test_per_capita_leaves_out_countries_without_population(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "factories.csv")
    beta = next(r for r in rows if r["id"] == "beta-aif")
    beta.update(country="FRA", city="Lyon", lat="45.76", lon="4.84")  # France: no population
    write_rows(folder / "factories.csv", rows)
    variant = load_dataset(folder)
    assert money.grouped(variant, query.sites(variant), "country").at["FRA", "total"] == 50 * M
    frame = money.per_capita(variant, query.sites(variant))
    assert list(frame.index) == ["ESP", "POL", "PRT"]


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


def _chart_titles(app) -> list[str]:
    """The titles of the page's charts, without their subtitles."""
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].split("<br>")[0]
            for chart in app.get("plotly_chart")]


def test_page_state_lives_in_the_url(on_fixture):
    app = _budgets_page(by="country", claims="1")
    assert app.segmented_control(key="by").value == "country"
    assert app.toggle(key="claims").value is True
    app.toggle(key="claims").set_value(False).run()
    app.segmented_control(key="by").set_value("wave").run()
    assert app.query_params["by"] == "wave"


@pytest.mark.parametrize("grouping", money.GROUPINGS)
@pytest.mark.parametrize("claims", [False, True])
def test_each_combination_draws_its_chart(on_fixture, grouping, claims):
    app = _budgets_page(by=grouping, claims="1" if claims else "0")
    key = "claims" if claims else grouping
    assert _chart_titles(app)[0] == t(f"budgets.chart_title.{key}")
    by = app.segmented_control(key="by")
    assert by.disabled is claims  # every claim is per site: the grouping is greyed out, and why
    assert (t("budgets.claims_per_site") in [c.value for c in app.caption]) is claims


def test_grouping_redraws_after_every_claim_is_turned_off(on_fixture):
    app = _budgets_page(by="country", claims="1")
    assert _chart_titles(app)[0] == t("budgets.chart_title.claims")
    app.toggle(key="claims").set_value(False).run()
    assert _chart_titles(app)[0] == t("budgets.chart_title.country")
    app.segmented_control(key="by").set_value("site").run()
    assert _chart_titles(app)[0] == t("budgets.chart_title.site")
    app.segmented_control(key="by").set_value("wave").run()
    assert _chart_titles(app)[0] == t("budgets.chart_title.wave")


def test_page_shows_the_overviews_published_budgets(on_fixture):
    app = _budgets_page()
    total = formatting.format_money(query.published_budgets(on_fixture, query.sites(on_fixture))
                                    .total_eur)
    assert {m.label: m.value for m in app.metric}[t("overview.budget")] == total == "€205 M"


def test_page_lists_unknown_budgets_and_downloads_the_table_shown(on_fixture):
    app = _budgets_page()
    assert as_read(app.info[0].value) == ("2 sites shown have no budget published in euros, so "
                                          "they are not in the sums: Delta AI Factory, Theta AI "
                                          "Factory Antenna.")
    assert any("Zeta AI Gigafactory bid" in as_read(c.value) for c in app.caption)
    assert len(app.dataframe[1].value) == 6  # the preferred claims; not Zeta's bid
    app.toggle(key="claims").set_value(True).run()
    assert len(app.dataframe[1].value) == 7  # and Alpha's other total


def test_equal_bars_keep_the_order_of_their_names(fixture):
    figure = budget_figure(fixture, Selection(), grouping="country")
    # Italy and Poland both have €50 M: by name, top down (plotly lists rows bottom up)
    assert list(figure.data[0].y) == ["Portugal", "Poland", "Italy", "Spain"]
    (values,) = [trace for trace in figure.data if trace.name == VALUE_LABELS]
    ends = {y: text.strip() for y, text in zip(values.y, values.text)}
    assert ends == {"Portugal": "€5 M", "Poland": "€50 M", "Italy": "€50 M", "Spain": "€100 M"}


def test_a_label_past_a_bar_says_the_claim_it_ends_at_is_not_the_bar(fixture):
    figure = budget_figure(fixture, Selection())
    (values,) = [trace for trace in figure.data if trace.name == VALUE_LABELS]
    texts = dict(zip(values.y, (text.strip() for text in values.text)))
    # Alpha: €100 M preferred, €110 M claimed by the news: the label sits at the whisker's end
    assert texts["Alpha AI Factory"] == "€100 M, claims up to €110 M"
    assert texts["Gamma AI Factory"] == "€40 M"  # one claim: the bar's value alone
