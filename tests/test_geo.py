"""The shipped boundaries: complete, small, drawable by plotly, with no flipped rings."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from aimap import geo
from aimap.load import GEO_FILE

EU27 = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
        "SVN", "ESP", "SWE"}
OTHERS = {"GBR", "NOR", "CHE", "ISL", "LIE", "SRB", "MNE", "MKD", "ALB", "BIH", "XKX", "MDA",
          "UKR", "BLR", "AND", "MCO", "SMR", "VAT"}


@pytest.fixture(scope="module")
def features():
    return json.loads(GEO_FILE.read_text())["features"]


def test_at_least_the_45_target_countries_with_iso3_ids(features):
    ids = {f["id"] for f in features}
    assert EU27 | OTHERS <= ids
    assert all(f["properties"]["iso3"] == f["id"] and f["properties"]["name"] for f in features)


def test_small_enough_to_ship():
    assert GEO_FILE.stat().st_size <= 200 * 1024


@pytest.mark.parametrize("iso3", ["MLT", "LUX", "CYP", "LIE", "AND", "SMR"])
def test_small_countries_survive_simplification(features, iso3):
    geometry = shape(next(f for f in features if f["id"] == iso3)["geometry"])
    assert not geometry.is_empty and geometry.area > 0


def test_outer_rings_are_clockwise_and_nothing_covers_the_globe(features):
    for feature in features:
        geometry = shape(feature["geometry"])
        polygons = getattr(geometry, "geoms", [geometry])
        for polygon in polygons:
            assert not shapely.is_ccw(polygon.exterior), feature["id"]
        minx, miny, maxx, maxy = geometry.bounds
        assert -26 <= minx and maxx <= 46 and 33 <= miny and maxy <= 73, feature["id"]


def test_shared_borders_leave_no_gaps(features):
    france = shape(next(f for f in features if f["id"] == "FRA")["geometry"])
    spain = shape(next(f for f in features if f["id"] == "ESP")["geometry"])
    assert france.intersection(spain).length > 1  # a shared line, not a sliver gap
    assert france.intersection(spain).area < 1e-6


def test_a_ring_turns_to_keep_its_markers_in_their_country():
    # two sites at one point on the east edge of a narrow country: due north/south would
    # do, east would cross the border; both stay inside after spreading
    country = shapely.box(0.0, 40.0, 1.0, 42.0)
    shapely.prepare(country)
    points = pd.DataFrame({"id": ["a", "b"], "lon": [0.9, 0.9], "lat": [41.0, 41.0]})
    moved = geo.spread(points, 0.8, {"a": country, "b": country})
    assert all(country.contains(shapely.Point(lon, lat))
               for lon, lat in zip(moved["lon"], moved["lat"]))
    assert geo.separation(moved) >= 0.8 - 1e-9
