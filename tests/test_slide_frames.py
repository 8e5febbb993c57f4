"""Builders given a slide's Frame (export's page): type at least the slide's minimum in drawn
px, everything fitted into the frame; on the fixture dataset."""

from __future__ import annotations

from datetime import date

from aimap.figures.common import Frame
from aimap.figures.headline import site_figure
from aimap.figures.timeline import packed_lanes, timeline_figure
from aimap.selection import Selection

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
    rows = len(layout.yaxis.tickvals)
    plot = layout.height - layout.margin.t - layout.margin.b
    assert plot / rows >= layout.yaxis.tickfont.size  # a row per label, not overlapping


def test_timeline_keeps_its_screen_layout_without_a_slide(fixture):
    on_screen = timeline_figure(fixture, Selection(), today=date(2026, 11, 23))
    on_a4 = timeline_figure(fixture, Selection(), today=date(2026, 11, 23),
                            frame=Frame(1754, 1240, 2.0))
    assert on_a4.to_dict() == on_screen.to_dict()
    assert on_screen.layout.yaxis.tickfont.size is None  # the template's


def test_labels_far_apart_share_a_lane_and_close_ones_do_not():
    assert packed_lanes([(0, 100), (50, 150), (200, 300), (170, 230)]) == [0, 1, 0, 1]
