"""The Site page: one site whatever the shared filters say, so it shows none of them."""

from __future__ import annotations

from apptest import run_page

from aimap.views import page_of


def _filters(app) -> list:
    return [m for m in app.multiselect if m.key.startswith("filter.")]


def test_the_site_page_has_no_filters_and_the_next_view_keeps_them():
    app = run_page(page_of("map"), countries="ESP")
    assert app.multiselect(key="filter.countries").value == ["ESP"]
    app.switch_page(page_of("site")).run()
    assert not app.exception
    assert _filters(app) == []
    assert app.selectbox(key="id").value  # its own picker stays in the sidebar
    app.switch_page(page_of("map")).run()
    assert app.multiselect(key="filter.countries").value == ["ESP"]


def test_a_factorys_links_say_which_is_its_supercomputer(on_fixture):
    app = run_page(page_of("site"), id="beta-aif")
    labels = [link.label for link in app.get("page_link")]
    assert "Omega Supercomputer · AI supercomputer" in labels
