"""Running app.py under AppTest on one page, with URL parameters."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from aimap.views import VIEWS

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60


def run_page(page: str = VIEWS[0].page, **params: str | list[str]) -> AppTest:
    """app.py run on `page` with `params` in the URL; fails on any exception shown."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params.update(params)
    if page != VIEWS[0].page:
        app.run()  # AppTest knows the app's pages only after a first run (on the home page)
        app.switch_page(page)
        app.query_params.clear()
        app.query_params.update(params)  # as the link gave them to the page asked for
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def as_read(markdown: str) -> str:
    """What a reader sees of Markdown text that `safety.plain` escaped (AppTest keeps the
    Markdown source)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def link_labels(app: AppTest) -> list[str]:
    """The labels of the page's links, as a reader sees them."""
    return [as_read(link.proto.label) for link in app.get("page_link")]
