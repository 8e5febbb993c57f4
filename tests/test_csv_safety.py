"""Every CSV the app writes opens in a spreadsheet without running anything: formula starts
are neutralised at the start of a cell and after any line break in it, and a cell holding a
line break is always quoted, so a bare CR cannot start a new row."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import datastore, safety

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
