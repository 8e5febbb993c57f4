"""Formatting for people and the message catalogue."""

import math
import re
from types import SimpleNamespace

import pandas as pd
import pytest

from aimap import details, formatting, safety, schema, text
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
    assert "eba5d41ea655a116" not in formatting.source_line(seed)
    assert text.t("source.seed") in formatting.source_line(seed)
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


@pytest.mark.parametrize("count, expected", [(0, "0 sites"), (1, "1 site"), (2, "2 sites")])
def test_plural_follows_the_languages_rules(count, expected):
    assert text.plural("count.sites", count) == expected


def test_plural_messages_have_an_other_form_and_no_message_hedges_with_s():
    messages = text.MESSAGES[text.DEFAULT_LANGUAGE]
    for key in messages:
        if key.endswith(".one"):
            assert key.removesuffix(".one") + ".other" in messages, key
    hedged = [key for key, message in messages.items() if re.search(r"\((s|ies|es)\)", message)]
    assert hedged == []


@pytest.mark.parametrize("national, giga, expected", [
    (1, 3, "Also shown: 1 national AI factory and 3 AI Gigafactory candidates."),
    (0, 1, "Also shown: 1 AI Gigafactory candidate."),
    (0, 0, None),
])
def test_other_sites_note_counts_in_words(national, giga, expected):
    assert formatting.other_sites_note(national, giga) == expected


def test_budget_note_counts_in_words():
    note = formatting.budget_note(SimpleNamespace(summed=5, sites=7, partial=1, unknown=2))
    assert "funders' shares: 1 site)" in note and "published for 2 sites:" in note


def test_sources_text_is_numbered_without_ids_or_file_names():
    sources = pd.DataFrame({
        "id": ["fx-web", "fx-seed"], "title": ["A page", "Un article"],
        "publisher": ["example.org", "French news article"],
        "url": ["https://example.org/a", "000_0123456789abcdef.txt"],
        "published_on": [pd.Timestamp("2025-10-10"), pd.NaT]})
    assert details.sources_text(sources) == (
        "1. A page — example.org, 10 Oct 2025\n    https://example.org/a\n"
        f"2. Un article — French news article\n    {text.t('source.seed')}\n")


def test_every_column_has_a_name_for_people():
    unnamed = [c.name for table in schema.TABLES for c in table.columns
               if text.field_label(c.name) == c.name]
    assert unnamed == []
    assert text.field_label("") == "" and text.field_label("nothing") == "nothing"
