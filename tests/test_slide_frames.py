"""Builders given a slide's Frame (export's page): type at least the slide's minimum in drawn
px, everything fitted into the frame; on the fixture dataset."""

from __future__ import annotations

import html
import shutil
from datetime import date

import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import formatting
from aimap.figures.common import FOOTER_NAME, Frame
from aimap.figures.headline import site_figure
from aimap.figures.timeline import packed_lanes, tick_step, timeline_figure
from aimap.load import load_dataset
from aimap.selection import Selection
from aimap.text import t

#: A slide's page for a figure drawn at 0.67 (a tall one) and at 1.2 (the site sheet).
TALL_SLIDE = Frame(2866, 1612, 0.67, title_px=36, label_px=20)
SITE_SLIDE = Frame(1600, 900, 1.2, title_px=36, label_px=20)


def test_site_sheet_title_is_slide_sized_only_on_a_slide(fixture):
    on_screen = site_figure(fixture, Selection())
    on_slide = site_figure(fixture, Selection(), frame=SITE_SLIDE)
    assert on_screen.layout.title.font.size is None  # the template's
    assert on_slide.layout.title.font.size * SITE_SLIDE.scale >= 36
    assert on_slide.layout.height == on_screen.layout.height


def test_timeline_on_a_slide_has_slide_type_and_fits_its_rows(fixture):
    figure = timeline_figure(fixture, Selection(), today=date(2026, 11, 23), frame=TALL_SLIDE)
    layout = figure.layout
    scale = TALL_SLIDE.scale
    assert layout.title.font.size * scale >= 36
    for font in (layout.yaxis.tickfont.size, layout.xaxis.tickfont.size, layout.legend.font.size):
        assert font * scale >= 20
    assert {a.font.size for a in layout.annotations if a.yref == "paper" and a.yshift > 0} \
        == {layout.yaxis.tickfont.size}  # the date labels above the plot
    assert layout.height == TALL_SLIDE.height
    footer = next(a for a in layout.annotations if a.name == FOOTER_NAME)
    assert footer.font.size * scale >= 14  # the sources, readable on the slide
    rows = len(layout.yaxis.tickvals)
    plot = layout.height - layout.margin.t - layout.margin.b
    assert plot / rows >= layout.yaxis.tickfont.size  # a row per label, not overlapping


def test_timeline_keeps_its_screen_layout_without_a_slide(fixture):
    on_screen = timeline_figure(fixture, Selection(), today=date(2026, 11, 23))
    on_a4 = timeline_figure(fixture, Selection(), today=date(2026, 11, 23),
                            frame=Frame(1754, 1240, 2.0))
    assert on_a4.to_json() == on_screen.to_json()
    assert on_screen.layout.yaxis.tickfont.size is None  # the template's


def test_labels_far_apart_share_a_lane_and_close_ones_do_not():
    assert packed_lanes([(0, 100), (50, 150), (200, 300), (170, 230)]) == [0, 1, 0, 1]


def _with_claims(folder, count: int):
    """The fixture with `count` budget claims on its first site, long labels among them."""
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "budgets.csv")
    first = dict(rows[0], preferred="false")
    rows += [dict(first, id=f"b-extra-{n}", label=f"Claim {n} " + "with a long label " * (n % 3))
             for n in range(count)]
    write_rows(folder / "budgets.csv", rows)
    return load_dataset(folder), first["subject"]


def _claims_shown(figure) -> list[str]:
    return [html.unescape(label) for label in figure.data[1].cells.values[0]]


def test_site_sheet_on_screen_is_as_tall_as_all_its_claims(tmp_path):
    dataset, site = _with_claims(tmp_path / "data", 40)
    figure = site_figure(dataset, Selection(), id=site)
    assert len(_claims_shown(figure)) == len(dataset.budgets.query("subject == @site"))
    assert figure.layout.height > site_figure(load_dataset(FIXTURE), Selection(),
                                              id=site).layout.height


def test_site_sheet_on_a_page_counts_the_claims_that_do_not_fit(tmp_path):
    dataset, site = _with_claims(tmp_path / "data", 40)
    total = len(dataset.budgets.query("subject == @site"))
    figure = site_figure(dataset, Selection(), id=site, frame=SITE_SLIDE)
    shown = _claims_shown(figure)
    assert figure.layout.height == SITE_SLIDE.height
    assert 5 < len(shown) < total
    more = total - len(shown) + 1
    assert shown[-1] == f"… and {more} more claims: see the site's page in the app"
    table = figure.data[1]
    assert table.domain.y[0] == 0 and table.domain.y[1] < figure.data[0].domain.y[0]


def test_timeline_on_a_slide_labels_its_dates_on_the_chart_not_in_the_legend(fixture):
    figure = timeline_figure(fixture, Selection(), today=date(2026, 11, 23), frame=TALL_SLIDE)
    under = {a.text for a in figure.layout.annotations
             if a.yref == "paper" and a.y == 0 and a.yanchor == "top"}
    assert under == {"today", f"data as of {formatting.format_date(fixture.as_of)}"}
    in_legend = {trace.name for trace in figure.data if trace.showlegend is not False}
    assert not in_legend & {t(f"timeline.legend.{k}") for k in ("today", "as_of", "programme")}
    assert t("timeline.legend.planned") in in_legend


@pytest.mark.parametrize("width, step", [(1600, "M3"), (700, "M6"), (300, "M12")])
def test_date_ticks_are_spaced_to_stay_level(width, step):
    assert tick_step((date(2024, 10, 1), date(2027, 6, 30)), width, 20) == step
