"""Sector coverage: the matrix equals the table, totals, gaps, ordering, drill-down."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from apptest import link_labels, run_page

from aimap import coverage, query
from aimap.figures.sectors import coverage_figure, gaps_figure
from aimap.selection import Selection


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


def test_country_matrix_counts_sites(dataset):
    sites = query.sites(dataset)
    table = coverage.matrix(dataset, sites, "countries")
    spain = dataset.sectors[dataset.sectors["subject"].isin(["bsc-aif", "1healthai"])
                            & (dataset.sectors["sector"] == "S01")]["subject"].nunique()
    assert table.at["ESP", "S01"] == spain == 2


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


def test_gaps_and_reachable_factories(dataset):
    sites = query.sites(dataset)
    assert coverage.gaps(coverage.matrix(dataset, sites, "sites")) == []
    malta = coverage.reachable_from(dataset, "MLT")
    assert list(malta["id"]) == ["pharos"]
    reach = sites[sites["id"].isin(malta["id"])]
    gaps = coverage.gaps(coverage.matrix(dataset, reach, "sites"))
    assert "S01" not in gaps and "S04" in gaps  # Pharos serves health, not energy
    spain = coverage.reachable_from(dataset, "ESP")
    assert set(spain["id"]) == {"bsc-aif", "1healthai"}


def test_sites_without_sectors_are_named(dataset):
    missing = coverage.without_sectors(dataset, query.sites(dataset))
    assert {"lumi-aif", "slaif", "sk-antenna"} <= set(missing["id"])


def test_sites_serving_a_sector_carry_raw_labels_and_sources(dataset):
    serving = coverage.sites_serving(dataset, query.sites(dataset), "S17")
    assert set(serving["subject"]) == set(dataset.sectors.loc[dataset.sectors["sector"] == "S17",
                                                              "subject"])
    assert serving["raw_label"].notna().all() and serving["sources"].map(len).gt(0).all()


def test_coverage_figure_matches_the_matrix_and_shows_raw_labels(dataset):
    figure = coverage_figure(dataset, Selection())
    (heat,) = [t for t in figure.data if isinstance(t, go.Heatmap)]
    table = coverage.matrix(dataset, query.sites(dataset), "sites")
    assert heat.z.sum() == table.to_numpy().sum()
    assert any(label.startswith("Health (") for label in heat.x)
    hovers = [h for row in heat.hovertext for h in row]
    assert any("(fr)" in h for h in hovers) and any("not listed" in h for h in hovers)
    names = [t.name for t in figure.data if isinstance(t, go.Scatter)]
    assert "listed by the site's sources" in names


def test_country_rows(dataset):
    figure = coverage_figure(dataset, Selection(), rows="countries")
    (heat,) = [t for t in figure.data if isinstance(t, go.Heatmap)]
    assert any(label.startswith("Spain (") for label in heat.y)


def test_gaps_figure_marks_sectors_no_site_serves(dataset):
    figure = gaps_figure(dataset, Selection(), region="MLT")
    assert any(a.text == "no site" for a in figure.layout.annotations)
    (bars,) = figure.data
    assert len(bars.y) == len(dataset.sector_taxonomy)


def _sectors_page(**params: str):
    return run_page("pages/sectors.py", **params)


def test_page_restores_its_state_from_the_url(dataset):
    app = _sectors_page(rows="countries", order="name", sector="S08", region="MLT")
    assert app.segmented_control(key="rows").value == "countries"
    assert app.segmented_control(key="order").value == "name"
    assert app.selectbox(key="sector").value == "S08"
    assert app.selectbox(key="region").value == "MLT"
    serving = app.dataframe[0].value
    assert set(serving["sector"]) == {"Space & aerospace"}
    links = set(link_labels(app))
    space = coverage.sites_serving(dataset, query.sites(dataset), "S08")
    assert links == set(space["name"])


def test_page_writes_its_state_to_the_url():
    app = _sectors_page()
    app.segmented_control(key="rows").set_value("countries").run()
    app.selectbox(key="sector").set_value("S04").run()
    assert app.query_params["rows"] == "countries"
    assert app.query_params["sector"] == "S04"
