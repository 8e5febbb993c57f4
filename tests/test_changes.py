"""What changed between a release and the data now: on copies of the fixture with edits made
by hand, so every kind of change is known in advance."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import changes
from aimap.__main__ import main


def _edit(folder, table: str, edit) -> None:
    rows = read_rows(folder / f"{table}.csv")
    write_rows(folder / f"{table}.csv", edit(rows), list(rows[0]))


@pytest.fixture
def two_versions(tmp_path):
    """(old, new): the fixture, and a copy with one change of each kind."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(FIXTURE, old)
    shutil.copytree(FIXTURE, new)
    factories = read_rows(old / "factories.csv")
    first, second = factories[0], factories[1]

    def sites(rows):
        rows = [dict(r) for r in rows if r["id"] != second["id"]]  # removed
        rows[0]["status"] = "operational" if first["status"] != "operational" else "selected"
        rows[0]["gpus"] = "4242"
        rows[0]["sources"] = f"fx-news;{rows[0]['sources']}"  # where 4242 comes from
        rows[0]["notes"] = "Reworded."
        return rows + [dict(first, id="new-site", name="A New Site")]
    _edit(new, "factories", sites)
    claim = read_rows(old / "claims.csv")[0]
    _edit(new, "claims", lambda rows: rows + [dict(claim, id="c-new-error", verdict="error"),
                                             dict(claim, id="c-new-alt", verdict="alternative")])
    return old, new, first, second


def _only(found, **where):
    match = found
    for column, value in where.items():
        match = match[match[column] == value]
    assert len(match) == 1, (where, match)
    return match.iloc[0]


def test_every_kind_of_change_is_found_once(two_versions):
    old, new, first, second = two_versions
    found = changes.compare(old, new)
    assert _only(found, kind="site_added", id="new-site")["new"] == "A New Site"
    assert _only(found, kind="site_removed", id=second["id"])["old"] == second["name"]
    status = _only(found, kind="status", id=first["id"])
    assert status["old"] == first["status"] and status["new"] != first["status"]
    gpus = _only(found, kind="figure", id=first["id"], field="gpus")
    assert (gpus["old"], gpus["new"]) == (first["gpus"], "4242")
    assert gpus["sources"] == f"fx-news;{first['sources']}"  # the new value's source first
    assert _only(found, kind="note", id=first["id"], field="sources")["new"].startswith("fx-news")
    assert _only(found, kind="correction")["id"] == "c-new-error"
    assert _only(found, kind="disagreement")["id"] == "c-new-alt"
    removed_rows = found[found["kind"] == "row_removed"]
    assert set(removed_rows["subject"]) <= {second["id"]}  # its budgets etc. went with it


def test_changes_come_in_the_readers_order_and_are_counted(two_versions):
    old, new, *_ = two_versions
    found = changes.compare(old, new)
    order = [changes.KINDS.index(kind) for kind in found["kind"]]
    assert order == sorted(order)
    counts = changes.counts(found)
    assert list(counts) == list(changes.KINDS) and sum(counts.values()) == len(found)
    assert counts["site_added"] == 1 and counts["status"] == 1


def test_the_same_data_has_no_changes():
    assert changes.compare(FIXTURE, FIXTURE).empty


def test_a_column_added_since_the_release_is_not_a_change(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(FIXTURE, old)
    shutil.copytree(FIXTURE, new)
    rows = read_rows(new / "sources.csv")
    write_rows(new / "sources.csv", [dict(r, checked="") for r in rows], [*rows[0], "checked"])
    assert changes.compare(old, new).empty


def test_releases_are_the_folders_holding_a_meta_table(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data / "releases" / "2026-06-30")
    (data / "releases" / "notes").mkdir()  # no meta.csv: not a release
    shutil.copytree(FIXTURE, data / "releases" / "latest")  # not named by a date
    (data / "releases" / "2027-01-01.txt").write_text("a file")
    assert changes.releases(data) == ("2026-06-30",)
    assert changes.releases(tmp_path / "nowhere") == ()


def test_the_cli_lists_the_changes_since_a_release_as_csv(two_versions, capsys):
    old, new, first, _ = two_versions
    shutil.copytree(old, new / "releases" / "2026-06-30")
    assert main(["changes", "--since", "2026-06-30", "--dir", str(new)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(changes.COLUMNS)
    assert f"status,factories,{first['id']}," in out


def test_the_cli_refuses_an_unknown_release_naming_the_known_ones(two_versions, capsys):
    _, new, *_ = two_versions
    shutil.copytree(FIXTURE, new / "releases" / "2026-06-30")
    assert main(["changes", "--since", "1999-01-01", "--dir", str(new)]) == 2
    assert "2026-06-30" in capsys.readouterr().err


def test_changes_read_in_words_with_unknown_for_an_empty_value(fixture):
    from aimap.figures.changes import readable
    site = fixture.factories.iloc[0]
    found = pd.DataFrame([("figure", "factories", site["id"], site["id"], "gpus", "", "8000", ""),
                          ("row_added", "budgets", "b-x", site["id"], "", "", "X (€5 M)", "")],
                         columns=list(changes.COLUMNS))
    words = readable(fixture, found)
    assert list(words["change"]) == ["Figure changed", "Added"]
    assert list(words["subject"]) == [site["name"]] * 2
    assert list(words["field"]) == ["GPUs / AI accelerators", ""]
    assert list(words["old"]) == ["unknown", ""] and list(words["new"]) == ["8000", "X (€5 M)"]


def test_an_added_row_is_summed_up_with_its_amount_or_date(two_versions):
    old, new, first, _ = two_versions
    _edit(new, "budgets", lambda rows: rows + [dict(rows[0], id="b-new", label="New money",
                                                    amount_eur="5000000")])
    assert _only(changes.compare(old, new), id="b-new")["new"] == "New money (€5 M)"
