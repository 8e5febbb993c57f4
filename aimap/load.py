"""Read data/ and geo/, validate everything, and return one read-only Dataset.

The app refuses bad data rather than drawing it: every problem is collected as
`file:row:column: message` (row = line number in the file, the header being line 1) and
raised together in one DataError.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from aimap import schema, validate
from aimap.schema import Table
from aimap.text import plural

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
GEO_FILE = ROOT / "geo" / "europe.geojson"
#: The largest table accepted, in megabytes; the app's upload limit (server.maxUploadSize in
#: .streamlit/config.toml) is the same. The biggest table today is under 0.1 MB.
MAX_TABLE_MB = 5
#: In bytes: the browser's uploader counts decimal megabytes, so every check does too (the
#: uploader, `validate`, loading and the Data page's check refuse the same files).
MAX_TABLE_BYTES = MAX_TABLE_MB * 1_000_000


# A cell may be as large as a table (the default limit, 128 KiB, would make a long unclosed
# quote an exception where every reader expects rows).
csv.field_size_limit(MAX_TABLE_BYTES + 1)


def data_dir() -> Path:
    """The data folder in use: $AIMAP_DATA_DIR when set (forks, tests), else data/."""
    return Path(os.environ.get("AIMAP_DATA_DIR") or DATA_DIR)


class DataError(Exception):
    """The data failed validation; `problems` lists every `file:row:column: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(plural("load.problems", len(problems)) + "\n" + "\n".join(problems))


@dataclass(frozen=True, eq=False)
class Dataset:
    """Every validated table, typed, plus the country boundaries. Treat as read-only.

    Compared and hashed by identity, so results derived from one dataset can be memoised.
    """

    sources: pd.DataFrame
    countries: pd.DataFrame
    factories: pd.DataFrame
    antennas: pd.DataFrame
    budgets: pd.DataFrame
    milestones: pd.DataFrame
    sectors: pd.DataFrame
    sector_taxonomy: pd.DataFrame
    claims: pd.DataFrame
    verifications: pd.DataFrame
    meta: Mapping[str, str]
    geojson: Mapping

    @property
    def as_of(self) -> pd.Timestamp:
        """The date the data describes (from data/meta.csv)."""
        return pd.Timestamp(self.meta["as_of"])


def size_problem(size: int) -> str | None:
    """Why a file of `size` bytes is too large to be a table, or None."""
    if size > MAX_TABLE_BYTES:
        return (f"file is {size / 1e6:.1f} MB; a table may be at most {MAX_TABLE_MB} MB "
                f"({MAX_TABLE_BYTES:,} bytes)")
    return None


def file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a table, or None: missing, a folder, a pipe or device, or a
    link out of its folder. Checked before opening, so a pipe never hangs the app and a link
    to /dev/zero is never read."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return "file is missing"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
            info = target.stat()
        except (OSError, RuntimeError):  # RuntimeError: a loop of links
            return "is a link to nothing; put the file itself here"
        if path.parent.resolve() not in target.parents:
            return "is a link to a file outside the data folder; put the file itself here"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a pipe, socket or device)"
    return None


def read_table_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """The bytes of a table file and None, or None and why it cannot be read (see
    `file_problem`); at most one byte more than a table may have is read."""
    problem = file_problem(path)
    if problem:
        return None, problem
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_TABLE_BYTES + 1)
    except OSError as error:
        return None, f"cannot be read ({error.strerror})"
    too_large = size_problem(len(raw))
    return (None, too_large) if too_large else (raw, None)


def csv_rows(content: bytes) -> list[dict[str, str]]:
    """A table's rows as dicts of stripped strings, as text (before any check); cells beyond
    the header are left out (the validator reports them), and so are empty rows."""
    reader = csv.DictReader(io.StringIO(content.decode("utf-8", errors="replace"), newline=""))
    rows = [{k.strip(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
            for row in reader]
    return [row for row in rows if any(row.values())]


def _encoding_problem(raw: bytes) -> str | None:
    """Why the bytes are not the plain UTF-8 text a table must be (checked before decoding)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "file starts with a byte-order mark (BOM); save as UTF-8 without BOM"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is UTF-16 text; save it as UTF-8"
    if b"\x00" in raw:
        return "binary file, not CSV text (it contains NUL bytes)"
    return None


def read_raw(path: Path, table: Table, problems: list[str]) -> list[dict[str, str]] | None:
    """Rows of one CSV as dicts of stripped strings, or None after recording why it is
    unreadable."""
    where = path.name
    raw, problem = read_table_bytes(path)
    if raw is None:
        problems.append(f"{where}:0:-: {problem}")
        return None
    problem = _encoding_problem(raw)
    if problem:
        problems.append(f"{where}:1:-: {problem}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(f"{where}:{line}:-: not valid UTF-8 text (byte {error.start}); save the "
                        "file as UTF-8")
        return None
    if not text.strip():
        problems.append(f"{where}:1:-: file is empty; expected a header row "
                        f"({', '.join(table.column_names)})")
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        body = list(reader)
    except csv.Error as error:
        problems.append(f"{where}:{reader.line_num}:-: unreadable CSV ({error})")
        return None
    if len(header) == 1 and ";" in header[0]:
        problems.append(f"{where}:1:-: columns are separated by ';'; use ',' as the delimiter")
        return None
    missing = [c for c in table.column_names if c not in header]
    extra = [c for c in header if c not in table.column_names]
    if missing:
        problems.append(f"{where}:1:-: the header lacks: {', '.join(missing)}")
    if extra:
        problems.append(f"{where}:1:-: not a column of this table: {', '.join(extra)}")
    if missing or extra:
        return None
    rows = []
    for line, cells in enumerate(body, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(f"{where}:{line}:-: has {len(cells)} cells, the header has "
                            f"{len(header)}")
            continue
        row = {name: cell.strip() for name, cell in zip(header, cells)}
        row["_line"] = str(line)
        rows.append(row)
    return rows


def read_geojson(path: Path, problems: list[str]) -> dict | None:
    """The boundaries file as a dict, or None after recording why it is unusable."""
    try:
        geo = json.loads(path.read_text(encoding="utf-8"))
        ids = [f["id"] for f in geo["features"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        problems.append(f"{path.name}:0:-: cannot read country boundaries ({error})")
        return None
    if not ids:
        problems.append(f"{path.name}:0:-: no country boundaries found")
        return None
    return geo


def load_dataset(folder: Path = DATA_DIR, geo_file: Path = GEO_FILE) -> Dataset:
    """Load, validate and type every table; raise DataError listing every problem found."""
    problems: list[str] = []
    raw = {t.name: read_raw(Path(folder) / t.file, t, problems) for t in schema.TABLES}
    geo = read_geojson(Path(geo_file), problems)
    if problems:
        raise DataError(problems)
    problems.extend(validate.check_all(raw, geo))
    if problems:
        raise DataError(problems)
    frames = {name: _typed(schema.TABLES_BY_NAME[name], rows) for name, rows in raw.items()}
    meta = MappingProxyType({r["key"]: r["value"] for r in raw["meta"]})
    return Dataset(meta=meta, geojson=MappingProxyType(geo),
                   **{name: frames[name] for name in frames if name != "meta"})


def _typed(table: Table, rows: list[dict[str, str]]) -> pd.DataFrame:
    """A frame with one properly typed column per schema column; empty cells become missing."""
    frame = pd.DataFrame(rows, columns=[*table.column_names, "_line"]).drop(columns="_line")
    for column in table.columns:
        values = frame[column.name].where(frame[column.name] != "", None)
        if column.kind == "int":
            frame[column.name] = pd.to_numeric(values).astype("Int64")
        elif column.kind == "float":
            frame[column.name] = pd.to_numeric(values).astype("float64")
        elif column.kind == "date":
            frame[column.name] = pd.to_datetime(values, format="%Y-%m-%d")
        elif column.kind == "bool":
            frame[column.name] = values.map({"true": True, "false": False}).astype("boolean")
        elif column.kind == "reflist":
            frame[column.name] = [tuple(validate.split_list(v)) for v in frame[column.name]]
        else:
            frame[column.name] = values
    return frame
