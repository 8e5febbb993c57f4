"""Loading and validation: the real data loads; every rule rejects a broken copy of the fixture
(tests/fixtures/data) with a message naming file, row and column."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import query, schema
from aimap.load import GEO_FILE, DataError, load_dataset


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A copy of the fixture data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def test_real_data_loads_typed(dataset):
    assert pd.api.types.is_datetime64_any_dtype(dataset.factories["selected_on"])
    assert pd.api.types.is_float_dtype(dataset.budgets["amount_eur"])
    assert str(dataset.antennas["partner_count"].dtype) == "Int64"
    assert all(isinstance(v, tuple) for v in dataset.factories["sources"])
    assert dataset.as_of == pd.Timestamp(dataset.meta["as_of"])


def test_dataset_is_frozen(dataset):
    with pytest.raises(AttributeError):
        dataset.factories = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        dataset.meta["as_of"] = "2000-01-01"  # type: ignore[index]


def test_fixture_loads_typed(fixture):
    factories = fixture.factories.set_index("id")
    assert factories.at["alpha-aif", "selected_on"] == pd.Timestamp("2024-12-10")
    assert factories.at["alpha-aif", "gpus"] == 1000
    assert factories.at["delta-aif", "sources"] == ("fx-news", "fx-seed")
    assert fixture.antennas.set_index("id").at["eta-ant", "partner_count"] == 12
    budgets = fixture.budgets.set_index("id")
    assert budgets.at["b-zeta-bid", "amount_eur"] == 2e9
    assert budgets["preferred"].tolist() == [True, False, *[True] * 7]  # Alpha's second total
    assert fixture.as_of == pd.Timestamp("2026-06-30")


def test_unknown_stays_missing_never_zero(dataset):
    assert (dataset.budgets["amount_eur"].dropna() > 0).all()
    assert not (dataset.factories["gpus"].dropna() == 0).any()


def test_empty_cells_of_the_fixture_stay_missing(fixture_copy):
    rows = read_rows(fixture_copy / "budgets.csv")
    rows.append({**rows[0], "id": "b-delta-eu", "subject": "delta-aif", "label": "Delta EU",
                 "amount_eur": "", "funder": "eu", "notes": "Only the share is known."})
    write_rows(fixture_copy / "budgets.csv", rows)
    variant = load_dataset(fixture_copy)
    assert pd.isna(variant.budgets.set_index("id").at["b-delta-eu", "amount_eur"])
    assert "delta-aif" not in query.budget_totals(variant).index  # unknown, not €0
    assert pd.isna(variant.factories.set_index("id").at["beta-aif", "gpus"])
    theta = variant.antennas.set_index("id").loc["theta-ant"]
    assert pd.isna(theta["partner_count"]) and pd.isna(theta["lat"]) and pd.isna(theta["lon"])
    assert pd.isna(variant.countries.set_index("iso3").at["FRA", "population"])


def _edit(file: str, line: int, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell (line = line number in the file, header = 1)."""
    def apply(folder: Path) -> None:
        rows = read_rows(folder / file)
        rows[line - 2][column] = value
        write_rows(folder / file, rows)
    return apply


def _write(file: str, content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / file).write_bytes(content)


def _transform(file: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda folder: (folder / file).write_bytes(change((folder / file).read_bytes()))


def _drop_column(file: str, column: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        rows = read_rows(folder / file)
        for row in rows:
            del row[column]
        write_rows(folder / file, rows)
    return apply


def _add_row(file: str, **values: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        rows = read_rows(folder / file)
        rows.append({name: values.get(name, "") for name in rows[0]})
        write_rows(folder / file, rows)
    return apply


CASES = [
    ("missing file", lambda f: (f / "factories.csv").unlink(),
     "factories.csv:0:-: file is missing"),
    ("byte-order mark", _transform("antennas.csv", lambda b: b"\xef\xbb\xbf" + b),
     "antennas.csv:1:-: file starts with a byte-order mark"),
    ("latin-1 text", _transform("countries.csv", lambda b: b + "Köln,x\n".encode("latin-1")),
     "countries.csv:"),
    ("semicolon delimiter", _transform("sources.csv", lambda b: b.replace(b",", b";")),
     "sources.csv:1:-: columns are separated by ';'"),
    ("empty file", _write("claims.csv", b""), "claims.csv:1:-: file is empty"),
    ("missing column", _drop_column("antennas.csv", "confidence"),
     "antennas.csv:1:-: the header lacks: confidence"),
    ("ragged row", _transform("meta.csv", lambda b: b + b"a,b,c\n"), "meta.csv:"),
    ("required value", _edit("factories.csv", 2, "name", ""),
     "factories.csv:2:name: a value is required"),
    ("whole number", _edit("antennas.csv", 3, "partner_count", "many"),
     "antennas.csv:3:partner_count: 'many' is not a whole number"),
    ("whole number too long to store", _edit("factories.csv", 2, "gpus", "9" * 20),
     f"factories.csv:2:gpus: '{'9' * 20}' is not a whole number (at most 15 digits"),
    ("number with unit", _edit("budgets.csv", 2, "amount_eur", "100 M"),
     "budgets.csv:2:amount_eur: '100 M' is not a number"),
    ("date format", _edit("milestones.csv", 2, "start", "10/12/2024"),
     "milestones.csv:2:start: '10/12/2024' is not a date written YYYY-MM-DD"),
    ("impossible date", _edit("milestones.csv", 2, "end", "2026-02-30"),
     "milestones.csv:2:end: '2026-02-30' is not a real calendar date"),
    ("allowed values", _edit("factories.csv", 4, "kind", "ai_factory"),
     "factories.csv:4:kind: 'ai_factory' is not allowed"),
    ("boolean", _edit("budgets.csv", 3, "preferred", "yes"),
     "budgets.csv:3:preferred: 'yes' must be true or false"),
    ("duplicate id", _edit("antennas.csv", 3, "id", "eta-ant"), "'eta-ant' is used twice"),
    ("bad url", _edit("sources.csv", 3, "url", "www.example.org"),
     "sources.csv:3:url: 'www.example.org' is neither a web address"),
    ("html in a name", _edit("factories.csv", 2, "name", "<script>alert(1)</script>"),
     "factories.csv:2:name: contains HTML markup"),
    ("unknown country", _edit("factories.csv", 2, "country", "XYZ"),
     "factories.csv:2:country: 'XYZ' is not a country"),
    ("unknown source", _edit("antennas.csv", 2, "sources", "nope-404"),
     "antennas.csv:2:sources: 'nope-404' is not a source id"),
    ("dangling factory link", _edit("antennas.csv", 2, "linked_factories", "alpha-aif;atlantis"),
     "antennas.csv:2:linked_factories: 'atlantis' is not a factory id"),
    ("unknown subject", _edit("budgets.csv", 2, "subject", "atlantis"),
     "budgets.csv:2:subject: 'atlantis' is not a factory or antenna id"),
    ("unknown sector", _edit("sectors.csv", 2, "sector", "S99"),
     "sectors.csv:2:sector: 'S99' is not a sector id"),
    ("country without boundary",
     _add_row("countries.csv", iso3="ATL", name_en="Atlantis", name_fr="Atlantide",
              name_de="Atlantis", eu_member="false"),
     "has no boundary in geo/europe.geojson"),
    ("end before start", _edit("milestones.csv", 2, "end", "2000-01-01"),
     "milestones.csv:2:end: ends (2000-01-01) before it starts"),
    ("latitude outside Europe", _edit("factories.csv", 2, "lat", "23.16"),
     "factories.csv:2:lat: 23.16 is outside Europe"),
    ("longitude outside Europe", _edit("antennas.csv", 2, "lon", "72.68"),
     "antennas.csv:2:lon: 72.68 is outside Europe"),
    ("half a coordinate", _edit("antennas.csv", 2, "lon", ""),
     "antennas.csv:2:lon: give both lat and lon"),
    ("amount zero", _edit("budgets.csv", 2, "amount_eur", "0"),
     "budgets.csv:2:amount_eur: 0 must be more than zero"),
    ("meta without as_of", _write("meta.csv", b"key,value\ntitle,x\n"),
     "meta.csv:0:key: a row 'as_of'"),
]


@pytest.mark.parametrize("name, breaks, message", CASES, ids=[c[0] for c in CASES])
def test_bad_data_is_refused_with_file_row_column(fixture_copy, name, breaks, message):
    load_dataset(fixture_copy, GEO_FILE)  # loads before it is broken
    breaks(fixture_copy)
    with pytest.raises(DataError) as caught:
        load_dataset(fixture_copy, GEO_FILE)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_two_preferred_claims_in_one_group_are_refused(fixture_copy):
    _edit("budgets.csv", 3, "preferred", "true")(fixture_copy)  # Alpha's other total
    with pytest.raises(DataError) as caught:
        load_dataset(fixture_copy, GEO_FILE)
    assert any("claims for 'alpha-aif' (site, mixed)" in p and "have 2 preferred" in p
               for p in caught.value.problems), caught.value.problems


def test_preferred_shares_of_different_funders_are_accepted(fixture_copy):
    _edit("budgets.csv", 5, "funder", "regional")(fixture_copy)  # Beta: EU and regional
    variant = load_dataset(fixture_copy, GEO_FILE)
    assert query.budget_totals(variant).at["beta-aif", "amount_eur"] == 50e6


def test_every_problem_is_listed_at_once(fixture_copy):
    _edit("factories.csv", 2, "name", "")(fixture_copy)
    _edit("antennas.csv", 3, "partner_count", "many")(fixture_copy)
    _edit("budgets.csv", 2, "amount_eur", "lots")(fixture_copy)
    with pytest.raises(DataError) as caught:
        load_dataset(fixture_copy, GEO_FILE)
    for where in ("factories.csv:2:name:", "antennas.csv:3:partner_count:",
                  "budgets.csv:2:amount_eur:"):
        assert any(p.startswith(where) for p in caught.value.problems), where


def test_unreadable_boundaries_are_reported(fixture_copy, tmp_path):
    broken = tmp_path / "europe.geojson"
    broken.write_text("{not json")
    with pytest.raises(DataError, match="europe.geojson:0:-: cannot read country boundaries"):
        load_dataset(fixture_copy, broken)


def test_bad_data_leaves_files_untouched(fixture_copy):
    before = {p.name: p.read_bytes() for p in fixture_copy.iterdir()}
    _edit("factories.csv", 2, "kind", "bogus")(fixture_copy)
    changed = (fixture_copy / "factories.csv").read_bytes()
    with pytest.raises(DataError):
        load_dataset(fixture_copy, GEO_FILE)
    after = {p.name: p.read_bytes() for p in fixture_copy.iterdir()}
    assert after == {**before, "factories.csv": changed}


@pytest.mark.parametrize("table", schema.TABLES, ids=lambda t: t.name)
def test_every_column_is_documented_in_data_readme(table):
    readme = (Path(__file__).resolve().parent.parent / "data" / "README.md").read_text()
    section = readme.split(f"### `{table.file}`", 1)
    assert len(section) == 2, f"data/README.md has no section for {table.file}"
    body = section[1].split("\n### ", 1)[0]
    for column in table.columns:
        assert f"| `{column.name}` |" in body, f"{table.file}: column {column.name} undocumented"


def test_a_site_may_lie_in_one_of_its_other_countries(fixture_copy):
    _edit("factories.csv", 2, "lat", "41.15")(fixture_copy)  # Alpha (Spain, Portugal) at Porto
    _edit("factories.csv", 2, "lon", "-8.61")(fixture_copy)
    assert load_dataset(fixture_copy, GEO_FILE).factories.at[0, "lat"] == 41.15


def test_a_coastal_city_just_outside_the_simplified_boundary_is_accepted(fixture):
    lisbon = fixture.antennas.set_index("id").loc["eta-ant"]
    assert (lisbon["lat"], lisbon["lon"]) == (38.72, -9.14)  # 2 km out to sea at 1:50m


def test_a_site_far_from_its_country_is_refused(fixture_copy):
    _edit("factories.csv", 5, "lat", "48.86")(fixture_copy)  # Delta (Romania) at Paris
    _edit("factories.csv", 5, "lon", "2.35")(fixture_copy)
    with pytest.raises(DataError) as caught:
        load_dataset(fixture_copy, GEO_FILE)
    assert [p for p in caught.value.problems if p.startswith("factories.csv:5:lat: 48.86, 2.35 "
                                                            "is ")], caught.value.problems


def test_a_long_name_needs_a_short_name_for_charts(fixture_copy):
    _edit("factories.csv", 2, "name", "Alpha AI Factory for Artificial Intelligence Research")(
        fixture_copy)
    with pytest.raises(DataError) as refused:
        load_dataset(fixture_copy, GEO_FILE)
    assert refused.value.problems == [
        "factories.csv:2:short_name: the name has 53 characters; give a short name of at most "
        "32 for charts"]


def test_a_short_name_is_at_most_one_chart_label_long(fixture_copy):
    _edit("antennas.csv", 2, "short_name", "E" * 33)(fixture_copy)
    with pytest.raises(DataError) as refused:
        load_dataset(fixture_copy, GEO_FILE)
    assert refused.value.problems == [
        "antennas.csv:2:short_name: 33 characters; a chart label has at most 32"]


def test_a_site_is_labelled_by_its_short_name_else_its_name(fixture_copy):
    _edit("factories.csv", 2, "short_name", "AAIF")(fixture_copy)
    dataset = load_dataset(fixture_copy, GEO_FILE)
    labels = query.site_labels(dataset)
    assert labels["alpha-aif"] == "AAIF"
    assert labels["eta-ant"] == "Eta AI Factory Antenna"
    assert query.site_names(dataset)["alpha-aif"] == "Alpha AI Factory"


def test_a_check_on_a_day_to_come_is_refused(fixture_copy):
    with (fixture_copy / "verifications.csv").open("a") as handle:
        handle.write("budgets,b-alpha-total,2039-01-01,agree,\n")
    with pytest.raises(DataError) as error:
        load_dataset(fixture_copy)
    assert error.value.problems == ["verifications.csv:6:verified_on: 2039-01-01 has not "
                                    "come yet"]


def test_a_check_of_a_row_since_removed_is_kept_as_history(fixture_copy):
    with (fixture_copy / "verifications.csv").open("a") as handle:
        handle.write("factories,no-longer-here,2026-01-01,agree,\n")
    assert "no-longer-here" in set(load_dataset(fixture_copy).verifications["row"])
