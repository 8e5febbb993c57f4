"""Presentation mode: from the URL, bigger chart type, step through the views keeping the
filters, and nothing cut off or overlapping at 1280x720 and 1920x1080 (real browser)."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from apptest import run_page
from browser import ROOT

from aimap import theme
from aimap.figures.map import map_figure
from aimap.selection import Selection

SCREENSHOTS = ROOT / "screenshots"


def test_presentation_type_is_at_least_18px(dataset):
    figure = theme.for_presentation(map_figure(dataset, Selection()))
    assert figure.layout.font.size >= 18 and figure.layout.legend.font.size >= 18
    assert all(note.font.size >= 18 for note in figure.layout.annotations)
    assert theme.PRESENTATION_SUBTITLE_STYLE in figure.layout.title.text


def test_present_in_the_url_turns_it_on_and_next_keeps_the_filters():
    app = run_page(present="1", waves="3", countries="ROU,ESP")
    assert app.toggle(key="present").value is True
    assert [b.label for b in app.button if b.key == "present.next"] == ["Map →"]
    app.button(key="present.next").click().run()
    assert not app.exception
    assert app.title[0].value == "Where Europe's AI infrastructure is"
    assert app.query_params["waves"] == "3" and app.query_params["present"] == "1"
    assert app.query_params["countries"] == "ROU,ESP"
    assert app.multiselect(key="filter.waves").value == ["3"]
    assert app.multiselect(key="filter.countries").value == ["ROU", "ESP"]
    app.button(key="present.previous").click().run()
    assert app.title[0].value == "Europe's AI infrastructure at a glance"


def test_exit_turns_it_off():
    app = run_page(present="1")
    app.button(key="present.exit").click().run()
    assert app.toggle(key="present").value is False
    assert "present" not in app.query_params
    assert not [b for b in app.button if b.key == "present.next"]


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("path, ready", [("map", ".choroplethlocation"),
                                         ("budgets", ".js-plotly-plot .bars path")])
def test_presentation_screens_fit(page, server, width, height, path, ready):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/{path}?present=1")
    page.wait_for_selector(ready, state="attached", timeout=30_000)
    page.wait_for_timeout(800)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px wider than the screen"
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    assert chart["width"] >= 0.85 * width  # full width
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"present-{path}-{width}x{height}.png"))


def test_figure_unchanged_outside_presentation(dataset):
    figure = map_figure(dataset, Selection())
    assert isinstance(figure, go.Figure) and figure.layout.font.size is None
