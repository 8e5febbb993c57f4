"""Time from opening a page in headless Chromium to its chart being drawn, and from clicking
a view in the app's navigation to its chart being drawn."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import LAUNCH_ARGS, chromium_or_fail, streamlit_server  # noqa: E402

#: What "drawn" means per view (URL path -> selector): the map's countries, the overview's bars.
DRAWN = {"map": ".choroplethlocation", "": ".js-plotly-plot .bars path"}
RUNS = 5


def _timed(page: Page, action, selector: str) -> float:
    start = time.perf_counter()
    action()
    page.wait_for_selector(selector, state="attached", timeout=30_000)
    return (time.perf_counter() - start) * 1000


def browser_timings() -> dict[str, dict[str, float]]:
    """Medians over RUNS: a new tab opening each view (browser cache warm, as for a returning
    visitor), and a click in the navigation from the Overview to the Map."""
    opened: dict[str, float] = {}
    with streamlit_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_or_fail(),
                                             args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        for path, selector in DRAWN.items():
            times = []
            for _ in range(RUNS + 1):  # the first run fills the caches
                page = context.new_page()
                times.append(_timed(page, lambda p=page, u=f"{base}/{path}": p.goto(u), selector))
                page.close()
            opened[path or "overview"] = round(statistics.median(times[1:]), 1)
        navigated = []
        for _ in range(RUNS):
            page = context.new_page()
            page.goto(f"{base}/")
            page.wait_for_selector(DRAWN[""], state="attached", timeout=30_000)
            link = page.locator('[data-testid="stSidebarNav"] a', has_text="Map")
            navigated.append(_timed(page, link.click, DRAWN["map"]))
            page.close()
        browser.close()
    return {"open_new_tab_ms": opened,
            "navigate_overview_to_map_ms": round(statistics.median(navigated), 1)}
