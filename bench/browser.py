"""Time from opening a page in headless Chromium to its chart being drawn, and from clicking
a view in the app's navigation to its chart being drawn."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import LAUNCH_ARGS, READY, chromium_or_fail, streamlit_server

#: The views timed (URL path -> what shows they are drawn).
DRAWN = {"map": READY["map"], "": READY["overview"]}
RUNS = 5
VIEWPORT = {"width": 1280, "height": 720}


def _timed(page: Page, action, selector: str) -> float:
    start = time.perf_counter()
    action()
    page.wait_for_selector(selector, state="attached", timeout=30_000)
    return (time.perf_counter() - start) * 1000


def _open_each_view(context: BrowserContext, base: str) -> dict[str, float]:
    """Median over RUNS of a new tab opening each view; a first run fills the caches."""
    opened: dict[str, float] = {}
    for path, selector in DRAWN.items():
        times = []
        for _ in range(RUNS + 1):
            page = context.new_page()
            times.append(_timed(page, lambda p=page, u=f"{base}/{path}": p.goto(u), selector))
            page.close()
        opened[path or "overview"] = round(statistics.median(times[1:]), 1)
    return opened


def _navigate_to_map(context: BrowserContext, base: str) -> float:
    """Median over RUNS of a click in the navigation from the Overview to the Map."""
    navigated = []
    for _ in range(RUNS):
        page = context.new_page()
        page.goto(f"{base}/")
        page.wait_for_selector(DRAWN[""], state="attached", timeout=30_000)
        link = page.locator('[data-testid="stSidebarNav"] a', has_text="Map")
        navigated.append(_timed(page, link.click, DRAWN["map"]))
        page.close()
    return round(statistics.median(navigated), 1)


def _returning_visitor(playwright: Playwright, profile: str) -> BrowserContext:
    """A browser with a profile on disk, as people have: it keeps Chromium's compiled-script
    cache, which a private window does not (plotly's 4.7 MB bundle is then recompiled)."""
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=chromium_or_fail(), args=LAUNCH_ARGS, viewport=VIEWPORT)


def browser_timings() -> dict[str, object]:
    """New-tab timings for a returning visitor and for a private window, and in-app
    navigation."""
    with (streamlit_server() as base, sync_playwright() as playwright,
          tempfile.TemporaryDirectory() as profile):
        visitor = _returning_visitor(playwright, profile)
        opened = _open_each_view(visitor, base)
        navigated = _navigate_to_map(visitor, base)
        visitor.close()
        browser = playwright.chromium.launch(executable_path=chromium_or_fail(),
                                             args=LAUNCH_ARGS)
        private = _open_each_view(browser.new_context(viewport=VIEWPORT), base)
        browser.close()
    return {"open_new_tab_ms": opened, "open_new_tab_private_window_ms": private,
            "navigate_overview_to_map_ms": navigated}
