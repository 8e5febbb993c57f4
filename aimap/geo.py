"""Geometry derived from the shipped boundaries: where to put a clickable dot for countries too
small to click on a Europe-wide map."""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
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
