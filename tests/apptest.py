"""Running app.py under AppTest on one page, with URL parameters."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from aimap.views import VIEWS

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60


def run_page(page: str = VIEWS[0].page, **params: str | list[str]) -> AppTest:
    """app.py run on `page` with `params` in the URL; fails on any exception shown."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params.update(params)
    app.run()
    if page != VIEWS[0].page:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app
