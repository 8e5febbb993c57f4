"""Markdown in the data, in a real browser: a copy of the fixture with a payload in every text
column of every table (valid data: HTML is refused by validation, Markdown is not) is served,
and on every view nothing renders as a link, an image, emphasis, a colour or an emoji, no
request leaves 127.0.0.1, and the payloads are shown as the text they are."""

from __future__ import annotations

import re
import shutil
from itertools import cycle

import pytest
from browser import READY, is_local, streamlit_server
from conftest import FIXTURE, fixture_with_text
from playwright.sync_api import expect

from aimap.load import load_dataset

pytestmark = pytest.mark.browser

PAYLOADS = ("[Login](https://evil.example/p)", "![x](http://127.0.0.2/x.png)",
            "**bold** _em_ ~~gone~~", ":red[alarm] :smile: $x^2$",
            "https://evil.example/bare www.evil.example phish@evil.example",
            "&lt;b&gt;entity&lt;/b&gt; `code`")
#: What a rendered payload would put in the page (selector): none may be present.
RENDERED = ('a[href*="evil.example"]', 'a[href^="mailto:"]', 'img[src*="127.0.0.2"]',
            "strong:has-text('bold')", "em:has-text('em')", "del:has-text('gone')",
            "code:has-text('code')", ".katex", "b:has-text('entity')")
#: Every view, with the choices that show most names (a country panel, every claim, a site).
PAGES = {"overview": "/", "map": "/map?country=ESP", "timeline": "/timeline",
         "sectors": "/sectors", "budgets": "/budgets?claims=all", "site": "/site?id=alpha-aif",
         "changes": "/changes", "data": "/data"}


@pytest.fixture(scope="module")
def tainted_server(tmp_path_factory):
    """A server of its own on a fixture copy with a payload appended to every text cell, and
    the untouched fixture as its release (so What changed shows every tainted value)."""
    payloads = cycle(PAYLOADS)

    def tainted(row: dict[str, str], column: str) -> str:
        if row.get("key") == "as_of":
            return row[column]  # meta.csv's date, in its text column
        return f"{row[column]} {next(payloads)}".strip()

    folder = fixture_with_text(tmp_path_factory.mktemp("tainted") / "data", tainted)
    load_dataset(folder)  # still valid data: the app must draw it, not refuse it
    shutil.copytree(FIXTURE, folder / "releases" / "2026-01-31")
    with streamlit_server({"AIMAP_DATA_DIR": str(folder)}) as base:
        yield base


def test_every_payload_page_is_listed():
    assert set(PAGES) == set(READY)


@pytest.mark.parametrize("view", PAGES)
def test_markdown_in_every_text_column_stays_text(page, tainted_server, view):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto(tainted_server + PAGES[view])
    expect(page.locator(READY[view]).first).to_be_attached(timeout=60_000)
    if view != "data":  # the Data page lists the tables, not their content
        shown_as_text = re.compile("|".join(re.escape(p) for p in PAYLOADS))
        expect(page.locator("body")).to_contain_text(shown_as_text)  # some payload, as typed
    for selector in RENDERED:
        expect(page.locator(selector), selector).to_have_count(0)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    assert "😄" not in page.locator("body").inner_text()
    outside = [url for url in seen if not is_local(url)]
    assert not outside, outside
