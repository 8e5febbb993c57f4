"""Validation rules over the raw (string) rows of every table.

Each check returns problems as `file:row:column: message`, worded for the people who keep the
data, not for programmers. `check_all` runs cell checks, unique keys, references and the
cross-row rules, and returns every problem at once.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from shapely import affinity
from shapely.geometry import Point, shape

from aimap import schema
from aimap.safety import FORMULA_START
from aimap.schema import Column, Table

Rows = list[dict[str, str]]
Raw = dict[str, Rows]

# Patterns are matched whole (fullmatch) and in ASCII: Python's int() and float() also take
# '1_000', 'NaN', 'inf', '1e6' and full-width digits, which are typing accidents here.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_INT = re.compile(r"[0-9]{1,15}")  # more digits overflow the typed column
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_WAVE = re.compile(r"[1-9][0-9]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL = re.compile(r"https?://[^\s<>\"]+")
_SEED = re.compile(r"[0-9]{3}_[0-9a-f]{16}\.txt")
_HTML = re.compile(r"</?[A-Za-z!]")
#: Control and invisible characters: a CR or LF inside a cell starts a new row in a
#: spreadsheet (and a formula with it); zero-width characters hide text.
_CONTROL = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
#: Plausible amounts in euros: below, a figure was typed in millions; above, zeros were added.
AMOUNT_RANGE = (1_000.0, 1_000_000_000_000.0)
#: Plausible years for any date in the data (0001-01-01 or 9999-12-31 are typing accidents).
YEARS = (2000, 2040)
#: How far outside its country's boundary a site may lie: the boundaries are simplified
#: (Natural Earth 1:50m), so a coastal city can fall a few kilometres out to sea.
COUNTRY_TOLERANCE_KM = 10.0


def split_list(value: str) -> list[str]:
    """The items of a ';'-separated cell, stripped, empty items dropped."""
    return [item.strip() for item in value.split(";") if item.strip()]


def _where(table: Table, row: dict[str, str], column: str) -> str:
    return f"{table.file}:{row['_line']}:{column}"


def _cell_problem(column: Column, value: str) -> str | None:
    """Why one non-empty cell is not valid for its column, or None."""
    kind = column.kind
    control = _CONTROL.search(value)
    if control:
        return (f"contains a control or invisible character (U+{ord(control.group()):04X}); "
                "write the text on one line, without them")
    if _HTML.search(value):
        return "contains HTML markup ('<…'); write plain text"
    if kind not in ("int", "float") and value.startswith(FORMULA_START):
        return (f"starts with '{value[0]}', which a spreadsheet runs as a formula; "
                "start the text with a letter or digit")
    if kind == "id" and not _ID.fullmatch(value):
        return f"'{value}' is not a valid id (letters, digits, '.', '_' and '-' only)"
    if kind == "int" and not _INT.fullmatch(value):
        return f"'{value}' is not a whole number (at most 15 digits 0-9)"
    if kind == "wave" and not _WAVE.fullmatch(value):
        return f"'{value}' is not a wave number (1, 2, 3, …)"
    if kind == "float" and not _NUMBER.fullmatch(value):
        return (f"'{value}' is not a number (digits 0-9, '.' for decimals; no units, spaces, "
                "'_' or exponent)")
    if kind == "date":
        return date_problem(value)
    if kind == "bool" and value not in ("true", "false"):
        return f"'{value}' must be true or false"
    if kind == "enum" and value not in column.allowed:
        return f"'{value}' is not allowed; use one of: {', '.join(column.allowed)}"
    if kind == "url_or_seed" and not (_URL.fullmatch(value) or _SEED.fullmatch(value)):
        return f"'{value}' is neither a web address (http…) nor a seed file name"
    return None


def date_problem(value: str) -> str | None:
    """Why `value` is not a plausible YYYY-MM-DD calendar date, or None."""
    if not _DATE.fullmatch(value):
        return f"'{value}' is not a date written YYYY-MM-DD"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"'{value}' is not a real calendar date"
    if not YEARS[0] <= day.year <= YEARS[1]:
        return f"'{value}' is outside the years {YEARS[0]}–{YEARS[1]}; check the year"
    return None


def check_cells(table: Table, rows: Rows) -> list[str]:
    """Required values, types and allowed values, cell by cell."""
    problems = []
    for row in rows:
        for column in table.columns:
            value = row[column.name]
            if not value:
                if column.required:
                    problems.append(f"{_where(table, row, column.name)}: a value is required")
                continue
            problem = _cell_problem(column, value)
            if problem:
                problems.append(f"{_where(table, row, column.name)}: {problem}")
    return problems


def check_unique(table: Table, rows: Rows) -> list[str]:
    """The key column holds no value twice."""
    if not table.key:
        return []
    first: dict[str, dict[str, str]] = {}
    problems = []
    for row in rows:
        value = row[table.key]
        same = value.strip().casefold()
        if same in first:
            earlier = first[same]
            spelt = "" if earlier[table.key] == value else (
                f" as '{earlier[table.key]}'; ids are the same whatever their case")
            problems.append(f"{_where(table, row, table.key)}: '{value}' is used twice (first on "
                            f"row {earlier['_line']}{spelt})")
        elif value:
            first[same] = row
    return problems


def reference_targets(raw: Raw, geo_ids: frozenset[str]) -> dict[str, frozenset[str]]:
    """For each kind of reference, the ids it may point to."""
    def ids(table: str, column: str = "id") -> frozenset[str]:
        return frozenset(r[column] for r in raw[table] if r[column])

    sites = ids("factories") | ids("antennas")
    return {
        "countries": ids("countries", "iso3") & geo_ids,
        "sources": ids("sources"),
        "sectors": ids("sector_taxonomy"),
        "factories": ids("factories"),
        "sites": sites,
        "subjects": sites | frozenset(schema.PROGRAMME_SUBJECTS) | frozenset(
            schema.WAVE_SUBJECT.format(wave=r["wave"]) for r in raw["factories"] if r["wave"]),
    }


_TARGET_NAMES = {
    "countries": "a country in countries.csv with a boundary in geo/",
    "sources": "a source id in sources.csv",
    "sectors": "a sector id in sector_taxonomy.csv",
    "factories": "a factory id in factories.csv",
    "sites": "a factory or antenna id",
    "subjects": "a factory or antenna id, a wave of factories.csv (wave-1, …) or one of "
                + ", ".join(schema.PROGRAMME_SUBJECTS),
}


def check_references(table: Table, rows: Rows, targets: dict[str, frozenset[str]]) -> list[str]:
    """Every ref / reflist value names something that exists."""
    problems = []
    for column in (c for c in table.columns if c.ref):
        allowed = targets[column.ref]
        for row in rows:
            value = row[column.name]
            items = split_list(value) if column.kind == "reflist" else [value] if value else []
            for item in items:
                if item not in allowed:
                    problems.append(f"{_where(table, row, column.name)}: '{item}' is not "
                                    f"{_TARGET_NAMES[column.ref]}")
    return problems


def check_countries_have_boundaries(raw: Raw, geo_ids: frozenset[str]) -> list[str]:
    """Every country row can be drawn."""
    table = schema.COUNTRIES
    return [f"{_where(table, r, 'iso3')}: '{r['iso3']}' has no boundary in geo/europe.geojson"
            for r in raw["countries"] if r["iso3"] and r["iso3"] not in geo_ids]


def check_coordinates(raw: Raw) -> list[str]:
    """Sites have both coordinates or neither, inside Europe."""
    lon_min, lat_min, lon_max, lat_max = schema.EUROPE_BOUNDS
    problems = []
    for table in (schema.FACTORIES, schema.ANTENNAS):
        for row in raw[table.name]:
            lat, lon = row["lat"], row["lon"]
            if bool(lat) != bool(lon):
                missing = "lon" if lat else "lat"
                problems.append(f"{_where(table, row, missing)}: give both lat and lon, or neither")
                continue
            lat_value, lon_value = float(lat or "nan"), float(lon or "nan")
            if lat and not lat_min <= lat_value <= lat_max:
                problems.append(f"{_where(table, row, 'lat')}: {lat} is outside Europe "
                                f"({lat_min} to {lat_max}); latitude and longitude swapped?")
            if lon and not lon_min <= lon_value <= lon_max:
                problems.append(f"{_where(table, row, 'lon')}: {lon} is outside Europe "
                                f"({lon_min} to {lon_max})")
    return problems


def _km_outside(boundary, lat: float, lon: float) -> float:
    """Roughly how far (km) the point lies outside `boundary`, 0 inside: longitudes scaled
    by the cosine of the latitude, good to a few per cent over such distances."""
    if boundary.covers(Point(lon, lat)):
        return 0.0
    shrink = math.cos(math.radians(lat))
    flat = affinity.scale(boundary, xfact=shrink, yfact=1.0, origin=(0, 0))
    return flat.distance(Point(lon * shrink, lat)) * 111.32


def check_sites_in_their_country(raw: Raw, geo: Mapping) -> list[str]:
    """A site's coordinates fall inside its country (or one of its other countries), give or
    take `COUNTRY_TOLERANCE_KM`: a Romanian site at Madrid's coordinates is a typing error."""
    boundaries = {f["id"]: f["geometry"] for f in geo["features"]}
    lon_min, lat_min, lon_max, lat_max = schema.EUROPE_BOUNDS
    problems = []
    for table in (schema.FACTORIES, schema.ANTENNAS):
        for row in raw[table.name]:
            if not (row["lat"] and row["lon"]):
                continue  # check_coordinates says so
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
                continue  # outside Europe: check_coordinates says so
            countries = [row["country"], *split_list(row.get("other_countries", ""))]
            distances = [_km_outside(shape(boundaries[c]), lat, lon)
                         for c in countries if c in boundaries]
            if distances and min(distances) > COUNTRY_TOLERANCE_KM:
                problems.append(f"{_where(table, row, 'lat')}: {row['lat']}, {row['lon']} is "
                                f"{min(distances):,.0f} km outside {'/'.join(countries)}; check "
                                "the coordinates or the country")
    return problems


def check_date_order(raw: Raw) -> list[str]:
    """A milestone ends on or after the day it starts."""
    table = schema.MILESTONES
    return [f"{_where(table, r, 'end')}: ends ({r['end']}) before it starts ({r['start']})"
            for r in raw["milestones"]
            if _DATE.match(r["start"]) and _DATE.match(r["end"]) and r["end"] < r["start"]]


def check_amounts(raw: Raw) -> list[str]:
    """Money is a plausible amount in euros."""
    table = schema.BUDGETS
    low, high = AMOUNT_RANGE
    problems = []
    for row in raw["budgets"]:
        value = row["amount_eur"]
        try:
            amount = float(value) if value else None
        except ValueError:
            continue  # reported by check_cells
        where = _where(table, row, "amount_eur")
        if amount is None:
            continue
        if amount <= 0:
            problems.append(f"{where}: {value} must be more than zero; leave it empty when "
                            "unknown")
        elif amount < low:
            problems.append(f"{where}: {value} is less than €1,000; amounts are in euros, not "
                            "millions (write 80000000 for €80 M)")
        elif amount > high:
            problems.append(f"{where}: {value} is more than €1,000 bn; check the number of "
                            "zeros")
    return problems


def budget_group(row: dict[str, str]) -> tuple[str, str, str]:
    """Claims in the same group compete: site claims by funder, others by label."""
    third = row["funder"] if row["scope"] == "site" else row["label"].casefold()
    return row["subject"], row["scope"], third


def check_one_preferred(raw: Raw) -> list[str]:
    """Exactly one preferred claim in each group of competing budget claims."""
    table = schema.BUDGETS
    groups: dict[tuple[str, str, str], Rows] = defaultdict(list)
    for row in raw["budgets"]:
        groups[budget_group(row)].append(row)
    problems = []
    for (subject, scope, third), rows in groups.items():
        preferred = [r for r in rows if r["preferred"] == "true"]
        if len(preferred) != 1:
            lines = ", ".join(r["_line"] for r in rows)
            problems.append(f"{_where(table, (preferred or rows)[-1], 'preferred')}: claims for "
                            f"'{subject}' ({scope}, {third}) on rows {lines} have "
                            f"{len(preferred)} preferred; mark exactly one true")
    return problems


def check_labels(raw: Raw) -> list[str]:
    """Every site has a chart label of at most `LABEL_WIDTH` characters: its short name, or its
    name when that is short enough."""
    problems = []
    for table in (schema.FACTORIES, schema.ANTENNAS):
        for row in raw[table.name]:
            short = row["short_name"]
            if len(short) > schema.LABEL_WIDTH:
                problems.append(f"{_where(table, row, 'short_name')}: {len(short)} characters; "
                                f"a chart label has at most {schema.LABEL_WIDTH}")
            elif not short and len(row["name"]) > schema.LABEL_WIDTH:
                problems.append(f"{_where(table, row, 'short_name')}: the name has "
                                f"{len(row['name'])} characters; give a short name of at most "
                                f"{schema.LABEL_WIDTH} for charts")
    return problems


def check_meta(raw: Raw) -> list[str]:
    """The dataset says which date it describes."""
    as_of = next((r for r in raw["meta"] if r["key"] == "as_of"), None)
    if as_of is None:
        return ["meta.csv:0:key: a row 'as_of' with the date the data describes is required"]
    problem = date_problem(as_of["value"])
    return [f"meta.csv:{as_of['_line']}:value: as_of {problem}"] if problem else []


def check_verifications(raw: Raw) -> list[str]:
    """Each check was made on a day that has come. A check of a row since removed or
    re-worded is history, not an error: a maintainer deleting a row need not edit the record."""
    today = date.today().isoformat()
    problems = []
    for row in raw["verifications"]:
        if row["verified_on"] > today:
            problems.append(f"{_where(schema.VERIFICATIONS, row, 'verified_on')}: "
                            f"{row['verified_on']} has not come yet")
    return problems


_CROSS_RULES: tuple[Callable[[Raw], Iterable[str]], ...] = (
    check_coordinates, check_date_order, check_amounts, check_one_preferred, check_labels,
    check_meta, check_verifications,
)


def check_all(raw: Raw, geo: Mapping) -> list[str]:
    """Every problem in the raw tables, in table order; `geo` is the boundaries file."""
    geo_ids = frozenset(f["id"] for f in geo["features"])
    problems: list[str] = []
    for table in schema.TABLES:
        problems += check_cells(table, raw[table.name]) + check_unique(table, raw[table.name])
    if problems:
        return problems  # references and rules assume well-formed cells
    problems += check_countries_have_boundaries(raw, geo_ids)
    targets = reference_targets(raw, geo_ids)
    for table in schema.TABLES:
        problems += check_references(table, raw[table.name], targets)
    sites_placeable = not problems  # a site's country must exist to compare it with
    for rule in _CROSS_RULES:
        problems += rule(raw)
    return problems + (check_sites_in_their_country(raw, geo) if sites_placeable else [])
