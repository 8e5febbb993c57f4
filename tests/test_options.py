"""The option declarations: how a link's text is read, written back and described."""

from __future__ import annotations

import re
from datetime import date

import pytest

from aimap import options, views
from aimap.options import Notice, Option
from aimap.safety import QUOTE_WIDTH, plain, quote

COLOUR = Option("colour", "metric.label", values=("red", "blue"), default="red")
FLAG = Option("flag", "map.show_links", "flag", "toggle", default=False)
BOUNDS = (date(2024, 1, 1), date(2026, 12, 31))
WINDOW = Option("window", "timeline.window", "window", "slider",
                default=(date(2024, 6, 1), date(2025, 6, 30)), bounds=lambda d: BOUNDS)


@pytest.mark.parametrize("given, value, dropped", [
    (["blue"], "blue", []),
    (["green"], "red", ["green"]),
    ([""], "red", [""]),
    (["green", "blue"], "blue", ["green"]),  # repeated: the first that reads
    (["blue", "red"], "blue", ["red"]),
    ([], "red", []),
])
def test_a_choice_keeps_allowed_values_and_drops_the_rest(given, value, dropped):
    shown, notices = COLOUR.read(given, None)
    assert shown == value
    assert [n.given for n in notices] == dropped and all(n.shown is None for n in notices)


@pytest.mark.parametrize("given, value", [
    ("1", True), ("true", True), ("TRUE", True), ("0", False), ("false", False),
    ("maybe", False), ("", False), ("2", False),
])
def test_a_flag_reads_one_and_zero(given, value):
    shown, notices = FLAG.read([given], None)
    assert shown is value
    assert bool(notices) == (given.lower() not in ("1", "true", "0", "false"))


@pytest.mark.parametrize("given, value, adjusted", [
    ("2025-01-01,2025-12-31", (date(2025, 1, 1), date(2025, 12, 31)), False),
    ("2025-12-31,2025-01-01", (date(2025, 1, 1), date(2025, 12, 31)), True),  # reversed
    ("2020-01-01,2035-01-01", BOUNDS, True),  # wider than the data: clamped
    ("2023-01-01,2025-01-01", (date(2024, 1, 1), date(2025, 1, 1)), True),
    ("2025-01-01,2025-01-01", (date(2025, 1, 1), date(2025, 1, 31)), True),  # widened to 30 days
])
def test_a_window_is_put_in_order_and_inside_the_bounds(given, value, adjusted):
    shown, notices = WINDOW.read([given], None)
    assert shown == value
    assert [n.shown is not None for n in notices] == ([True] if adjusted else [])


@pytest.mark.parametrize("given", [
    "2025-02-30,2026-01-01", "2025-01-01", "1900-01-01,1901-01-01",
    "nonsense", "", "2025-01-01,2026-01-01,2027-01-01",
])
def test_a_window_that_cannot_be_shown_falls_back_to_the_default(given):
    shown, notices = WINDOW.read([given], None)
    assert shown == WINDOW.default
    assert [(n.name, n.given, n.shown) for n in notices] == [("window", given, None)]


def test_the_default_window_is_clamped_to_the_data():
    narrow = Option("window", "timeline.window", "window", "slider", default=WINDOW.default,
                    bounds=lambda d: (date(2025, 1, 1), date(2025, 3, 31)))
    assert narrow.default_for(None) == (date(2025, 1, 1), date(2025, 3, 31))


@pytest.mark.parametrize("option, value, written", [
    (COLOUR, "red", None), (COLOUR, "blue", "blue"), (FLAG, False, None), (FLAG, True, "1"),
    (WINDOW, WINDOW.default, None),
    (WINDOW, (date(2025, 1, 1), date(2025, 2, 1)), "2025-01-01,2025-02-01"),
])
def test_write_leaves_defaults_out_of_links(option, value, written):
    assert option.write(value) == written
    if written is not None:
        assert option.read([written], None) == (value, [])


def test_a_required_select_defaults_to_its_first_value():
    site = Option("id", "site.pick", widget="select", values=("b", "a"), required=True)
    assert site.read([], None) == ("b", [])
    assert site.write("b") == "b"  # a site page's link always names its site


HOSTILE = ["[Login](https://evil.example/phish)", "![x](http://127.0.0.2/x.png)", "**bold**",
           "<script>alert(1)</script>", "javascript:alert(1)", ":red[alarm]", ":smile:",
           "$x^2$", "`code`", "# heading", "a\nb\r=c", "🚀", "x" * 10_240]
#: A Markdown special character not escaped by a backslash.
_LIVE = re.compile(r"(?<!\\)[\[\]()*_`<>!#$|~]|:(?!\u2060)")


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_notices_quote_link_text_as_text(payload):
    message = Notice("metric", payload).message()
    quoted = message[message.index("“") + 1:message.index("”")]
    assert not _LIVE.search(quoted), quoted
    assert "\n" not in message and "\r" not in message
    assert len(quoted) < 2 * QUOTE_WIDTH + 40  # a 10 KB value is cut


def test_plain_keeps_the_words():
    assert re.sub(r"\\(.)", r"\1", plain("Gaia (Brno) — 50% *")) == "Gaia (Brno) — 50% *"
    assert quote("x" * 100).endswith("…”")


def test_read_selection_merges_repeated_keys_and_drops_unknown_codes(dataset):
    countries = options.FILTERS[2].allowed(dataset)
    first, second = countries[0], countries[1]
    selection, notices = options.read_selection(
        {"countries": [f"{first},XXX", f" {second} ,{first}"], "waves": ["", "nine"]}, dataset)
    assert selection.countries == (first, second)
    assert selection.waves == ()
    assert [(n.name, n.given) for n in notices] == [("waves", "nine"), ("countries", "XXX")]
    assert options.write_selection(selection) == {"countries": f"{first},{second}"}


def test_every_option_name_means_one_thing():
    declared = {}
    for view in views.VIEWS:
        for option in view.options:
            assert declared.setdefault(option.name, option) is option
    assert not set(declared) & ({f.name for f in options.FILTERS} | set(options.GLOBAL_PARAMS))


def test_every_option_keyword_is_taken_by_a_figure_of_its_view():
    import inspect
    for view in views.VIEWS:
        for option in view.options:
            if option.keyword:
                assert any(option.keyword in inspect.signature(b).parameters
                           for b in view.figures), (view.key, option.name)


def test_every_option_is_described_for_the_command_line(dataset):
    for view in views.VIEWS:
        for option in view.options:
            assert option.describe(dataset).startswith(option.describe().split(":")[0])
