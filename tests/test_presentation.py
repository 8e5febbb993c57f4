"""Presentation mode: from the URL, bigger chart type, step through the views keeping the
filters, and nothing cut off or overlapping at 1280x720 and 1920x1080 (real browser)."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest
from apptest import run_page
from browser import READY, ROOT
from playwright.sync_api import expect

from aimap import query, theme
from aimap.figures.map import map_figure
from aimap.selection import Selection
from aimap.views import BRIEFING, VIEWS_BY_KEY, page_of

SCREENSHOTS = ROOT / "screenshots"
#: What shows a view is drawn when presenting, where it differs from the page's (a site's
#: page and What changed show tables; presenting, their sheet)
PRESENT_READY = {key: ".st-key-present-chart .js-plotly-plot .main-svg"
                 for key in ("site", "changes")}


def test_presentation_type_is_at_least_18px(dataset):
    figure = theme.for_presentation(map_figure(dataset, Selection()))
    assert figure.layout.font.size >= 18 and figure.layout.legend.font.size >= 18
    assert all(note.font.size >= 18 for note in figure.layout.annotations)
    assert theme.PRESENTATION_SUBTITLE_STYLE in figure.layout.title.text


def _chart_titles(app) -> list[str]:
    """The titles of the charts on the page (the first line of each)."""
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].split("<br>")[0]
            for chart in app.get("plotly_chart")]


def test_present_in_the_url_turns_it_on_and_next_keeps_the_filters():
    app = run_page(present="1", waves="3", countries="ROU,ESP")
    assert app.toggle(key="present").value is True
    assert [b.label for b in app.button if b.key == "present.next"] == ["Map →"]
    app.button(key="present.next").click().run()
    assert not app.exception
    assert _chart_titles(app) == ["Sites per country"]  # the map's chart, and only it
    assert app.query_params["waves"] == "3" and app.query_params["present"] == "1"
    assert app.query_params["countries"] == "ROU,ESP"
    assert app.multiselect(key="filter.waves").value == ["3"]
    assert app.multiselect(key="filter.countries").value == ["ROU", "ESP"]
    app.button(key="present.previous").click().run()
    assert _chart_titles(app) == ["Sites per host country"]


def _label(app, key: str) -> str | None:
    return next((b.label for b in app.button if b.key == key), None)


def test_next_turns_the_pages_of_rows_then_goes_on_and_back_comes_to_the_last(dataset):
    app = run_page(present="1")
    hosts = query.sites(dataset)["country"].nunique()
    low, high = json.loads(app.get("plotly_chart")[0].proto.spec)["layout"]["yaxis"]["range"]
    page_rows = round(high - low)
    assert page_rows < hosts  # the countries do not fit a 1280x720 screen
    assert _label(app, "present.rows.next") == \
        f"Rows {page_rows + 1}–{min(hosts, 2 * page_rows)} of {hosts} →"
    assert _label(app, "present.next") is None
    app.button(key="present.rows.next").click().run()
    assert _label(app, "present.rows.previous") == f"← Rows 1–{page_rows}"
    while _label(app, "present.rows.next"):
        app.button(key="present.rows.next").click().run()
    assert _chart_titles(app) == ["Sites per host country"]  # still the Overview
    app.button(key="present.next").click().run()
    assert _chart_titles(app) == ["Sites per country"]
    app.button(key="present.previous").click().run()  # back: the Overview's last page
    assert _chart_titles(app) == ["Sites per host country"]
    assert _label(app, "present.next") == "Map →" and _label(app, "present.rows.previous")


def test_exit_turns_it_off():
    app = run_page(present="1")
    app.button(key="present.exit").click().run()
    assert app.toggle(key="present").value is False
    assert "present" not in app.query_params
    assert not [b for b in app.button if b.key == "present.next"]


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_presentation_screens_fit(page, server, dataset, width, height):
    """Each briefing view's chart frame (and a site's sheet's) lies inside the screen and
    fills at least half of it; a taller chart scrolls inside the frame; no plotly PNG button
    beside ours."""
    page.set_viewport_size({"width": width, "height": height})
    SCREENSHOTS.mkdir(exist_ok=True)
    for view in (*BRIEFING, VIEWS_BY_KEY["site"]):
        link = f"&id={dataset.factories['id'].iloc[0]}" if view.key == "site" else ""
        page.goto(f"{server}/{view.url_path}?present=1{link}")
        page.wait_for_selector(PRESENT_READY.get(view.key, READY[view.key]), state="attached",
                               timeout=30_000)
        frame = page.locator(".st-key-present-chart")
        expect(frame.locator(".js-plotly-plot")).to_have_count(1)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{view.key}: {overflow}px wider than the screen"
        box = frame.bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0, view.key
        assert box["x"] + box["width"] <= width and box["y"] + box["height"] <= height, \
            f"{view.key}: {box} runs off {width}x{height}"
        assert box["width"] * box["height"] >= 0.5 * width * height, f"{view.key}: {box}"
        chart = frame.locator(".js-plotly-plot").bounding_box()
        assert chart["height"] >= box["height"] - 2, f"{view.key}: the chart leaves its frame"
        hidden = frame.evaluate("f => f.scrollHeight - f.clientHeight")
        if view.key != "site":  # a site's sheet of tables still scrolls in its frame
            assert hidden <= 1, f"{view.key}: {hidden}px of the chart scrolled out of sight"
        assert page.locator(".js-plotly-plot").count() == 1  # nothing else drawn
        names = sorted((b["y"], b["y"] + b["height"]) for b in (
            label.bounding_box() for label in frame.locator(".ytick text").all()) if b)
        touching = [pair for pair in zip(names, names[1:]) if pair[1][0] < pair[0][1] - 1]
        assert not touching, f"{view.key}: row names overlap {touching[:3]}"
        if view.key == "overview":  # a row name for every country shown: none dropped
            hosts = query.sites(dataset)["country"].nunique()
            following = page.locator(".st-key-present-rows-next").inner_text()
            paged = re.search(r"Rows (\d+)–\d+ of (\d+)", following)
            assert paged is None or int(paged[2]) == hosts, following
            expect(frame.locator(".ytick text")).to_have_count(
                int(paged[1]) - 1 if paged else hosts)
        assert page.locator(".modebar").count() == 1
        assert page.locator('.modebar-btn[data-title*="png"]').count() == 0
        page.screenshot(path=str(SCREENSHOTS / f"present-{view.key}-{width}x{height}.png"))


def test_figure_unchanged_outside_presentation(dataset):
    figure = map_figure(dataset, Selection())
    assert isinstance(figure, go.Figure) and figure.layout.font.size is None


def test_a_site_page_presents_its_sheet_with_its_picker_and_no_steps(dataset):
    site = dataset.factories["id"].iloc[0]
    app = run_page(page_of("site"), id=site)
    app.toggle(key="present").set_value(True).run()
    assert [chart for chart in app.get("plotly_chart")], "the site's sheet is drawn"
    assert len(app.get("plotly_chart")) == 1
    assert app.selectbox(key="id").value == site  # the picker, in the options popover
    keys = {b.key for b in app.button}
    assert "present.exit" in keys and not keys & {"present.next", "present.previous"}
    assert not app.get("table")  # the page's tables are not run
    app.button(key="present.exit").click().run()
    assert app.toggle(key="present").value is False and app.get("table")
