"""Every CSV the app writes opens in a spreadsheet without running anything: formula starts
are neutralised at the start of a cell and after any line break in it, and a cell holding a
line break is always quoted, so a bare CR cannot start a new row."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from typing import NamedTuple
from xml.etree import ElementTree

import pandas as pd
import pytest
from conftest import FIXTURE, fixture_with_text, read_rows, write_rows

from aimap import datastore, safety, schema

RUNS = ("=", "+", "@", "\t", "\r")  # and '-' unless the cell is a number


def _cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8"), newline=""))
            for cell in row]


def _runnable(cell: str) -> bool:
    lines = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return any(line.startswith(RUNS) or (line.startswith("-") and not safety._is_number(line))
               for line in lines)


@pytest.mark.parametrize(("cell", "safe"), [
    ("Caveat.\r=cmd|' /C calc'!A0", "Caveat.\r'=cmd|' /C calc'!A0"),
    ("one\n+two", "one\n'+two"),
    ("one\r\n@SUM(A1)", "one\r\n'@SUM(A1)"),
    ("=1+1", "'=1+1"),
    ("-9.04", "-9.04"),
    ("a - b\nc", "a - b\nc"),
])
def test_formula_starts_are_neutralised_after_line_breaks_too(cell, safe):
    assert safety.csv_safe(cell) == safe


def test_a_cell_with_a_bare_carriage_return_is_quoted_and_reads_back_as_one_cell():
    content = safety.csv_bytes([["id", "notes"], ["b-1", "Caveat.\r=cmd|' /C calc'!A0"]])
    assert content.count(b'"') == 2
    rows = list(csv.reader(io.StringIO(content.decode(), newline="")))
    assert rows == [["id", "notes"], ["b-1", "Caveat.\r'=cmd|' /C calc'!A0"]]
    assert not any(_runnable(cell) for cell in _cells(content))


def test_a_hand_edited_table_downloads_without_a_runnable_cell(fixture_copy_with_bad_notes):
    content = datastore.download(fixture_copy_with_bad_notes, "budgets")
    assert not any(_runnable(cell) for cell in _cells(content))
    assert "b-alpha-total" in _cells(content)


@pytest.fixture
def fixture_copy_with_bad_notes(tmp_path):
    """A table edited by hand: a bare CR before a formula (written unquoted), a phone number."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "budgets.csv")
    rows[0]["notes"] = "Caveat.\r=cmd|' /C calc'!A0"
    rows[1]["notes"] = "+44 20 7946 0000"
    write_rows(folder / "budgets.csv", rows)
    return folder


#: Cells a hand-edited table may hold that a spreadsheet would run or split into rows.
HOSTILE = ("Caveat.\r=cmd|' /C calc'!A0", "=1+1", "+44 20 7946 0000", "@SUM(A1)", "\t=2+2",
           "-x", "one\n-2+3", "two\r\n@A1", "-9.04")


@pytest.fixture
def hostile_copy(tmp_path):
    """The fixture with a hostile cell in every text column of every table, as a hand edit."""
    cells = iter(HOSTILE * 100)
    return fixture_with_text(tmp_path / "data", lambda row, column: next(cells))


def _downloads(folder) -> dict[str, bytes]:
    """Every CSV the app offers: each table, the ZIP's members, a page's table (Budgets)."""
    found = {f"table-{spec.name}.csv": datastore.download(folder, spec.name)
             for spec in schema.TABLES}
    with zipfile.ZipFile(io.BytesIO(datastore.bundle(folder))) as archive:
        found |= {f"zip-{name}": archive.read(name) for name in archive.namelist()
                  if name.endswith(".csv")}
    page = pd.DataFrame({"Site": ["Alpha", None], "What": list(HOSTILE[:2]),
                         "Amount": [1.5e8, None]})
    return found | {"page-budgets.csv": safety.frame_csv(page)}


def test_every_download_reads_back_in_python_without_a_runnable_cell(hostile_copy):
    for name, content in _downloads(hostile_copy).items():
        assert not [cell for cell in _cells(content) if _runnable(cell)], name


def test_libreoffice_reads_every_download_back_as_text_in_the_same_rows(hostile_copy, tmp_path):
    """LibreOffice Calc (headless) opens each download as a user would (it evaluates formulas
    on import): no cell is a formula, none starts like one, and no row is split. A control
    file, not neutralised, shows the check sees formulas."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed: `make test` installs libreoffice-calc-nogui"
    files = _downloads(hostile_copy) | {"control.csv": b"a,b\r\n=1+1,x\r\n"}
    folder = tmp_path / "csv"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir",
                    str(tmp_path / "ods"), *sorted(folder.glob("*.csv"))],
                   check=True, capture_output=True, timeout=240)
    for name, content in files.items():
        rows = _spreadsheet_rows(tmp_path / "ods" / name.replace(".csv", ".ods"))
        formulas = [cell for row in rows for cell in row if cell.formula]
        if name == "control.csv":
            assert [cell.formula for cell in formulas] == ["of:=1+1"]
            continue
        assert not formulas, name
        assert len(rows) == len(list(csv.reader(io.StringIO(content.decode(), newline="")))), name
        assert not [c.text for row in rows for c in row if _runnable(c.text)], name


class _Cell(NamedTuple):
    text: str
    formula: str | None


def _spreadsheet_rows(path) -> list[list[_Cell]]:
    """The rows of an ODS file's first sheet, each cell's lines joined by LF."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    return [[_Cell("\n".join("".join(p.itertext()) for p in cell.iter(f"{{{_ODF['text']}}}p")),
                   cell.get(f"{{{_ODF['table']}}}formula"))
             for cell in row.iter(f"{{{_ODF['table']}}}table-cell")]
            for row in root.iter(f"{{{_ODF['table']}}}table-row")]


_ODF = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
