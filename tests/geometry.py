"""Where plotly.js really puts a figure's text and bars: render it offline in headless Chromium
(plotly.js from the plotly package) and measure, so layout tests check geometry, not pixels."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import plotly
import plotly.graph_objects as go
from browser import LAUNCH_ARGS, ROOT, chromium_or_fail
from playwright.sync_api import sync_playwright

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
TOPOJSON = ROOT / "static" / "topojson"
_TOPOJSON_URL = "http://topojson.test/"

#: What counts as text (kind -> CSS selector inside the plot); bars are measured separately.
TEXT_SELECTORS = {
    "title": ".infolayer .g-gtitle text",
    "annotation": ".annotation-text-g text",
    "value": ".scatterlayer .textpoint text",
    "xtick": ".xaxislayer-above .xtick text",
    "ytick": ".yaxislayer-above .ytick text",
    "legend": ".legend .legendtext",
}
#: Marks text must not cover (kind -> selector): bars, and visible scatter markers.
MARK_SELECTORS = {"bar": ".barlayer .point path", "marker": ".scatterlayer .points path.point"}

_MAX_FRAMES = 50
_MEASURE = """([textSelectors, markSelectors]) => {
  const boxes = [];
  const plot = document.getElementById("plot")._fullLayout._size;  // marks are clipped to it
  const add = (kind, element) => {
    const b = element.getBoundingClientRect();
    let r = {left: b.left, right: b.right, top: b.top, bottom: b.bottom};
    if (kind in markSelectors)
      r = {left: Math.max(r.left, plot.l), right: Math.min(r.right, plot.l + plot.w),
           top: Math.max(r.top, plot.t), bottom: Math.min(r.bottom, plot.t + plot.h)};
    r.width = r.right - r.left; r.height = r.bottom - r.top;
    const style = getComputedStyle(element);
    if (r.width > 0 && r.height > 0 && parseFloat(style.opacity) > 0
        && parseFloat(style.fillOpacity || 1) + parseFloat(style.strokeOpacity || 0) > 0)
      boxes.push({kind, text: element.textContent || "", x0: r.left, y0: r.top,
                  x1: r.right, y1: r.bottom, size: parseFloat(style.fontSize) || 0});
  };
  for (const [kind, selector] of Object.entries(textSelectors))
    document.querySelectorAll(selector).forEach(e => add(kind, e));
  for (const [kind, selector] of Object.entries(markSelectors))
    document.querySelectorAll(selector).forEach(e => add(kind, e));
  return boxes;
}"""


@dataclass(frozen=True)
class Box:
    """One drawn element's box in CSS pixels of the figure (origin top left); `size` is the
    font size for text."""

    kind: str
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0

    @property
    def is_text(self) -> bool:
        return self.kind not in MARK_SELECTORS

    def overlaps(self, other: Box, tolerance: float = 1.0) -> bool:
        """True when the boxes share more than `tolerance` pixels both ways."""
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > tolerance
                and min(self.y1, other.y1) - max(self.y0, other.y0) > tolerance)


def boxes(figure: go.Figure, width: int, height: int) -> list[Box]:
    """The boxes of every title, annotation, tick label, legend text, bar and visible marker
    of `figure` drawn at `width` x `height` layout pixels."""
    return many_boxes([(figure, width, height)])[0]


def many_boxes(layouts: list[tuple[go.Figure, int, int]]) -> list[list[Box]]:
    """`boxes` of each (figure, width, height), in one page of one browser: starting a
    browser, and parsing plotly.js, costs more than measuring a figure. On a thread of its
    own: where pytest-playwright's browser tests ran first in the same worker, their event
    loop is running on this one, and Playwright's sync API refuses to start inside it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_measured, layouts).result()


def _measured(layouts: list[tuple[go.Figure, int, int]]) -> list[list[Box]]:
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_or_fail(),
                                             args=LAUNCH_ARGS)
        try:
            tab = browser.new_page()
            tab.route(_TOPOJSON_URL + "**", _serve_topojson)
            tab.set_content(_PAGE % PLOTLY_JS.read_text())
            for figure, width, height in layouts:
                tab.set_viewport_size({"width": width, "height": height})
                spec = json.loads(figure.to_json())
                spec["layout"].update(width=width, height=height)
                tab.evaluate("spec => draw(spec)", spec)
                found.append([Box(**box) for box in _settled(tab)])
        finally:
            browser.close()
    return found


def _serve_topojson(route) -> None:
    """Base maps from the app's own files: the test runs offline, as the app does."""
    route.fulfill(path=TOPOJSON / route.request.url.removeprefix(_TOPOJSON_URL))


def _settled(tab) -> list[dict]:
    """The boxes once two frames agree: plotly redraws after pushing margins for a legend,
    and a promise resolved in between would measure the first draft."""
    found = None
    for _ in range(_MAX_FRAMES):
        tab.evaluate("new Promise(done => requestAnimationFrame(() => done()))")
        again = tab.evaluate(_MEASURE, [TEXT_SELECTORS, MARK_SELECTORS])
        if again == found:
            return found
        found = again
    raise AssertionError(f"the figure was still moving after {_MAX_FRAMES} frames")


def overlaps(found: list[Box]) -> list[tuple[Box, Box]]:
    """Pairs of boxes that collide: text on text, or text on a bar or marker."""
    return [(a, b) for a, b in combinations(found, 2)
            if (a.is_text or b.is_text) and a.overlaps(b)]


def outside(found: list[Box], width: int, height: int) -> list[Box]:
    """Text boxes that run off the figure (cut in a PNG)."""
    return [b for b in found if b.is_text
            and (b.x0 < -1 or b.y0 < -1 or b.x1 > width + 1 or b.y1 > height + 1)]


#: One page for every figure: `draw` replaces the plot and resolves once plotly has drawn it.
_PAGE = ("<html><head><style>body{margin:0}</style><script>%s</script></head><body>"
         "<div id='plot'></div><script>"
         "function draw(spec) { Plotly.purge('plot');"
         " return Plotly.newPlot('plot', spec.data, spec.layout,"
         f" {{staticPlot: true, topojsonURL: '{_TOPOJSON_URL}'}}).then(() => null); }}"
         "</script></body></html>")
