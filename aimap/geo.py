"""Geometry derived from the shipped boundaries: where to put a clickable dot for countries too
small to click on a Europe-wide map, hatching for 'no data', and markers moved apart."""

from __future__ import annotations

import math
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from aimap.load import Dataset

#: Countries smaller than this (square degrees) get a dot: Malta, Luxembourg, Cyprus, Andorra…
SMALL_AREA = 1.0


@lru_cache(maxsize=4)
def small_countries(dataset: Dataset) -> pd.DataFrame:
    """iso3, lon, lat of a point inside each small country, memoised per dataset."""
    frame = gpd.GeoDataFrame.from_features(dataset.geojson["features"], crs=4326)
    frame = frame.assign(iso3=[f["id"] for f in dataset.geojson["features"]])
    small = frame[shapely.area(frame.geometry.to_numpy()) < SMALL_AREA]
    points = small.geometry.representative_point()
    return pd.DataFrame({"iso3": small["iso3"].to_numpy(), "lon": points.x.to_numpy(),
                         "lat": points.y.to_numpy()})


#: Hatch lines for 'no data': this far apart (degrees), both diagonals, like a printed map.
HATCH_SPACING = 0.9


@lru_cache(maxsize=16)
def hatch(dataset: Dataset, countries: tuple[str, ...],
          spacing: float = HATCH_SPACING) -> tuple[list[float | None], list[float | None]]:
    """lon and lat lists (None between pieces) of diagonal lines clipped to `countries`'
    shapes: plotly's choropleth has no pattern fill, so 'no data' is hatched with lines."""
    shapes = [shapely.geometry.shape(f["geometry"]) for f in dataset.geojson["features"]
              if f["id"] in countries]
    lons: list[float | None] = []
    lats: list[float | None] = []
    if not shapes:
        return lons, lats
    area = shapely.union_all(shapes)
    west, south, east, north = area.bounds
    span = (east - west) + (north - south)
    for slope in (1, -1):
        start = (south - slope * east) if slope == 1 else (south + west)
        steps = int(span / spacing) + 2
        lines = [shapely.LineString([(west - 1, start + k * spacing + slope * (west - 1)),
                                     (east + 1, start + k * spacing + slope * (east + 1))])
                 for k in range(-1, steps)]
        for piece in shapely.intersection(lines, area):
            for line in getattr(piece, "geoms", [piece]):
                if isinstance(line, shapely.LineString) and not line.is_empty:
                    xs, ys = line.xy
                    lons += [round(x, 2) for x in xs] + [None]
                    lats += [round(y, 2) for y in ys] + [None]
    return lons, lats


@lru_cache(maxsize=4)
def country_shapes(dataset: Dataset) -> dict[str, object]:
    """Each country's boundary, prepared for fast point tests (memoised)."""
    shapes = {f["id"]: shapely.geometry.shape(f["geometry"]) for f in dataset.geojson["features"]}
    for shape in shapes.values():
        shapely.prepare(shape)
    return shapes


def spread(points: pd.DataFrame, gap: float,
           homes: dict[str, object] | None = None) -> pd.DataFrame:
    """`points` (columns id, lon, lat) with co-located ones moved onto a small ring around
    their centre, so no two markers are closer than `gap` degrees (east-west distances
    shrunk by the cosine of the latitude, as on the map): a marker never hides another.
    A ring that comes too near another point or ring joins it in one larger ring. With
    `homes` (id -> the boundary it belongs in), each ring is turned so that as many of its
    markers as possible stay in their own country (a site moved across a border would be
    read as the neighbour's). Deterministic: each group ordered by id, the first due north
    unless a turn keeps more markers at home."""
    frame = points.sort_values("id", kind="stable").reset_index(drop=True)
    squeeze = np.cos(np.radians(frame["lat"].to_numpy()))
    x, y = frame["lon"].to_numpy() * squeeze, frame["lat"].to_numpy().astype(float)
    groups = _linked(x, y, gap)
    home = [None if homes is None else homes.get(i) for i in frame["id"]]
    while True:
        px, py = _rings(x, y, groups, gap, home)
        joined = _linked(px, py, gap * (1 - 1e-6), groups)
        if len(joined) == len(groups):
            break
        groups = joined
    return frame.assign(lon=px / np.cos(np.radians(py)), lat=py)


def _linked(x: np.ndarray, y: np.ndarray, gap: float,
            groups: list[list[int]] | None = None) -> list[list[int]]:
    """Single linkage: `groups` (each point alone by default) joined wherever two of their
    points are closer than `gap`; members in index order."""
    parent = list(range(len(x)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i
    for members in groups or []:
        for i in members[1:]:
            parent[root(i)] = root(members[0])
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            if root(i) != root(j) and math.hypot(x[i] - x[j], y[i] - y[j]) < gap:
                parent[root(j)] = root(i)
    found: dict[int, list[int]] = {}
    for i in range(len(x)):
        found.setdefault(root(i), []).append(i)
    return list(found.values())


#: The turns a ring may take to keep its markers in their countries (twelfths of a circle).
_TURNS = 12


def _rings(x: np.ndarray, y: np.ndarray, groups: list[list[int]], gap: float,
           home: list[object | None]) -> tuple[np.ndarray, np.ndarray]:
    """Each group of two or more on a ring about its members' centre, neighbours `gap`
    apart, turned to keep the most members inside their `home` boundary (first due north
    when turning keeps none more)."""
    px, py = x.astype(float).copy(), y.astype(float).copy()
    for index in (g for g in groups if len(g) > 1):
        centre = (x[index].mean(), y[index].mean())
        radius = gap / (2 * math.sin(math.pi / len(index)))
        turns = [_ring(centre, radius, len(index), turn) for turn in range(_TURNS)]
        best = max(range(_TURNS), key=lambda turn: (_at_home(index, turns[turn], home), -turn))
        for i, (sx, sy) in zip(index, turns[best]):
            px[i], py[i] = sx, sy
    return px, py


def _ring(centre: tuple[float, float], radius: float, count: int,
          turn: int) -> list[tuple[float, float]]:
    """`count` places on a ring, the first `turn` twelfths of a circle east of north."""
    start = 2 * math.pi * turn / _TURNS
    return [(centre[0] + radius * math.sin(start + 2 * math.pi * k / count),
             centre[1] + radius * math.cos(start + 2 * math.pi * k / count))
            for k in range(count)]


def _at_home(index: list[int], spots: list[tuple[float, float]],
             home: list[object | None]) -> int:
    """How many of the points `index` placed at `spots` (squeezed x, lat) lie in their home."""
    return sum(1 for i, (sx, sy) in zip(index, spots) if home[i] is not None
               and home[i].contains(shapely.Point(sx / math.cos(math.radians(sy)), sy)))


def separation(points: pd.DataFrame) -> float:
    """The smallest distance between two of `points` (degrees, as `spread` measures it)."""
    squeeze = np.cos(np.radians(points["lat"].to_numpy()))
    xy = np.column_stack([points["lon"].to_numpy() * squeeze, points["lat"].to_numpy()])
    gaps = [math.hypot(*(xy[i] - xy[j])) for i in range(len(xy)) for j in range(i + 1, len(xy))]
    return min(gaps, default=math.inf)
