"""Real-browser tests: Playwright drives Debian's Chromium against a live server."""

from __future__ import annotations

import pytest
from browser import READY, ROOT, is_local

from aimap import query
from aimap.selection import Selection
from aimap.views import VIEWS

pytestmark = pytest.mark.browser
SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture
def requests_seen(page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def _open(page, url: str, ready: str = READY["overview"]) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=30_000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_page_loads_without_exception_and_stays_offline(page, server, requests_seen, view):
    _open(page, f"{server}/{view.url_path}", READY[view.key])
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert requests_seen, "no request recorded: the recorder is broken"
    outside = [url for url in requests_seen if not is_local(url)]
    assert not outside, outside
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{view.key}.png"), full_page=True)


def _wave(dataset, wave: int) -> query.Headline:
    return query.headline(dataset, query.shown(dataset, Selection(waves=(str(wave),))))


def test_overview_shows_the_headline_and_restores_filters_from_the_link(page, server, dataset):
    _open(page, f"{server}/?waves=3")
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    wave = _wave(dataset, 3)
    assert wave.factories and not wave.antennas  # antennas belong to no wave
    assert values[:2] == [str(wave.factories), "0"]
    assert "waves=3" in page.url


def test_choosing_a_filter_writes_it_into_the_link(page, server, dataset):
    _open(page, f"{server}/")
    page.locator('[data-testid="stMultiSelect"]').nth(1).click()
    page.get_by_role("option", name="Wave 2").click()
    page.wait_for_url("**waves=2**", timeout=10_000)
    page.keyboard.press("Escape")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetricValue]')]"
        f".map(e => e.innerText)[0] === '{_wave(dataset, 2).factories}'", timeout=10_000)


def test_map_draws_countries_and_a_click_opens_the_country_panel(page, server, dataset):
    _open(page, f"{server}/map", READY["map"])
    countries = page.locator(".choroplethlocation")
    assert countries.count() == len(dataset.geojson["features"])
    spain = [f["id"] for f in dataset.geojson["features"]].index("ESP")
    countries.nth(spain).click(force=True)
    page.wait_for_url("**country=ESP**", timeout=15_000)
    in_spain = query.sites(dataset).query("country == 'ESP'")["name"]
    page.get_by_text(in_spain.iloc[0], exact=True).first.wait_for(timeout=15_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "map-spain.png"), full_page=True)


def test_base_map_files_are_served_locally(page, server):
    response = page.request.get(f"{server}/app/static/topojson/world_110m.json")
    assert response.status == 200
    assert response.json()["type"] == "Topology"


def test_is_local_recognises_outside_requests():
    assert is_local("http://127.0.0.1:8501/static/x.js")
    assert is_local("data:image/png;base64,xx")
    assert not is_local("https://cdn.plot.ly/world_110m.json")
    assert not is_local("https://fonts.googleapis.com/css")
