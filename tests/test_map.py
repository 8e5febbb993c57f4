"""The map figure and its country metrics, asserted on the figure's data, not on pixels."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import geo, metrics, money, query, text
from aimap.figures.common import Frame, read_click
from aimap.figures.map import MARKER_GAP, box_aspect, fitted_ranges, map_figure, projected
from aimap.load import Dataset, load_dataset
from aimap.metrics import INF, METRICS, class_index, country_values
from aimap.selection import Selection


def _choropleth(figure: go.Figure) -> go.Choropleth:
    return next(trace for trace in figure.data if isinstance(trace, go.Choropleth))


def _code_of(figure: go.Figure, iso3: str) -> int:
    fill = _choropleth(figure)
    return fill.z[list(fill.locations).index(iso3)]


def _variant(tmp_path: Path, file: str, edit) -> Dataset:
    """The fixture with `edit(rows)` applied to one of its files."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / file)
    write_rows(folder / file, edit(rows) or rows, list(rows[0]))
    return load_dataset(folder)


#: A city in each country a test moves a site to (a site must lie in its country).
_CITIES = {"ESP": ("40.42", "-3.70"), "FRA": ("45.76", "4.84")}


def _moved(site: str, iso3: str):
    def edit(rows):
        for row in rows:
            if row["id"] == site:
                row["country"], (row["lat"], row["lon"]) = iso3, _CITIES[iso3]
    return edit


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


def test_site_counts_per_country_by_kind(fixture):
    sites = query.sites(fixture)
    counts = {m: country_values(fixture, sites, m)["value"].to_dict()
              for m in ("sites", "factories", "antennas")}
    assert counts["sites"] == {"ESP": 1, "ITA": 2, "POL": 2, "ROU": 1, "DEU": 1, "PRT": 1,
                               "LUX": 1}
    # EuroHPC AI Factories only: Epsilon is national, Zeta a bid; Antennas count as none
    assert counts["factories"] == {"ESP": 1, "ITA": 1, "POL": 1, "ROU": 1, "DEU": 0, "PRT": 0,
                                   "LUX": 0}
    assert counts["antennas"] == {"ESP": 0, "ITA": 0, "POL": 0, "ROU": 0, "DEU": 0, "PRT": 1,
                                  "LUX": 1}  # Theta, not on the map, still counts


def test_budget_per_country_sums_known_budgets_and_leaves_unknown_missing(fixture):
    values = country_values(fixture, query.sites(fixture), "budget")
    assert values.at["ESP", "value"] == pytest.approx(100e6)  # the preferred total, not 110
    assert values.at["ITA", "value"] == pytest.approx(50e6)  # EU 30 + national 20
    assert values.at["POL", "value"] == pytest.approx(50e6)  # Gamma 40 + Epsilon 10
    assert values.at["PRT", "value"] == pytest.approx(5e6)  # an Antenna's budget counts
    assert math.isnan(values.at["ROU", "value"])  # Delta's budget is not published
    assert math.isnan(values.at["LUX", "value"])  # nor Theta's
    assert values.at["ROU", "budget_known"] == 0
    assert values.at["POL", "budget_known"] == 2
    assert "FRA" not in values.index  # hosts nothing


def test_gigafactory_bids_are_not_counted_as_budgets(fixture, tmp_path):
    values = country_values(fixture, query.sites(fixture), "budget")
    assert math.isnan(values.at["DEU", "value"])  # Zeta's €2 bn bid: no budget at all
    beside = _variant(tmp_path, "factories.csv", _moved("zeta-giga", "ESP"))
    values = country_values(beside, query.sites(beside), "budget")
    assert values.at["ESP", "value"] == pytest.approx(100e6)  # Alpha's, without the bid


def test_a_bid_is_not_a_known_budget(fixture):
    values = country_values(fixture, query.sites(fixture), "budget")
    assert values.at["DEU", "budget_known"] == 0


def test_eu_share_is_a_fraction(dataset):
    values = country_values(dataset, query.sites(dataset), "eu_share")["value"].dropna()
    assert ((values > 0) & (values <= 1)).all()


def test_eu_share_only_where_a_total_is_published(fixture, tmp_path):
    values = country_values(fixture, query.sites(fixture), "eu_share")["value"]
    assert math.isnan(values["ITA"])  # Beta: EU and national shares, no published total
    assert math.isnan(values["ESP"])  # Alpha: a total, no EU share
    with_eu = _variant(tmp_path, "budgets.csv", lambda rows: rows + [{
        "id": "b-alpha-eu", "subject": "alpha-aif", "label": "Alpha EU share",
        "amount_eur": "40000000", "funder": "eu", "scope": "site", "basis": "sourced",
        "period": "2024", "preferred": "true", "confidence": "high", "sources": "fx-programme",
        "notes": ""}])
    values = country_values(with_eu, query.sites(with_eu), "eu_share")["value"]
    assert values["ESP"] == pytest.approx(0.4)  # 40 of Alpha's 100 (the total stays 100)
    assert math.isnan(values["ITA"])


def test_budget_per_capita_is_euros_per_inhabitant_as_on_the_budgets_page(fixture):
    sites = query.sites(fixture)
    per_capita = country_values(fixture, sites, "budget_per_capita")["value"]
    assert per_capita["ESP"] == pytest.approx(100e6 / 40e6)  # €2.50 per inhabitant
    assert per_capita["ITA"] == pytest.approx(1.0)
    assert per_capita["POL"] == pytest.approx(50e6 / 30e6)
    assert per_capita["PRT"] == pytest.approx(0.5)
    assert math.isnan(per_capita["LUX"])  # a population, but no budget
    budgets_page = money.per_capita(fixture, sites)["per_capita"]
    assert per_capita.dropna().to_dict() == pytest.approx(budgets_page.to_dict())


def test_budget_per_capita_is_unknown_without_population(tmp_path):
    in_france = _variant(tmp_path, "antennas.csv", _moved("eta-ant", "FRA"))
    sites = query.sites(in_france)
    assert country_values(in_france, sites, "budget").at["FRA", "value"] == pytest.approx(5e6)
    per_capita = country_values(in_france, sites, "budget_per_capita")["value"]
    assert math.isnan(per_capita["FRA"])  # France has no population: unknown, not zero


def test_gpus_per_country_sum_the_known_counts(fixture):
    gpus = country_values(fixture, query.sites(fixture), "gpus")["value"]
    assert gpus["ESP"] == 1000
    assert gpus["ITA"] == 2000  # the Omega supercomputer's; Beta's GPUs are not published
    assert math.isnan(gpus["POL"])  # no Polish site publishes its GPUs


@pytest.mark.parametrize("metric", [m.key for m in METRICS])
def test_every_metric_draws_every_country_once(dataset, metric):
    figure = map_figure(dataset, Selection(), metric=metric)
    fill = _choropleth(figure)
    assert sorted(fill.locations) == sorted(f["id"] for f in dataset.geojson["features"])
    assert fill.featureidkey == "id"
    assert not fill.showscale


def test_countries_without_data_are_no_data_never_zero(fixture):
    figure = map_figure(fixture, Selection(), metric="budget")
    spec = metrics.METRICS_BY_KEY["budget"]
    classes = len(spec.edges) - 1
    assert classes == 6
    assert _code_of(figure, "ROU") == classes  # hosts Delta, budget unknown: no data
    assert _code_of(figure, "DEU") == classes  # hosts only a bid: no data, never €2 bn
    assert _code_of(figure, "FRA") == classes + 1  # hosts nothing: no site
    assert _code_of(figure, "BLR") == classes + 1
    assert _code_of(figure, "ESP") == 2  # €100 M: the €100–250 M class
    assert _code_of(figure, "ITA") == _code_of(figure, "POL") == 1  # €50 M
    assert _code_of(figure, "PRT") == 0  # €5 M
    legend = [trace.name for trace in figure.data if isinstance(trace, go.Scattergeo)
              and trace.showlegend is not False and len(trace.lon) == 1 and trace.lon[0] is None]
    assert legend[:3] == ["€0–50 M", "€50–100 M", "€100–250 M"]  # only the classes used
    assert "no data" in legend and "no site shown" in legend and "€250–500 M" not in legend


def test_budget_per_capita_speaks_of_euros_per_inhabitant(fixture):
    figure = map_figure(fixture, Selection(), metric="budget_per_capita")
    assert _code_of(figure, "ESP") == 1 and _code_of(figure, "ITA") == 0  # €2.50, €1
    assert _code_of(figure, "LUX") == len(metrics.METRICS_BY_KEY["budget_per_capita"].edges) - 1
    legend = [trace for trace in figure.data if isinstance(trace, go.Scattergeo)
              and trace.legendgroup == "countries"]
    assert [trace.name for trace in legend][:2] == ["€0–2", "€2–5"]
    assert legend[0].legendgrouptitle.text == "Budget, € per inhabitant"
    hover = dict(zip(_choropleth(figure).locations, _choropleth(figure).hovertext))
    assert "Budget, € per inhabitant: €2.50<br>" in hover["ESP"]
    assert "€ per inhabitant" in figure.layout.title.text


def test_projection_is_equal_area_centred_on_europe(dataset):
    geo_layout = map_figure(dataset, Selection()).layout.geo
    assert geo_layout.projection.type == "azimuthal equal area"
    assert (geo_layout.projection.rotation.lon, geo_layout.projection.rotation.lat) == (10, 52)
    assert geo_layout.showcountries is False  # our boundaries, not the base map's


def test_site_markers_one_trace_per_kind_with_distinct_symbols(fixture):
    figure = map_figure(fixture, Selection())
    markers = {trace.name: trace for trace in figure.data
               if isinstance(trace, go.Scattergeo) and trace.customdata is not None
               and trace.customdata[0][0] == "site"}
    assert len({trace.marker.symbol for trace in markers.values()}) == len(markers) == 5
    placed = {name: sorted(row[1] for row in trace.customdata)
              for name, trace in markers.items()}
    assert placed == {"EuroHPC AI Factory": ["alpha-aif", "beta-aif", "delta-aif", "gamma-aif"],
                      "AI Factory Antenna": ["eta-ant"],  # Theta has no coordinates
                      "National AI factory": ["epsilon-national"],
                      "AI Gigafactory candidate": ["zeta-giga"],
                      "AI supercomputer": ["omega-sc"]}
    factory = markers["EuroHPC AI Factory"]
    hover = dict(zip((row[1] for row in factory.customdata), factory.hovertext))
    for fragment in ("<b>Delta AI Factory</b>", "Host: Delta University", "City: Bucharest",
                     "Wave: Wave 3 · Selected: 10 Oct 2025", "Budget: unknown",
                     "Confidence: high · Sources: 2"):
        assert fragment in hover["delta-aif"]
    for fragment in ("<b>Alpha AI Factory</b>", "City: Barcelona", "Wave 1", "10 Dec 2024",
                     "Budget: €100 M<br>", "Sources: 1"):
        assert fragment in hover["alpha-aif"]
    assert "Budget: ≥ €50 M" in hover["beta-aif"]  # only shares known: a lower bound
    (epsilon,) = markers["National AI factory"].hovertext
    assert "Wave: –" in epsilon and "Budget: ≥ €10 M" in epsilon  # a national share only
    assert list(markers["AI Factory Antenna"].lon) == [-9.14]


def test_every_placed_site_has_a_marker(dataset):
    figure = map_figure(dataset, Selection())
    sites = query.sites(dataset).dropna(subset=["lat", "lon"])
    placed = sorted(row[1] for trace in figure.data
                    if isinstance(trace, go.Scattergeo) and trace.customdata is not None
                    and trace.customdata[0][0] == "site" for row in trace.customdata)
    assert placed == sorted(sites["id"])


def test_filters_apply_to_the_map(fixture):
    def site_traces(selection):
        figure = map_figure(fixture, selection)
        return {t.name: [row[1] for row in t.customdata] for t in figure.data
                if isinstance(t, go.Scattergeo) and t.customdata is not None
                and t.customdata[0][0] == "site"}
    assert site_traces(Selection(kinds=("antenna",))) == {"AI Factory Antenna": ["eta-ant"]}
    assert site_traces(Selection(waves=("1",))) == {
        "EuroHPC AI Factory": ["alpha-aif", "beta-aif"]}
    assert site_traces(Selection(countries=("POL",))) == {
        "EuroHPC AI Factory": ["gamma-aif"], "National AI factory": ["epsilon-national"]}
    figure = map_figure(fixture, Selection(kinds=("antenna",)))
    assert _code_of(figure, "ESP") == 5  # hosts no Antenna: no site shown (4 classes + no data)
    assert _code_of(figure, "PRT") == 0  # 1 site shown: the first class


def test_links_join_each_antenna_to_its_factories(fixture):
    without = map_figure(fixture, Selection(), links=False)
    with_links = map_figure(fixture, Selection(), links=True)
    assert not [t for t in without.data if getattr(t, "mode", None) == "lines"]
    (lines,) = [t for t in with_links.data if getattr(t, "mode", None) == "lines"]
    # Eta (Lisbon) to Alpha (Barcelona): start, end, gap; Theta is not placed, so no line
    assert list(lines.lon) == [-9.14, 2.17, None]
    assert list(lines.lat) == [38.72, 41.38, None]


def test_links_on_the_real_data_join_placed_pairs(dataset):
    (lines,) = [t for t in map_figure(dataset, Selection(), links=True).data
                if getattr(t, "mode", None) == "lines"]
    placed = set(query.sites(dataset).dropna(subset=["lat", "lon"])["id"])
    pairs = sum(1 for antenna, ids in zip(dataset.antennas["id"],
                                          dataset.antennas["linked_factories"])
                for factory in ids if antenna in placed and factory in placed)
    assert len(lines.lon) == 3 * pairs  # start, end, gap for each placed pair


def test_small_host_countries_get_a_clickable_dot(fixture, dataset):
    figure = map_figure(fixture, Selection())
    (dots,) = [t for t in figure.data if t.name == "small country"]
    assert [row[1] for row in dots.customdata] == ["LUX"]  # hosts Theta; MLT, CYP host nothing
    assert set(geo.small_countries(dataset)["iso3"]) >= {"MLT", "LUX", "CYP", "VAT"}
    factories = map_figure(fixture, Selection(kinds=("eurohpc_ai_factory",)))
    assert not [t for t in factories.data if t.name == "small country"]  # LUX: no site shown


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
    ([{"customdata": ["site", "alpha-aif"]}], ("site", "alpha-aif")),
    ([{"customdata": None}], None),
    ([{"customdata": ["<script>", "x"]}], None),
])
def test_read_click(points, expected):
    assert read_click(points) == expected


def test_hover_escapes_text_from_the_data(dataset, tmp_path):
    def hovers(data):
        figure = map_figure(data, Selection())
        return [h for trace in figure.data if getattr(trace, "hovertext", None)
                for h in trace.hovertext]
    assert all("<script" not in h for h in hovers(dataset))

    def odd(rows):  # markup is refused on load; what may remain must still be escaped
        rows[0].update(name="Alpha R&D <3 > AI Factory", host="Alpha & Co <> 1")
    found = hovers(_variant(tmp_path, "factories.csv", odd))
    assert any("<b>Alpha R&amp;D &lt;3 &gt; AI Factory</b>" in h for h in found)
    assert any("Host: Alpha &amp; Co &lt;&gt; 1" in h for h in found)
    assert not any("R&D" in h or "<3" in h or "<>" in h for h in found)
    assert pd.Series(found).str.contains("<b>").any()


def test_a_bid_is_called_a_bid_in_its_hover(fixture):
    figure = map_figure(fixture, Selection())
    hovers = {row[1]: hover for trace in figure.data if trace.customdata is not None
              and trace.hovertext is not None for row, hover in zip(trace.customdata,
                                                                   trace.hovertext)}
    assert f"{text.t('hover.bid')}: " in hovers["zeta-giga"]
    assert f"{text.t('hover.budget')}: " in hovers["alpha-aif"]
    assert text.t("hover.bid") not in hovers["alpha-aif"]


@pytest.mark.parametrize("places", [
    [("a", 27.73, 64.22), ("b", 27.73, 64.22)],  # two sites in one town (Kajaani)
    [("a", 16.37, 48.21), ("b", 16.38, 48.20), ("c", 16.36, 48.22)],  # three in Vienna
    [("a", 19.94, 50.06), ("b", 19.92, 50.07), ("c", 19.95, 50.05), ("d", 19.94, 50.06),
     ("e", 2.17, 41.38)],  # four in Kraków, one far away
])
def test_co_located_markers_are_moved_apart(places):
    points = pd.DataFrame(places, columns=["id", "lon", "lat"])
    moved = geo.spread(points, 0.8)
    assert geo.separation(points) < 0.8 <= geo.separation(moved) + 1e-9
    assert sorted(moved["id"]) == sorted(points["id"])
    centre = points.groupby(points["lon"].round(0))[["lon", "lat"]].mean()
    after = moved.groupby(points.set_index("id").loc[moved["id"], "lon"].round(0).to_numpy())
    assert (after[["lon", "lat"]].mean() - centre).abs().max().max() < 0.1  # same place
    assert geo.spread(points.iloc[::-1], 0.8).equals(moved)  # the same whatever the order


def test_a_lone_marker_stays_where_it_is():
    points = pd.DataFrame([("a", 2.17, 41.38), ("b", 19.94, 50.06)], columns=["id", "lon", "lat"])
    assert geo.spread(points, 0.8).equals(points)


def test_no_marker_hides_another_on_the_map(dataset):
    figure = map_figure(dataset, Selection())
    markers = pd.DataFrame(
        [(row[1], lon, lat) for trace in figure.data if trace.customdata is not None
         and trace.customdata[0][0] == "site"
         for row, lon, lat in zip(trace.customdata, trace.lon, trace.lat)],
        columns=["id", "lon", "lat"])
    assert geo.separation(markers) >= MARKER_GAP - 1e-9


def test_no_data_countries_are_hatched(fixture):
    figure = map_figure(fixture, Selection(), metric="budget")
    (hatch,) = [t for t in figure.data
                if getattr(t, "mode", None) == "lines" and t.name == "no data"]
    lons = [x for x in hatch.lon if x is not None]
    assert lons and min(lons) > 5 and max(lons) < 30.5  # only Germany and Romania: no data
    sites = map_figure(fixture, Selection(), metric="sites")
    assert not [t for t in sites.data if getattr(t, "mode", None) == "lines"]  # never missing


@pytest.mark.parametrize("aspect", [1.0, 1.4, 1.8, 2.3])
def test_the_map_fills_a_frame_of_any_shape_with_europe_inside(aspect):
    (west, east), (south, north) = fitted_ranges(aspect)
    assert west <= -44 and east >= 42 and south <= 33 and north >= 71  # all of Europe
    drawn = box_aspect((west, east), (south, north))
    # the frame's shape, or as near as the globe allows (a hemisphere is only so wide)
    assert drawn == pytest.approx(aspect, rel=0.02) or (aspect > 1.6 and drawn > 1.65) \
        or (aspect < 1.1 and drawn < 1.1)


def _projected_area(lons, lats) -> float:
    along = np.linspace(0, 1, 50)
    lon = np.concatenate([lons[0] + (lons[1] - lons[0]) * along] * 2
                         + [np.full(50, lons[0]), np.full(50, lons[1])])
    lat = np.concatenate([np.full(50, lats[0]), np.full(50, lats[1])]
                         + [lats[0] + (lats[1] - lats[0]) * along] * 2)
    x, y = projected(lon, lat)
    return float((x.max() - x.min()) * (y.max() - y.min()))


def _europe_share_of_page(figure: go.Figure, width: int, height: int) -> float:
    """How much of the page Europe (Iceland to Cyprus, Crete to the North Cape) covers, as
    plotly fits the lon-lat box into the map's domain."""
    margin, geo_layout = figure.layout.margin, figure.layout.geo
    lons, lats = tuple(geo_layout.lonaxis.range), tuple(geo_layout.lataxis.range)
    domain_w = (width - margin.l - margin.r) * (geo_layout.domain.x[1] - geo_layout.domain.x[0])
    domain_h = (height - margin.t - margin.b) * (geo_layout.domain.y[1] - geo_layout.domain.y[0])
    drawn, room = box_aspect(lons, lats), domain_w / domain_h
    map_area = domain_w * domain_h * min(drawn, room) / max(drawn, room)
    europe = _projected_area((-26, 42), (33, 71)) / _projected_area(lons, lats)
    return europe * map_area / (width * height)


def test_a_portrait_page_is_mostly_europe_with_the_legend_under_it(dataset):
    portrait = map_figure(dataset, Selection(), frame=Frame(1240, 1754))
    assert _europe_share_of_page(portrait, 1240, 1754) >= 0.3  # 0.16 fitted as a slide is
    assert portrait.layout.legend.y == 0 and portrait.layout.geo.domain.y[0] > 0  # under it
    slide = map_figure(dataset, Selection(), frame=Frame(1280, 720))
    assert tuple(slide.layout.geo.domain.y) == (0, 1)  # a wide page keeps it in the Atlantic


def test_export_tells_the_map_its_page(dataset):
    slide = map_figure(dataset, Selection(), frame=Frame(1280, 720))
    portrait = map_figure(dataset, Selection(), frame=Frame(1240, 1754))
    assert slide.layout.height == 720 and portrait.layout.height == 1754
    spans = [(f.layout.geo.lonaxis.range[1] - f.layout.geo.lonaxis.range[0],
              f.layout.geo.lataxis.range[1] - f.layout.geo.lataxis.range[0])
             for f in (slide, portrait)]
    assert spans[0][0] > spans[1][0] and spans[0][1] < spans[1][1]  # wide vs tall
    legend = slide.layout.legend
    assert legend.x < 0.3 and legend.y < 0.1 and legend.yanchor == "bottom"  # inside, low left


def test_gpus_of_a_factory_are_counted_once_when_its_supercomputer_counts_them(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "factories.csv")
    beta = next(r for r in rows if r["id"] == "beta-aif")
    beta["gpus"] = "2000"  # the same machine as Omega's 2,000
    write_rows(folder / "factories.csv", rows)
    dataset = load_dataset(folder)
    both = country_values(dataset, query.sites(dataset), "gpus")["value"]
    assert both["ITA"] == 2000
    alone = query.sites(dataset)[lambda s: s["kind"] != "ai_supercomputer"]
    assert country_values(dataset, alone, "gpus")["value"]["ITA"] == 2000  # Beta's own


def test_a_supercomputers_card_gives_its_gpus_and_status_not_a_wave_or_budget(fixture):
    figure = map_figure(fixture, Selection())
    (stars,) = [trace for trace in figure.data if trace.name == "AI supercomputer"]
    card = stars.hovertext[0]
    assert "Omega Supercomputer" in card and "2,000" in card and "operational" in card
    assert "Wave" not in card and "Bid" not in card and "Budget" not in card
