"""A synthetic dataset N times larger than data/, for measuring how the app scales.

Every site and every row about a site is copied N times under new ids (`<id>.xk`); programme
rows, sources, countries and the taxonomy stay as they are, so the copy validates. A copy's
notes are cut to NOTES characters, so that 100 copies of every site stay under the 5 MB a
table may have (the app refuses larger files).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from aimap.load import DATA_DIR

NOTES = 120
#: Columns listing site ids, renamed in the copies so each copy links to its own sites.
_SITE_LISTS = ("linked_factories", "serves")
_PER_SITE = {"factories": "id", "antennas": "id", "budgets": "subject", "milestones": "subject",
             "sectors": "subject", "claims": "subject"}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _copy_name(value: str, k: int) -> str:
    return value if k == 0 else f"{value}.x{k}"


def write_synthetic(target: Path, factor: int) -> Path:
    """Write a copy of data/ with every site repeated `factor` times into `target`."""
    shutil.copytree(DATA_DIR, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("history", "releases", "README.md"))
    sites = {row["id"] for name in ("factories", "antennas")
             for row in _read(DATA_DIR / f"{name}.csv")[1]}
    for table, column in _PER_SITE.items():
        header, rows = _read(DATA_DIR / f"{table}.csv")
        out = []
        for k in range(factor):
            for row in rows:
                if row[column] not in sites and k > 0:
                    continue
                copy = dict(row, **{column: _copy_name(row[column], k)})
                if "id" in copy and column != "id":
                    copy["id"] = _copy_name(row["id"], k)
                for listed in (c for c in _SITE_LISTS if c in copy):
                    copy[listed] = ";".join(_copy_name(s, k) for s in row[listed].split(";") if s)
                if k and copy.get("notes"):
                    copy["notes"] = copy["notes"][:NOTES]
                out.append(copy)
        with (target / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(out)
    return target
