"""Colours that read right: any two colours shown together in one legend are at least
CIEDE2000 10 apart, with normal vision and simulated deuteranopia, protanopia, tritanopia."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from colour_vision import VISIONS, ciede2000, closest_pair, seen

from aimap import theme
from aimap.figures.map import map_figure
from aimap.figures.overview import overview_figure
from aimap.figures.sectors import coverage_figure
from aimap.metrics import METRICS
from aimap.selection import Selection

MIN_DISTANCE = 10


@pytest.mark.parametrize("lab1, lab2, expected", [  # Sharma, Wu & Dalal (2005), table 1
    ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
    ((50, 2.5, 0), (73, 25, -18), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
])
def test_ciede2000_matches_the_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_a_simulated_deficiency_changes_colours():
    red, green = seen("#d55e00", "deuteranomaly"), seen("#009e73", "deuteranomaly")
    assert ciede2000(red, green) < ciede2000(seen("#d55e00", None), seen("#009e73", None))


def _legend_colours(figure: go.Figure) -> list[str]:
    return [trace.marker.color for trace in figure.data
            if isinstance(trace, go.Scatter) and trace.showlegend is not False]


def _assert_apart(colours: list[str]) -> None:
    for vision in VISIONS:
        distance, a, b = closest_pair(colours, vision)
        assert distance >= MIN_DISTANCE, f"{a} and {b} are {distance:.1f} apart ({vision})"


@pytest.mark.parametrize("count", range(1, len(theme.SEQUENTIAL_CLASSES) + 1))
def test_map_classes_no_data_and_no_site_are_apart(count):
    _assert_apart(theme.sequential(count) + [theme.NO_DATA, theme.NO_SITE])


@pytest.mark.parametrize("metric", [m.key for m in METRICS])
def test_every_map_legend_is_apart(dataset, metric):
    figure = map_figure(dataset, Selection(), metric=metric)
    countries = [t.marker.color for t in figure.data if t.legendgroup == "countries"]
    assert theme.NO_SITE in countries
    _assert_apart(countries)
    _assert_apart([t.marker.color for t in figure.data if t.legendgroup == "sites"
                   and t.mode == "markers"])


def test_no_data_is_never_darker_than_a_class():
    lightness = {c: seen(c, None)[0] for c in theme.SEQUENTIAL_CLASSES}
    assert seen(theme.NO_DATA, None)[0] >= max(lightness.values())
    assert seen(theme.NO_SITE, None)[0] > seen(theme.NO_DATA, None)[0]


@pytest.mark.parametrize("palette", ["KIND_COLOURS", "PHASE_COLOURS"])
def test_category_colours_are_apart(palette):
    _assert_apart(list(getattr(theme, palette).values()))


def test_sector_matrix_levels_are_apart(dataset):
    figure = coverage_figure(dataset, Selection(), rows="countries")
    colours = _legend_colours(figure)
    assert len(colours) >= 3
    _assert_apart(colours)


def test_the_overview_bars_tell_kinds_apart_by_pattern_too(dataset):
    bars = [trace for trace in overview_figure(dataset, Selection()).data
            if isinstance(trace, go.Bar)]
    assert len(bars) >= 2
    assert len({bar.marker.pattern.shape for bar in bars}) == len(bars)
    assert len({bar.marker.color for bar in bars}) == len(bars)
    # over the bar's colour: plotly's default ('replace') draws the pattern alone, invisible
    assert all(bar.marker.pattern.fillmode == "overlay" for bar in bars)


def test_map_markers_tell_kinds_apart_by_shape_too(dataset):
    markers = [t for t in map_figure(dataset, Selection()).data
               if t.legendgroup == "sites" and t.mode == "markers"]
    assert len(markers) >= 2 and all(t.showlegend is not False for t in markers)
    assert len({t.marker.symbol for t in markers}) == len(markers)
