"""Crafted links, table-driven over every option of every view and every filter: each gives a
drawn view, a notice naming each parameter it could not show, a URL rewritten to what is
shown, and never a traceback or live markup."""

from __future__ import annotations

import re

import pytest
from apptest import run_page

from aimap import options
from aimap.text import t
from aimap.views import VIEWS

HOSTILE = {
    "out of range": "1900-01-01,1900-12-31",
    "reversed": "2026-12-31,2025-01-01",
    "malformed date": "2025-02-30,2026-01-01",
    "unknown code": "XXX",
    "empty": "",
    "10 KB": "A" * 10_240,
    "html": "<img src=x onerror=alert(1)>",
    "markdown link": "[Login](https://evil.example/phish)",
    "markdown image": "![x](http://127.0.0.2/x.png)",
    "emphasis": "**bold** :red[alarm] :smile:",
    "javascript": "javascript:alert(1)",
    "emoji": "🚀",
}
#: Markdown or HTML left live in a notice: a link or image opening, a tag, emphasis.
_LIVE = re.compile(r"(?<!\\)(\]\(|<[a-z/]|\*\*)")


def _check(app, given: dict[str, list[str]]) -> None:
    """No traceback; each parameter shown as given, or named in a notice and rewritten."""
    assert not app.exception, [e.value for e in app.exception]
    notices = [w.value for w in app.warning]
    for notice in notices:
        assert not _LIVE.search(notice), notice
    for name, values in given.items():
        kept = app.query_params.get(name)
        if kept is not None and [kept] == values:
            continue  # a value this view shows as given
        if values == [""] and name in {f.name for f in options.FILTERS}:
            continue  # an empty filter is no filter
        assert any(f"link's {name} " in notice for notice in notices), (name, notices)
        assert all(value not in (kept or "") or not value for value in values)


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
@pytest.mark.parametrize("view", [v for v in VIEWS if v.options], ids=lambda v: v.key)
def test_every_option_of_every_view_survives_a_hostile_link(view, case):
    given = {option.name: [HOSTILE[case]] for option in view.options}
    app = run_page(view.page, **{name: values[0] for name, values in given.items()})
    _check(app, given)
    if view.key == "changes":  # a table of what changed, not a chart
        assert app.dataframe or app.info or [c for c in app.caption
                                             if c.value == t("changes.none")], "drawn"
    elif view.key != "site":
        assert app.get("plotly_chart"), "the view is drawn"
    for option in view.options:  # the URL says what is shown
        assert app.query_params.get(option.name) == option.write(app.session_state[option.name])


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_every_filter_survives_a_hostile_link(case):
    given = {spec.name: [HOSTILE[case]] for spec in options.FILTERS}
    given["present"] = [HOSTILE[case]]
    given["unknown"] = [HOSTILE[case]]
    app = run_page(**{name: values[0] for name, values in given.items()})
    _check(app, given)
    assert app.get("plotly_chart")
    assert not [name for name in given if name in app.query_params]


def test_repeated_keys_are_merged_and_written_once(dataset):
    countries = options.FILTERS[2].allowed(dataset)
    app = run_page("pages/map.py", countries=[countries[0], countries[1]],
                   metric=["nonsense", "budget", "sites"])
    assert app.multiselect(key="filter.countries").value == [countries[0], countries[1]]
    assert app.query_params["countries"] == f"{countries[0]},{countries[1]}"
    assert app.segmented_control(key="metric").value == "budget"
    assert app.query_params["metric"] == "budget"
    assert len(app.warning[0].value.split("  \n")) == 2  # 'nonsense' and the third value


def test_a_window_beyond_the_data_is_clamped_not_a_crash():
    app = run_page("pages/timeline.py", window="2020-01-01,2035-01-01", present="1")
    first, last = app.slider(key="window").value
    assert app.query_params["window"] == f"{first.isoformat()},{last.isoformat()}"
    assert "window" in app.warning[0].value
    assert app.get("plotly_chart")
