"""Build geo/europe.geojson, the country boundaries of the map, from Natural Earth via npm
world-atlas.

Run from the repository root (needs npm and network access to the npm registry):

    .venv/bin/python geo/build.py

What it does, in order:

1. ``npm pack world-atlas@2.0.2`` into a temporary directory (deleted afterwards, never committed)
   and checks the tarball against the registry's sha512 integrity pinned below.
2. Reads ``countries-50m.json`` (TopoJSON, layer "countries") with geopandas, EPSG:4326.
3. Gives each piece an ISO 3166-1 alpha-3 code (``id`` is the ISO numeric code; pieces without one
   are mapped by name), then dissolves pieces by code. Three corrections to Natural Earth's de facto
   lines, so that the map follows the boundaries the EU and the UN recognise:
   Crimea (drawn as Russia) goes to Ukraine, "N. Cyprus" to Cyprus, Åland (its own unit) to Finland.
4. Clips to lon -25…45, lat 34…72 (``aimap.schema.EUROPE_BOUNDS``).
5. Simplifies all countries together with ``GeoSeries.simplify_coverage`` so shared borders stay
   identical (no gaps or slivers), rounds coordinates, then orients every polygon with a clockwise
   exterior ring, the winding d3/plotly expects (a counter-clockwise ring paints the whole globe).
6. Checks the result (every country present and non-empty, valid, a gap-free coverage, inside the
   box, no feature larger than a hemisphere on the sphere, file size) and writes
   ``geo/europe.geojson``: a FeatureCollection, one feature per line, ``id`` = ISO3,
   ``properties`` = {"iso3", "name"}, sorted by ISO3, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box, mapping

PACKAGE = "world-atlas@2.0.2"
#: dist.integrity of world-atlas 2.0.2 on the npm registry
#: (`npm view world-atlas@2.0.2 dist.integrity`).
INTEGRITY = ("sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/"
             "MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==")
MEMBER = "package/countries-50m.json"

OUTPUT = Path(__file__).resolve().parent / "europe.geojson"
MAX_BYTES = 200 * 1024
#: lon_min, lat_min, lon_max, lat_max; as aimap.schema.EUROPE_BOUNDS
BOUNDS = (-25.0, 34.0, 45.0, 72.0)
TOLERANCE = 0.03  # degrees, about 2 km at 50°N: under a pixel at full-screen Europe scale
DECIMALS = 3  # about 100 m, far below the tolerance

#: Countries drawn on the map: ISO numeric code as in world-atlas -> (ISO3, English short name).
COUNTRIES: dict[str, tuple[str, str]] = {
    # EU Member States
    "040": ("AUT", "Austria"),
    "056": ("BEL", "Belgium"),
    "100": ("BGR", "Bulgaria"),
    "191": ("HRV", "Croatia"),
    "196": ("CYP", "Cyprus"),
    "203": ("CZE", "Czechia"),
    "208": ("DNK", "Denmark"),
    "233": ("EST", "Estonia"),
    "246": ("FIN", "Finland"),
    "250": ("FRA", "France"),
    "276": ("DEU", "Germany"),
    "300": ("GRC", "Greece"),
    "348": ("HUN", "Hungary"),
    "372": ("IRL", "Ireland"),
    "380": ("ITA", "Italy"),
    "428": ("LVA", "Latvia"),
    "440": ("LTU", "Lithuania"),
    "442": ("LUX", "Luxembourg"),
    "470": ("MLT", "Malta"),
    "528": ("NLD", "Netherlands"),
    "616": ("POL", "Poland"),
    "620": ("PRT", "Portugal"),
    "642": ("ROU", "Romania"),
    "703": ("SVK", "Slovakia"),
    "705": ("SVN", "Slovenia"),
    "724": ("ESP", "Spain"),
    "752": ("SWE", "Sweden"),
    # Rest of Europe
    "008": ("ALB", "Albania"),
    "020": ("AND", "Andorra"),
    "070": ("BIH", "Bosnia and Herzegovina"),
    "112": ("BLR", "Belarus"),
    "336": ("VAT", "Vatican City"),
    "352": ("ISL", "Iceland"),
    "438": ("LIE", "Liechtenstein"),
    "492": ("MCO", "Monaco"),
    "498": ("MDA", "Moldova"),
    "499": ("MNE", "Montenegro"),
    "578": ("NOR", "Norway"),
    "674": ("SMR", "San Marino"),
    "688": ("SRB", "Serbia"),
    "756": ("CHE", "Switzerland"),
    "792": ("TUR", "Türkiye"),  # partner in the BSC AI Factory; lies wholly inside the box
    "804": ("UKR", "Ukraine"),
    "807": ("MKD", "North Macedonia"),
    "826": ("GBR", "United Kingdom"),
    # Natural Earth units that belong to a country above
    "248": ("FIN", "Finland"),  # Åland
}
#: Pieces that have no ISO numeric code in world-atlas, by their world-atlas name.
BY_NAME: dict[str, str] = {"Kosovo": "XKX", "N. Cyprus": "CYP"}
NAMES = {iso3: name for iso3, name in COUNTRIES.values()} | {"XKX": "Kosovo"}
#: Crimea is a separate polygon of Russia's multipolygon in Natural Earth; this box finds it.
CRIMEA = box(32.0, 44.0, 37.0, 46.5)


def _download(folder: Path) -> Path:
    """npm pack the package into folder, check its integrity and extract the countries file."""
    out = subprocess.run(["npm", "pack", PACKAGE, "--json"], cwd=folder, check=True,
                         capture_output=True, text=True).stdout
    tarball = folder / json.loads(out)[0]["filename"]
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != INTEGRITY:
        sys.exit(f"{tarball.name}: sha512 does not match the pinned integrity; refusing to build.")
    with tarfile.open(tarball) as tar:
        tar.extract(MEMBER, folder, filter="data")
    return folder / MEMBER


def _read(path: Path) -> gpd.GeoDataFrame:
    """Read the TopoJSON countries, one row per piece, with an iso3 column (None = not kept)."""
    world = gpd.read_file(path, layer="countries").set_crs(4326)
    iso3 = world["id"].map(lambda code: COUNTRIES.get(code, (None,))[0])
    world["iso3"] = iso3.fillna(world["name"].map(BY_NAME))
    return world


def _crimea(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Crimea as its own row coded UKR, cut out of Russia's multipolygon."""
    russia = world.loc[world["name"] == "Russia", "geometry"].iloc[0]
    parts = [p for p in russia.geoms if CRIMEA.contains(p.representative_point()) and p.area < 10]
    if len(parts) != 1:
        sys.exit(f"Expected one Crimea polygon in Russia's geometry, found {len(parts)}.")
    return gpd.GeoDataFrame({"iso3": ["UKR"]}, geometry=parts, crs=world.crs)


def _countries(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The kept pieces plus Crimea, dissolved to one row per country, clipped to the box."""
    kept = world.loc[world["iso3"].notna(), ["iso3", "geometry"]]
    pieces = gpd.GeoDataFrame(pd.concat([kept, _crimea(world)], ignore_index=True), crs=world.crs)
    countries = pieces.dissolve(by="iso3").reset_index()
    clipped = shapely.intersection(countries.geometry.values, box(*BOUNDS))
    countries["geometry"] = [_polygons_only(g) for g in clipped]
    return countries


def _polygons_only(geom):
    """Drop the lines and points an intersection can leave along the clip edges."""
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        return shapely.union_all(polys)
    return geom


def _round(geoms: np.ndarray) -> np.ndarray:
    return shapely.transform(geoms, lambda xy: np.round(xy, DECIMALS))


def _simplify(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Coverage-simplify, round, then orient exterior rings clockwise (after, never before)."""
    if not shapely.coverage_is_valid(countries.geometry.values):
        sys.exit("Clipped countries do not form a valid coverage "
                 "(overlaps or gaps on shared borders).")
    simplified = countries.geometry.simplify_coverage(TOLERANCE).values
    oriented = shapely.orient_polygons(_round(simplified), exterior_cw=True)
    return countries.assign(geometry=oriented)


def _ring_area(ring: np.ndarray) -> float:
    """Signed spherical area term of one closed ring, exactly as d3-geo's geoArea sums it."""
    lam = np.radians(ring[:, 0])
    phi = np.radians(ring[:, 1]) / 2 + math.pi / 4
    d_lam = np.diff(lam)
    sign = np.where(d_lam >= 0, 1.0, -1.0)
    ad_lam = sign * d_lam
    cos0, sin0 = np.cos(phi[:-1]), np.sin(phi[:-1])
    cos1, sin1 = np.cos(phi[1:]), np.sin(phi[1:])
    k = sin0 * sin1
    return float(np.sum(np.arctan2(k * sign * np.sin(ad_lam), cos0 * cos1 + k * np.cos(ad_lam))))


def d3_area(geom) -> float:
    """Area in steradians that d3-geo (and so plotly) gives the geometry; 4π is the whole globe.

    d3 reads a ring's winding to decide which side is inside, so a wrongly wound exterior ring
    yields nearly 4π instead of a small number.
    """
    total = 0.0
    for polygon in getattr(geom, "geoms", [geom]):
        rings = [polygon.exterior, *polygon.interiors]
        s = sum(_ring_area(np.asarray(r.coords)) for r in rings)
        total += 2 * (s + 2 * math.pi if s < 0 else s)
    return total


def _check(countries: gpd.GeoDataFrame) -> None:
    """Stop with a message naming the country if the result cannot be drawn correctly."""
    expected = set(NAMES)
    found = set(countries["iso3"])
    if found != expected:
        sys.exit(f"Countries missing: {sorted(expected - found)}; "
                 f"unexpected: {sorted(found - expected)}.")
    geoms = countries.geometry.values
    if not shapely.coverage_is_valid(geoms):
        sys.exit("Simplified countries are no longer a gap-free coverage.")
    west, south, east, north = BOUNDS
    for iso3, geom in zip(countries["iso3"], geoms):
        if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            sys.exit(f"{iso3}: empty or not a polygon after simplification ({geom.geom_type}).")
        if not geom.is_valid:
            sys.exit(f"{iso3}: invalid geometry: {shapely.is_valid_reason(geom)}.")
        x0, y0, x1, y1 = geom.bounds
        if x0 < west or y0 < south or x1 > east or y1 > north:
            sys.exit(f"{iso3}: bounds {geom.bounds} leave the box {BOUNDS}.")
        if d3_area(geom) > 2 * math.pi:
            sys.exit(f"{iso3}: covers more than a hemisphere in d3 (ring winding flipped).")


def _feature(iso3: str, geom) -> dict:
    return {"type": "Feature", "id": iso3, "properties": {"iso3": iso3, "name": NAMES[iso3]},
            "geometry": mapping(geom)}


def _write(countries: gpd.GeoDataFrame) -> int:
    """Write one feature per line; return the size in bytes."""
    rows = countries.sort_values("iso3")
    lines = [json.dumps(_feature(i, g), ensure_ascii=False, separators=(",", ":"))
             for i, g in zip(rows["iso3"], rows.geometry)]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        sys.exit(f"{OUTPUT.name} would be {len(data)} bytes, over the {MAX_BYTES}-byte budget.")
    OUTPUT.write_bytes(data)
    return len(data)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        world = _read(_download(Path(tmp)))
    countries = _simplify(_countries(world))
    _check(countries)
    size = _write(countries)
    print(f"Wrote {OUTPUT} ({size / 1024:.0f} KiB, {len(countries)} countries).")


if __name__ == "__main__":
    main()
