"""Maintainers' updates: preview, atomic apply with history, restore, concurrency, downloads."""

from __future__ import annotations

import csv
import io
import threading
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import read_rows, write_rows

from aimap import datastore, safety, schema
from aimap.datastore import RowChange
from aimap.load import load_dataset


def _edited(folder: Path, table: str, edit) -> bytes:
    """The bytes of `table` after `edit(rows)`, the file on disk untouched."""
    rows = read_rows(folder / f"{table}.csv")
    edit(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c.name for c in
                                                schema.TABLES_BY_NAME[table].columns],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _rename_first_factory(rows):
    rows[0]["name"] = "Renamed AI Factory"


@pytest.mark.parametrize("filename, table", [
    ("budgets.csv", "budgets"), ("Budgets (2).csv", "budgets"), ("factories.v3.csv", "factories"),
    ("notes.csv", None), ("../../etc/passwd", None),
])
def test_an_uploaded_file_name_points_at_its_table(filename, table):
    assert datastore.table_of_file(filename) == table


def test_a_preview_lists_changed_cells_added_and_removed_rows(data_copy):
    def edit(rows):
        rows[0]["name"] = "Renamed AI Factory"
        removed = rows.pop(1)
        rows.append({**removed, "id": "new-aif", "name": "New AI Factory"})
    content = _edited(data_copy, "factories", edit)
    found = _changes(data_copy, "factories", content)
    first = read_rows(data_copy / "factories.csv")[:2]
    assert RowChange("changed", first[0]["id"], "name", first[0]["name"],
                     "Renamed AI Factory") in found
    assert [c.key for c in found if c.change == "removed"] == [first[1]["id"]]
    assert [c.key for c in found if c.change == "added"] == ["new-aif"]
    assert "New AI Factory" in next(c.after for c in found if c.change == "added")
    assert len(found) == 3


def test_a_table_without_key_compares_whole_rows(data_copy):
    def edit(rows):
        rows[0]["raw_label"] = "santé"
    found = _changes(data_copy, "sectors", _edited(data_copy, "sectors", edit))
    assert [c.change for c in found] == ["removed", "added"]
    first = read_rows(data_copy / "sectors.csv")[0]
    assert found[1].after.startswith(f"{first['subject']} · {first['sector']} · santé")


def test_an_unchanged_upload_changes_nothing(data_copy):
    content = (data_copy / "budgets.csv").read_bytes()
    assert datastore.check(data_copy, "budgets", content) == []
    assert _changes(data_copy, "budgets", content) == []


def test_apply_writes_the_table_and_keeps_the_previous_version(data_copy):
    previous = (data_copy / "factories.csv").read_bytes()
    content = _edited(data_copy, "factories", _rename_first_factory)
    when = datetime(2026, 11, 23, 10, 30, 5, 123456, tzinfo=UTC)
    version = datastore.apply(data_copy, "factories", content, now=when)
    assert (data_copy / "factories.csv").read_bytes() == content
    assert version.path == data_copy / "history" / "20261123T103005123456Z.factories.csv"
    assert version.path.read_bytes() == previous
    assert datastore.versions(data_copy) == [version]
    assert load_dataset(data_copy).factories["name"].iloc[0] == "Renamed AI Factory"
    assert not list(data_copy.glob(".*.tmp"))


def test_any_version_can_be_restored_the_same_way(data_copy):
    original = (data_copy / "factories.csv").read_bytes()
    datastore.apply(data_copy, "factories", _edited(data_copy, "factories",
                                                    _rename_first_factory))
    kept = datastore.versions(data_copy)[0]
    assert _changes(data_copy, "factories", kept.path.read_bytes())
    datastore.apply(data_copy, "factories", kept.path.read_bytes())
    assert (data_copy / "factories.csv").read_bytes() == original
    assert [v.table for v in datastore.versions(data_copy)] == ["factories", "factories"]


def test_versions_are_newest_first_and_ignore_other_files(data_copy):
    content = (data_copy / "meta.csv").read_bytes()
    for day in (1, 3, 2):
        datastore.apply(data_copy, "meta", content, now=datetime(2026, 11, day, tzinfo=UTC))
    (data_copy / "history" / "notes.csv").write_text("not a version")
    assert [v.saved_at.day for v in datastore.versions(data_copy)] == [3, 2, 1]


def test_a_change_that_breaks_another_table_is_refused(data_copy):
    """Removing a factory that budgets still name is caught: the whole dataset is checked."""
    def remove_first(rows):
        del rows[0]
    content = _edited(data_copy, "factories", remove_first)
    problems = datastore.check(data_copy, "factories", content)
    assert any(p.startswith("budgets.csv:") and "'bsc-aif'" in p for p in problems)


def test_concurrent_applies_take_turns_and_readers_see_whole_tables(data_copy, monkeypatch):
    """Two maintainers apply different versions at once while a reader keeps reading: the
    applies never overlap (the lock), the reader only ever sees one whole version, and every
    apply kept a whole version."""
    versions = [_edited(data_copy, "factories", _rename_first_factory),
                (data_copy / "factories.csv").read_bytes()]
    seen, errors, done = set(), [], threading.Event()
    inside, overlaps = [0], []
    real_check = datastore.check

    def slow_check(*args, **kwargs):
        inside[0] += 1
        overlaps.append(inside[0])
        time.sleep(0.05)  # widens the window in which an unlocked apply would overlap
        try:
            return real_check(*args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(datastore, "check", slow_check)

    def maintainer(content: bytes) -> None:
        try:
            for _ in range(5):
                datastore.apply(data_copy, "factories", content)
        except Exception as error:
            errors.append(error)

    def reader() -> None:
        while not done.is_set():
            seen.add((data_copy / "factories.csv").read_bytes())

    threads = [threading.Thread(target=maintainer, args=(v,)) for v in versions]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watcher.join()
    assert errors == []
    assert max(overlaps) == 1
    assert seen <= set(versions)
    kept = datastore.versions(data_copy)
    assert len(kept) == 10
    assert {v.path.read_bytes() for v in kept} <= set(versions)


def test_a_stale_preview_cannot_undo_another_maintainers_change(data_copy):
    """B previewed before A applied: B's apply is refused instead of silently undoing A's."""
    preview_basis = datastore.digest(data_copy, "factories")
    datastore.apply(data_copy, "factories", _edited(data_copy, "factories",
                                                    _rename_first_factory))
    after_a = (data_copy / "factories.csv").read_bytes()

    def other_change(rows):
        rows[1]["city"] = "Elsewhere"
    for _ in range(2):  # and again: a second click is refused the same way
        with pytest.raises(datastore.StaleError, match="changed by someone else"):
            datastore.apply(data_copy, "factories",
                            _edited(data_copy, "factories", other_change), expected=preview_basis)
    assert (data_copy / "factories.csv").read_bytes() == after_a
    assert len(datastore.applied(data_copy)) == 1  # refused applies leave no trace


def test_each_apply_is_logged_with_when_what_it_replaced_and_why(data_copy):
    first = datastore.apply(data_copy, "factories",
                            _edited(data_copy, "factories", _rename_first_factory),
                            reason="Renamed after the press release")
    second = datastore.apply(data_copy, "meta", (data_copy / "meta.csv").read_bytes())
    log = datastore.applied(data_copy)
    assert [(e.table, e.kept, e.reason) for e in log] == [
        ("factories", first.path.name, "Renamed after the press release"),
        ("meta", second.path.name, "")]
    assert [e.table for e in datastore.applied(data_copy, "meta")] == ["meta"]
    assert datastore.versions(data_copy)[-1].reason == "Renamed after the press release"
    assert all(v.path.name != datastore.LOG_FILE for v in datastore.versions(data_copy))


@pytest.mark.parametrize("reason", ["- typo fixed", "=SUM(A1) was wrong", "+1 site", "-5 sites"])
def test_a_reason_that_starts_like_a_formula_is_stored_safely_and_read_as_typed(data_copy,
                                                                                reason):
    datastore.apply(data_copy, "meta", (data_copy / "meta.csv").read_bytes(), reason=reason)
    assert datastore.applied(data_copy)[-1].reason == reason
    log = (data_copy / datastore.HISTORY_DIR / datastore.LOG_FILE).read_text()
    assert f",{reason}" not in log or safety._is_number(reason)


def test_applied_tables_stay_readable_by_others(data_copy):
    datastore.apply(data_copy, "factories", _edited(data_copy, "factories",
                                                    _rename_first_factory))
    assert (data_copy / "factories.csv").stat().st_mode & 0o777 == 0o644


def test_a_missing_table_can_be_uploaded_and_is_left_out_of_downloads(data_copy):
    content = (data_copy / "claims.csv").read_bytes()
    (data_copy / "claims.csv").unlink()
    assert datastore.row_count(data_copy, "claims") is None
    assert datastore.download(data_copy, "claims") == b""
    with zipfile.ZipFile(io.BytesIO(datastore.bundle(data_copy))) as archive:
        assert "claims.csv" not in archive.namelist()
    assert {c.change for c in _changes(data_copy, "claims", content)} == {"added"}
    assert datastore.apply(data_copy, "claims", content) is None  # nothing to keep
    assert (data_copy / "claims.csv").read_bytes() == content


def test_rows_with_extra_cells_are_still_counted(data_copy):
    with (data_copy / "meta.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,row,with,too,many,cells\n")
    assert datastore.row_count(data_copy, "meta") == 5


def test_reordered_columns_are_no_change(data_copy):
    rows = read_rows(data_copy / "sectors.csv")
    write_rows(data_copy.parent / "sectors.csv", rows, fieldnames=list(reversed(rows[0])))
    reordered = (data_copy.parent / "sectors.csv").read_bytes()
    assert _changes(data_copy, "sectors", reordered) == []


def test_downloads_neutralise_formulas_but_keep_numbers(data_copy):
    rows = read_rows(data_copy / "factories.csv")
    rows[0]["name"] = '=HYPERLINK("http://example.com")'
    write_rows(data_copy / "factories.csv", rows)
    cells = list(csv.DictReader(io.StringIO(
        datastore.download(data_copy, "factories").decode())))
    assert cells[0]["name"] == "'" + rows[0]["name"]
    west = next(i for i, row in enumerate(rows) if row["lon"].startswith("-"))
    assert cells[west]["lon"] == rows[west]["lon"]


def test_a_valid_table_downloads_unchanged_in_content(data_copy):
    downloaded = datastore.download(data_copy, "antennas")
    assert read_rows(data_copy / "antennas.csv") == list(
        csv.DictReader(io.StringIO(downloaded.decode())))


def test_the_bundle_holds_every_table_the_readme_and_the_package(data_copy):
    with zipfile.ZipFile(io.BytesIO(datastore.bundle(data_copy))) as archive:
        names = set(archive.namelist())
        assert names == {t.file for t in schema.TABLES} | {"README.md", "datapackage.json"}
        assert archive.read("README.md") == (data_copy / "README.md").read_bytes()


def _changes(folder, table: str, content: bytes) -> list[datastore.RowChange]:
    """What `content` changes in `table` as it is on disk."""
    return datastore.diff(table, datastore.current(folder, table), content)
