"""A synthetic dataset N times larger than data/, for measuring how the app scales.

Every site and every row about a site is copied N times under new ids (`<id>.xk`); programme
rows, sources, countries and the taxonomy stay as they are, so the copy validates.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from aimap.load import DATA_DIR

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
                if table == "antennas":
                    copy["linked_factories"] = ";".join(
                        _copy_name(f, k) for f in row["linked_factories"].split(";") if f)
                out.append(copy)
        with (target / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(out)
    return target
