"""The map figure and its country metrics, asserted on the figure's data, not on pixels."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from aimap import geo, metrics, query
from aimap.figures.common import read_click
from aimap.figures.map import map_figure
from aimap.metrics import INF, METRICS, class_index, country_values
from aimap.selection import Selection


def _choropleth(figure: go.Figure) -> go.Choropleth:
    return next(trace for trace in figure.data if isinstance(trace, go.Choropleth))


def _code_of(figure: go.Figure, iso3: str) -> int:
    fill = _choropleth(figure)
    return fill.z[list(fill.locations).index(iso3)]


@pytest.mark.parametrize("value, edges, expected", [
    (1, (1, 2, 3, INF), 0),
    (2.5, (1, 2, 3, INF), 1),
    (40, (1, 2, 3, INF), 2),
    (0, (1, 2, 3, INF), None),
    (float("nan"), (0, 1, INF), None),
    (0.5, (0, 0.25, 0.5, 0.75, 1.0 + 1e-9), 2),
    (1.0, (0, 0.25, 0.5, 0.75, 1.0 + 1e-9), 3),
])
def test_class_index(value, edges, expected):
    assert class_index(value, edges) == expected


def test_site_counts_per_country_equal_the_tables(dataset):
    sites = query.sites(dataset)
    values = country_values(dataset, sites, "sites")
    assert values["value"].to_dict() == sites.groupby("country").size().astype(float).to_dict()
    factories = country_values(dataset, sites, "factories")["value"]
    assert factories["DEU"] == 2 and factories["BEL"] == 0  # Belgium: an Antenna only


def test_budget_per_country_sums_known_budgets_and_leaves_unknown_missing(dataset):
    sites = query.sites(dataset)
    values = country_values(dataset, sites, "budget")
    totals = query.budget_totals(dataset)["amount_eur"]
    assert values.at["DEU", "value"] == pytest.approx(totals["hammerhai"] + totals["jaif"])
    assert math.isnan(values.at["FRA", "value"])  # AI2F's budget is not published
    assert math.isnan(values.at["SWE", "value"])  # nor MIMER's
    assert values.at["FRA", "budget_known"] == 0


def test_gigafactory_bids_are_not_counted_as_budgets(dataset):
    sites = query.sites(dataset)
    values = country_values(dataset, sites, "budget")
    totals = query.budget_totals(dataset)["amount_eur"]
    assert values.at["AUT", "value"] == pytest.approx(totals["ai-at"])


def test_eu_share_only_where_a_total_is_published(dataset):
    values = country_values(dataset, query.sites(dataset), "eu_share")["value"].dropna()
    assert ((values > 0) & (values <= 1)).all()
    assert "ISL" not in values.index  # only the EU grant is known in euros


def test_budget_per_million_uses_population(dataset):
    sites = query.sites(dataset)
    budget = country_values(dataset, sites, "budget")["value"]
    per_million = country_values(dataset, sites, "budget_per_million")["value"]
    population = dataset.countries.set_index("iso3")["population"]
    assert per_million["LUX"] == pytest.approx(budget["LUX"] / population["LUX"] * 1e6)


@pytest.mark.parametrize("metric", [m.key for m in METRICS])
def test_every_metric_draws_every_country_once(dataset, metric):
    figure = map_figure(dataset, Selection(), metric=metric)
    fill = _choropleth(figure)
    assert sorted(fill.locations) == sorted(f["id"] for f in dataset.geojson["features"])
    assert fill.featureidkey == "id"
    assert not fill.showscale


def test_countries_without_data_are_no_data_never_zero(dataset):
    figure = map_figure(dataset, Selection(), metric="budget")
    spec = metrics.METRICS_BY_KEY["budget"]
    classes = len(spec.edges) - 1
    assert _code_of(figure, "FRA") == classes       # hosts AI2F, budget unknown: no data
    assert _code_of(figure, "BLR") == classes + 1  # hosts nothing: no site
    assert _code_of(figure, "ITA") == class_index(430e6, spec.edges)
    legend = [trace.name for trace in figure.data if isinstance(trace, go.Scattergeo)
              and trace.showlegend is not False and len(trace.lon) == 1 and trace.lon[0] is None]
    assert "no data" in legend and "no site shown" in legend and "€250–500 M" in legend


def test_projection_is_equal_area_centred_on_europe(dataset):
    geo_layout = map_figure(dataset, Selection()).layout.geo
    assert geo_layout.projection.type == "azimuthal equal area"
    assert (geo_layout.projection.rotation.lon, geo_layout.projection.rotation.lat) == (10, 52)
    assert geo_layout.showcountries is False  # our boundaries, not the base map's


def test_site_markers_one_trace_per_kind_with_distinct_symbols(dataset):
    figure = map_figure(dataset, Selection())
    sites = query.sites(dataset).dropna(subset=["lat", "lon"])
    markers = {trace.name: trace for trace in figure.data
               if isinstance(trace, go.Scattergeo) and trace.customdata is not None
               and trace.customdata[0][0] == "site"}
    assert len({trace.marker.symbol for trace in markers.values()}) == len(markers) == 4
    placed = sorted(row[1] for trace in markers.values() for row in trace.customdata)
    assert placed == sorted(sites["id"])
    factory = markers["EuroHPC AI Factory"]
    romania = factory.hovertext[[row[1] for row in factory.customdata].index("ro-ai")]
    for fragment in ("RO AI Factory", "Bucharest", "Wave 3", "10 Oct 2025", "€50 M",
                     "Sources: "):
        assert fragment in romania


def test_filters_apply_to_the_map(dataset):
    figure = map_figure(dataset, Selection(kinds=("antenna",)))
    site_traces = [t for t in figure.data if isinstance(t, go.Scattergeo)
                   and t.customdata is not None and t.customdata[0][0] == "site"]
    assert [t.name for t in site_traces] == ["AI Factory Antenna"]
    assert len(site_traces[0].customdata) == len(dataset.antennas)


def test_links_join_each_antenna_to_its_factories(dataset):
    without = map_figure(dataset, Selection(), links=False)
    with_links = map_figure(dataset, Selection(), links=True)
    assert not [t for t in without.data if getattr(t, "mode", None) == "lines"]
    (lines,) = [t for t in with_links.data if getattr(t, "mode", None) == "lines"]
    pairs = sum(len(ids) for ids in dataset.antennas["linked_factories"])
    assert len(lines.lon) == 3 * pairs  # start, end, gap for each pair (all are placed)


def test_small_host_countries_get_a_clickable_dot(dataset):
    figure = map_figure(dataset, Selection())
    (dots,) = [t for t in figure.data if t.name == "small country"]
    countries = [row[1] for row in dots.customdata]
    assert {"MLT", "LUX", "CYP"} <= set(countries)
    assert "VAT" not in countries  # hosts no site: no dot to clutter the map
    assert set(geo.small_countries(dataset)["iso3"]) >= {"MLT", "LUX", "CYP", "VAT"}


def test_a_click_does_not_fade_the_rest_of_the_map(dataset):
    figure = map_figure(dataset, Selection())
    clickable = [t for t in figure.data if t.customdata is not None]
    assert clickable and all(t.unselected.marker.opacity == 1 for t in clickable)


def test_figure_json_fits_the_budget(dataset):
    figure = map_figure(dataset, Selection(), links=True)
    assert len(figure.to_json()) <= 250_000


@pytest.mark.parametrize("points, expected", [
    ([], None),
    ([{"customdata": ["country", "ROU"], "location": "ROU"}], ("country", "ROU")),
    ([{"location": "ESP"}], ("country", "ESP")),
    ([{"customdata": ["site", "it4lia"]}], ("site", "it4lia")),
    ([{"customdata": None}], None),
    ([{"customdata": ["<script>", "x"]}], None),
])
def test_read_click(points, expected):
    assert read_click(points) == expected


def test_hover_escapes_text_from_the_data(dataset):
    figure = map_figure(dataset, Selection())
    hovers = [h for trace in figure.data if getattr(trace, "hovertext", None)
              for h in trace.hovertext]
    assert hovers and all("<script" not in h for h in hovers)
    assert pd.Series(hovers).str.contains("<b>").any()
