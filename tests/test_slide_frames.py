"""Builders given a slide's Frame (export's page): type at least the slide's minimum in drawn
px, everything fitted into the frame; on the fixture dataset."""

from __future__ import annotations

from aimap.figures.common import Frame
from aimap.figures.headline import site_figure
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
