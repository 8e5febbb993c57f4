"""Figures made of words and numbers: the Overview's headline tiles, a site's fact sheet, and
the one-page briefing summary (tiles, a small map, the next milestones)."""

from __future__ import annotations

import math
import textwrap
from datetime import date
from html import escape

import plotly.graph_objects as go

from aimap import details, formatting, query, text, theme, timeline
from aimap.figures import fit, tables
from aimap.figures.common import Caption, Frame, caption_for, framed
from aimap.figures.map import GEO_LAYOUT, europe_map
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t

#: A site sheet's least size on screen (and the page export fits it into, from its height).
_SHEET_WIDTH, _SHEET_HEIGHT = 1200, 900
#: The height of a tile's number (54 px type): its label starts right below it.
_NUMBER_HEIGHT = 66


def _tiles(figure: go.Figure, numbers: query.Headline, top: float, columns: int = 4) -> None:
    """Four big numbers, each with its label right under it, in `columns` per row from `top`
    (rows a fixed 110 px apart). Two per row fit a square page."""
    tiles = [(str(numbers.factories), t("overview.factories")),
             (str(numbers.antennas), t("overview.antennas")),
             (str(numbers.countries), t("overview.countries")),
             (formatting.format_money(numbers.budgets.total_eur), t("overview.budget"))]
    for index, (value, label) in enumerate(tiles):
        x, y, shift = 0.02 + (index % columns) / columns, top, -110 * (index // columns)
        figure.add_annotation(x=x, y=y, yshift=shift, xref="paper", yref="paper",
                              text=f"<b>{value}</b>",
                              showarrow=False, xanchor="left", yanchor="top",
                              font=dict(size=54, color=theme.KIND_COLOURS["eurohpc_ai_factory"]))
        figure.add_annotation(x=x, y=y, yshift=shift - _NUMBER_HEIGHT, xref="paper", yref="paper",
                              text=escape(label), showarrow=False, xanchor="left",
                              yanchor="top", font=dict(size=18, color=theme.INK))


def _blank(figure: go.Figure) -> None:
    figure.update_xaxes(visible=False, range=[0, 1])
    figure.update_yaxes(visible=False, range=[0, 1])


def headline_figure(dataset: Dataset, selection: Selection) -> go.Figure:
    """The Overview's headline figures as a picture, with how the budget was summed."""
    shown = query.shown(dataset, selection)
    numbers = query.headline(dataset, shown)
    figure = go.Figure()
    _tiles(figure, numbers, top=1.0, columns=2)
    figure.add_annotation(x=0.02, y=0.0, xref="paper", yref="paper", showarrow=False,
                          xanchor="left", yanchor="bottom", align="left",
                          font=dict(size=15, color=theme.MUTED),
                          text="<br>".join(escape(line) for line in
                                           textwrap.wrap(formatting.budget_note(numbers.budgets),
                                                         60)))
    _blank(figure)
    caption = caption_for(dataset, selection, t("overview.title"), "overview.chart_footer")
    return framed(figure, caption, height=640, legend=None)


#: Above and below the plot: the title with its subtitle, and the one-line footer.
_SHEET_TOP, _SHEET_BOTTOM, _SHEET_GAP = 150, 80, 40


def _claim_rows(dataset: Dataset, claims, header: list[str], room: float, width: float,
                widths: list[int]) -> list[list[str]]:
    """The budget claims' columns, as many rows as `room` px holds (see tables.fitted)."""
    publishers = dict(zip(dataset.sources["id"], dataset.sources["publisher"], strict=True))
    columns = [list(claims["label"]), [formatting.format_money(a) for a in claims["amount_eur"]],
               ["✓" if p else "" for p in claims["preferred"].fillna(False)],
               [", ".join(publishers[s] for s in ids) for ids in claims["sources"]]]
    return tables.fitted(header, columns, widths, width, room, "site.more_claims")


def site_figure(dataset: Dataset, selection: Selection, id: str = "",
                frame: Frame | None = None) -> go.Figure:
    """A site's fact sheet: its facts, and its budget claims with their sources. On screen
    it is as tall as its rows; on a `frame` (export's page) the title is at least the page's
    minimum and the claims that do not fit are counted in a last row. The tables keep their
    type: larger rows would push claims out of the page."""
    profile = details.site_profile(dataset, id) or details.site_profile(
        dataset, str(query.sites(dataset)["id"].iloc[0]))
    facts = profile.facts
    width = (frame.width if frame else _SHEET_WIDTH) - theme.MARGIN["l"] - theme.MARGIN["r"]
    fact_header, fact_widths = [t("col.field"), t("col.value")], [1, 3]
    fact_columns = [[t(f"field.{f}") for f in facts["field"]], list(facts["value"])]
    facts_px = tables.height(fact_header, fact_columns, fact_widths, width)
    claim_header = [t("col.label"), t("col.amount"), t("col.preferred"), t("col.main_source")]
    claim_widths = [3, 1, 1, 3]
    room = math.inf if frame is None else \
        frame.height - _SHEET_TOP - _SHEET_BOTTOM - facts_px - _SHEET_GAP
    claims = _claim_rows(dataset, profile.budgets, claim_header, room, width, claim_widths)
    claims_px = tables.height(claim_header, claims, claim_widths, width)
    height = frame.height if frame else max(
        _SHEET_HEIGHT, _SHEET_TOP + facts_px + _SHEET_GAP + claims_px + _SHEET_BOTTOM)
    plot = height - _SHEET_TOP - _SHEET_BOTTOM
    split = 1 - facts_px / plot
    figure = go.Figure([
        tables.trace(fact_header, fact_columns, dict(x=[0, 1], y=[split, 1]), fact_widths),
        tables.trace(claim_header, claims,
                     dict(x=[0, 1], y=[0, max(0, split - _SHEET_GAP / plot)]), claim_widths),
    ])
    site = profile.site
    place = ", ".join(str(v) for v in (site["city"], query.country_names(dataset).get(
        site["country"], site["country"])) if not formatting.is_missing(v))
    caption = Caption(f"{site['name']} — {text.kind_label(site['kind'])}", place,
                      t("site.footer", date=formatting.format_date(dataset.as_of)))
    figure = framed(figure, caption, height=height, legend=None)
    if frame is not None:
        size = frame.title(24)
        figure.update_layout(title_font_size=size, title_pad_t=fit.title_pad(size))
    return figure


def summary_figure(dataset: Dataset, selection: Selection, today: date | None = None) -> go.Figure:
    """One page for a briefing: the headline figures, a small map, the next milestones."""
    shown = query.shown(dataset, selection)
    numbers = query.headline(dataset, shown)
    caption = caption_for(dataset, selection, t("summary.title"), "summary.footer")
    figure = europe_map(dataset, shown, "sites", False, caption,
                        frame=Frame(1000, 900))  # Europe only
    figure.update_layout(geo=dict(GEO_LAYOUT, domain=dict(x=[0, 0.52], y=[0, 0.68])),
                         showlegend=False)
    upcoming = timeline.coming_up(dataset, shown, today or date.today(), days=365).head(12)
    names = query.subject_names(dataset)
    whens = [formatting.when(w, s, p) for w, s, p in
             zip(upcoming["as_written"], upcoming["start"], upcoming["precision"], strict=True)]
    figure.add_trace(tables.trace(
        [t("col.when"), t("col.label")],
        [whens, [f"{names.get(s, s)}: {label}"
                 for s, label in zip(upcoming["subject"], upcoming["label"], strict=True)]],
        dict(x=[0.55, 1], y=[0, 0.68])))
    _tiles(figure, numbers, top=0.99)
    figure.add_annotation(x=0.55, y=0.7, xref="paper", yref="paper", showarrow=False,
                          xanchor="left", yanchor="bottom", text=f"<b>{t('summary.next')}</b>",
                          font=dict(size=16, color=theme.INK))
    return framed(figure, caption, height=900, legend=None)

