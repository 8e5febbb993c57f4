"""Pages of rows for a chart taller than a presented screen, on hand-built figures."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from aimap import theme
from aimap.figures.paging import Page, narrowed, page, row_names, rows_per_page


def _bars(names: list[str]) -> go.Figure:
    """Horizontal bars, the first name at the bottom (plotly's order), with value labels."""
    return go.Figure([go.Bar(y=names, x=list(range(len(names))), orientation="h"),
                      go.Scatter(y=names, x=list(range(len(names))), mode="text",
                                 text=[f"{n}!" for n in names], cliponaxis=False)])


@pytest.mark.parametrize("total, per_page, sizes", [
    (27, 15, [14, 13]), (10, 10, [10]), (10, 3, [3, 3, 3, 1]), (1, 5, [1]), (32, 16, [16, 16])])
def test_pages_are_about_the_same_size_and_cover_every_row_once(total, per_page, sizes):
    pages = [page(total, per_page, n) for n in range(1, len(sizes) + 1)]
    assert [p.last - p.first + 1 for p in pages] == sizes
    assert {p.count for p in pages} == {len(sizes)}
    assert [p.first for p in pages] == [1, *(p.last + 1 for p in pages[:-1])]
    assert pages[-1].last == total


def test_a_page_number_out_of_range_is_the_nearest_page():
    assert page(27, 15, 0) == page(27, 15, 1) == Page(1, 2, 1, 14, 27)
    assert page(27, 15, 1_000_000) == Page(2, 2, 15, 27, 27)


def test_turning_keeps_the_page_size():
    first = page(27, 15, 1)
    assert first.turned(1) == Page(2, 2, 15, 27, 27) and first.turned(1).turned(-1) == first


def test_rows_per_page_is_at_least_one():
    assert rows_per_page(260, 26) == 10 and rows_per_page(259.9, 26) == 9
    assert rows_per_page(10, 26) == 1


def test_row_names_of_bars_heatmaps_declared_axes_and_maps():
    assert row_names(_bars(["a", "b", "a", "c"])) == ["a", "b", "c"]
    assert row_names(go.Figure(go.Heatmap(z=[[1], [2]], y=["x", "y"]))) == ["x", "y"]
    declared = go.Figure(go.Scatter(y=["k1"], x=[0])).update_yaxes(categoryarray=["k2", "k1"])
    assert row_names(declared) == ["k2", "k1"]
    assert row_names(go.Figure(go.Scattergeo(lat=[1], lon=[2]))) == []
    assert row_names(go.Figure(go.Table(cells=dict(values=[[1]])))) == []


def test_narrowed_bars_show_the_top_rows_first_and_drop_other_value_labels():
    figure = _bars(["e", "d", "c", "b", "a"])  # a on top
    top = narrowed(figure, page(5, 2, 1))  # pages of 2, 2 and 1
    assert list(top.layout.yaxis.range) == [2.5, 4.5]  # indices 3 and 4: "b" and "a"
    assert top.layout.yaxis.autorange is False
    assert list(top.data[1].y) == ["b", "a"] and list(top.data[1].text) == ["b!", "a!"]
    bottom = narrowed(figure, page(5, 2, 3))
    assert list(bottom.layout.yaxis.range) == [-0.5, 0.5] and list(bottom.data[1].y) == ["e"]
    assert len(figure.data[1].y) == 5  # the figure itself is left as it was


def test_narrowed_reversed_axis_counts_from_the_top():
    figure = go.Figure(go.Heatmap(z=[[1], [2], [3]], y=["a", "b", "c"]))
    figure.update_yaxes(autorange="reversed")  # "a" on top
    assert list(narrowed(figure, page(3, 2, 1)).layout.yaxis.range) == [1.5, -0.5]
    assert list(narrowed(figure, page(3, 2, 2)).layout.yaxis.range) == [2.5, 1.5]


def test_one_page_leaves_the_figure_as_it_is():
    figure = _bars(["a", "b"])
    assert narrowed(figure, page(2, 5, 1)) is figure


@pytest.mark.parametrize("footer, expected", [
    ("Sources: a, b.<br>Method note. Data as of 1 Jan 2026.",
     "Sources: a, b. Data as of 1 Jan 2026."),
    ("Sources: a; data as of<br>1 Jan 2026.", "Sources: a; data as of 1 Jan 2026."),
    ("Sources: a. Data as of 1 Jan 2026.", "Sources: a. Data as of 1 Jan 2026."),
])
def test_a_presented_footer_keeps_its_sources_and_date_on_one_line(footer, expected):
    assert theme.one_line(footer) == expected
