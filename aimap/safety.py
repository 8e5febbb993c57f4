"""Output safety: text from the data or a user shown as text (never Markdown or HTML), and
CSV cells no spreadsheet will run as formulas."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

import pandas as pd

#: Characters Markdown, HTML, LaTeX or Streamlit's directives could read (each is escaped).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=^\"'])")
#: Emoji shortcodes (`:smile:`) are replaced after escapes are read, and GFM turns "www." and
#: "name@host" into links whatever is escaped: an invisible word joiner after each colon, "www"
#: and "@" keeps them text.
_WORD_JOINER = "\u2060"
_AUTOLINK_START = re.compile(r"(:|@|\bwww(?=\\\.))", re.IGNORECASE)
QUOTE_WIDTH = 40


def plain(value: object) -> str:
    """Text from the data or from a link, to put in a Markdown message as it is: no link,
    image, emphasis, HTML, formula, colour or emoji; line breaks become spaces. Every message
    that quotes such text goes through here."""
    text = " ".join(str(value).split())
    return _AUTOLINK_START.sub("\\1" + _WORD_JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def plain_join(values: Iterable[object], separator: str = ", ") -> str:
    """Names from the data listed in a Markdown message, each `plain`."""
    return separator.join(plain(value) for value in values)


def quote(value: object, width: int = QUOTE_WIDTH) -> str:
    """A value given by a user, quoted in a message: cut to `width` characters, then `plain`."""
    text = " ".join(str(value).split())
    return "“" + plain(text if len(text) <= width else text[:width - 1] + "…") + "”"


#: How a spreadsheet recognises a formula; validation refuses text starting so, and CSV
#: downloads neutralise it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: A formula start after a line break inside a cell: a spreadsheet may read it as a new row.
_FORMULA_AFTER_BREAK = re.compile(r"(\r\n|\r|\n)(?=[=+\-@\t])")
#: CSV rows end with CRLF (RFC 4180): then Python's csv module quotes every cell holding a CR
#: or LF, which it does not do for a bare CR with a "\n" line end.
CSV_LINE_END = "\r\n"


def csv_safe(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula, or with a formula
    start after a line break, gets a leading quote there. Numbers stay as they are ("-9.04"
    is a longitude, not a formula)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START) and not _is_number(value):
        value = "'" + value
    if "\n" in value or "\r" in value:
        value = _FORMULA_AFTER_BREAK.sub(r"\1'", value)
    return value


def csv_original(value: str) -> str:
    """The one-line text `csv_safe` was given, for a file the app writes and reads back
    itself (the history log's reasons): "'- typo fixed" is read as "- typo fixed"."""
    if value.startswith("'") and csv_safe(value[1:]) == value:
        return value[1:]
    return value


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """Rows as UTF-8 CSV that spreadsheets open safely: cells `csv_safe`, line breaks in a
    cell always quoted."""
    out = io.StringIO()
    csv.writer(out, lineterminator=CSV_LINE_END).writerows(
        [csv_safe(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


def frame_csv(frame: pd.DataFrame) -> bytes:
    """A table shown on a page as a CSV download, as safe as `csv_bytes` (missing is empty)."""
    return frame.map(csv_safe).to_csv(index=False, lineterminator=CSV_LINE_END).encode("utf-8")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
