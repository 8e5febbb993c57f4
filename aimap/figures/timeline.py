"""The timeline: a Gantt of each site's phases, done solid and planned hatched, imprecise dates
drawn as the range they stand for, programme events and 'today' across the chart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape

import pandas as pd
import plotly.graph_objects as go

from aimap import formatting, query, schema, theme, timeline
from aimap.figures.common import FOOTER_SIZE, NARROW_FOOTER, Caption, Frame, caption_for, framed
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t

_ROW_HEIGHT = 28
#: Above the plot, from the top: title and subtitle, the band of date labels (one lane each),
#: the two-line date ticks.
_TITLE_BLOCK, _LANE, _TICK_BAND, _BAND_FONT = 110, 26, 58, 16
#: Below the plot: a legend of up to six rows (presentation type, narrow screen), then the
#: sources footer.
_BOTTOM = 290
_DAY_MS = 86_400_000
#: Width of a character as a share of its font size, generous for Arial: lanes packed on a
#: slide must not meet.
_CHAR_WIDTH = 0.62
_NO_DIMMING = dict(selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)))


def date_text(step: pd.Series) -> str:
    """'Q3 2026 (quarter precision)', or the day for day-precise steps."""
    if step["precision"] == "day":
        return formatting.format_date(step["start"])
    written = step["as_written"] if not formatting.is_missing(step["as_written"]) \
        else formatting.format_period(step["start"], step["precision"])
    return t("timeline.precision", date=written, precision=t(f"precision.{step['precision']}"))


@lru_cache(maxsize=4)
def _milestones_by_id(dataset: Dataset) -> pd.DataFrame:
    return dataset.milestones.set_index("id")


def _hover(step: pd.Series, site: str, dataset: Dataset, others: list[str]) -> str:
    publishers = query.publishers(dataset)
    status = t(f"status.{step['status']}")
    if step["status"] == "planned" and step["end"] < dataset.as_of:
        status = t("timeline.not_confirmed")
    lines = [f"<b>{escape(site)}</b>", escape(step["label"]),
             f"{t('col.when')}: {escape(date_text(step))}",
             f"{t('col.status')}: {status} · {t('hover.confidence')}: "
             f"{t('confidence.' + step['confidence'])}",
             f"{t('hover.sources')}: " + escape(", ".join(publishers[s] for s in step["sources"]))]
    for other in others:
        claim = _milestones_by_id(dataset).loc[other]
        lines.append(t("timeline.other_claim", date=escape(date_text(claim)),
                       source=escape(", ".join(publishers[s] for s in claim["sources"]))))
    return "<br>".join(lines)


def _y_axis(order: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Category keys and their labels, a bold header row before each group."""
    keys, labels, last = [], [], None
    for site_id, label, group in zip(order["id"], order["label"], order["group"]):
        if group != last:
            keys.append(f"group:{group}")
            labels.append(f"<b>{escape(group)}</b>")
            last = group
        keys.append(site_id)
        labels.append(escape(label))
    return keys, labels


def _phase_traces(dataset: Dataset, steps: pd.DataFrame, names: dict[str, str]) -> list:
    """Per phase group: a bar trace for ranges and a marker trace for single days, done solid,
    planned hatched or hollow."""
    others = timeline.rivals(dataset)
    traces = []
    for group in timeline.PHASE_GROUP_ORDER:
        colour = theme.PHASE_COLOURS[group]
        mine = steps[steps["phase_group"] == group]
        for status in ("done", "planned"):
            part = mine[mine["status"] == status]
            ranges, days = part[part["precision"] != "day"], part[part["precision"] == "day"]
            hover = lambda frame: [_hover(s, names[s["subject"]], dataset, others[s["id"]])
                                   for _, s in frame.iterrows()]
            name = t(f"phase_group.{group}")
            planned = status == "planned"
            if not ranges.empty:
                ranges = ranges.assign(span=ranges["end"] - ranges["start"]) \
                    .sort_values("span", ascending=False)  # short ranges drawn over long ones
                traces.append(go.Bar(
                    y=ranges["subject"], base=ranges["start"],
                    x=((ranges["end"] - ranges["start"]).dt.days + 1) * _DAY_MS,
                    orientation="h", name=name, legendgroup=group, showlegend=False,
                    marker=_bar_marker(colour, planned),
                    hovertext=hover(ranges), hovertemplate="%{hovertext}<extra></extra>",
                    customdata=[["site", s] for s in ranges["subject"]], **_NO_DIMMING))
            if not days.empty:
                traces.append(go.Scatter(
                    y=days["subject"], x=days["start"], mode="markers", name=name,
                    legendgroup=group, showlegend=False,
                    marker=dict(symbol="diamond-open" if planned else "diamond", size=13,
                                color=colour, line=dict(color=colour, width=2)),
                    hovertext=hover(days), hovertemplate="%{hovertext}<extra></extra>",
                    customdata=[["site", s] for s in days["subject"]], **_NO_DIMMING))
        if not mine.empty:
            traces.append(_legend_bar(name, colour, group))
    traces += [_legend_bar(t("timeline.legend.done"), theme.MUTED, "status"),
               _legend_bar(t("timeline.legend.planned"), theme.MUTED, "status", hatched=True)]
    return traces


def _bar_marker(colour: str, planned: bool) -> dict:
    """Done: solid. Planned: a pale fill hatched in the phase colour."""
    if not planned:
        return dict(color=colour, line=dict(color=colour, width=1))
    return dict(color=theme.lighten(colour, 0.75), line=dict(color=colour, width=1),
                pattern=dict(shape="/", fgcolor=colour, solidity=0.3))


def _legend_bar(name: str, colour: str, group: str, hatched: bool = False) -> go.Bar:
    """A legend entry only (no data)."""
    return go.Bar(x=[None], y=[None], name=name, legendgroup=group, orientation="h",
                  marker=_bar_marker(colour, hatched), hoverinfo="skip", showlegend=True)


def _marker_label(dataset: Dataset, waves: dict[str, str], step: pd.Series) -> str:
    """'Wave 4 selected' for a wave's selection (`waves`: subject -> wave, as waves are
    content); a ranged claim names whom it is about ('Phase 1 · AI Factories of wave 3'); the
    confidence when not high."""
    if step["phase"] == "selection" and step["subject"] in waves:
        label = t("timeline.marker.wave", wave=waves[step["subject"]])
    elif step["phase"] == "selection" and step["subject"] == "antennas-2025":
        label = t("timeline.marker.antennas-2025")
    else:
        label = step["label"].split(":")[0]
    if step["precision"] != "day":
        scope = query.programme_subjects(dataset).get(step["subject"], step["subject"])
        label = t("timeline.marker.scoped", label=label, scope=scope)
    if step["confidence"] != "high":
        level = t("confidence." + step["confidence"])
        label += f" ({t('timeline.low_confidence', level=level)})"
    return label


@dataclass(frozen=True)
class _Mark:
    """A date drawn across the chart and labelled in the band above it."""

    when: pd.Timestamp
    label: str
    colour: str
    dash: str


def _marks(dataset: Dataset, shown: pd.DataFrame, keys: list[str], today: date,
           window: tuple[date, date]) -> tuple[list[_Mark], pd.DataFrame]:
    """The labelled dates inside `window` (programme days, the data's date, today) and the
    ranged programme claims with a row on the chart (`keys`; drawn on those rows only)."""
    waves = {schema.WAVE_SUBJECT.format(wave=w): w for w in query.waves(dataset)}
    first, last = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    steps = timeline.programme_markers(dataset)
    steps = steps.assign(mark=[_marker_label(dataset, waves, s) for _, s in steps.iterrows()])
    days = steps[steps["precision"] == "day"]
    marks = [_Mark(s["start"], s["mark"], theme.MUTED, "dot") for _, s in days.iterrows()]
    as_of = t("timeline.as_of", date=formatting.format_date(dataset.as_of))
    marks += [_Mark(dataset.as_of, as_of, theme.MUTED, "dash"),
              _Mark(pd.Timestamp(today), t("timeline.today"), theme.TODAY, "solid")]
    ranges = steps[(steps["precision"] != "day") & (steps["end"] >= first)
                   & (steps["start"] <= last)]
    drawn = [timeline.scope_rows(shown, s).isin(keys).any() for s in ranges["subject"]]
    ranges = ranges[pd.Series(drawn, index=ranges.index, dtype=bool)]  # columns kept if none
    return [m for m in marks if first <= m.when <= last], ranges


def _band_positions(count: int) -> list[int]:
    """Pixel heights above the plot of the band's lanes: one lane per label, so no two labels
    can meet whatever the chart's width."""
    return [_TICK_BAND + _LANE * lane for lane in range(count)]


def packed_lanes(spans: list[tuple[float, float]]) -> list[int]:
    """A lane per label span (left, right px), the lowest free one: on a slide, whose width
    is known, labels far apart share a lane so that the rows keep the height."""
    ends: list[float] = []
    lanes = []
    for left, right in spans:
        lane = next((i for i, end in enumerate(ends) if end < left), len(ends))
        ends[lane:lane + 1] = [right + 12]
        lanes.append(lane)
    return lanes


@dataclass(frozen=True)
class _Slide:
    """The timeline's sizes on a page that needs larger type (a slide): fonts, the lane and
    tick band heights, and the plot's width in px for packing the labels."""

    label: float
    band_font: float
    tick_band: float
    lane: float
    plot_width: float


#: A claim about some rows only, shaded on those rows, as light in the legend as on them.
_SCOPED_BAND = theme.see_through(theme.MUTED, 0.14)


def _markers(figure: go.Figure, dataset: Dataset, shown: pd.DataFrame, keys: list[str],
             today: date, window: tuple[date, date], slide: _Slide | None = None) -> int:
    """Programme dates and today as lines labelled in a band above the plot (joined to it by
    a stem); ranged claims about one wave as shaded bands on that wave's rows only, labelled
    on the wave's own header row (else in the band). On a slide, whose width is known, labels
    far apart share a lane, and the data's date and today are labelled under the plot (free:
    its dates are on top). Returns the band's height in pixels."""
    marks, ranges = _marks(dataset, shown, keys, today, window)
    # a label reads rightwards only from the window's first third: from further right, a long
    # one ("Phase 1 · …") would run off a narrow screen, while leftwards there is room
    third = pd.Timestamp(window[0]) + (pd.Timestamp(window[1]) - pd.Timestamp(window[0])) / 3
    headed = {i: _header_row(keys, timeline.scope_rows(shown, s["subject"]))
              for i, s in ranges.iterrows()}
    labels = [(m.when, m.label, m.colour, m.dash) for m in marks
              if slide is None or m.dash == "dot"]
    labels += [(s["start"], s["mark"], theme.MUTED, "band") for i, s in ranges.iterrows()
               if headed[i] is None]
    labels.sort(key=lambda label: label[0])
    font, tick_band, lane = _BAND_FONT, _TICK_BAND, _LANE
    lifts = _band_positions(len(labels))
    if slide is not None:
        font, tick_band, lane = slide.band_font, slide.tick_band, slide.lane
        first, last = pd.Timestamp(window[0]), pd.Timestamp(window[1])
        spans = []
        for when, label, *_ in labels:
            x = (when - first) / (last - first) * slide.plot_width
            width = len(label) * font * _CHAR_WIDTH
            spans.append((x, x + width) if when <= third else (x - width, x))
        lifts = [tick_band + lane * n for n in packed_lanes(spans)]
    row_of = {key: len(keys) - 1 - i for i, key in enumerate(keys)}  # categoryarray reversed
    shapes = [dict(type="rect", xref="x", yref="y", x0=step["start"],
                   x1=step["end"] + pd.Timedelta(days=1), y0=row_of[site] - 0.5,
                   y1=row_of[site] + 0.5, fillcolor=_SCOPED_BAND, line_width=0,
                   layer="below")
              for _, step in ranges.iterrows()
              for site in timeline.scope_rows(shown, step["subject"]) if site in row_of]
    levels = set(ranges["confidence"]) - {"high"}
    annotations = [dict(x=ranges.loc[i, "start"], y=header, yref="y", xanchor="left",
                        text=escape(_band_label(ranges.loc[i], len(levels) > 1)),
                        showarrow=False, font=dict(size=font, color=theme.MUTED))
                   for i, header in headed.items() if header is not None]
    for (when, label, colour, dash), lift in zip(labels, lifts):
        if dash != "band":
            shapes.append(_line(when, colour, dash))
        shapes.append(dict(type="line", xref="x", yref="paper", x0=when, x1=when, y0=1,
                           ysizemode="pixel", yanchor=1, y1=lift + 2,
                           line=dict(color=colour, width=1, dash="solid")))
        annotations.append(dict(x=when, y=1, yref="paper", yshift=lift, text=escape(label),
                                showarrow=False, xanchor="left" if when <= third else "right",
                                yanchor="bottom", font=dict(size=font, color=colour),
                                bgcolor="rgba(255,255,255,0.9)", borderpad=1))
    if slide is not None:  # under the plot, each on its side of its line
        for mark in (m for m in marks if m.dash != "dot"):
            shapes.append(_line(mark.when, mark.colour, mark.dash))
            after = mark.dash == "solid"  # today, right of the data's date
            annotations.append(dict(x=mark.when, y=0, yref="paper", yanchor="top", yshift=-2,
                                    xanchor="left" if after else "right", xshift=3 if after
                                    else -3, text=escape(mark.label), showarrow=False,
                                    font=dict(size=font, color=mark.colour)))
    if len(levels) == 1:  # the bands' one confidence, in their legend entry
        figure.update_traces(name=t("timeline.legend.scoped_level",
                                    level=t("confidence." + levels.pop())),
                             selector=dict(name=t("timeline.legend.scoped")))
    # set at once: plotly re-validates every earlier shape on each add_shape (minutes at 100x)
    figure.update_layout(shapes=[*figure.layout.shapes, *shapes],
                         annotations=[*figure.layout.annotations, *annotations])
    return round(max(lifts, default=tick_band - lane) + lane)


def _band_label(step: pd.Series, mixed: bool) -> str:
    """A band's label on its wave's header row: its phase ('Phase 1'), with its confidence
    where the bands' confidences differ (else the legend entry says it once)."""
    label = step["label"].split(":")[0]
    if not mixed or step["confidence"] == "high":
        return label
    return t("timeline.marker.band_level", label=label, level=t("confidence." + step["confidence"]))


def _line(when: pd.Timestamp, colour: str, dash: str) -> dict:
    """A date's line across the plot: dotted thin for a programme day, else 2 px."""
    return dict(type="line", xref="x", yref="y domain", x0=when, x1=when, y0=0, y1=1,
                line=dict(color=colour, width=2 if dash != "dot" else 1, dash=dash))


def _header_row(keys: list[str], sites: pd.Series) -> str | None:
    """The header row of the group whose rows are exactly `sites` (a wave's, grouped by
    wave): a ranged claim about them is labelled there, on a row with no bar. None when the
    rows are not one group."""
    wanted = set(sites) & set(keys)
    for index, key in enumerate(keys):
        if key.startswith("group:"):
            rows = next((keys[index + 1:end] for end in range(index + 1, len(keys) + 1)
                         if end == len(keys) or keys[end].startswith("group:")), [])
            if wanted and set(rows) == wanted:
                return key
    return None


def _legend_marks() -> list[go.Scatter]:
    """Legend entries for the lines and bands (no data)."""
    def line(name: str, colour: str, dash: str, width: int) -> go.Scatter:
        return go.Scatter(x=[None], y=[None], mode="lines", name=name, legendgroup="marks",
                          line=dict(color=colour, dash=dash, width=width), hoverinfo="skip")
    return [line(t("timeline.legend.programme"), theme.MUTED, "dot", 1),
            line(t("timeline.legend.as_of"), theme.MUTED, "dash", 2),
            line(t("timeline.legend.today"), theme.TODAY, "solid", 2),
            go.Bar(x=[None], y=[None], orientation="h", name=t("timeline.legend.scoped"),
                   legendgroup="marks", marker=dict(color=_SCOPED_BAND),
                   hoverinfo="skip"),
            go.Scatter(x=[None], y=[None], mode="markers", name=t("timeline.legend.day"),
                       legendgroup="marks", hoverinfo="skip",
                       marker=dict(symbol="diamond", size=11, color=theme.MUTED))]


def gantt(dataset: Dataset, shown: pd.DataFrame, grouping: str, sort: str,
          window: tuple[date, date], today: date, caption: Caption,
          frame: Frame | None = None) -> go.Figure:
    """The Gantt figure for the `shown` sites; on a `frame` needing larger type (a slide),
    laid out by `_on_slide`."""
    window = timeline.widen(window, timeline.window_bounds(dataset))
    order = timeline.rows(dataset, shown, grouping, sort, today)
    steps = timeline.site_steps(dataset, shown)
    names = dict(zip(order["id"], order["name"]))
    keys, labels = _y_axis(order)
    rows_axis = go.Scatter(y=keys, x=[pd.Timestamp(window[0])] * len(keys), mode="markers",
                           marker=dict(opacity=0), hoverinfo="skip", showlegend=False)
    figure = go.Figure([rows_axis, *_phase_traces(dataset, steps, names), *_legend_marks()])
    figure.update_layout(
        barmode="overlay", bargap=0.35,
        xaxis=dict(type="date", range=[pd.Timestamp(window[0]), pd.Timestamp(window[1])],
                   side="top", dtick="M3", tickformat="%b<br>%Y", gridcolor=theme.GRID),
        yaxis=dict(categoryorder="array", categoryarray=keys[::-1], tickvals=keys,
                   ticktext=labels, range=[-0.5, len(keys) - 0.5], title=None),
        margin=dict(l=16, r=16, b=_BOTTOM))
    if frame is not None and frame.label(14) > 14:
        return _on_slide(figure, dataset, shown, keys, labels, today, window, caption, frame)
    band = _markers(figure, dataset, shown, keys, today, window)
    figure.update_layout(margin_t=_TITLE_BLOCK + band)
    height = _TITLE_BLOCK + band + _BOTTOM + _ROW_HEIGHT * max(len(keys), 4)
    return framed(figure, caption, height=height, legend="bottom", footer_width=NARROW_FOOTER)


def _on_slide(figure: go.Figure, dataset: Dataset, shown: pd.DataFrame, keys: list[str],
              labels: list[str], today: date, window: tuple[date, date], caption: Caption,
              frame: Frame) -> go.Figure:
    """Every row on one slide at the slide's type: the legend and sources beside the plot
    (a slide is wide, not tall), one-line date ticks, date labels far apart sharing a lane;
    the rows take the height left."""
    # whole px: plotly draws the font size as given, and 29.94 px x 0.668 falls short of 20
    label, title = math.ceil(frame.label(14)), math.ceil(frame.title(24))
    legend_font = math.ceil(frame.label(15))
    legend_width = max(len(line) for key in ("timeline.legend.scoped_level",
                                             "timeline.legend.planned")
                       for line in t(key, level="medium").split("<br>")) \
        * legend_font * _CHAR_WIDTH + 60
    row_labels = max(len(text) for text in labels) * label * _CHAR_WIDTH
    slide = _Slide(label=label, band_font=label, tick_band=label * 1.6, lane=label * 1.35,
                   plot_width=frame.width - legend_width - row_labels - 40)
    figure.update_layout(
        font_size=label, title_font_size=title, legend_font_size=legend_font,
        xaxis=dict(tickformat="%b %Y", tickfont_size=label,
                   dtick=tick_step(window, slide.plot_width, label)),
        yaxis=dict(tickfont_size=label), margin=dict(r=legend_width, b=20),
        legend=dict(orientation="v", x=1.01, xanchor="left", y=1, yanchor="top",
                    tracegroupgap=0))
    # the dates' lines are labelled on the chart itself, and a phase's swatch is solid (done):
    # the legend keeps the other marks, and fits beside a presented page of rows
    labelled = {t(k) for k in ("timeline.legend.programme", "timeline.legend.as_of",
                               "timeline.legend.today", "timeline.legend.done")}
    figure.update_traces(showlegend=False, selector=lambda trace: trace.name in labelled)
    band = _markers(figure, dataset, shown, keys, today, window, slide)
    figure.update_layout(margin_t=title * 2.2 + 40 + band)
    footer = frame.footer(FOOTER_SIZE)
    figure = framed(figure, caption, height=frame.height, legend=None,
                    footer_width=round(frame.width / (footer * 0.58)), footer_size=footer)
    subtitle = f"font-size:{round(label)}px;color:{theme.MUTED}"
    heading = figure.layout.title.text.replace(theme.SUBTITLE_STYLE, subtitle)
    return figure.update_layout(showlegend=True, title_pad_t=title, title_text=heading)


def tick_step(window: tuple[date, date], width: float, size: float) -> str:
    """Quarterly date ticks where one-line labels ('Oct 2026') fit side by side in `width`
    px at `size`, else half-yearly or yearly: never slanted labels."""
    months = (window[1].year - window[0].year) * 12 + window[1].month - window[0].month + 1
    label = 8 * size * _CHAR_WIDTH + size  # and a gap
    return next((f"M{step}" for step in (3, 6) if width / (months / step) >= label), "M12")


def timeline_figure(dataset: Dataset, selection: Selection,
                    grouping: str = timeline.DEFAULT_GROUPING,
                    sort: str = timeline.DEFAULT_SORT,
                    window: tuple[date, date] = timeline.DEFAULT_WINDOW,
                    supercomputers: bool = False, today: date | None = None,
                    frame: Frame | None = None) -> go.Figure:
    """The timeline for `selection`, as on screen and in export (`frame`: export's page);
    the AI supercomputers' rows only with `supercomputers`."""
    shown = query.layered(query.shown(dataset, selection), supercomputers)
    caption = caption_for(dataset, selection, t("timeline.chart_title"), "timeline.footer")
    return gantt(dataset, shown, grouping, sort, window, today or date.today(), caption,
                 frame)
