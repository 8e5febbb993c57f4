"""The map: a choropleth of Europe in readable classes, site markers on top, optional
Antenna-to-AI-Factory links, and clickable dots for countries too small to click."""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from aimap import formatting, geo, query, text, theme
from aimap.figures.common import Caption, Frame, caption_for, framed
from aimap.load import Dataset
from aimap.metrics import DEFAULT_METRIC, METRICS_BY_KEY, class_index, country_values
from aimap.selection import Selection
from aimap.text import plural, t

#: A click selects a point, and plotly then fades every other one; the map must stay readable.
_NO_DIMMING = dict(selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)))

MARKERS = {  # kind -> plotly symbol; colours from theme.KIND_COLOURS
    "eurohpc_ai_factory": "circle",
    "antenna": "diamond",
    "national_ai_factory": "square",
    "gigafactory_candidate": "triangle-up",
    "ai_supercomputer": "star",
}
#: Markers closer than this (degrees of latitude, about a marker's width on the screen's map)
#: are moved onto a small ring around their centre, so that none hides another.
MARKER_GAP = 0.8
#: The projection's centre, and the smallest box always shown (lon, lat ranges): Europe with
#: the Atlantic to its west, where the legend goes.
_CENTRE = (10, 52)
_EUROPE = ((-44.0, 42.0), (33.0, 71.0))
#: On a page taller than wide the legend goes under the map: Europe needs no Atlantic for it.
_EUROPE_ALONE = ((-26.0, 42.0), (33.0, 71.0))
#: A legend line's height in px (its 15 px type), to reserve the band under a tall map.
_LEGEND_LINE = 21
#: The map's width on screen, where it is drawn in a box of this width by its height, scaled
#: to the page (ui.charts): the page's at 1280 px beside the sidebar.
SCREEN_WIDTH = 820
#: The map's page in presentation mode: a plot about as wide as the globe lets Europe's box
#: be (twice its height); ui.charts keeps the plot this shape on any screen.
PRESENTED = Frame(1480, 950)
#: Space around the map: the title above, the sources below, a hair at each side.
MARGIN = dict(l=24, r=24, t=150, b=84)  # t: title, subtitle and a row or two of kinds
GEO_LAYOUT = dict(
    projection=dict(type="azimuthal equal area",
                    rotation=dict(lon=_CENTRE[0], lat=_CENTRE[1])),
    domain=dict(x=[0, 1], y=[0, 1]), resolution=110,
    showland=True, landcolor=theme.LAND, showocean=True, oceancolor=theme.OCEAN,
    showlakes=True, lakecolor=theme.OCEAN, showcountries=False, showcoastlines=False,
    showframe=False, bgcolor=theme.OCEAN,
)


def _country_hover(row: pd.Series, label: str, kind: str, names: dict[str, str]) -> str:
    lines = [f"<b>{escape(names.get(row.name, row.name))}</b>",
             f"{escape(label)}: {formatting.format_value(row['value'], kind)}"]
    if kind in ("money", "per_person", "share"):
        lines.append(plural("map.hover.budget_known", len(row["sites"]),
                            known=int(row["budget_known"])))
    lines.append(f"{t('map.hover.sites')}: " + ", ".join(escape(n) for n in row["sites"]))
    return "<br>".join(lines)


def _choropleth(dataset: Dataset, values: pd.DataFrame, metric: str) -> list[go.BaseTraceType]:
    """One choropleth (the boundaries are sent once) whose colour is the class, 'no data' or
    'no site', plus one legend entry per class, and dots for the small countries."""
    spec = METRICS_BY_KEY[metric]
    names = query.country_names(dataset)
    count = len(spec.edges) - 1
    labels = [formatting.format_class(spec.edges[i], spec.edges[i + 1], spec.kind)
              for i in range(count)]
    colours = theme.sequential(count) + [theme.NO_DATA, theme.NO_SITE]
    codes = {iso3: _code(value, spec.edges, count) for iso3, value in values["value"].items()}
    hover = {iso3: _country_hover(row, t(f"metric.legend.{metric}"), spec.kind, names)
             for iso3, row in values.iterrows()}
    locations = [f["id"] for f in dataset.geojson["features"]]
    for iso3 in locations:
        codes.setdefault(iso3, count + 1)
        hover.setdefault(iso3, f"<b>{escape(names.get(iso3, iso3))}</b><br>{t('map.no_site')}")
    fill = go.Choropleth(
        geojson=dict(dataset.geojson), featureidkey="id", locations=locations,
        z=[codes[c] for c in locations], zmin=-0.5, zmax=count + 1.5,
        colorscale=_stepped(colours), showscale=False, showlegend=False,
        marker_line=dict(color=theme.BORDER, width=0.6),
        hovertext=[hover[c] for c in locations], hovertemplate="%{hovertext}<extra></extra>",
        customdata=[["country", c] for c in locations], **_NO_DIMMING)
    used = set(codes.values())
    keys = [(labels[i], colours[i], "square") for i in range(count) if i in used]
    keys += [(t("map.no_data"), theme.NO_DATA, "square-x")] if count in used else []
    keys += [(t("map.no_site"), theme.NO_SITE, "square")]
    legend = [go.Scattergeo(lon=[None], lat=[None], mode="markers", name=label,
                            marker=dict(symbol=symbol, size=15, color=colour,
                                        line=dict(color=theme.HATCH if symbol != "square"
                                                  else theme.MUTED, width=0.8)),
                            legendgroup="countries",
                            legendgrouptitle_text=t(f"metric.legend.{metric}"),
                            hoverinfo="skip")
              for label, colour, symbol in keys]
    missing = tuple(sorted(c for c, code in codes.items() if code == count))
    return [fill, *_hatch(dataset, missing), *legend,
            *_small_country_dots(dataset, codes, colours, hover)]


def _hatch(dataset: Dataset, countries: tuple[str, ...]) -> list[go.Scattergeo]:
    """Cross-hatching over the 'no data' countries (the legend's crossed square)."""
    lons, lats = geo.hatch(dataset, countries)
    if not lons:
        return []
    return [go.Scattergeo(lon=lons, lat=lats, mode="lines", name=t("map.no_data"),
                          line=dict(color=theme.HATCH, width=0.7), hoverinfo="skip",
                          showlegend=False)]


def _code(value: float, edges: tuple[float, ...], count: int) -> int:
    """The colour code of a value: its class, or `count` for no data."""
    index = class_index(value, edges)
    return count if index is None else index


def _stepped(colours: list[str]) -> list[list]:
    """A colorscale where each integer z from 0 to len-1 gets exactly one colour."""
    steps = []
    for index, colour in enumerate(colours):
        steps += [[index / len(colours), colour], [(index + 1) / len(colours), colour]]
    return steps


def _small_country_dots(dataset: Dataset, codes: dict[str, int], colours: list[str],
                        hover: dict[str, str]) -> list[go.Scattergeo]:
    """A dot per small country (Malta, Luxembourg, Cyprus…) in its colour, clickable."""
    dots = geo.small_countries(dataset)
    dots = dots[dots["iso3"].map(codes) < len(colours) - 1]  # only those hosting shown sites
    if dots.empty:
        return []
    return [go.Scattergeo(
        lon=dots["lon"], lat=dots["lat"], mode="markers", name=t("map.small_country"),
        marker=dict(symbol="square", size=11, color=[colours[codes[c]] for c in dots["iso3"]],
                    line=dict(color="#ffffff", width=1.5)),  # like the site markers
        hovertext=[hover[c] for c in dots["iso3"]], hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False, customdata=[["country", c] for c in dots["iso3"]], **_NO_DIMMING)]


def _known(value: object) -> str:
    """Text from the data for a hover (plotly reads some HTML), or 'unknown'."""
    return t("unknown") if formatting.is_missing(value) else escape(str(value))


def _site_hover(row: pd.Series, budgets: pd.DataFrame, gpus: pd.Series) -> str:
    """A site's card: what it is, where, and its money; for an AI supercomputer, its GPUs
    and status instead (it has no selection wave and no budget of its own here)."""
    lines = [
        f"<b>{escape(row['name'])}</b>",
        escape(text.kind_label(row["kind"])),
        f"{t('hover.host')}: {_known(row['host'])}",
        f"{t('hover.city')}: {_known(row['city'])}",
    ]
    if row["kind"] == "ai_supercomputer":
        count = gpus.get(row["id"])
        known = t("unknown") if formatting.is_missing(count) else formatting.format_count(count)
        lines.append(f"{t('hover.gpus')}: {known} · "
                     f"{t('hover.status')}: {t('site_status.' + row['status'])}")
    else:
        budget = formatting.format_budget(budgets["amount_eur"].get(row["id"]),
                                          budgets["method"].get(row["id"]))
        wave = t("wave.label", wave=row["wave"]) if not formatting.is_missing(row["wave"]) \
            else "–"
        lines += [f"{t('hover.wave')}: {wave} · "
                  f"{t('hover.selected')}: {formatting.format_date(row['selected_on'])}",
                  f"{t('hover.budget' if row['kind'] in query.BUDGET_KINDS else 'hover.bid')}:"
                  f" {budget}"]
    lines.append(f"{t('hover.confidence')}: {t('confidence.' + row['confidence'])} · "
                 f"{t('hover.sources')}: {len(row['sources'])}")
    return "<br>".join(lines)


def _marker_places(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """The placed sites of `shown`, co-located ones moved apart (geo.spread), each kept in
    its own country where a turn of its ring allows."""
    placed = shown.dropna(subset=["lat", "lon"])
    shapes = geo.country_shapes(dataset)
    homes = {site: shapes.get(country) for site, country in zip(placed["id"], placed["country"])}
    moved = geo.spread(placed[["id", "lon", "lat"]], MARKER_GAP, homes).set_index("id")
    return placed.assign(lon=placed["id"].map(moved["lon"]),
                         lat=placed["id"].map(moved["lat"]))


def _site_markers(dataset: Dataset, placed: pd.DataFrame) -> list[go.Scattergeo]:
    """One trace per kind of the `placed` sites (`_marker_places`)."""
    budgets = query.budget_totals(dataset)
    gpus = dataset.factories.set_index("id")["gpus"]
    traces = []
    for kind, symbol in MARKERS.items():
        group = placed[placed["kind"] == kind]
        if group.empty:
            continue
        traces.append(go.Scattergeo(
            lon=group["lon"], lat=group["lat"], mode="markers", name=text.kind_label(kind),
            legendgroup="sites",
            marker=dict(symbol=symbol, size=13, color=theme.KIND_COLOURS[kind],
                        line=dict(color="#ffffff", width=1.5)),
            hovertext=[_site_hover(row, budgets, gpus) for _, row in group.iterrows()],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[["site", i] for i in group["id"]], **_NO_DIMMING))
    return traces


def _links(dataset: Dataset, shown: pd.DataFrame,
           placed: pd.DataFrame) -> list[go.Scattergeo]:
    """Lines from each shown Antenna to the AI Factories it links to (where both are placed),
    ending where the markers were moved to (`placed`)."""
    located = query.sites(dataset).set_index("id")[["lat", "lon"]].dropna()
    located.update(placed.set_index("id")[["lat", "lon"]])
    lons: list[float | None] = []
    lats: list[float | None] = []
    antennas = dataset.antennas[dataset.antennas["id"].isin(shown["id"])]
    for antenna, linked in zip(antennas["id"], antennas["linked_factories"]):
        for factory in linked:
            if antenna in located.index and factory in located.index:
                lons += [located.at[antenna, "lon"], located.at[factory, "lon"], None]
                lats += [located.at[antenna, "lat"], located.at[factory, "lat"], None]
    if not lons:
        return []
    return [go.Scattergeo(lon=lons, lat=lats, mode="lines", name=t("map.links"),
                          line=dict(color=theme.LINK, width=1.4, dash="dot"),
                          hoverinfo="skip", legendgroup="sites")]


def projected(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lambert azimuthal equal-area x, y of points, about `_CENTRE` (as plotly draws it)."""
    lam, phi = np.radians(lon - _CENTRE[0]), np.radians(lat)
    phi0 = math.radians(_CENTRE[1])
    cos_c = math.sin(phi0) * np.sin(phi) + math.cos(phi0) * np.cos(phi) * np.cos(lam)
    k = np.sqrt(2 / (1 + cos_c))
    return (k * np.cos(phi) * np.sin(lam),
            k * (math.cos(phi0) * np.sin(phi) - math.sin(phi0) * np.cos(phi) * np.cos(lam)))


def box_aspect(lons: tuple[float, float], lats: tuple[float, float]) -> float:
    """Width / height of the projected lon-lat box: plotly fits this box into the frame."""
    along = np.linspace(0, 1, 25)
    lon = np.concatenate([lons[0] + (lons[1] - lons[0]) * along] * 2 + [np.full(25, lons[0]),
                                                                      np.full(25, lons[1])])
    lat = np.concatenate([np.full(25, lats[0]), np.full(25, lats[1])]
                         + [lats[0] + (lats[1] - lats[0]) * along] * 2)
    x, y = projected(lon, lat)
    return float((x.max() - x.min()) / (y.max() - y.min()))


def fitted_ranges(aspect: float, europe: tuple[tuple[float, float], tuple[float, float]] = _EUROPE,
                  southwards: float = 0.4) -> tuple[tuple[float, float], tuple[float, float]]:
    """lon and lat ranges holding `europe` whose projected box has the plot's `aspect`, so
    the map fills its frame instead of floating in white bands: a wider frame shows more
    sea east and west, a taller one more land north and south (`southwards` of it south:
    the south edge is the box's widest, so growing it widens the box too)."""
    (west, east), (south, north) = europe

    def grown(extra: float) -> tuple[tuple[float, float], tuple[float, float]]:
        if box_aspect((west, east), (south, north)) < aspect:  # wider: sea east and west
            return (west - extra / 2, east + extra / 2), (south, north)
        return (west, east), (south - extra * southwards,
                              min(north + extra * (1 - southwards), 89.0))

    def miss(extra: float) -> float:
        return abs(math.log(box_aspect(*grown(extra)) / aspect))
    # the globe's curvature makes the box's shape peak and fall again: the nearest, first
    return grown(min(range(0, 150), key=lambda extra: (round(miss(extra), 2), extra)))


def europe_map(dataset: Dataset, shown: pd.DataFrame, metric: str, links: bool,
               caption: Caption, frame: Frame) -> go.Figure:
    """The map figure for the `shown` sites coloured by `metric`, laid out to fill a figure of
    `frame` (width, height) px: the legend over the Atlantic, inside the map."""
    values = country_values(dataset, shown, metric)
    traces = _choropleth(dataset, values, metric)
    placed = _marker_places(dataset, shown)  # spread once: the lines end at the markers
    if links:
        traces += _links(dataset, shown, placed)
    traces += _site_markers(dataset, placed)
    figure = go.Figure(traces)
    width, height = frame.width - MARGIN["l"] - MARGIN["r"], \
        frame.height - MARGIN["t"] - MARGIN["b"]
    if width < height:
        return _tall_map(figure, caption, frame, width, height)
    plot = width / height
    lons, lats = fitted_ranges(plot)
    figure.update_layout(geo=GEO_LAYOUT, geo_lonaxis_range=lons, geo_lataxis_range=lats,
                         margin=MARGIN)
    figure = framed(figure, caption, height=frame.height, legend="inside")
    _kinds_on_top(figure)
    # A frame wider (or taller) than the globe allows leaves the map centred: the legend
    # goes to the map's own bottom-left corner, over the sea.
    drawn = box_aspect(lons, lats)
    return figure.update_layout(legend_x=0.01 + max(0.0, 1 - drawn / plot) / 2,
                                legend_y=0.02 + max(0.0, 1 - plot / drawn) / 2)


def _kinds_on_top(figure: go.Figure) -> None:
    """The kinds of site in a second legend, in a row above the map: with the classes alone
    the legend over the Atlantic stays short enough to leave Ireland and Portugal in view."""
    figure.update_traces(legend="legend2", selector=dict(legendgroup="sites"))
    figure.update_layout(legend2=dict(orientation="h", x=0, xanchor="left", y=1,
                                      yanchor="bottom", font_size=theme.LEGEND_SIZE,
                                      bgcolor="rgba(0,0,0,0)", traceorder="normal"))


def _tall_map(figure: go.Figure, caption: Caption, frame: Frame, width: int,
              height: int) -> go.Figure:
    """A page taller than wide (A4 portrait): the legend in a band under the map, and the map
    (Europe without the legend's Atlantic) filling the rest, so that it spans the page's
    width instead of a band of it."""
    entries = sum(trace.showlegend is not False for trace in figure.data)
    band = (entries + len({trace.legendgroup for trace in figure.data
                           if trace.showlegend is not False}) + 1) * _LEGEND_LINE
    lons, lats = fitted_ranges(width / (height - band), _EUROPE_ALONE, southwards=0.2)
    figure.update_layout(geo=GEO_LAYOUT, geo_lonaxis_range=lons, geo_lataxis_range=lats,
                         geo_domain_y=[band / height, 1], margin=MARGIN)
    figure = framed(figure, caption, height=frame.height, legend="inside")
    return figure.update_layout(legend_x=0, legend_y=0, legend_yanchor="bottom")


def map_figure(dataset: Dataset, selection: Selection, metric: str = DEFAULT_METRIC,
               links: bool = False, supercomputers: bool = True, compact: bool = False,
               frame: Frame | None = None) -> go.Figure:
    """The map for `selection`, as on screen and in export; `compact` for a small map beside
    other content; `frame`: the page it is drawn on (on screen, a box of SCREEN_WIDTH by its
    height, scaled to the page). The chosen country is not drawn in: a figure that
    changed with each click would be a new chart to Streamlit, and a click made before the
    browser had it was lost. Without `supercomputers`, the map counts and draws every
    other kind of site."""
    shown = query.layered(query.shown(dataset, selection), supercomputers)
    caption = caption_for(dataset, selection, t(f"metric.title.{metric}"), "map.footer")
    if frame is None:  # on screen, drawn in a box of this shape (ui.charts)
        frame = Frame(SCREEN_WIDTH, 520 if compact else 720)
    return europe_map(dataset, shown, metric, links, caption, frame)
