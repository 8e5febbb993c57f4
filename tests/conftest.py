"""Shared fixtures: the small hand-built dataset most tests assert on, the real dataset (for
invariants that hold whatever it says), and a scratch copy of data/ to break on purpose."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from browser import LAUNCH_ARGS, chromium_or_fail, streamlit_server

from aimap import schema
from aimap.load import DATA_DIR, Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The real data/: assert only what holds for any valid update of it."""
    return load_dataset()


@pytest.fixture(scope="session")
def fixture() -> Dataset:
    """tests/fixtures/data: a few invented sites whose figures tests may pin."""
    return load_dataset(FIXTURE)


@pytest.fixture
def on_fixture(monkeypatch, fixture) -> Dataset:
    """Pages (AppTest) run on the fixture dataset; returns it."""
    monkeypatch.setenv("AIMAP_DATA_DIR", str(FIXTURE))
    return fixture


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("history"))
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], fieldnames: list[str] | None = None) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames or list(rows[0]),
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def fixture_with_text(folder: Path, edit: Callable[[dict[str, str], str], str]) -> Path:
    """A copy of the fixture in `folder` whose every text cell of every table is
    `edit(row, column)`, written as a hand edit (no validation)."""
    shutil.copytree(FIXTURE, folder)
    for table in schema.TABLES:
        rows = read_rows(folder / table.file)
        for row in rows:
            for column in (c.name for c in table.columns if c.kind == "text"):
                row[column] = edit(row, column)
        write_rows(folder / table.file, rows, list(table.column_names))
    return folder


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright drives Debian's Chromium (no downloaded browser here)."""
    return {**browser_type_launch_args, "executable_path": chromium_or_fail(),
            "args": LAUNCH_ARGS, "headless": True}


@pytest.fixture(scope="session")
def server():
    """One live app on a free loopback port for every browser test."""
    with streamlit_server() as base:
        yield base
