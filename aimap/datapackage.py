"""data/ described as a Frictionless Data Package (each table's Table Schema: types, allowed
values, required fields, primary and foreign keys): the format researchers' tools and open-data
portals read. Generated from aimap/schema.py and meta.csv; `python -m aimap datapackage`
rewrites data/datapackage.json, and applying meta.csv from the Data page does too."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from aimap import schema
from aimap.load import csv_rows

FILE = "datapackage.json"
#: Table Schema type of each column kind (a `reflist` is a ';'-separated list).
_TYPES = {"text": "string", "rowref": "string", "id": "string", "int": "integer", "wave": "integer",
          "float": "number", "date": "date", "bool": "boolean", "enum": "string",
          "ref": "string", "reflist": "list", "url_or_seed": "string"}
#: The table and key a `ref` column points into, where one table holds it ('sites' and
#: 'subjects' span several tables: aimap.validate checks those).
_TARGETS = {"countries": ("countries", "iso3"), "sources": ("sources", "id"),
            "sectors": ("sector_taxonomy", "id"), "factories": ("factories", "id")}


def field(column: schema.Column, key: str = "") -> dict:
    """A column as a Table Schema field."""
    described = {"name": column.name, "type": _TYPES[column.kind], "description": column.help}
    if column.kind == "reflist":
        described.update(delimiter=";", itemType="string")
    if column.kind == "bool":
        described.update(trueValues=["true"], falseValues=["false"])
    constraints = {}
    if column.required or column.name == key:
        constraints["required"] = True
    if column.name == key:
        constraints["unique"] = True
    if column.allowed:
        constraints["enum"] = list(column.allowed)
    if constraints:
        described["constraints"] = constraints
    return described


def table_schema(table: schema.Table) -> dict:
    """A table's Table Schema: its fields, primary key and single-table foreign keys."""
    described = {"fields": [field(column, table.key) for column in table.columns],
                 "missingValues": [""]}
    if table.key:
        described["primaryKey"] = [table.key]
    foreign = [{"fields": [column.name],
                "reference": {"resource": _TARGETS[column.ref][0],
                              "fields": [_TARGETS[column.ref][1]]}}
               for column in table.columns if column.kind == "ref" and column.ref in _TARGETS]
    if foreign:
        described["foreignKeys"] = foreign
    return described


def descriptor(meta: dict[str, str]) -> dict:
    """The package: the dataset's title and licence from `meta` (meta.csv's key -> value),
    its sources pointing at sources.csv, and one resource per table."""
    return {
        "profile": "tabular-data-package",
        "name": "european-ai-infrastructure",
        "title": meta.get("title", ""),
        "description": f"As of {meta.get('as_of', '')}. {meta.get('as_of_note', '')}".strip(),
        "licenses": [{"title": meta.get("licence", ""), "path": "meta.csv"}],
        "sources": [{"title": "Every row names its sources: ids of sources.csv",
                     "path": "sources.csv"}],
        "resources": [{"name": table.name, "path": table.file, "profile": "tabular-data-resource",
                       "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                       "description": table.help, "schema": table_schema(table)}
                      for table in schema.TABLES],
    }


def text(meta_csv: bytes) -> bytes:
    """datapackage.json's bytes for the meta.csv given: the same bytes until the schema or
    meta.csv changes."""
    try:
        meta = {row.get("key", ""): row.get("value", "") for row in csv_rows(meta_csv)}
    except csv.Error:  # a table being repaired: described without its title and licence
        meta = {}
    return (json.dumps(descriptor(meta), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def written(folder: Path) -> Path:
    """Write `folder`'s datapackage.json from its meta.csv; returns the file's path."""
    path = Path(folder) / FILE
    path.write_bytes(text((Path(folder) / schema.META.file).read_bytes()))
    return path
