"""The 20-second version of `make soak`: 20 concurrent browser sessions change filters on
every view; no errors, and the server's memory does not grow more than 20 %."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.soak import soak

pytestmark = pytest.mark.browser


def test_twenty_sessions_for_twenty_seconds_without_errors_or_memory_growth():
    with ThreadPoolExecutor(1) as pool:  # this thread may hold pytest-playwright's event loop
        figures = pool.submit(soak, 20, 20).result()
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["views_opened"] >= 20
    assert figures["filter_changes"] >= 10
    assert 0 < figures["redraw_p95_ms"] < 60_000
    assert figures["server_memory_growth_pct"] <= 20
