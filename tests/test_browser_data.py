"""The data page in a real browser, on a scratch copy of the data: a maintainer's bad upload
is refused, an oversize one is stopped by the upload cap, and the app keeps serving."""

from __future__ import annotations

import pytest
from browser import streamlit_server
from test_bad_inputs import CORPUS, EXPECTED, fingerprint

pytestmark = pytest.mark.browser
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def scratch_server(tmp_path_factory):
    """A server of its own, editing a copy of data/ (the shared server serves the real one)."""
    import shutil

    from aimap.load import DATA_DIR
    folder = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("history"))
    with streamlit_server({"AIMAP_DATA_DIR": str(folder), "AIMAP_ADMIN_TOKEN": TOKEN}) as base:
        yield base, folder


def test_bad_and_oversize_uploads_are_refused_and_the_app_keeps_serving(page, scratch_server,
                                                                        tmp_path):
    base, folder = scratch_server
    before = fingerprint(folder)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/data")
    page.get_by_label("Maintainer token").fill(TOKEN)
    page.get_by_label("Maintainer token").press("Enter")
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.wait_for(state="attached", timeout=30_000)

    name = "factories.script_name.csv"
    uploader.set_input_files(str(CORPUS / name))
    page.get_by_text(EXPECTED[name]).wait_for(timeout=30_000)

    huge = tmp_path / "factories.csv"
    huge.write_bytes(b"id,name\n" + b"x" * (6 * 1024 * 1024))
    uploader.set_input_files(str(huge))
    page.get_by_text("5.0MB", exact=False).first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert fingerprint(folder) == before

    page.goto(f"{base}/map")
    page.wait_for_selector(".choroplethlocation", state="attached", timeout=30_000)
