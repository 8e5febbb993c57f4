"""Sector coverage: the matrix equals the table, totals, gaps, ordering, drill-down."""

from __future__ import annotations

import shutil
from pathlib import Path

import plotly.graph_objects as go
import pytest
from apptest import as_read, link_labels, run_page
from conftest import FIXTURE, read_rows, write_rows

from aimap import coverage, query
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.load import load_dataset
from aimap.selection import Selection
from aimap.text import t

#: The fixture's sectors.csv, by hand: (site, sector) pairs and each site's country.
FIXTURE_PAIRS = {("alpha-aif", "S01"), ("alpha-aif", "S02"), ("beta-aif", "S01"),
                 ("beta-aif", "S03"), ("gamma-aif", "S03"), ("eta-ant", "S01"),
                 ("theta-ant", "S04")}


@pytest.mark.parametrize("name, short", [
    ("Health, life sciences & pharma", "Health"),
    ("Language technologies & foundation models", "Language technologies"),
    ("Energy", "Energy"),
])
def test_short_name(name, short):
    assert coverage.short_name(name) == short


def test_site_matrix_equals_the_sectors_table(dataset):
    sites = query.sites(dataset)
    table = coverage.matrix(dataset, sites, "sites")
    pairs = set(map(tuple, dataset.sectors[["subject", "sector"]].drop_duplicates().to_numpy()))
    filled = {(row, sector) for row in table.index for sector in table.columns
              if table.at[row, sector]}
    assert filled == pairs
    assert list(table.columns) == list(dataset.sector_taxonomy["id"])
    assert set(table.to_numpy().ravel()) <= {0, 1}


def test_site_matrix_on_the_fixture(fixture):
    table = coverage.matrix(fixture, query.sites(fixture), "sites")
    filled = {(row, sector) for row in table.index for sector in table.columns
              if table.at[row, sector]}
    assert filled == FIXTURE_PAIRS
    assert list(table.columns) == ["S01", "S02", "S03", "S04"]


def test_country_matrix_counts_sites(fixture):
    table = coverage.matrix(fixture, query.sites(fixture), "countries")
    expected = {"ESP": {"S01": 1, "S02": 1}, "ITA": {"S01": 1, "S03": 1}, "POL": {"S03": 1},
                "PRT": {"S01": 1}, "LUX": {"S04": 1}}  # no sector for ROU, DEU: no row
    assert set(table.index) == set(expected)
    for iso3, counts in expected.items():
        assert table.loc[iso3].to_dict() == {s: counts.get(s, 0) for s in table.columns}, iso3


def test_country_matrix_counts_sites_not_labels(tmp_path: Path):
    """Two sites of a country listing a sector count 2; two labels of one site count once."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "sectors.csv")
    rows += [{"subject": "epsilon-national", "sector": "S03", "raw_label": "industry",
              "language": "en", "sources": "fx-news"},
             {"subject": "gamma-aif", "sector": "S03", "raw_label": "manufacturing",
              "language": "en", "sources": "fx-news"}]
    write_rows(folder / "sectors.csv", rows)
    variant = load_dataset(folder)
    table = coverage.matrix(variant, query.sites(variant), "countries")
    assert table.at["POL", "S03"] == 2  # Gamma (two labels) and Epsilon
    assert table.at["POL", "S01"] == 0
    sites = coverage.matrix(variant, query.sites(variant), "sites")
    assert sites.at["gamma-aif", "S03"] == 1


def test_ordering_by_coverage_and_by_name(dataset):
    sites = query.sites(dataset)
    table = coverage.matrix(dataset, sites, "sites")
    labels = dict(zip(sites["id"], sites["name"]))
    by_coverage = coverage.ordered(table, labels, "coverage")
    totals = by_coverage.sum(axis=1).tolist()
    assert totals == sorted(totals, reverse=True)
    columns = by_coverage.sum(axis=0).tolist()
    assert columns == sorted(columns, reverse=True)
    by_name = coverage.ordered(table, labels, "name")
    names = [labels[i].casefold() for i in by_name.index]
    assert names == sorted(names)


def test_ordering_by_coverage_on_the_fixture(fixture):
    sites = query.sites(fixture)
    table = coverage.matrix(fixture, sites, "sites")
    by_coverage = coverage.ordered(table, dict(zip(sites["id"], sites["name"])), "coverage")
    assert list(by_coverage.columns[:2]) == ["S01", "S03"]  # 3 sites, then 2; S02, S04: 1
    assert set(by_coverage.columns[2:]) == {"S02", "S04"}
    assert set(by_coverage.index[:2]) == {"alpha-aif", "beta-aif"}  # two sectors each
    assert set(by_coverage.index[2:]) == {"gamma-aif", "eta-ant", "theta-ant"}


def test_gaps_and_reachable_factories(fixture):
    sites = query.sites(fixture)
    assert coverage.gaps(coverage.matrix(fixture, sites, "sites")) == []  # S04: Theta only
    luxembourg = coverage.reachable_from(fixture, "LUX")  # no factory; Theta links two
    assert set(luxembourg["id"]) == {"beta-aif", "gamma-aif"}
    reach = sites[sites["id"].isin(luxembourg["id"])]
    gaps = coverage.gaps(coverage.matrix(fixture, reach, "sites"))
    assert gaps == ["S02", "S04"]  # Beta and Gamma serve S01, S03; Theta's S04 is no factory
    assert set(coverage.reachable_from(fixture, "ESP")["id"]) == {"alpha-aif"}
    assert set(coverage.reachable_from(fixture, "PRT")["id"]) == {"alpha-aif"}  # via Eta
    assert set(coverage.reachable_from(fixture, "POL")["id"]) == {"gamma-aif"}  # not Epsilon
    assert coverage.reachable_from(fixture, "DEU").empty  # a gigafactory bid only


def test_covering_a_region_keeps_only_its_factories(fixture):
    shown = query.sites(fixture)
    assert coverage.covering(fixture, shown, None) is shown
    assert set(coverage.covering(fixture, shown, "LUX")["id"]) == {"beta-aif", "gamma-aif"}
    antennas = query.shown(fixture, Selection(kinds=("antenna",)))
    assert coverage.covering(fixture, antennas, "LUX").empty


def test_sites_without_sectors_are_named(fixture):
    missing = coverage.without_sectors(fixture, query.sites(fixture))
    assert set(missing["id"]) == {"delta-aif", "epsilon-national", "zeta-giga"}  # not Omega:
    # a supercomputer serves the factories on it, not sectors of its own


def test_sites_serving_a_sector_carry_raw_labels_and_sources(fixture):
    serving = coverage.sites_serving(fixture, query.sites(fixture), "S01")
    assert list(serving["subject"]) == ["alpha-aif", "beta-aif", "eta-ant"]  # by name
    assert list(serving["name"]) == ["Alpha AI Factory", "Beta AI Factory",
                                     "Eta AI Factory Antenna"]
    assert list(serving["raw_label"]) == ["health", "salute", "saúde"]
    assert list(serving["language"]) == ["en", "it", "pt"]
    assert [tuple(s) for s in serving["sources"]] == [("fx-programme",)] * 3
    antennas = query.shown(fixture, Selection(kinds=("antenna",)))
    assert list(coverage.sites_serving(fixture, antennas, "S01")["subject"]) == ["eta-ant"]
    assert coverage.sites_serving(fixture, antennas, "S02").empty


def test_sites_serving_a_sector_on_the_real_data(dataset):
    for sector in dataset.sector_taxonomy["id"]:
        serving = coverage.sites_serving(dataset, query.sites(dataset), sector)
        assert set(serving["subject"]) == set(
            dataset.sectors.loc[dataset.sectors["sector"] == sector, "subject"])
        assert serving["raw_label"].notna().all() and serving["sources"].map(len).gt(0).all()


def test_coverage_figure_matches_the_matrix_and_shows_raw_labels(fixture):
    figure = coverage_figure(fixture, Selection())
    (heat,) = [t for t in figure.data if isinstance(t, go.Heatmap)]
    assert heat.z.sum() == len(FIXTURE_PAIRS) == 7
    assert list(heat.x[:2]) == ["Health (3)", "Manufacturing (2)"]
    assert set(heat.x[2:]) == {"Climate (1)", "Public sector (1)"}
    assert set(heat.y) == {"Alpha AI Factory (2)", "Beta AI Factory (2)", "Gamma AI Factory (1)",
                           "Eta AI Factory Antenna (1)", "Theta AI Factory Antenna (1)"}
    hovers = [h for row in heat.hovertext for h in row]
    assert "<b>Beta AI Factory</b> · Health<br>“salute” (it) — example.org" in hovers
    assert "<b>Gamma AI Factory</b> · Manufacturing<br>“przemysł” (pl) — example.net" in hovers
    assert "<b>Gamma AI Factory</b> · Health<br>not listed by the sources" in hovers
    assert sum("not listed" in h for h in hovers) == 5 * 4 - 7
    names = [t.name for t in figure.data if isinstance(t, go.Scatter)]
    assert "listed by the site's sources" in names


def test_coverage_figure_on_the_real_data_matches_the_matrix(dataset):
    figure = coverage_figure(dataset, Selection())
    (heat,) = [t for t in figure.data if isinstance(t, go.Heatmap)]
    table = coverage.matrix(dataset, query.sites(dataset), "sites")
    assert heat.z.sum() == table.to_numpy().sum()
    assert len(heat.x) == len(dataset.sector_taxonomy) and len(heat.y) == len(table)


def test_country_rows(fixture):
    figure = coverage_figure(fixture, Selection(), rows="countries")
    (heat,) = [t for t in figure.data if isinstance(t, go.Heatmap)]
    assert set(heat.y) == {"Spain (2)", "Italy (2)", "Poland (1)", "Portugal (1)",
                           "Luxembourg (1)"}
    hovers = [h for row in heat.hovertext for h in row]
    assert "<b>Italy</b> · Health<br>Beta AI Factory: “salute” (it) — example.org" in hovers


def test_gaps_figure_marks_sectors_no_site_serves(fixture):
    figure = gaps_figure(fixture, Selection(), region="LUX")
    gaps = [a.y for a in figure.layout.annotations if a.text == "no site"]
    assert sorted(gaps) == ["Climate", "Public sector"]
    (bars,) = figure.data
    assert len(bars.y) == len(fixture.sector_taxonomy) == 4
    assert dict(zip(bars.y, bars.x)) == {"Manufacturing": 2, "Health": 1, "Climate": 0,
                                         "Public sector": 0}  # Beta and Gamma
    assert list(bars.y[:2]) == ["Manufacturing", "Health"]


def test_gaps_figure_without_a_region_has_no_gap(fixture):
    figure = gaps_figure(fixture, Selection())
    assert not [a for a in figure.layout.annotations if a.text == "no site"]
    (bars,) = figure.data
    assert dict(zip(bars.y, bars.x)) == {"Health": 3, "Manufacturing": 2, "Climate": 1,
                                         "Public sector": 1}


def _sectors_page(**params: str):
    return run_page("pages/sectors.py", **params)


def test_page_restores_its_state_from_the_url(on_fixture):
    app = _sectors_page(rows="countries", order="name", sector="S01", region="LUX")
    assert app.segmented_control(key="rows").value == "countries"
    assert app.segmented_control(key="order").value == "name"
    assert app.selectbox(key="sector").value == "S01"
    assert app.selectbox(key="region").value == "LUX"
    serving = app.dataframe[0].value
    assert set(serving["sector"]) == {"Health"}
    assert set(link_labels(app)) == {"Alpha AI Factory", "Beta AI Factory",
                                     "Eta AI Factory Antenna"}
    shown = [as_read(m.value) for m in app.markdown] + [as_read(c.value) for c in app.caption]
    assert "Reachable from Luxembourg: Beta AI Factory, Gamma AI Factory." in shown
    assert t("sectors.gaps_list", names="Climate, Public sector") in shown
    (without,) = [c for c in shown if c.startswith("No sector published for: ")]
    for name in ("Delta AI Factory", "Epsilon National AI Factory", "Zeta AI Gigafactory bid"):
        assert name in without


def test_page_writes_its_state_to_the_url(on_fixture):
    app = _sectors_page()
    app.segmented_control(key="rows").set_value("countries").run()
    app.selectbox(key="sector").set_value("S04").run()
    assert app.query_params["rows"] == "countries"
    assert app.query_params["sector"] == "S04"


def test_the_footer_counts_the_sectors_of_the_taxonomy(fixture):
    figure = coverage_figure(fixture, Selection())
    notes = [a.text.replace("<br>", " ") for a in figure.layout.annotations]
    assert any("mapped to 4 sectors" in note for note in notes)
