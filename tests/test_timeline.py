"""The timeline's rows, ranges, styling and markers, asserted on data and figure."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from aimap import query, theme, timeline
from aimap.figures.timeline import date_text, timeline_figure
from aimap.selection import Selection

TODAY = date(2026, 11, 23)


def _figure(dataset, **options) -> go.Figure:
    return timeline_figure(dataset, Selection(), today=TODAY, **options)


def _site_traces(figure: go.Figure) -> list:
    return [t for t in figure.data if t.customdata is not None]


def test_every_site_milestone_is_drawn_once(dataset):
    figure = _figure(dataset, window=(date(2000, 1, 1), date(2040, 1, 1)))
    drawn = sum(len(t.customdata) for t in _site_traces(figure))
    sites = set(query.sites(dataset)["id"])
    assert drawn == dataset.milestones["subject"].isin(sites).sum()


def test_imprecise_dates_are_drawn_as_their_range(dataset):
    figure = _figure(dataset)
    steps = dataset.milestones.set_index("id")
    quarter = steps[(steps["precision"] == "quarter") & steps["subject"].eq("pharos")].iloc[0]
    bars = [t for t in _site_traces(figure) if isinstance(t, go.Bar)]
    found = [(t.base[i], t.x[i]) for t in bars for i, row in enumerate(t.customdata)
             if row[1] == "pharos" and pd.Timestamp(t.base[i]) == quarter["start"]]
    assert found, "the quarter-precise Pharos step is not drawn"
    days = (quarter["end"] - quarter["start"]).days + 1
    assert found[0][1] == days * 86_400_000


def test_day_precise_steps_are_markers(dataset):
    figure = _figure(dataset)
    markers = [t for t in _site_traces(figure) if isinstance(t, go.Scatter)]
    assert markers and all(t.mode == "markers" for t in markers)
    steps = dataset.milestones
    day = steps[(steps["precision"] == "day") & steps["subject"].isin(query.sites(dataset)["id"])
                & steps["start"].between("2024-09-01", "2027-06-30")].iloc[0]
    assert any(row[1] == day["subject"] and pd.Timestamp(x) == day["start"]
               for t in markers for x, row in zip(t.x, t.customdata))


def test_done_is_solid_and_planned_is_hatched_or_hollow(dataset):
    figure = _figure(dataset)
    for trace in _site_traces(figure):
        ids = {row[1] for row in trace.customdata}
        if isinstance(trace, go.Bar):
            hatched = trace.marker.pattern.shape == "/"
            assert hatched == (trace.marker.color != trace.marker.line.color)
        else:
            assert trace.marker.symbol in ("diamond", "diamond-open")
        assert ids
    statuses = {trace.marker.pattern.shape if isinstance(trace, go.Bar) else trace.marker.symbol
                for trace in _site_traces(figure)}
    assert {"/", "diamond", "diamond-open"} <= statuses
    legend = [t.name for t in figure.data if t.showlegend]
    assert "done (solid)" in legend and "planned (hatched / hollow)" in legend


@pytest.mark.parametrize("precision, start, written, expected", [
    ("day", "2024-12-10", None, "10 Dec 2024"),
    ("quarter", "2026-07-01", None, "Q3 2026 (quarter precision)"),
    ("half", "2026-04-01", "mid-2026", "mid-2026 (half-year precision)"),
    ("year", "2027-01-01", None, "2027 (year precision)"),
])
def test_date_text(precision, start, written, expected):
    step = pd.Series({"precision": precision, "start": pd.Timestamp(start), "as_written": written})
    assert date_text(step) == expected


def test_hover_shows_each_disagreeing_claim(dataset):
    steps = dataset.milestones
    rivals = timeline.rivals(dataset)
    disputed = next(i for i, others in rivals.items() if others
                    and steps.set_index("id").loc[i, "subject"] in set(query.sites(dataset)["id"]))
    figure = _figure(dataset, window=(date(2000, 1, 1), date(2040, 1, 1)))
    subject = steps.set_index("id").loc[disputed, "subject"]
    hovers = [h for t in _site_traces(figure) for h, row in zip(t.hovertext, t.customdata)
              if row[1] == subject]
    assert any("Other claim:" in h for h in hovers)


def test_programme_markers_and_today(dataset):
    figure = _figure(dataset)
    labels = [a.text for a in figure.layout.annotations]
    for label in ("Wave 1 selected", "Wave 2 selected", "Wave 3 selected", "Antennas selected",
                  "today", "data as of"):
        assert label in labels
    assert any(text.startswith("Phase 1") and "low confidence" in text for text in labels)
    assert any(text.startswith("Phase 2") and "low confidence" in text for text in labels)
    today_lines = [s for s in figure.layout.shapes if s.line.color == theme.TODAY]
    assert len(today_lines) == 1 and pd.Timestamp(today_lines[0].x0) == pd.Timestamp(TODAY)


@pytest.mark.parametrize("grouping, first_group", [
    ("wave", "Wave 1"), ("kind", "EuroHPC AI Factory"), ("country", "Austria"),
])
def test_rows_are_grouped(dataset, grouping, first_group):
    order = timeline.rows(dataset, query.sites(dataset), grouping, "selection", TODAY)
    assert order["group"].iloc[0] == first_group
    assert order["id"].is_unique
    groups = list(dict.fromkeys(order["group"]))
    assert list(order["group"]) == sorted(order["group"], key=groups.index)  # contiguous


def test_sort_by_selection_date_within_a_wave(dataset):
    order = timeline.rows(dataset, query.sites(dataset), "wave", "selection", TODAY)
    names = dict(zip(order["id"], order["group"]))
    wave1 = [i for i in order["id"] if names[i] == "Wave 1"]
    assert wave1 == sorted(wave1, key=lambda i: dataset.factories.set_index("id")
                           .loc[i, "name"])  # same selection date: by name


def test_sort_by_next_milestone_puts_sites_without_one_last(dataset):
    order = timeline.rows(dataset, query.sites(dataset), "kind", "next", TODAY)
    within = order[order["group"] == order["group"].iloc[0]]
    upcoming = within["next"].dropna()
    assert list(upcoming) == sorted(upcoming)
    missing = within["next"].isna().tolist()
    assert missing == sorted(missing)  # every site without a next milestone comes last


def test_rows_when_no_site_has_anything_coming(dataset):
    romania = query.filter_sites(query.sites(dataset), Selection(countries=("ROU",)),
                                 dataset.sectors)
    order = timeline.rows(dataset, romania, "wave", "next", date(2030, 1, 1))
    assert order["next"].isna().all() and not order.empty


def test_window_sets_the_axis(dataset):
    figure = _figure(dataset, window=(date(2025, 1, 1), date(2026, 6, 30)))
    assert [pd.Timestamp(x) for x in figure.layout.xaxis.range] == \
        [pd.Timestamp("2025-01-01"), pd.Timestamp("2026-06-30")]


def test_sites_without_milestones_are_listed_not_dropped(dataset):
    sites = query.sites(dataset)
    missing = timeline.unplaced(dataset, sites)
    order = timeline.rows(dataset, sites, "wave", "selection", TODAY)
    assert set(missing["id"]) | set(order["id"]) == set(sites["id"])
    assert not set(missing["id"]) & set(order["id"])
    assert "sk-antenna" in set(missing["id"])


def test_coming_up_overlaps_the_next_90_days(dataset):
    upcoming = timeline.coming_up(dataset, query.sites(dataset), date(2026, 5, 1))
    assert (upcoming["status"] == "planned").all()
    assert (upcoming["start"] <= pd.Timestamp("2026-07-30")).all()
    assert (upcoming["end"] >= pd.Timestamp("2026-05-01")).all()
    assert not upcoming.empty


@pytest.mark.parametrize("text, expected", [
    ("2024-09-01,2027-06-30", (date(2024, 9, 1), date(2027, 6, 30))),
    ("2027-06-30,2024-09-01", (date(2027, 6, 30), date(2024, 9, 1))),
    ("2024-09-01", None),
    ("2024-09-01,2025-01-01,2026-01-01", None),
    ("2024-13-01,2027-06-30", None),
    ("nonsense", None),
])
def test_window_codec(text, expected):
    assert timeline.parse_window(text) == expected
    if expected:
        assert timeline.format_window(expected) == text


def test_filters_apply(dataset):
    figure = timeline_figure(dataset, Selection(kinds=("antenna",)), today=TODAY)
    subjects = {row[1] for t in _site_traces(figure) for row in t.customdata}
    assert subjects <= set(dataset.antennas["id"]) and subjects


def test_figure_json_fits_the_budget(dataset):
    assert len(_figure(dataset).to_json()) <= 150_000
