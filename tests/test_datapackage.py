"""data/datapackage.json: a Frictionless Data Package generated from aimap/schema.py, kept
current, and the `frictionless` package as a second, independent validator of data/."""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import pytest
from conftest import FIXTURE, read_rows, write_rows
from frictionless import validate

from aimap import datapackage, datastore, schema
from aimap.__main__ import main
from aimap.load import DATA_DIR


def _errors(folder) -> list[tuple[str, str]]:
    """(table, error type) of every error frictionless finds in `folder`'s package."""
    report = validate(str(folder / datapackage.FILE))
    return [(task.name, error.type) for task in report.tasks for error in task.errors] + \
        [("package", error.type) for error in report.errors]


def test_the_checked_in_package_is_the_one_the_schema_gives():
    on_disk = (DATA_DIR / datapackage.FILE).read_bytes()
    assert on_disk == datapackage.text((DATA_DIR / schema.META.file).read_bytes()), \
        "data/datapackage.json is out of date: run python -m aimap datapackage"


def test_frictionless_finds_data_valid():
    errors = _errors(DATA_DIR)
    print(errors)
    assert errors == []


def test_the_package_describes_every_table_with_its_keys():
    package = json.loads((DATA_DIR / datapackage.FILE).read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [t.name for t in schema.TABLES]
    assert resources["factories"]["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["country"], "reference": {"resource": "countries", "fields": ["iso3"]}} \
        in resources["factories"]["schema"]["foreignKeys"]
    status = next(f for f in resources["factories"]["schema"]["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == list(schema.FACTORY_STATUS)
    assert package["licenses"][0]["title"]


def _broken(tmp_path, table: str, column: str, value: str):
    """A copy of the fixture with one cell of `table`'s first row set to `value`."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / f"{table}.csv")
    rows[0][column] = value
    write_rows(folder / f"{table}.csv", rows)
    datapackage.written(folder)
    return folder


@pytest.mark.parametrize("table, column, value, error", [
    ("factories", "country", "XXX", "foreign-key"),
    ("factories", "status", "finished", "constraint-error"),
    ("milestones", "start", "2025-02-30", "type-error"),
    ("budgets", "amount_eur", "a lot", "type-error"),
    ("antennas", "name", "", "constraint-error"),
])
def test_frictionless_catches_a_broken_cell(tmp_path, table, column, value, error):
    assert (table, error) in _errors(_broken(tmp_path, table, column, value))


def test_frictionless_catches_a_repeated_id(tmp_path):
    folder = _broken(tmp_path, "sources", "id", read_rows(FIXTURE / "sources.csv")[1]["id"])
    assert ("sources", "primary-key") in _errors(folder)


def test_the_fixture_is_valid_too(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    datapackage.written(folder)
    assert _errors(folder) == []


def test_the_cli_writes_it_and_the_zip_download_includes_it(tmp_path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    assert main(["datapackage", str(folder)]) == 0
    written = (folder / datapackage.FILE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(datastore.bundle(folder))) as archive:
        assert archive.read(datapackage.FILE) == written


def test_applying_meta_from_the_data_page_rewrites_the_package(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    datapackage.written(folder)
    rows = read_rows(folder / "meta.csv")
    for row in rows:
        if row["key"] == "title":
            row["value"] = "A new title"
    out = tmp_path / "meta.csv"
    write_rows(out, rows)
    datastore.apply(folder, "meta", out.read_bytes())
    package = json.loads((folder / datapackage.FILE).read_text())
    assert package["title"] == "A new title"
