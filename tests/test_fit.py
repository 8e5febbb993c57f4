"""Bar charts laid out for an export page: given a slide, each builder sets type that projects
(title 36, labels 20 drawn px) and pitches its rows so that all of them fit the page; a page
too small for that many rows gets smaller labels, never overlapping ones."""

from __future__ import annotations

from functools import partial

import pytest

from aimap.figures import fit
from aimap.figures.budgets import budget_figure, per_capita_figure
from aimap.figures.common import Frame
from aimap.figures.overview import overview_figure
from aimap.figures.sectors import gaps_figure
from aimap.selection import Selection

#: A slide's logical page at the scale export picks for a chart of about 30 rows.
SLIDE = Frame(1742, 980, 1920 / 1742, title_px=36, label_px=20)
A4 = Frame(1754, 1240, 2.0)

BUILDERS = {
    "overview": overview_figure,
    "budget by site": budget_figure,
    "budget by country": partial(budget_figure, grouping="country"),
    "budget by wave": partial(budget_figure, grouping="wave"),
    "every claim": partial(budget_figure, all_claims=True),
    "per capita": per_capita_figure,
    "gaps": gaps_figure,
    "gaps of a region": partial(gaps_figure, region="LUX"),
}


def _rows(figure) -> set[str]:
    return {y for trace in figure.data for y in trace.y}


def _label_sizes(figure) -> list[float]:
    """Tick, legend and value-label sizes (the footer, in paper coordinates, is a source
    line, not a label)."""
    layout = figure.layout
    sizes = [layout.xaxis.tickfont.size, layout.yaxis.tickfont.size]
    if layout.showlegend:
        sizes.append(layout.legend.font.size)
    return sizes + [note.font.size for note in layout.annotations if note.yref != "paper"] + [
        trace.textfont.size for trace in figure.data if getattr(trace, "mode", None) == "text"]


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_a_slide_gets_type_that_projects(fixture, builder):
    figure = builder(fixture, Selection(), frame=SLIDE)
    assert figure.layout.title.font.size * SLIDE.scale >= 36
    assert min(_label_sizes(figure)) * SLIDE.scale >= 20


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
@pytest.mark.parametrize("page", [SLIDE, A4], ids=["slide", "a4"])
def test_every_row_fits_the_page(fixture, builder, page):
    figure = builder(fixture, Selection(), frame=page)
    layout = figure.layout
    plot = layout.height - layout.margin.t - layout.margin.b
    assert layout.height == page.height
    assert len(_rows(figure)) * fit.PITCH * layout.yaxis.tickfont.size <= plot


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_on_screen_the_template_sets_the_type(fixture, builder):
    figure = builder(fixture, Selection())
    assert figure.layout.yaxis.tickfont.size is None
    assert figure.layout.title.font.size is None


def test_too_many_rows_for_the_page_get_smaller_labels_that_still_fit():
    rows = [f"Row {n}" for n in range(60)]
    sizes = fit.bar_layout(SLIDE, rows, footer="Source: somewhere", footer_width=60)
    assert sizes.label * SLIDE.scale < 20
    assert len(rows) * fit.PITCH * sizes.label <= SLIDE.height - sizes.top - sizes.bottom
    assert sizes.title * SLIDE.scale >= 36


@pytest.mark.parametrize(("names", "width", "lines"), [
    ([], 1000, 0),
    (["EU", "National"], 1000, 1),
    (["EU", "National", "Regional", "Total, split not published",
      "Range of disagreeing claims"], 700, 3),  # columns as wide as the widest entry
])
def test_legend_lines(names, width, lines):
    assert fit.legend_lines(names, 16, width) == lines


def test_a_page_too_short_for_every_country_merges_the_smallest_into_one_bar(fixture):
    short = Frame(960, 250, 2.0, title_px=36, label_px=20)  # about four rows at 20 px
    figure = overview_figure(fixture, Selection(), frame=short)
    rows = list(figure.data[0].y)
    everything = list(overview_figure(fixture, Selection()).data[0].y)
    assert len(rows) < len(everything)
    assert rows[0].endswith("other countries")  # drawn at the bottom
    assert sum(sum(t.x) for t in figure.data) == sum(
        sum(t.x) for t in overview_figure(fixture, Selection()).data)  # no site lost
    assert figure.layout.yaxis.tickfont.size * 2.0 >= 20


def test_rows_that_fit_counts_rows_at_the_smallest_readable_label():
    tall, short = (Frame(960, h, 2.0, title_px=36, label_px=20) for h in (540, 300))
    assert fit.rows_that_fit(tall, ["Spain"], "Sources: example.org", 90) > \
        fit.rows_that_fit(short, ["Spain"], "Sources: example.org", 90) >= 1
