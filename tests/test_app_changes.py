"""The What changed page (AppTest): the fixture against a release of it with known edits."""

from __future__ import annotations

import shutil

import pytest
from apptest import as_read, run_page
from conftest import FIXTURE, read_rows, write_rows

from aimap.text import t
from aimap.views import page_of

PAGE = page_of("changes")


@pytest.fixture
def released(tmp_path, monkeypatch):
    """The fixture as the data, with a release in which the first factory had another
    status and one site did not exist yet; returns (that factory's id, the new site's)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    release = data / "releases" / "2026-01-31"
    shutil.copytree(FIXTURE, release)
    rows = read_rows(release / "factories.csv")
    first, newest = rows[0]["id"], rows[-1]["id"]
    rows[0]["status"] = "candidate" if rows[0]["status"] != "candidate" else "selected"
    write_rows(release / "factories.csv", rows[:-1], list(rows[0]))
    monkeypatch.setenv("AIMAP_DATA_DIR", str(data))
    return first, newest


def _table(app):
    return app.dataframe[0].value


def test_the_page_lists_the_changes_since_the_newest_release(released):
    first, newest = released
    app = run_page(PAGE)
    assert app.selectbox(key="since").value == "2026-01-31"
    table = _table(app)
    assert t("changes.kind.site_added") in set(table["change"])
    assert t("changes.kind.status") in set(table["change"])
    metrics = {m.label: m.value for m in app.metric}
    assert metrics[t("changes.kind.status")] == "1"
    assert [b.label for b in app.get("download_button")][0] == t("changes.download")


def test_a_filter_keeps_only_the_changes_about_the_sites_it_shows(released):
    first, _ = released
    app = run_page(PAGE)
    everything = len(_table(app))
    country = next(r["country"] for r in read_rows(FIXTURE / "factories.csv") if r["id"] == first)
    app = run_page(PAGE, countries=country)
    assert 0 < len(_table(app)) < everything


def test_an_unknown_release_in_the_link_falls_back_and_says_so(released):
    app = run_page(PAGE, since="1999-01-01")
    assert app.selectbox(key="since").value == "2026-01-31"
    assert "1999-01-01" in as_read(app.warning[0].value)


def test_without_a_release_the_page_says_there_is_nothing_to_compare(on_fixture):
    app = run_page(PAGE)
    assert app.info[0].value == t("changes.no_release")
