"""The map fills its frame on any screen, normal and presenting: the drawn map spans its
plot (no bands beside it), the legend lies inside the map, and the frame is never taller
than the screen."""

from __future__ import annotations

import pytest
from browser import READY

pytestmark = pytest.mark.browser


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("present", [False, True])
def test_the_map_fills_its_frame_with_the_legend_inside(page, server, width, height, present):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/map" + ("?present=1" if present else ""))
    page.wait_for_selector(READY["map"], state="attached", timeout=30_000)
    chart, drawn = _box(page, ".js-plotly-plot"), _box(page, ".geolayer")
    legend = _box(page, ".js-plotly-plot .legend")
    assert chart["height"] <= height + 1, chart
    plot_width = chart["width"] - 48  # the map's side margins
    assert drawn["width"] >= 0.93 * plot_width, (drawn, chart)
    assert legend["x"] >= drawn["x"] - 1 and legend["y"] >= drawn["y"] - 1, (legend, drawn)
    assert legend["x"] + legend["width"] <= drawn["x"] + drawn["width"] + 1
    assert legend["y"] + legend["height"] <= drawn["y"] + drawn["height"] + 1, (legend, drawn)
