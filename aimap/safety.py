"""Output safety: text from the data or a user shown as text (never Markdown or HTML), and
CSV cells no spreadsheet will run as formulas."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def plain(value: str) -> str:
    """Text from the data, safe to embed in Markdown (no links, emphasis or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


#: How a spreadsheet recognises a formula; validation refuses text starting so, and CSV
#: downloads neutralise it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading quote.
    Numbers stay as they are ("-9.04" is a longitude, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
