"""AppTest of the timeline page: URL state, next 90 days, clicks (on the fixture dataset)."""

from __future__ import annotations

from datetime import date

import pytest
from apptest import as_read, run_page

from aimap import query, text, timeline
from aimap.selection import Selection

pytestmark = pytest.mark.usefixtures("on_fixture")


def _timeline(**params: str):
    return run_page("pages/timeline.py", **params)


def test_grouping_sort_and_window_come_from_the_url():
    app = _timeline(group="country", sort="next", window="2025-01-01,2026-12-31")
    assert app.segmented_control(key="group").value == "country"
    assert app.segmented_control(key="sort").value == "next"
    assert app.slider(key="window").value == (date(2025, 1, 1), date(2026, 12, 31))


def test_bad_url_values_fall_back_to_defaults():
    app = _timeline(group="planet", sort="x", window="2026-13-01,2020-01-01")
    assert app.segmented_control(key="group").value == timeline.DEFAULT_GROUPING
    assert app.segmented_control(key="sort").value == timeline.DEFAULT_SORT
    assert app.slider(key="window").value == timeline.DEFAULT_WINDOW
    assert len(app.warning[0].value.split("  \n")) == 3


def test_a_reversed_window_is_put_in_order():
    app = _timeline(window="2026-12-31,2025-01-01")
    assert app.slider(key="window").value == (date(2025, 1, 1), date(2026, 12, 31))
    assert app.query_params["window"] == "2025-01-01,2026-12-31"
    assert "window" in app.warning[0].value


def test_changes_are_written_to_the_url():
    app = _timeline()
    app.segmented_control(key="group").set_value("kind").run()
    app.slider(key="window").set_value((date(2025, 3, 1), date(2026, 3, 1))).run()
    assert app.query_params["group"] == "kind"
    assert app.query_params["window"] == "2025-03-01,2026-03-01"


def test_sites_without_milestones_are_named_under_the_chart():
    app = _timeline()
    captions = " ".join(c.value for c in app.caption)
    assert "Delta AI Factory" in captions  # selected, no milestone of its own yet
    assert "Alpha AI Factory" not in captions


def test_next_90_days_is_shown(fixture):
    app = _timeline()
    assert text.t("timeline.next_90") in [s.value for s in app.subheader]
    shown = query.shown(fixture, Selection())
    upcoming = timeline.coming_up(fixture, shown, date.today())
    if upcoming.empty:
        assert text.t("timeline.next_90_none") in [c.value for c in app.caption]
    else:
        assert len(app.dataframe[0].value) == len(upcoming)


def test_clicking_a_bar_opens_the_site():
    app = _timeline()
    click = {"customdata": ["site", "alpha-aif"]}
    app.session_state["timeline"] = {"selection": {"points": [click]}}
    app.run()
    assert not app.exception
    assert as_read(app.title[0].value) == "Alpha AI Factory"


def test_next_90_days_warns_when_today_is_long_past_the_data(fixture):
    app = _timeline()
    warnings = [w.value for w in app.warning]
    stale = [w for w in warnings if "the data dates from 30 Jun 2026" in w]
    assert len(stale) == (1 if timeline.is_stale(fixture, date.today()) else 0)


def test_a_one_day_window_is_drawn_thirty_days_wide():
    app = _timeline(window="2025-03-12,2025-03-12")
    assert app.slider(key="window").value == (date(2025, 3, 12), date(2025, 4, 11))
    assert not app.exception


def test_a_narrow_slider_window_says_it_is_widened():
    app = _timeline()
    app.slider(key="window").set_value((date(2025, 3, 12), date(2025, 3, 20))).run()
    widened = text.t("timeline.window_widened", days=timeline.MIN_WINDOW_DAYS)
    assert widened in [c.value for c in app.caption]
    assert not app.exception
