"""Load test (`make soak`): concurrent sessions, each a context of one headless Chromium,
go through every view changing filters, against a live server on 127.0.0.1.

Sessions start half a second apart and look at each chart for 3 seconds, as people do.
Reports errors (exceptions shown, page errors, timeouts: must be 0), the p95 time from a
filter change to the redrawn chart, and the server's memory after a warm-up and at the end
(must not grow more than 20 %). `python -m bench.soak [--seconds 180] [--sessions 20]` adds
the figures to bench/results.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, Locator, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import LAUNCH_ARGS, READY, chromium_or_fail, streamlit_process

from aimap.text import t
from aimap.views import VIEWS

RESULTS = ROOT / "bench" / "results.json"
TIMEOUT_MS = 120_000
#: Seconds between two sessions' starts (a ramp-up) and a visitor's pause between actions.
RAMP_S = 0.5
THINK_S = 3.0
_OPEN_ATTEMPTS = 5
#: Marks the charts now on the page, keeping their data, and counts their redraws: Streamlit
#: redraws a chart in place (a full plot or a lighter Plotly.react update) or replaces it
#: with a new one, and any of these counts as redrawn.
_MARK_CHARTS = """() => { window.aimapDraws = 0;
  document.querySelectorAll('.js-plotly-plot').forEach((plot) => {
    plot.dataset.aimapSeen = '1';
    plot.aimapData = JSON.stringify(plot.data);
    const count = () => { window.aimapDraws += 1; };
    plot.on('plotly_afterplot', count);
    plot.on('plotly_react', count); }); }"""
#: The view is drawn and no element left from the previous view is still on screen.
_DRAWN = """(ready) => document.querySelector(ready) !== null
  && document.querySelector('[data-stale="true"]') === null"""
_REDRAWN = """() => window.aimapDraws > 0 || [...document.querySelectorAll('.js-plotly-plot')]
  .some((plot) => plot._fullData && plot.querySelector('.main-svg') && (!plot.dataset.aimapSeen
    || JSON.stringify(plot.data) !== plot.aimapData))"""
#: How often the redraw condition is checked, in ms (it serialises the charts' data).
_POLL_MS = 100


@dataclass
class Tally:
    """What every session saw."""

    errors: list[str] = field(default_factory=list)
    redraw_ms: list[float] = field(default_factory=list)
    views_opened: int = 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _redraw_after(page: Page, control: Locator) -> float:
    """Milliseconds from clicking `control` (which changes a filter) to the next redraw of a
    chart on the page."""
    await page.evaluate(_MARK_CHARTS)
    start = time.perf_counter()
    await control.click()
    try:
        await page.wait_for_function(_REDRAWN, polling=_POLL_MS)
    except PlaywrightTimeout as error:
        raise RuntimeError(f"no chart redrawn {TIMEOUT_MS // 1000} s after a filter "
                           "change") from error
    return (time.perf_counter() - start) * 1000


async def _filter_change(page: Page) -> Locator:
    """The control whose click changes the filters: "Clear filters" when the Antennas are
    shown, else the Antenna option of the opened kind filter. Each session so alternates,
    whatever state an earlier, slower step left behind."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if await sidebar.locator('[data-testid="stMultiSelectTagsContainer"] [data-tag]').count():
        return sidebar.get_by_role("button", name=t("filters.reset"))
    option = page.get_by_role("option", name=t("kind.antenna"))
    for _ in range(_OPEN_ATTEMPTS):  # a rerun landing just then closes the dropdown
        await sidebar.locator('[data-testid="stMultiSelect"]').first.click()
        with contextlib.suppress(PlaywrightTimeout):
            await option.wait_for(state="visible", timeout=5_000)
            return option
    raise RuntimeError(f"the kind filter did not open in {_OPEN_ATTEMPTS} attempts")


async def _visit(page: Page, base: str, view, tally: Tally, by_link: bool,
                 think: float) -> None:
    """Open one view (from the app's navigation, as people move around, or by its address)
    and, where filters redraw its chart, change them twice, pausing `think` seconds after
    each change."""
    if by_link:
        await page.locator('[data-testid="stSidebarNav"]').get_by_role(
            "link", name=t(view.title_key), exact=True).click()
        await page.wait_for_url(re.compile(rf"^{re.escape(base)}/{view.url_path}(\?.*)?$"))
    else:
        await page.goto(f"{base}/{view.url_path}")
    try:
        await page.wait_for_function(_DRAWN, arg=READY[view.key])
    except PlaywrightTimeout as error:
        raise RuntimeError(f"not drawn {TIMEOUT_MS // 1000} s after opening") from error
    tally.views_opened += 1
    if view.figures and view.key != "site":
        for _ in range(2):
            tally.redraw_ms.append(await _redraw_after(page, await _filter_change(page)))
            await page.keyboard.press("Escape")  # closes the dropdown, if open
            await asyncio.sleep(think)
    if await page.locator('[data-testid="stException"]').count():
        tally.errors.append(f"{view.key}: exception shown")


async def _step(page: Page, base: str, view, tally: Tally, by_link: bool,
                think: float = THINK_S) -> None:
    """`_visit`, any failure (a timeout, a missing control) counted as an error."""
    try:
        await _visit(page, base, view, tally, by_link, think)
    except Exception as error:
        tally.errors.append(f"{view.key}: {type(error).__name__}: {error}"[:300])


async def _session(browser: Browser, base: str, deadline: float, tally: Tally,
                   first: int) -> None:
    """One visitor going round the views (starting at view `first`) until the deadline."""
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("pageerror", lambda error: tally.errors.append(f"page error: {error}"))
    step = first
    await asyncio.sleep(first * RAMP_S)
    try:
        while time.monotonic() < deadline:
            await _step(page, base, VIEWS[step % len(VIEWS)], tally, by_link=step > first)
            step += 1
            await asyncio.sleep(THINK_S)
    finally:
        await context.close()


async def _soak(base: str, pid: int, seconds: float, sessions: int) -> dict:
    tally = Tally()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_or_fail(),
                                                   args=LAUNCH_ARGS)
        warm = Tally()
        for view in VIEWS:  # warm-up: every view once, so caches are filled before measuring
            context = await browser.new_context()
            await _step(await context.new_page(), base, view, warm, by_link=False, think=0)
            await context.close()
        memory_start, cpu_start = rss_mb(pid), cpu_seconds(pid)
        started = time.monotonic()
        await asyncio.gather(*(_session(browser, base, started + seconds, tally, i)
                               for i in range(sessions)))
        elapsed = time.monotonic() - started
        memory_end, server_cpu = rss_mb(pid), cpu_seconds(pid) - cpu_start
        await browser.close()
    ordered = sorted(tally.redraw_ms)
    return {
        "sessions": sessions, "seconds": round(elapsed, 1), "views_opened": tally.views_opened,
        "filter_changes": len(ordered), "errors": len(tally.errors) + len(warm.errors),
        "first_errors": (warm.errors + tally.errors)[:5],
        "redraw_p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        "redraw_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
        "server_memory_start_mb": memory_start, "server_memory_end_mb": memory_end,
        "server_memory_growth_pct": round(100 * (memory_end / memory_start - 1), 1),
        # how busy the server was, in % of one core: the rest of the machine drew the pages
        "server_cpu_pct_of_one_core": round(100 * server_cpu / elapsed, 1),
    }


def soak(seconds: float = 180, sessions: int = 20) -> dict:
    """Run the load test against a fresh server and return its figures."""
    with streamlit_process() as (base, pid):
        return asyncio.run(_soak(base, pid, seconds, sessions))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    figures = soak(args.seconds, args.sessions)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["soak"] = figures
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    sys.exit(1 if figures["errors"] or figures["server_memory_growth_pct"] > 20 else 0)


if __name__ == "__main__":
    main()
