""""About this data": every kind of site is defined, with sources the data holds, on every view."""

from __future__ import annotations

import pytest
from apptest import as_read, run_page

from aimap import about, schema, text
from aimap.views import VIEWS


def test_every_kind_of_site_is_defined():
    defined = {term.name for term in about.TERMS}
    assert {f"kind.{kind}" for kind in (*schema.FACTORY_KINDS, "antenna")} <= defined


def test_every_definition_cites_sources_the_data_holds(dataset):
    for term in about.TERMS:
        assert about.sources_in(dataset, term) == term.sources, term.name


def test_a_source_removed_from_the_data_is_left_out(fixture):
    assert about.sources_in(fixture, about.TERMS[0]) == ()


def _read(app) -> str:
    return "\n".join(as_read(m.value) for m in app.markdown)


@pytest.mark.parametrize("view", [v for v in VIEWS if v.key != "data"], ids=lambda v: v.key)
def test_every_view_explains_its_terms(on_fixture, view):
    app = run_page(view.page, **({"id": "alpha-aif"} if view.key == "site" else {}))
    assert text.t("about.antenna") in _read(app)


@pytest.mark.parametrize("view", VIEWS[:2], ids=lambda v: v.key)
def test_presentation_mode_leaves_the_definitions_out_of_the_screen(on_fixture, view):
    app = run_page(view.page)
    app.toggle(key="present").set_value(True).run()
    assert text.t("about.antenna") not in _read(app)
