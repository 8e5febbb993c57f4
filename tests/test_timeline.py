"""The timeline's rows, ranges, styling and markers, asserted on data and figure: figures on
the fixture (tests/fixtures/data), invariants on the real data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import FIXTURE, read_rows, write_rows

from aimap import formatting, query, theme, timeline
from aimap.figures.timeline import _BAND_FONT, date_text, timeline_figure
from aimap.load import Dataset, load_dataset
from aimap.selection import Selection
from aimap.text import t

TODAY = date(2026, 11, 23)
DAY_MS = 86_400_000
WIDE = (date(2000, 1, 1), date(2040, 1, 1))


def _figure(dataset, **options) -> go.Figure:
    """The timeline with every row (the AI supercomputers' too, unless told otherwise)."""
    return timeline_figure(dataset, Selection(), today=TODAY,
                           **{"supercomputers": True, **options})


def _site_traces(figure: go.Figure) -> list:
    return [t for t in figure.data if t.customdata is not None]


def _milestone(id: str, subject: str, phase: str, label: str, start: str, end: str,
               precision: str, status: str, confidence: str = "medium", sources: str = "fx-news",
               as_written: str = "") -> dict[str, str]:
    return {"id": id, "subject": subject, "phase": phase, "label": label, "start": start,
            "end": end, "precision": precision, "as_written": as_written, "status": status,
            "confidence": confidence, "sources": sources, "notes": ""}


def _with_milestones(tmp_path: Path, *added: dict[str, str],
                     names: dict[str, str] | None = None) -> Dataset:
    """The fixture with milestones added (and factories renamed), loaded."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    rows = read_rows(folder / "milestones.csv")
    write_rows(folder / "milestones.csv", rows + list(added))
    if names:
        factories = read_rows(folder / "factories.csv")
        for row in factories:
            row["name"] = names.get(row["id"], row["name"])
        write_rows(folder / "factories.csv", factories)
    return load_dataset(folder)


def test_every_site_milestone_is_drawn_once(dataset):
    figure = _figure(dataset, window=WIDE)
    drawn = sum(len(t.customdata) for t in _site_traces(figure))
    sites = set(query.sites(dataset)["id"])
    assert drawn == dataset.milestones["subject"].isin(sites).sum()


def test_the_fixture_draws_each_site_milestone_once(fixture):
    figure = _figure(fixture, window=WIDE)
    drawn = pd.Series([row[1] for t in _site_traces(figure) for row in t.customdata])
    # programme, wave and antenna-call steps are markers, not rows
    assert drawn.value_counts().to_dict() == {"alpha-aif": 2, "beta-aif": 1, "gamma-aif": 1,
                                              "epsilon-national": 1, "omega-sc": 1}


@pytest.mark.parametrize("subject, start, days", [
    ("alpha-aif", "2026-10-01", 92),  # Q4 2026
    ("alpha-aif", "2026-01-01", 181),  # first half of 2026
    ("beta-aif", "2025-06-01", 30),  # June 2025
    ("epsilon-national", "2026-03-01", 31),  # March 2026
])
def test_imprecise_dates_are_drawn_as_their_range(fixture, subject, start, days):
    bars = [t for t in _site_traces(_figure(fixture)) if isinstance(t, go.Bar)]
    found = [t.x[i] for t in bars for i, row in enumerate(t.customdata)
             if row[1] == subject and pd.Timestamp(t.base[i]) == pd.Timestamp(start)]
    assert found == [days * DAY_MS]


def test_day_precise_steps_are_markers(fixture):
    figure = _figure(fixture)
    markers = [t for t in _site_traces(figure) if isinstance(t, go.Scatter)]
    assert markers and all(t.mode == "markers" for t in markers)
    drawn = {(row[1], pd.Timestamp(x)) for t in markers for x, row in zip(t.x, t.customdata)}
    assert drawn == {("gamma-aif", pd.Timestamp("2025-09-15"))}  # the only day-precise step


def test_done_is_solid_and_planned_is_hatched_or_hollow(tmp_path):
    variant = _with_milestones(tmp_path, _milestone(
        "m-delta-contract", "delta-aif", "contract", "Delta contract", "2026-09-01",
        "2026-09-01", "day", "planned"))
    figure = _figure(variant)
    styles: dict[str, set[str]] = {}
    for trace in _site_traces(figure):
        if isinstance(trace, go.Bar):
            hatched = trace.marker.pattern.shape == "/"
            assert hatched == (trace.marker.color != trace.marker.line.color)
            style = "hatched" if hatched else "solid"
        else:
            style = trace.marker.symbol
        for row in trace.customdata:
            styles.setdefault(row[1], set()).add(style)
    assert styles == {"alpha-aif": {"hatched"},  # both planned ranges
                      "beta-aif": {"solid"}, "epsilon-national": {"solid"},  # done ranges
                      "gamma-aif": {"diamond"},  # done day
                      "delta-aif": {"diamond-open"}, "omega-sc": {"solid"}}  # planned day
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


def test_hover_shows_each_disagreeing_claim(tmp_path):
    variant = _with_milestones(tmp_path, _milestone(
        "m-alpha-install-news", "alpha-aif", "installation", "Alpha-1 installed", "2026-09-01",
        "2026-09-30", "month", "planned", confidence="low", as_written="September 2026"))
    assert timeline.rivals(variant)["m-alpha-install"] == ["m-alpha-install-news"]
    assert timeline.rivals(variant)["m-alpha-services"] == []
    figure = _figure(variant, window=WIDE)
    hovers = {row[1]: [] for t in _site_traces(figure) for row in t.customdata}
    for trace in _site_traces(figure):
        for hover, row in zip(trace.hovertext, trace.customdata):
            hovers[row[1]].append(hover)
    alpha = hovers["alpha-aif"]
    assert any("first half of 2026" in h
               and "Other claim: September 2026 (month precision) — example.net" in h
               for h in alpha)
    assert any("September 2026" in h
               and "Other claim: first half of 2026 (half-year precision) — example.org" in h
               for h in alpha)
    assert sum("Other claim:" in h for h in alpha) == 2  # not on Alpha's services step
    assert not any("Other claim:" in h for s in ("beta-aif", "gamma-aif") for h in hovers[s])


def test_no_rivals_in_the_fixture(fixture):
    assert all(others == [] for others in timeline.rivals(fixture))


def _lines(figure: go.Figure) -> list:
    """The lines across the plot (not the stems joining labels to it)."""
    return [s for s in figure.layout.shapes if s.type == "line" and s.ysizemode != "pixel"]


def test_programme_markers_and_today(fixture):
    assert list(timeline.programme_markers(fixture)["id"]) == [
        "m-wave-1", "m-wave-2", "m-wave-3", "m-antennas"]  # not the programme's policy step
    figure = _figure(fixture)
    labels = [a.text for a in figure.layout.annotations]
    for label in ("Wave 1 selected", "Wave 2 selected", "Wave 3 selected", "Antennas selected",
                  "today", f"data as of {formatting.format_date(fixture.as_of)}"):
        assert labels.count(label) == 1, label
    assert not any("confidence" in text for text in labels)  # every marker is high confidence
    today_lines = [s for s in _lines(figure) if s.line.color == theme.TODAY]
    assert len(today_lines) == 1 and pd.Timestamp(today_lines[0].x0) == pd.Timestamp(TODAY)
    as_of_lines = [s for s in _lines(figure) if s.line.dash == "dash"]
    assert [pd.Timestamp(s.x0) for s in as_of_lines] == [pd.Timestamp("2026-06-30")]


def _band_labels(figure: go.Figure) -> list:
    return [a for a in figure.layout.annotations if a.yref == "paper" and a.y == 1]


def test_date_labels_sit_in_their_own_lane_above_the_plot(fixture):
    figure = _figure(fixture)
    lifts = [a.yshift for a in _band_labels(figure)]
    assert len(lifts) == 6 and len(set(lifts)) == 6  # 4 selections, as of, today
    assert all(a.yanchor == "bottom" and a.yshift > 0 for a in _band_labels(figure))
    assert figure.layout.margin.t >= max(lifts) + 2 * _BAND_FONT  # the top lane is not cut
    stems = [s for s in figure.layout.shapes if s.ysizemode == "pixel"]
    assert sorted(s.y1 - 2 for s in stems) == sorted(lifts)  # each label joined to its date


def test_dates_outside_the_window_are_not_labelled(fixture):
    figure = _figure(fixture, window=(date(2025, 1, 1), date(2025, 6, 30)))
    assert [a.text for a in _band_labels(figure)] == ["Wave 2 selected"]
    assert [pd.Timestamp(s.x0) for s in _lines(figure)] == [pd.Timestamp("2025-03-12")]


def _row_positions(figure: go.Figure) -> dict[str, int]:
    """Each y category -> its position on the axis (drawn top to bottom)."""
    return {key: i for i, key in enumerate(figure.layout.yaxis.categoryarray)}


def test_a_claim_about_one_wave_is_drawn_on_that_waves_rows_only(tmp_path):
    variant = _with_milestones(
        tmp_path,
        _milestone("m-wave-1-phase-1", "wave-1", "installation", "Phase 1: systems installed",
                   "2026-01-01", "2026-06-30", "half", "planned", confidence="low"),
        _milestone("m-wave-1-phase-2", "wave-1", "services", "Phase 2: services open",
                   "2027-01-01", "2027-03-31", "quarter", "planned", confidence="medium"),
        _milestone("m-wave-3-phase-1", "wave-3", "installation", "Phase 1: racks",
                   "2026-01-01", "2026-03-31", "quarter", "planned", confidence="low"))
    figure = _figure(variant)
    on_rows = {a.text: a.y for a in figure.layout.annotations if a.yref == "y"}
    # labelled on wave 1's own header row (no bar there), each with its confidence
    assert on_rows == {"Phase 1 · low confidence": "group:Wave 1",
                       "Phase 2 · medium confidence": "group:Wave 1"}
    assert not any("Phase" in a.text for a in _band_labels(figure))  # not above the plot
    bands = [s for s in figure.layout.shapes if s.type == "rect"]
    rows = _row_positions(figure)
    wave_1 = {rows["alpha-aif"], rows["beta-aif"]}
    assert {round(s.y0 + 0.5) for s in bands} == wave_1
    assert all(s.y1 - s.y0 == 1 for s in bands)
    assert sorted({(pd.Timestamp(s.x0), pd.Timestamp(s.x1)) for s in bands}) == [
        (pd.Timestamp("2026-01-01"), pd.Timestamp("2026-07-01")),
        (pd.Timestamp("2027-01-01"), pd.Timestamp("2027-04-01"))]  # to the end of the last day


def test_the_legend_names_every_mark(fixture):
    names = {trace.name for trace in _figure(fixture).data if trace.showlegend is not False}
    assert {t(f"timeline.legend.{mark}") for mark in
            ("done", "planned", "programme", "as_of", "today", "scoped", "day")} <= names


@pytest.mark.parametrize("window, expected", [
    ((date(2025, 1, 1), date(2025, 1, 1)), (date(2025, 1, 1), date(2025, 1, 31))),
    ((date(2025, 1, 2), date(2025, 1, 1)), (date(2025, 1, 1), date(2025, 1, 31))),
    ((date(2025, 1, 1), date(2025, 3, 1)), (date(2025, 1, 1), date(2025, 3, 1))),
    ((date(2027, 12, 31), date(2027, 12, 30)), (date(2027, 12, 1), date(2027, 12, 31))),
])
def test_a_window_is_at_least_thirty_days(window, expected):
    bounds = (date(2024, 1, 1), date(2027, 12, 31))
    assert timeline.widen(window, bounds) == expected
    assert timeline.clamp_window(window, bounds) == expected


def test_a_one_day_window_draws_thirty_days(fixture):
    figure = _figure(fixture, window=(date(2025, 3, 12), date(2025, 3, 12)))
    first, last = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert (last - first).days == timeline.MIN_WINDOW_DAYS


@pytest.mark.parametrize("today, stale", [
    (date(2026, 9, 28), False),  # the 90th day after 30 June
    (date(2026, 9, 29), True),
    (date(2026, 12, 3), True),
])
def test_the_next_90_days_warn_when_the_data_is_older(fixture, today, stale):
    assert timeline.is_stale(fixture, today) is stale


@pytest.mark.parametrize("subject, ids", [
    ("wave-1", {"alpha-aif", "beta-aif"}),
    ("wave-3", {"delta-aif"}),  # selected, no milestone: no row, so no band (test above)
    ("programme", None),  # every site
])
def test_a_programme_claims_rows(fixture, subject, ids):
    shown = query.sites(fixture)
    assert set(timeline.scope_rows(shown, subject)) == (set(shown["id"]) if ids is None else ids)


@pytest.mark.parametrize("grouping, ids, groups", [
    ("wave", ["alpha-aif", "beta-aif", "gamma-aif", "epsilon-national", "omega-sc"],
     ["Wave 1", "Wave 1", "Wave 2", "Other sites", "AI supercomputers"]),
    ("kind", ["alpha-aif", "beta-aif", "gamma-aif", "epsilon-national", "omega-sc"],
     ["EuroHPC AI Factory"] * 3 + ["National AI factory", "AI supercomputer"]),
    ("country", ["beta-aif", "omega-sc", "gamma-aif", "epsilon-national", "alpha-aif"],
     ["Italy", "Italy", "Poland", "Poland", "Spain"]),  # no selection date: last in group
])
def test_rows_are_grouped(fixture, grouping, ids, groups):
    order = timeline.rows(fixture, query.sites(fixture), grouping, "selection", TODAY)
    assert list(order["id"]) == ids  # only sites with a milestone
    assert list(order["group"]) == groups


@pytest.mark.parametrize("grouping", timeline.GROUPINGS)
def test_groups_are_contiguous(dataset, grouping):
    order = timeline.rows(dataset, query.sites(dataset), grouping, "selection", TODAY)
    assert order["id"].is_unique
    groups = list(dict.fromkeys(order["group"]))
    assert list(order["group"]) == sorted(order["group"], key=groups.index)


def test_sort_by_selection_date_then_name(tmp_path):
    variant = _with_milestones(tmp_path, names={"alpha-aif": "Omega AI Factory",
                                                "gamma-aif": "Aardvark AI Factory"})
    sites = query.sites(variant)
    wave = timeline.rows(variant, sites, "wave", "selection", TODAY)
    assert list(wave["id"][wave["group"] == "Wave 1"]) == ["beta-aif", "alpha-aif"]  # by name
    kind = timeline.rows(variant, sites, "kind", "selection", TODAY)
    # Aardvark (Gamma) was selected after Beta and Omega (Alpha): the date comes first
    assert list(kind["id"]) == ["beta-aif", "alpha-aif", "gamma-aif", "epsilon-national",
                                "omega-sc"]


def test_sort_by_next_milestone_puts_sites_without_one_last(dataset):
    order = timeline.rows(dataset, query.sites(dataset), "kind", "next", TODAY)
    within = order[order["group"] == order["group"].iloc[0]]
    upcoming = within["next"].dropna()
    assert list(upcoming) == sorted(upcoming)
    missing = within["next"].isna().tolist()
    assert missing == sorted(missing)  # every site without a next milestone comes last


def test_sort_by_next_milestone_on_the_fixture(tmp_path):
    variant = _with_milestones(tmp_path, _milestone(
        "m-gamma-install", "gamma-aif", "installation", "Gamma installed", "2026-07-01",
        "2026-09-30", "quarter", "planned"))
    order = timeline.rows(variant, query.sites(variant), "kind", "next", date(2026, 8, 15))
    # Gamma next on 1 July (a range still running), Alpha on 1 October, Beta nothing
    assert list(order["id"]) == ["gamma-aif", "alpha-aif", "beta-aif", "epsilon-national",
                                 "omega-sc"]
    assert list(order["next"][:2]) == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-10-01")]
    assert order["next"][2:].isna().all()


def test_rows_when_no_site_has_anything_coming(fixture):
    poland = query.filter_sites(query.sites(fixture), Selection(countries=("POL",)),
                                fixture.sectors)
    order = timeline.rows(fixture, poland, "wave", "next", date(2030, 1, 1))
    assert list(order["id"]) == ["gamma-aif", "epsilon-national"]
    assert order["next"].isna().all()


def test_window_sets_the_axis(fixture):
    figure = _figure(fixture, window=(date(2025, 1, 1), date(2026, 6, 30)))
    assert [pd.Timestamp(x) for x in figure.layout.xaxis.range] == \
        [pd.Timestamp("2025-01-01"), pd.Timestamp("2026-06-30")]


def test_sites_without_milestones_are_listed_not_dropped(dataset):
    sites = query.sites(dataset)
    missing = timeline.unplaced(dataset, sites)
    order = timeline.rows(dataset, sites, "wave", "selection", TODAY)
    assert set(missing["id"]) | set(order["id"]) == set(sites["id"])
    assert not set(missing["id"]) & set(order["id"])


def test_sites_without_milestones_on_the_fixture(fixture):
    missing = timeline.unplaced(fixture, query.sites(fixture))
    assert list(missing["id"]) == ["delta-aif", "zeta-giga", "eta-ant", "theta-ant"]


@pytest.mark.parametrize("today, expected", [
    (date(2026, 5, 1), ["m-alpha-install"]),  # runs to 30 June
    (date(2026, 7, 3), ["m-alpha-services"]),  # 1 October is the 90th day
    (date(2026, 7, 2), []),  # install has ended; services start on day 91
    (date(2026, 1, 1), ["m-alpha-install"]),  # done steps (Epsilon in March) never count
])
def test_coming_up_overlaps_the_next_90_days(fixture, today, expected):
    upcoming = timeline.coming_up(fixture, query.sites(fixture), today)
    assert list(upcoming["id"]) == expected


def test_coming_up_is_planned_and_in_the_window(dataset):
    upcoming = timeline.coming_up(dataset, query.sites(dataset), date(2026, 5, 1))
    assert (upcoming["status"] == "planned").all()
    assert (upcoming["start"] <= pd.Timestamp("2026-07-30")).all()
    assert (upcoming["end"] >= pd.Timestamp("2026-05-01")).all()


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


@pytest.mark.parametrize("selection, expected", [
    (Selection(kinds=("eurohpc_ai_factory",)), {"alpha-aif", "beta-aif", "gamma-aif"}),
    (Selection(countries=("POL",)), {"gamma-aif", "epsilon-national"}),
    (Selection(waves=("1",)), {"alpha-aif", "beta-aif"}),
    (Selection(kinds=("antenna",)), set()),  # no Antenna milestone in the fixture
])
def test_filters_apply(fixture, selection, expected):
    figure = timeline_figure(fixture, selection, today=TODAY)
    subjects = {row[1] for t in _site_traces(figure) for row in t.customdata}
    assert subjects == expected


def test_figure_json_fits_the_budget(dataset):
    assert len(_figure(dataset).to_json()) <= 150_000


def test_a_kind_filter_keeps_only_that_kind(dataset):
    figure = timeline_figure(dataset, Selection(kinds=("antenna",)), today=TODAY)
    subjects = {row[1] for t in _site_traces(figure) for row in t.customdata}
    assert subjects <= set(dataset.antennas["id"])


def test_planned_steps_past_the_as_of_date_are_not_confirmed(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    meta = read_rows(folder / "meta.csv")
    next(r for r in meta if r["key"] == "as_of")["value"] = "2026-07-01"
    write_rows(folder / "meta.csv", meta)
    figure = _figure(load_dataset(folder))
    hovers = {h.split("<br>")[1]: h for t in _site_traces(figure) for h in t.hovertext}
    assert "Status: planned, date passed, not confirmed ·" in hovers["Alpha-1 installed"]
    assert "Status: planned ·" in hovers["Alpha opens to users"]  # 1 October: still to come
    assert "Status: done ·" in hovers["Beta in operation"]


def test_the_supercomputers_rows_are_shown_only_when_asked(fixture):
    def rows(**options):
        return {row[1] for t in _site_traces(_figure(fixture, window=WIDE, **options))
                for row in t.customdata}
    assert "omega-sc" in rows() and "omega-sc" not in rows(supercomputers=False)
    assert rows() - rows(supercomputers=False) == {"omega-sc"}


def test_rows_of_one_date_come_in_the_order_of_their_labels_whatever_the_case(tmp_path):
    variant = _with_milestones(tmp_path, names={"alpha-aif": "alpha AI Factory",
                                                "beta-aif": "Beta AI Factory"})
    wave = timeline.rows(variant, query.sites(variant), "wave", "selection", TODAY)
    assert list(wave["id"][wave["group"] == "Wave 1"]) == ["alpha-aif", "beta-aif"]
