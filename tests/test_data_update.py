"""A realistic data update needs no code and breaks no test: a new AI Factory in a fourth wave,
a new Antenna, a gigafactory bid with a budget and a milestone, a corrected budget and a
removed sector row. The copy validates, every page runs on it and shows it, and it exports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from apptest import as_read, link_labels, run_page
from conftest import read_rows, write_rows
from PIL import Image

from aimap import export, formatting, query, text
from aimap.figures.map import map_figure
from aimap.figures.timeline import timeline_figure
from aimap.load import GEO_FILE, load_dataset
from aimap.selection import Selection
from aimap.views import VIEWS

NEW_FACTORY, NEW_ANTENNA, NEW_BID = "test-aif", "test-aifa", "test-giga"


def _append(folder: Path, file: str, **values: str) -> None:
    rows = read_rows(folder / file)
    write_rows(folder / file, [*rows, {column: values.get(column, "") for column in rows[0]}])


def _update(folder: Path) -> dict[str, str]:
    """Apply the update to a copy of data/; returns what it changed, for the checks."""
    source = read_rows(folder / "sources.csv")[-1]["id"]
    common = dict(confidence="high", sources=source)
    _append(folder, "factories.csv", id=NEW_FACTORY, name="Test Fourth-Wave AI Factory",
            kind="eurohpc_ai_factory", wave="4", selected_on="2026-10-01", country="PRT",
            city="Porto", lat="41.15", lon="-8.61", host="Test host", status="selected",
            **common)
    _append(folder, "antennas.csv", id=NEW_ANTENNA, name="Test AI Factory Antenna",
            country="PRT", city="Braga", lat="41.55", lon="-8.42", coordinator="Test uni",
            linked_factories=NEW_FACTORY, selected_on="2026-10-01", **common)
    _append(folder, "factories.csv", id=NEW_BID, name="Test AI Gigafactory bid",
            kind="gigafactory_candidate", country="PRT", status="candidate", **common)
    _append(folder, "budgets.csv", id="b-test-giga", subject=NEW_BID, label="Test bid",
            amount_eur="5000000000", funder="mixed", scope="site", basis="sourced",
            preferred="true", **common)
    _append(folder, "budgets.csv", id="b-test-aif", subject=NEW_FACTORY, label="Test total",
            amount_eur="123000000", funder="mixed", scope="site", basis="sourced",
            preferred="true", **common)
    _append(folder, "milestones.csv", id="m-test-giga", subject=NEW_BID, phase="selection",
            label="Test bid selected", start="2026-11-01", end="2026-11-30",
            precision="month", status="planned", **common)
    _append(folder, "milestones.csv", id="m-test-wave-4", subject="wave-4", phase="selection",
            label="Fourth wave selected", start="2026-10-01", end="2026-10-01",
            precision="day", status="done", **common)
    budgets = read_rows(folder / "budgets.csv")
    changed = next(r for r in budgets if r["scope"] == "site" and r["funder"] == "mixed"
                   and r["preferred"] == "true" and r["amount_eur"])
    changed["amount_eur"] = str(float(changed["amount_eur"]) + 1_000_000)
    write_rows(folder / "budgets.csv", budgets)
    sectors = read_rows(folder / "sectors.csv")
    write_rows(folder / "sectors.csv", sectors[1:])
    return {"budget_subject": changed["subject"]}


@pytest.fixture
def updated(data_copy, monkeypatch):
    before = load_dataset(data_copy, GEO_FILE)
    changes = _update(data_copy)
    monkeypatch.setenv("AIMAP_DATA_DIR", str(data_copy))
    return before, load_dataset(data_copy, GEO_FILE), changes


def test_the_update_validates_and_its_figures_follow(updated):
    before, after, changes = updated
    old, new = (query.headline(d, query.sites(d)) for d in (before, after))
    assert (new.factories, new.antennas) == (old.factories + 1, old.antennas + 1)
    assert new.gigafactory_candidates == old.gigafactory_candidates + 1
    assert "4" in query.waves(after)
    assert len(after.sectors) == len(before.sectors) - 1
    # the new factory's budget and the corrected one count; the bid never does
    assert new.budgets.total_eur == pytest.approx(old.budgets.total_eur + 124_000_000)


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_every_page_runs_on_the_updated_data(updated, view):
    app = run_page(view.page)
    assert not app.error, [e.value for e in app.error]


def test_the_new_sites_are_shown(updated):
    _, after, _ = updated
    numbers = query.headline(after, query.sites(after))
    cards = {m.label: m.value for m in run_page().metric}
    assert cards[text.t("overview.factories")] == str(numbers.factories)
    assert cards[text.t("overview.budget")] == formatting.format_money(numbers.budgets.total_eur)
    wave4 = run_page(waves="4")
    assert wave4.multiselect(key="filter.waves").value == ["4"]
    assert {m.label: m.value for m in wave4.metric}[text.t("overview.factories")] == "1"
    site = run_page("pages/site.py", id=NEW_FACTORY)
    assert as_read(site.title[0].value) == "Test Fourth-Wave AI Factory"
    assert "Test AI Factory Antenna" in link_labels(site)


def test_the_updated_data_exports(updated):
    _, after, _ = updated
    if not export.available():
        pytest.fail("PNG export needs Debian's chromium")
    png = export.png(map_figure, after, Selection(waves=("4",)), "slide", metric="budget")
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (export.PRESETS["slide"].width, export.PRESETS["slide"].height)


def test_the_fourth_wave_is_marked_on_the_timeline(updated):
    _, after, _ = updated
    figure = timeline_figure(after, Selection())
    labels = [a.text for a in figure.layout.annotations]
    assert text.t("timeline.marker.wave", wave="4") in labels
