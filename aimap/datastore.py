"""Maintainers' changes to the tables: check an upload against the whole dataset, preview what
it changes, write it atomically keeping the previous version, restore any earlier version.

Files only, no Streamlit: the data page, the tests and any script drive it the same way.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import logging
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aimap import datapackage, formatting, safety, schema
from aimap.load import (
    GEO_FILE,
    DataError,
    csv_rows,
    file_problem,
    load_dataset,
    read_table_bytes,
    size_problem,
)

_LOG = logging.getLogger("aimap.datastore")
HISTORY_DIR = "history"
#: One row per apply: when, which table, the file keeping the version it replaced, and the
#: maintainer's one-line reason.
LOG_FILE = "log.csv"
_LOG_COLUMNS = ("applied_at", "table", "kept", "reason")
REASON_WIDTH = 200
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NEW_FILE_MODE = 0o644  # mkstemp's 0600 would hide the tables from other readers
_SUMMARY_WIDTH = 120


@dataclass(frozen=True)
class RowChange:
    """One row an upload adds, removes or changes; for a change, one row per changed cell."""

    change: str  # added | removed | changed
    key: str
    column: str
    before: str
    after: str


@dataclass(frozen=True)
class Version:
    """A table as it was before an apply, kept under data/history/."""

    table: str
    saved_at: datetime
    path: Path
    #: why the maintainer replaced it (from the history log; empty for older versions)
    reason: str = ""


@dataclass(frozen=True)
class Applied:
    """One apply, as the history log records it."""

    applied_at: datetime
    table: str
    kept: str
    reason: str


class StaleError(DataError):
    """The table changed since the preview an apply was based on."""


def table_of_file(filename: str) -> str | None:
    """The table an uploaded file's name points at ('budgets (2).csv' -> 'budgets'), if any."""
    stem = Path(filename).name.split(".")[0].split(" ")[0].lower()
    return stem if stem in schema.TABLES_BY_NAME else None


def check(folder: Path, table: str, content: bytes, geo_file: Path = GEO_FILE) -> list[str]:
    """Every problem of the whole dataset with `content` in place of `table` (empty: fine).
    The check runs on a copy; the folder itself is never touched."""
    too_large = size_problem(len(content))
    if too_large:
        return [f"{schema.TABLES_BY_NAME[table].file}:0:-: {too_large}"]
    with tempfile.TemporaryDirectory(prefix="aimap-check-") as scratch:
        for other in schema.TABLES:
            source = Path(folder) / other.file
            if other.name != table and (source.exists() or source.is_symlink()):
                raw, problem = read_table_bytes(source)
                if raw is None:
                    return [f"{other.file}:0:-: {problem}"]
                (Path(scratch) / other.file).write_bytes(raw)
        (Path(scratch) / schema.TABLES_BY_NAME[table].file).write_bytes(content)
        try:
            load_dataset(Path(scratch), geo_file)
        except DataError as error:
            return error.problems
    return []


def diff(table: str, old_content: bytes, new_content: bytes) -> list[RowChange]:
    """What `new_content` adds, removes and changes in `old_content`, row by row (rows are
    matched on the table's key; tables without a key compare whole rows)."""
    spec = schema.TABLES_BY_NAME[table]
    before = csv_rows(old_content)
    after = csv_rows(new_content)
    if not spec.key:
        return _whole_row_changes(before, after)
    old = {row.get(spec.key, ""): row for row in before}
    new = {row.get(spec.key, ""): row for row in after}
    found = [RowChange("removed", key, "", _summary(row), "") for key, row in old.items()
             if key not in new]
    for key, row in new.items():
        if key not in old:
            found.append(RowChange("added", key, "", "", _summary(row)))
            continue
        found.extend(RowChange("changed", key, column, old[key].get(column, ""), value)
                     for column, value in row.items() if old[key].get(column, "") != value)
    return found


def _whole_row_changes(before: list[dict[str, str]],
                       after: list[dict[str, str]]) -> list[RowChange]:
    def identity(row: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(row.items()))  # the same row whatever the column order

    old, new = Counter(map(identity, before)), Counter(map(identity, after))
    shown = {identity(row): row for row in before + after}  # in the file's column order
    removed = [RowChange("removed", "", "", _summary(shown[row]), "")
               for row in (old - new).elements()]
    added = [RowChange("added", "", "", "", _summary(shown[row]))
             for row in (new - old).elements()]
    return removed + added


def row_count(folder: Path, table: str) -> int | None:
    """How many rows `table` holds on disk, also when it does not validate; None if missing."""
    raw, _ = read_table_bytes(Path(folder, schema.TABLES_BY_NAME[table].file))
    return None if raw is None else len(csv_rows(raw))


def current(folder: Path, table: str) -> bytes:
    """The table's bytes on disk; empty if it is missing or cannot be read as a table."""
    raw, _ = read_table_bytes(Path(folder, schema.TABLES_BY_NAME[table].file))
    return raw or b""


def fingerprint(content: bytes) -> str:
    """What `digest` gives for a table holding `content`."""
    return hashlib.sha256(content).hexdigest()


def digest(folder: Path, table: str) -> str:
    """A fingerprint of the table on disk: `apply` compares it to refuse a stale preview."""
    return fingerprint(current(folder, table))


def _summary(row: dict[str, str]) -> str:
    return formatting.clip(" · ".join(v for v in row.values() if v), _SUMMARY_WIDTH)


def apply(folder: Path, table: str, content: bytes, expected: str | None = None,
          now: datetime | None = None, geo_file: Path = GEO_FILE,
          reason: str = "") -> Version | None:
    """Replace `table` with `content` after checking the whole dataset again, keeping the
    previous file under history/ (returned; None when there was no previous file) and a row
    in the history log with `reason`. With `expected` (a `digest` taken at preview time),
    raise StaleError if the table changed since, so one maintainer cannot silently undo
    another's change. Raises DataError and changes nothing on any problem. A lock on the
    folder makes concurrent applies take turns; the write is atomic, so readers see the old
    table or the new one, never half of one."""
    folder = Path(folder)
    spec = schema.TABLES_BY_NAME[table]
    with _locked(folder):
        if expected is not None and digest(folder, table) != expected:
            raise StaleError([f"{spec.file}:0:-: changed by someone else since this preview; "
                              "review the change again"])
        problems = check(folder, table, content, geo_file)
        if problems:
            raise DataError(problems)
        previous = folder / spec.file
        old, _ = read_table_bytes(previous)  # an unreadable table (a repair) keeps nothing
        kept = None
        if old is not None:
            saved_at = now or datetime.now(UTC)
            path = folder / HISTORY_DIR / f"{saved_at.strftime(_STAMP)}.{spec.file}"
            path.parent.mkdir(exist_ok=True)
            _write_atomically(path, old)
            kept = Version(table, saved_at, path)
        _write_atomically(previous, content)
        if table == schema.META.name:  # the package's title and licence come from meta.csv
            _write_atomically(folder / datapackage.FILE, datapackage.text(content))
        _log(folder, Applied(now or datetime.now(UTC), table, kept.path.name if kept else "",
                             " ".join(reason.split())[:REASON_WIDTH]))
    return kept


def _log(folder: Path, entry: Applied) -> None:
    """Add `entry` to the history log. The table is written already: a log that cannot be
    read or written is left as it is (and said in the server log), never replaced."""
    path = folder / HISTORY_DIR / LOG_FILE
    raw, problem = read_table_bytes(path)
    if raw is None and problem != "file is missing":
        _LOG.warning("history log %s not updated: %s", path, problem)
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not raw:
        writer.writerow(_LOG_COLUMNS)
    writer.writerow([entry.applied_at.isoformat(), entry.table, entry.kept,
                     safety.csv_safe(entry.reason)])
    try:
        _write_atomically(path, (raw or b"") + out.getvalue().encode("utf-8"))
    except OSError as error:
        _LOG.warning("history log %s not updated: %s", path, error.strerror or error)


def applied(folder: Path, table: str | None = None) -> list[Applied]:
    """The history log, oldest first (only `table`'s applies if given); rows that cannot be
    read are left out."""
    raw, _ = read_table_bytes(Path(folder) / HISTORY_DIR / LOG_FILE)
    found = []
    for row in csv_rows(raw or b""):
        try:
            when = datetime.fromisoformat(row.get("applied_at", ""))
        except ValueError:
            continue
        when = when if when.tzinfo else when.replace(tzinfo=UTC)  # a hand-written time
        if table in (None, row.get("table")):
            found.append(Applied(when, row.get("table", ""), row.get("kept", ""),
                                 safety.csv_original(row.get("reason", ""))))
    return found


def _kept(folder: Path) -> Iterator[Version]:
    for path in (Path(folder) / HISTORY_DIR).glob("*.csv"):
        stamp, _, name = path.name.partition(".")
        table = name.removesuffix(".csv")
        try:
            saved_at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue  # not one of ours
        if table in schema.TABLES_BY_NAME:
            yield Version(table, saved_at, path)


def _unrestorable(version: Version) -> str | None:
    """Why a kept version cannot be restored, found without reading it (the history is
    listed on every rerun of the Data page); a restore still reads it with every check."""
    return file_problem(version.path) or size_problem(version.path.stat().st_size)


def versions(folder: Path) -> list[Version]:
    """Every kept version that can be read, newest first, with the reason it was replaced."""
    reasons = {entry.kept: entry.reason for entry in applied(folder) if entry.kept}
    found = [Version(v.table, v.saved_at, v.path, reasons.get(v.path.name, ""))
             for v in _kept(folder) if _unrestorable(v) is None]
    return sorted(found, key=lambda v: v.saved_at, reverse=True)


def damaged_versions(folder: Path) -> list[str]:
    """'file: why' for each history entry that cannot be restored (a folder, a dangling
    link, unreadable): listed, so the others stay restorable."""
    found = ((v.path.name, _unrestorable(v)) for v in _kept(folder))
    return sorted(f"{name}: {problem}" for name, problem in found if problem)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files an interrupted apply left (under the folder's lock, so no
    apply is writing one); returns what was removed."""
    folder = Path(folder)
    with _locked(folder):
        found = [*folder.glob(".*.tmp"), *(folder / HISTORY_DIR).glob(".*.tmp")]
        for path in found:
            path.unlink(missing_ok=True)
    return found


def download(folder: Path, table: str) -> bytes:
    """A table as a CSV a spreadsheet opens safely: any cell that starts like a formula is
    neutralised (valid data has none; this guards files edited by hand). Empty if missing."""
    return safety.csv_bytes(csv.reader(io.StringIO(
        current(folder, table).decode("utf-8", errors="replace"), newline="")))


def bundle(folder: Path) -> bytes:
    """A ZIP of every table on disk (as `download` gives them), data/README.md and the
    Data Package descriptor (datapackage.json) that describes them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for spec in schema.TABLES:
            if Path(folder, spec.file).exists():
                archive.writestr(spec.file, download(folder, spec.name))
        readme = Path(folder) / "README.md"
        if readme.exists():
            archive.write(readme, "README.md")
        if Path(folder, schema.META.file).exists():  # described from the meta.csv it ships
            archive.writestr(datapackage.FILE, datapackage.text(current(folder, schema.META.name)))
    return buffer.getvalue()


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the data folder itself (no lock file to leave behind)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _write_atomically(path: Path, content: bytes) -> None:
    """Temporary file in the same folder, flushed to disk, then renamed over `path`."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    try:
        os.fchmod(handle, path.stat().st_mode & 0o777 if path.exists() else _NEW_FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
