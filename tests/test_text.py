"""Formatting for people and the message catalogue."""

import math
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from aimap import formatting, safety, text
from aimap.selection import Selection


@pytest.mark.parametrize("amount, expected", [
    (1_500_000_000, "€1.5 bn"),
    (10_000_000_000, "€10 bn"),
    (2_600_000_000, "€2.6 bn"),
    (1_250_000_000, "€1.25 bn"),
    (430_000_000, "€430 M"),
    (197_200_000, "€197 M"),
    (82_000_000, "€82 M"),
    (8_400_000, "€8.4 M"),
    (5_000_000, "€5 M"),
    (650_000, "€650 k"),
    (None, "unknown"),
    (float("nan"), "unknown"),
    (pd.NA, "unknown"),
])
def test_format_money(amount, expected):
    assert formatting.format_money(amount) == expected


@pytest.mark.parametrize("amount, method, expected", [
    (430e6, "total", "€430 M"),
    (4.65e6, "sum_of_shares", "≥ €4.7 M"),
    (None, "sum_of_shares", "unknown"),
    (None, None, "unknown"),
])
def test_format_budget_marks_partial_sums(amount, method, expected):
    assert formatting.format_budget(amount, method) == expected


@pytest.mark.parametrize("value, expected", [
    (2100, "2,100"), (0, "0"), (None, "unknown"), (pd.NA, "unknown"),
])
def test_format_count(value, expected):
    assert formatting.format_count(value) == expected


@pytest.mark.parametrize("start, precision, expected", [
    ("2024-12-10", "day", "10 Dec 2024"),
    ("2026-04-01", "month", "Apr 2026"),
    ("2026-07-01", "quarter", "Q3 2026"),
    ("2026-01-01", "half", "H1 2026"),
    ("2026-07-01", "half", "H2 2026"),
    ("2027-01-01", "year", "2027"),
])
def test_format_period(start, precision, expected):
    assert formatting.format_period(pd.Timestamp(start), precision) == expected


@pytest.mark.parametrize("value, missing", [
    (None, True), ("", True), ("  ", True), (math.nan, True), (pd.NA, True), (pd.NaT, True),
    ("x", False), (0, False), (0.0, False),
])
def test_is_missing(value, missing):
    assert formatting.is_missing(value) is missing


def test_messages_fill_in_values():
    assert text.t("overview.as_of", date="1 Jan 2026") == "Data as of 1 Jan 2026"


def test_unknown_message_key_fails_loudly():
    with pytest.raises(KeyError):
        text.t("no.such.key")


def test_markdown_escape_defuses_links_and_html():
    escaped = safety.plain("[click](javascript:alert(1)) <b>*x*</b>")
    assert "[" not in escaped.replace("\\[", "")
    assert "<" not in escaped.replace("\\<", "")


@pytest.mark.parametrize("autolink", ["www.evil.example", "WWW.evil.example",
                                      "phish@evil.example", "https://evil.example"])
def test_plain_breaks_what_gfm_would_link_and_keeps_it_readable(autolink):
    escaped = safety.plain(f"see {autolink} now")
    assert re.search(r"www\\\.|@[a-z]|https:/", escaped, re.IGNORECASE) is None
    assert re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "") == f"see {autolink} now"


def test_source_line_links_web_sources_and_names_seed_files():
    web = SimpleNamespace(title="A (title)", publisher="example.org",
                          url="https://example.org/a(b)", published_on=pd.Timestamp("2025-10-10"))
    seed = SimpleNamespace(title="Seed", publisher="Le Petit Journal",
                           url="000_eba5d41ea655a116.txt", published_on=None)
    assert formatting.source_line(web) == ("- [A \\(title\\)](https://example.org/a%28b%29) — "
                                     "example\\.org, 10 Oct 2025")
    assert "000\\_eba5d41ea655a116\\.txt" in formatting.source_line(seed)
    assert "](" not in formatting.source_line(seed)


@pytest.mark.parametrize("selection, expected", [
    (Selection(), "All sites"),
    (Selection(waves=("3",)), "Wave 3"),
    (Selection(kinds=("antenna",), countries=("ROU", "ESP")),
     "AI Factory Antenna · Romania, ESP"),
    (Selection(sectors=("S04",)), "Energy"),
])
def test_describe_selection(selection, expected):
    names = {"ROU": "Romania"}, {"S04": "Energy"}
    assert formatting.describe_selection(selection, *names) == expected
