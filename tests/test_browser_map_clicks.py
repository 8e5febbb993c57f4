"""Clicking countries one after another on the map: each click opens that country's panel,
brings it into view, and the link names it, so a shared link opens the country last clicked;
a click on a country without a site says so."""

from __future__ import annotations

import pytest
from browser import READY
from playwright.sync_api import expect

from aimap import query
from aimap.text import t

pytestmark = pytest.mark.browser
CLICKS = ["POL", "ESP", "FRA", "POL", "ITA", "ESP"]
#: A point inside the country's shape, on screen and not covered, as far as possible from any
#: site marker (a click near a marker chooses the site): a grid over the shape's box.
INSIDE_AWAY_FROM_SITES = """path => {
  const box = path.getBoundingClientRect(), toPath = path.getScreenCTM().inverse();
  const sites = [...document.querySelectorAll('.scattergeo .point')].map(p => {
    const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });
  let best = null, bestGap = -1;
  for (let i = 1; i < 30; i++) for (let j = 1; j < 30; j++) {
    const x = box.x + box.width * i / 30, y = box.y + box.height * j / 30;
    const local = new DOMPoint(x, y).matrixTransform(toPath);
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight || !path.isPointInFill(local)) continue;
    const top = document.elementFromPoint(x, y);
    if (!top || !top.closest('.js-plotly-plot')) continue;
    const gap = Math.min(Infinity, ...sites.map(([sx, sy]) => Math.hypot(sx - x, sy - y)));
    if (gap > bestGap) { bestGap = gap; best = {x, y}; }
  }
  return best;
}"""


def test_the_country_clicked_last_is_the_one_in_the_link_and_the_panel(page, server, dataset):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/map")
    page.wait_for_selector(READY["map"], state="attached", timeout=30_000)
    order = [feature["id"] for feature in dataset.geojson["features"]]
    names = query.country_names(dataset)
    picker = page.get_by_role("combobox", name=t("map.country"))

    def click(iso3: str) -> None:
        # The fill trace is the first: its paths come first, in the boundary file's order.
        shape = page.locator(".choroplethlocation").nth(order.index(iso3))
        point = None
        for _ in range(10):  # the last click may scroll the page to its panel meanwhile
            shape.scroll_into_view_if_needed()
            point = shape.evaluate(INSIDE_AWAY_FROM_SITES)
            if point:
                break
        assert point, f"no point inside {iso3} on screen"
        page.mouse.click(point["x"], point["y"])

    hosts = set(query.sites(dataset)["country"])
    nowhere = next(iso3 for iso3 in order if iso3 not in hosts and iso3 in ("BLR", "UKR", "TUR"))
    click(nowhere)  # no site there: a short message says so, and nothing else changes
    expect(page.get_by_text(t("map.click.no_site", country=names[nowhere]))).to_be_visible(
        timeout=20_000)
    assert "country=" not in page.url
    for iso3 in CLICKS:
        click(iso3)
        page.wait_for_url(f"**country={iso3}**", timeout=20_000)
        expect(picker).to_have_value(names[iso3], timeout=20_000)
        expect(page.locator(".st-key-country-panel")).to_be_in_viewport(timeout=20_000)
    click("FRA")  # a change of mind before the page has caught up: the last click wins
    click("ITA")
    page.wait_for_url("**country=ITA**", timeout=20_000)
    expect(picker).to_have_value(names["ITA"], timeout=20_000)
    assert "country=FRA" not in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
