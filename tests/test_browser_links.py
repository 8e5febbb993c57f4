"""Crafted links in a real browser, on every view: the view is drawn, a notice says what was
left out, and nothing in it renders as a link, an image or emphasis, or fetches anything."""

from __future__ import annotations

from itertools import cycle
from urllib.parse import urlencode

import pytest
from browser import READY, is_local
from playwright.sync_api import expect

from aimap.views import VIEWS

pytestmark = pytest.mark.browser

PAYLOADS = ["[Login](https://evil.example/phish)", "![x](http://127.0.0.2/x.png)",
            "**bold** :red[alarm] :smile:", "<img src=http://127.0.0.2/y.png>",
            "javascript:alert(1)", "2020-13-01,2035-01-01", "🚀" * 50]


def _hostile_link(view) -> str:
    """Every option of the view and two filters, each given a payload; plus an unknown key."""
    payloads = cycle(PAYLOADS)
    params = [(option.name, next(payloads)) for option in view.options]
    params += [("countries", "[Login](https://evil.example/c)"), ("waves", "**9**"),
               ("utm", "![x](http://127.0.0.2/z.png)")]
    return f"/{view.url_path}?{urlencode(params)}"


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_a_hostile_link_gives_a_drawn_view_and_inert_notices(page, server, view):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server + _hostile_link(view))
    expect(page.locator(READY[view.key]).first).to_be_attached(timeout=60_000)
    notices = page.locator('[data-testid="stAlertContainer"]').filter(has_text="This link's")
    expect(notices.first).to_be_visible(timeout=30_000)
    expect(notices.filter(has_text="Login").first).to_be_visible()
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('a[href*="evil.example"], a[href^="javascript"]')).to_have_count(0)
    expect(page.locator('img[src*="127.0.0.2"]')).to_have_count(0)
    expect(notices.locator("strong, em, img, a")).to_have_count(0)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.wait_for_url(lambda url: "evil.example" not in url and "127.0.0.2" not in url)
    outside = [url for url in seen if not is_local(url)]
    assert not outside, outside
