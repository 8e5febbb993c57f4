"""Every export preset of every view as plotly.js really lays it out (headless Chromium, one
browser for all): no text on other text or on a bar, nothing cut at the edge, and slide text
large enough to project."""

from __future__ import annotations

from datetime import date

import pytest
from geometry import many_boxes, outside, overlaps

from aimap import export
from aimap.selection import Selection
from aimap.views import BRIEFING, VIEWS_BY_KEY, figure_name

pytestmark = pytest.mark.browser
TODAY = date(2026, 12, 3)
#: Effective pixels in the slide PNG (1920x1080): read from across a room.
SLIDE_TITLE_PX, SLIDE_LABEL_PX = 36, 20
_LABELS = ("xtick", "ytick", "legend")


def _figures():
    """(view, builder) for every figure a view exports."""
    for view in (*BRIEFING, VIEWS_BY_KEY["site"]):
        for builder in view.figures:
            yield view, builder


@pytest.fixture(scope="module")
def measured(dataset):
    """{(figure, preset): (boxes, width, height, scale)} for every figure and preset."""
    keys, layouts, scales = [], [], []
    for view, builder in _figures():
        defaults = {option.name: option.default_for(dataset) for option in view.options}
        options = view.keywords(builder, defaults)
        if "today" in builder.__code__.co_varnames:
            options["today"] = TODAY
        for preset in export.PRESETS:
            figure, width, height, scale = export.laid_out(builder, dataset, Selection(),
                                                           preset, **options)
            keys.append((f"{view.key}-{figure_name(builder)}", preset))
            layouts.append((figure, width, height))
            scales.append(scale)
    found = many_boxes(layouts)
    return {key: (boxes, width, height, scale) for key, boxes, (_, width, height), scale
            in zip(keys, found, layouts, scales, strict=True)}


_CASES = [(f"{view.key}-{figure_name(builder)}", preset)
          for view, builder in _figures() for preset in export.PRESETS]


@pytest.mark.parametrize("case", _CASES, ids=[f"{f}-{p}" for f, p in _CASES])
def test_nothing_overlaps_or_is_cut(measured, case):
    found, width, height, _ = measured[case]
    assert any(b.kind == "title" for b in found)  # drawn, not blank
    assert [(a.text or a.kind, b.text or b.kind) for a, b in overlaps(found)] == []
    assert [b.text for b in outside(found, width, height)] == []


@pytest.mark.parametrize("name", sorted({f for f, _ in _CASES}))
def test_slide_text_is_large_enough_to_project(measured, name):
    found, _, _, scale = measured[(name, "slide")]
    title = max(b.size for b in found if b.kind == "title")
    assert title * scale >= SLIDE_TITLE_PX
    small = sorted({(b.text, round(b.size * scale)) for b in found
                    if b.kind in _LABELS and b.size * scale < SLIDE_LABEL_PX})
    assert small == []
