"""The timeline as plotly.js really lays it out (headless Chromium): no text on a bar or on
other text, nothing off the edge, on screen, when presenting and in every export preset."""

from __future__ import annotations

import html
import re
from datetime import date

import plotly.graph_objects as go
import pytest
from geometry import boxes, outside, overlaps

from aimap import formatting
from aimap.export import PRESETS, logical_size
from aimap.figures.common import at_height
from aimap.figures.timeline import timeline_figure
from aimap.selection import Selection
from aimap.ui.charts import presented_figure

pytestmark = pytest.mark.browser
TODAY = date(2026, 12, 3)  # after the data's as-of date, as on the day this was written
#: The chart's width on screen: beside the sidebar; presenting (no sidebar), its frame's.
SCREENS = {"1280": 820, "1920": 1250}
PRESENTING = {"1280": (1223, 616), "1920": (1863, 976)}


def _presented_pages(dataset) -> list[go.Figure]:
    """Every page of rows of the presented timeline, as presentation mode draws them."""
    def page(number: int):
        return presented_figure(timeline_figure, dataset, Selection(), number, today=TODAY)
    first, shown = page(1)
    return [first, *(page(n)[0] for n in range(2, shown.count + 1))]


def _layouts(dataset) -> list[tuple[str, go.Figure, int, int]]:
    """(name, figure, width, height) for each screen, presented page and preset."""
    def fresh() -> go.Figure:
        return timeline_figure(dataset, Selection(), today=TODAY)
    found = []
    for name, width in SCREENS.items():
        figure = fresh()
        found.append((f"screen-{name}", figure, width, figure.layout.height))
    for number, figure in enumerate(_presented_pages(dataset), start=1):
        for name, (width, height) in PRESENTING.items():
            found.append((f"present-{name}-{number}", figure, width, height))
    for key, preset in PRESETS.items():
        figure = fresh()
        width, height, _ = logical_size(figure.layout.height, preset)
        found.append((key, at_height(figure, height), width, height))
    return found


@pytest.fixture(scope="module")
def measured(dataset) -> dict[str, tuple[list, int, int]]:
    return {name: (boxes(figure, width, height), width, height)
            for name, figure, width, height in _layouts(dataset)}


@pytest.mark.parametrize("layout", [*(f"screen-{s}" for s in SCREENS), *PRESETS])
def test_no_text_overlaps_a_bar_or_other_text(measured, layout):
    found, width, height = measured[layout]
    assert sum(b.kind == "bar" for b in found) > 20  # the chart is drawn, not empty
    assert [(a.text, b.text or b.kind) for a, b in overlaps(found)] == []
    assert [b.text for b in outside(found, width, height)] == []


@pytest.mark.parametrize("screen", PRESENTING)
def test_presented_pages_show_every_row_once_and_nothing_overlaps(measured, dataset, screen):
    """Each page of rows fits its frame without overlaps, at presentation type, and the
    pages together name every row once."""
    pages = [measured[name] for name in measured if name.startswith(f"present-{screen}-")]
    assert len(pages) > 1  # more rows than a 720 px screen holds
    names = []
    for found, width, height in pages:
        assert [(a.text, b.text or b.kind) for a, b in overlaps(found)] == []
        assert [b.text for b in outside(found, width, height)] == []
        rows = [b for b in found if b.kind == "ytick"]
        assert rows and min(b.y1 - b.y0 for b in rows) >= 18  # read across a room
        names += [b.text for b in rows]
    everyone = _presented_pages(dataset)[0].layout.yaxis.ticktext
    assert sorted(names) == sorted(html.unescape(re.sub("<[^>]+>", "", n)) for n in everyone)


def test_every_date_label_is_drawn(measured, dataset):
    found, _, _ = measured["screen-1280"]
    texts = {b.text for b in found if b.kind == "annotation"}
    assert {"today", f"data as of {formatting.format_date(dataset.as_of)}"} <= texts


def test_the_helper_sees_a_label_on_a_bar():
    figure = go.Figure(go.Bar(x=[10], y=["a"], orientation="h"))
    figure.add_annotation(x=5, y="a", text="on the bar", showarrow=False)
    found = boxes(figure, 600, 400)
    assert [sorted((a.kind, b.kind)) for a, b in overlaps(found)] == [["annotation", "bar"]]
