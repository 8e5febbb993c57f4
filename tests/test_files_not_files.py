"""Only regular files are read as tables: a folder, a named pipe, a device, a link out of the
data folder or to nothing is refused with a message (a pipe never hangs the app), damaged
history entries are listed while the others stay restorable, and what an interrupted apply
left behind is removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE

from aimap import datastore
from aimap.load import DataError, load_dataset


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def _replace_with(kind: str, path: Path) -> None:
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "dangling link":
        path.symlink_to(path.parent / "gone.csv")


@pytest.mark.parametrize(("kind", "message"), [
    ("folder", "meta.csv:0:-: is a folder, not a file"),
    ("pipe", "meta.csv:0:-: is not a regular file (a pipe, socket or device)"),
    ("link to /dev/zero", "meta.csv:0:-: is a link to a file outside the data folder"),
    ("dangling link", "meta.csv:0:-: is a link to nothing"),
])
def test_a_table_that_is_not_a_regular_file_is_refused(folder, kind, message):
    _replace_with(kind, folder / "meta.csv")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert [p for p in caught.value.problems if p.startswith(message)], caught.value.problems
    upload = (FIXTURE / "sources.csv").read_bytes()
    assert any(p.startswith(message) for p in datastore.check(folder, "sources", upload))
    assert datastore.download(folder, "meta") == b""
    assert datastore.row_count(folder, "meta") is None


def test_a_link_inside_the_data_folder_is_read(folder):
    (folder / "meta.csv").rename(folder / "meta.real.csv")
    (folder / "meta.csv").symlink_to(folder / "meta.real.csv")
    assert load_dataset(folder).meta["as_of"] == "2026-06-30"


def test_a_table_is_read_only_up_to_the_size_limit(folder, monkeypatch):
    monkeypatch.setattr("aimap.load.MAX_TABLE_BYTES", 100)
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert any(p.startswith("factories.csv:0:-: file is 0.0 MB; a table may be at most")
               for p in caught.value.problems)


def test_damaged_history_entries_are_listed_and_the_others_stay_restorable(folder):
    datastore.apply(folder, "meta", (FIXTURE / "meta.csv").read_bytes().replace(
        b"The fixture describes this date.", b"Edited."))
    (kept,) = datastore.versions(folder)
    history = folder / datastore.HISTORY_DIR
    (history / "20260101T000000000000Z.sources.csv").mkdir()
    (history / "20260102T000000000000Z.claims.csv").symlink_to(history / "gone.csv")
    assert datastore.versions(folder) == [kept]
    damaged = datastore.damaged_versions(folder)
    assert damaged == ["20260101T000000000000Z.sources.csv: is a folder, not a file",
                       "20260102T000000000000Z.claims.csv: is a link to nothing; put the "
                       "file itself here"]


def test_leftovers_of_an_interrupted_apply_are_removed(folder):
    left = [folder / ".factories.csv.x1.tmp", folder / datastore.HISTORY_DIR / ".a.csv.x.tmp"]
    left[1].parent.mkdir()
    for path in left:
        path.write_text("half")
    assert sorted(datastore.remove_leftovers(folder)) == sorted(left)
    assert not any(path.exists() for path in left)
    assert load_dataset(folder).meta["as_of"] == "2026-06-30"


def test_a_loop_of_links_is_refused(folder):
    (folder / "meta.csv").unlink()
    (folder / "meta.csv").symlink_to(folder / "meta.csv")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    assert "meta.csv:0:-: is a link to nothing; put the file itself here" in caught.value.problems


def test_a_long_unclosed_quote_is_a_problem_not_a_crash(folder):
    broken = (folder / "claims.csv").read_bytes() + b'x,"' + b"y" * 200_000 + b"\n"
    (folder / "claims.csv").write_bytes(broken)
    assert datastore.row_count(folder, "claims") >= 1
    assert datastore.download(folder, "claims")
    with pytest.raises(DataError):
        load_dataset(folder)


def test_a_table_that_is_a_pipe_can_be_replaced_without_hanging(folder):
    content = (folder / "meta.csv").read_bytes()
    _replace_with("pipe", folder / "meta.csv")
    assert datastore.apply(folder, "meta", content, reason="repair") is None  # nothing kept
    assert load_dataset(folder).meta["as_of"] == "2026-06-30"


def test_an_unreadable_history_log_is_left_alone_and_the_apply_stands(folder):
    (folder / datastore.HISTORY_DIR / datastore.LOG_FILE).mkdir(parents=True)
    content = (folder / "meta.csv").read_bytes().replace(b"describes this date", b"is edited")
    assert datastore.apply(folder, "meta", content, reason="edit") is not None
    assert (folder / "meta.csv").read_bytes() == content
    assert (folder / datastore.HISTORY_DIR / datastore.LOG_FILE).is_dir()
    assert datastore.applied(folder) == []
