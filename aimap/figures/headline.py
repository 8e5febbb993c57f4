"""Figures made of words and numbers: the Overview's headline tiles, a site's fact sheet, and
the one-page briefing summary (tiles, a small map, the next milestones)."""

from __future__ import annotations

import math
import textwrap
from datetime import date
from html import escape

import plotly.graph_objects as go

from aimap import details, formatting, query, text, theme, timeline
from aimap.figures import fit
from aimap.figures.common import Caption, Frame, caption_for, framed
from aimap.figures.map import GEO_LAYOUT, europe_map
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t

_HEADER = "#eef2f6"
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


#: Table type and row heights (layout px): a row grows by about this much per extra line
#: when plotly wraps a cell (measured, with some room: a table too tall is cut, unseen).
_HEADER_PX, _ROW_PX, _LINE_PX, _CELL_FONT, _HEADER_FONT = 32, 28, 24, 14, 15
#: Above and below the plot: the title with its subtitle, and the one-line footer.
_SHEET_TOP, _SHEET_BOTTOM, _SHEET_GAP = 150, 80, 40


def _table(header: list[str], columns: list[list[str]], domain: dict,
           widths: list[int] | None = None) -> go.Table:
    return go.Table(
        domain=domain, columnwidth=widths or [1] + [3] * (len(columns) - 1),
        header=dict(values=[f"<b>{escape(h)}</b>" for h in header], fill_color=_HEADER,
                    align="left", font=dict(size=15, color=theme.INK), height=_HEADER_PX),
        cells=dict(values=[[escape(str(v)) for v in column] for column in columns],
                   align="left", font=dict(size=_CELL_FONT, color=theme.INK), height=_ROW_PX,
                   line_color=theme.GRID, fill_color="#ffffff"))


def _row_heights(columns: list[list[str]], widths: list[int], width: float,
                 least: int = _ROW_PX, size: float = _CELL_FONT) -> list[int]:
    """About how tall each row is drawn when the table is `width` px wide: a cell wraps
    where its text is wider than its column (less the cell's padding)."""
    share = [w / sum(widths) * width - 16 for w in widths]
    return [least + _LINE_PX * max(math.ceil(fit.text_width(str(v), size) / room) - 1
                                   for v, room in zip((*row, ""), (*share, 1), strict=True))
            for row in zip(*columns, strict=True)]


def _table_height(header: list[str], columns: list[list[str]], widths: list[int],
                  width: float) -> int:
    """About how tall a table is drawn: its header and every row, wrapped."""
    top = _row_heights([[h] for h in header], widths, width, _HEADER_PX, _HEADER_FONT)[0]
    return top + sum(_row_heights(columns, widths, width))


def _claim_rows(dataset: Dataset, claims, header: list[str], room: float, width: float,
                widths: list[int]) -> list[list[str]]:
    """The budget claims' columns, as many rows as `room` px holds; when some do not fit, the
    last row says how many more there are (nothing is left out silently)."""
    publishers = dict(zip(dataset.sources["id"], dataset.sources["publisher"], strict=True))
    columns = [list(claims["label"]), [formatting.format_money(a) for a in claims["amount_eur"]],
               ["✓" if p else "" for p in claims["preferred"].fillna(False)],
               [", ".join(publishers[s] for s in ids) for ids in claims["sources"]]]
    if _table_height(header, columns, widths, width) <= room:
        return columns
    heights = _row_heights(columns, widths, width)
    kept, used = 0, _table_height(header, [[""]] * len(header), widths, width)  # + "more"
    while kept < len(heights) and used + heights[kept] <= room:
        used += heights[kept]
        kept += 1
    more = text.plural("site.more_claims", len(heights) - kept)
    return [column[:kept] + [more if i == 0 else ""] for i, column in enumerate(columns)]


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
    facts_px = _table_height(fact_header, fact_columns, fact_widths, width)
    claim_header = [t("col.label"), t("col.amount"), t("col.preferred"), t("col.main_source")]
    claim_widths = [3, 1, 1, 3]
    room = math.inf if frame is None else \
        frame.height - _SHEET_TOP - _SHEET_BOTTOM - facts_px - _SHEET_GAP
    claims = _claim_rows(dataset, profile.budgets, claim_header, room, width, claim_widths)
    claims_px = _table_height(claim_header, claims, claim_widths, width)
    height = frame.height if frame else max(
        _SHEET_HEIGHT, _SHEET_TOP + facts_px + _SHEET_GAP + claims_px + _SHEET_BOTTOM)
    plot = height - _SHEET_TOP - _SHEET_BOTTOM
    split = 1 - facts_px / plot
    figure = go.Figure([
        _table(fact_header, fact_columns, dict(x=[0, 1], y=[split, 1]), fact_widths),
        _table(claim_header, claims, dict(x=[0, 1], y=[0, max(0, split - _SHEET_GAP / plot)]),
               claim_widths),
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
    figure.add_trace(_table(
        [t("col.when"), t("col.label")],
        [whens, [f"{names.get(s, s)}: {label}"
                 for s, label in zip(upcoming["subject"], upcoming["label"], strict=True)]],
        dict(x=[0.55, 1], y=[0, 0.68])))
    _tiles(figure, numbers, top=0.99)
    figure.add_annotation(x=0.55, y=0.7, xref="paper", yref="paper", showarrow=False,
                          xanchor="left", yanchor="bottom", text=f"<b>{t('summary.next')}</b>",
                          font=dict(size=16, color=theme.INK))
    return framed(figure, caption, height=900, legend=None)

