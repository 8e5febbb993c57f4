"""Budget figures: who pays what (stacked by funder), where claims disagree (whiskers, or every
claim as a dot), and budget per inhabitant. Each bar is labelled with its amount at its end, and
the total is the Overview's "Published budgets"."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from aimap import formatting, money, query, theme
from aimap.figures import fit
from aimap.figures.common import NARROW_FOOTER, Caption, Frame, caption_for, framed
from aimap.load import Dataset
from aimap.selection import Selection
from aimap.text import t

FUNDER_COLOURS = {"eu": "#0072B2", "national": "#E69F00", "regional": "#009E73",
                  "private": "#CC79A7", "mixed": "#5c5c5c", money.UNSPLIT: "#b8b8b8"}
_ROW = 30
#: Room right of the plot for the value label of the longest bar ("€1.23 bn" at 18 px when
#: presenting): labels are text drawn past the plot (not clipped) rather than cut at its end.
_LABEL_ROOM = 110
#: The name of the value labels' trace, and the space between a bar's end and its label.
VALUE_LABELS = "values"
_GAP = "\u2002"
_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2.5e3, 5e3, 10e3, 25e3, 50e3, 100e3,
          250e3, 500e3, 1e6, 2.5e6, 5e6, 10e6, 25e6, 50e6, 100e6, 250e6, 500e6, 1e9, 2.5e9,
          5e9, 10e9)


def money_axis(top: float) -> dict:
    """Axis ticks written for people ('€250 M', '€1 bn', '€20'), about five of them."""
    end = top * 1.06
    step = next((s for s in _STEPS if end / s <= 6), _STEPS[-1])
    values = [step * i for i in range(int(end // step) + 1)]
    return dict(tickvals=values, ticktext=[formatting.format_money(v) for v in values],
                range=[0, end], title=None)


def _group_labels(frame: pd.DataFrame, grouping: str, dataset: Dataset) -> list[str]:
    if grouping == "site":
        return [escape(label) for label in frame["label"]]
    if grouping == "country":
        names = query.country_names(dataset)
        return [escape(names.get(c, c)) for c in frame.index]
    return [t(f"budgets.wave.{w}") if w in ("antennas", "national") else t("wave.label", wave=w)
            for w in frame.index]


def _claim_hover(rows: pd.DataFrame, dataset: Dataset) -> str:
    publishers = dict(zip(dataset.sources["id"], dataset.sources["publisher"]))
    return "<br>".join(
        f"{'★ ' if r.preferred else ''}{escape(r.label)}: {formatting.format_money(r.amount_eur)} "
        f"({t('funder.' + r.funder)}) — {escape(', '.join(publishers[s] for s in r.sources))}"
        for r in rows.itertuples())


def _top_down(frame: pd.DataFrame, value: str, labels: pd.Series) -> pd.DataFrame:
    """Rows from the smallest `value` to the largest (plotly draws the last on top); equal
    values in the order of their `labels`, so that they never swap between runs."""
    keys = pd.DataFrame({"value": frame[value].to_numpy(), "label": labels.to_numpy()},
                        index=frame.index)
    return frame.loc[keys.sort_values(["value", "label"], ascending=[True, False]).index]


def _value_labels(figure: go.Figure, labels: list[str], ends: list[float],
                  texts: list[str]) -> None:
    """Each row's amount written just past its end (its bar, or its whisker when longer), as
    one text trace: one annotation per row made the figure's JSON, sent on every rerun, grow
    with the rows (and plotly copies every annotation on each add_annotation)."""
    figure.add_scatter(x=list(ends), y=list(labels), mode="text", textposition="middle right",
                       text=[_GAP + escape(text) for text in texts],
                       textfont=dict(size=14, color=theme.INK), cliponaxis=False,
                       hoverinfo="skip", showlegend=False, name=VALUE_LABELS)


def _with_total(caption: Caption, total: query.PublishedBudgets) -> Caption:
    """The caption with the Overview's "Published budgets" in its subtitle."""
    line = t("budgets.total", total=formatting.format_money(total.total_eur))
    return Caption(caption.title, f"{caption.subtitle} · {line}", caption.footer)


def _fitted(figure: go.Figure, caption: Caption, rows: list[str], page: Frame | None,
            height: int, label_room: int, legend: str | None = "top") -> go.Figure:
    """`figure` framed at its screen `height`, or fitted to the export `page`: type the page
    can be read at, and room right of the plot for value labels of that size."""
    if page is not None:
        names = [trace.name for trace in figure.data] if legend else []
        fit.apply(figure, fit.bar_layout(page, rows, caption.footer, NARROW_FOOTER, names,
                                         label_room))
        height = page.height
    return framed(figure, caption, height=height, legend=legend, footer_width=NARROW_FOOTER)


def stacked(dataset: Dataset, shown: pd.DataFrame, grouping: str, caption: Caption,
            page: Frame | None = None) -> go.Figure:
    """Preferred claims stacked by funder, each bar's total at its end; whiskers where total
    claims disagree."""
    frame = money.grouped(dataset, shown, grouping)
    if grouping == "wave":
        frame = frame.iloc[::-1]  # top down, in the order people read them
    else:
        frame = _top_down(frame, "total", pd.Series(_group_labels(frame, grouping, dataset)))
    labels = _group_labels(frame, grouping, dataset)
    figure = go.Figure()
    for part in money.PARTS:
        if frame[part].sum() == 0:
            continue
        figure.add_bar(y=labels, x=frame[part], orientation="h", name=t(f"budgets.part.{part}"),
                       marker_color=FUNDER_COLOURS[part],
                       customdata=[formatting.format_money(v) for v in frame[part]],
                       hovertemplate="%{y}<br>" + t(f"budgets.part.{part}") +
                       ": %{customdata}<extra></extra>")
    top = frame["total"].max() if len(frame) else 1.0
    ends = frame["total"]
    texts = [formatting.format_money(v) for v in frame["total"]]
    if grouping == "site":
        spread = _whiskers(figure, dataset, shown, frame, labels)
        ends = ends.combine(spread.reindex(ends.index), max, fill_value=0.0)
        texts = [_beyond(text, total, spread.get(site))
                 for text, total, site in zip(texts, frame["total"], frame.index)]
    if grouping == "wave":  # the label goes past the diamond when the diamond is further
        announced = _announced(figure, dataset, frame, labels)
        ends = ends.combine(announced.reindex(ends.index), max, fill_value=0.0)
    _value_labels(figure, labels, list(ends), texts)
    figure.update_layout(barmode="stack", xaxis=money_axis(max(top, ends.max() if len(ends)
                                                                else 0.0)),
                         yaxis=dict(title=None),
                         margin=dict(l=16, r=_LABEL_ROOM, t=150, b=90))
    return _fitted(figure, caption, labels, page, 260 + _ROW * max(len(frame), 4),
                   _LABEL_ROOM)


def _beyond(text: str, total: float, highest: float | None) -> str:
    """A bar's value label; where a disagreeing claim reaches past the bar, the label sits at
    the whisker's end and says so ("€100 M, claims up to €350 M"), not to be read as €350 M."""
    if highest is None or pd.isna(highest) or highest <= total:
        return text
    return t("budgets.value_up_to", value=text, high=formatting.format_money(highest))


def _whiskers(figure: go.Figure, dataset: Dataset, shown: pd.DataFrame, frame: pd.DataFrame,
              labels: list[str]) -> pd.Series:
    """A min–max whisker on each site whose total claims disagree; returns each one's max."""
    spread = money.ranges(dataset, shown).reindex(frame.index).dropna()
    if spread.empty:
        return pd.Series(dtype="float64")
    position = dict(zip(frame.index, labels))
    budgets = dataset.budgets
    hover = [_claim_hover(budgets[(budgets["subject"] == site) & (budgets["scope"] == "site")
                                  & (budgets["funder"] == "mixed")], dataset)
             for site in spread.index]
    preferred = frame.loc[spread.index, "total"]
    figure.add_scatter(
        y=[position[s] for s in spread.index], x=preferred, mode="markers",
        name=t("budgets.range"), marker=dict(symbol="line-ns", size=16, color=theme.INK,
                                             line=dict(width=2, color=theme.INK)),
        error_x=dict(type="data", symmetric=False, array=spread["max"] - preferred,
                     arrayminus=preferred - spread["min"], color=theme.INK, thickness=2, width=6),
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
    return spread["max"]


def _announced(figure: go.Figure, dataset: Dataset, frame: pd.DataFrame,
               labels: list[str]) -> pd.Series:
    """The amount announced for each wave, beside the sum of its sites' known budgets;
    returns them by wave."""
    envelopes = money.envelopes(dataset)
    announced = envelopes[envelopes["basis"] == "sourced"].drop_duplicates("subject") \
        .set_index("subject")
    points = [(label, announced.at[f"wave-{w}", "amount_eur"], announced.loc[[f"wave-{w}"]])
              for w, label in zip(frame.index, labels) if f"wave-{w}" in announced.index]
    if not points:
        return pd.Series(dtype="float64")
    figure.add_scatter(
        y=[p[0] for p in points], x=[p[1] for p in points], mode="markers",
        name=t("budgets.announced"), marker=dict(symbol="diamond", size=15, color="#ffffff",
                                                 line=dict(color=theme.INK, width=2)),
        hovertext=[_claim_hover(p[2].reset_index(), dataset) for p in points],
        hovertemplate="%{hovertext}<extra></extra>")
    return pd.Series({w: announced.at[f"wave-{w}", "amount_eur"] for w in frame.index
                      if f"wave-{w}" in announced.index}, dtype="float64")


def every_claim(dataset: Dataset, shown: pd.DataFrame, caption: Caption,
                page: Frame | None = None) -> go.Figure:
    """Every site-level claim as a dot: colour = funder, filled = shown by default."""
    budgets = dataset.budgets
    rows = budgets[budgets["subject"].isin(query.budget_sites(shown)["id"])
                   & (budgets["scope"] == "site") & budgets["amount_eur"].notna()]
    names = shown.set_index("id")["label"]
    largest = rows.groupby("subject")["amount_eur"].max().to_frame()
    order = _top_down(largest, "amount_eur", names.reindex(largest.index)).index
    labels = {s: escape(names[s]) for s in order}
    figure = go.Figure()
    for funder in ("mixed", *money.FUNDERS):
        for preferred in (True, False):
            part = rows[(rows["funder"] == funder) & (rows["preferred"].fillna(False) == preferred)]
            if part.empty:
                continue
            figure.add_scatter(
                y=[labels[s] for s in part["subject"]], x=part["amount_eur"], mode="markers",
                name=t(f"budgets.part.{'total' if funder == 'mixed' else funder}")
                + ("" if preferred else f" ({t('budgets.alternative')})"),
                marker=dict(size=12, color=FUNDER_COLOURS[funder],
                            symbol="circle" if preferred else "circle-open",
                            line=dict(width=2, color=FUNDER_COLOURS[funder])),
                hovertext=[_claim_hover(part.loc[[i]], dataset) for i in part.index],
                hovertemplate="%{hovertext}<extra></extra>")
    figure.update_layout(xaxis=money_axis(rows["amount_eur"].max() if len(rows) else 1),
                         yaxis=dict(categoryorder="array",
                                    categoryarray=[labels[s] for s in order], title=None),
                         margin=dict(l=16, r=16, t=150, b=90))
    return _fitted(figure, caption, list(labels.values()), page,
                   260 + _ROW * max(len(order), 4), 0)


def budget_figure(dataset: Dataset, selection: Selection,
                  grouping: str = money.DEFAULT_GROUPING, all_claims: bool = False,
                  frame: Frame | None = None) -> go.Figure:
    """Who pays what for `selection`, as on screen and in export (fitted to `frame`). Every
    claim is drawn per site whatever the grouping (claims belong to sites), and its title
    says so."""
    shown = query.shown(dataset, selection)
    title = "budgets.chart_title.claims" if all_claims else f"budgets.chart_title.{grouping}"
    caption = _with_total(caption_for(dataset, selection, t(title), "budgets.footer"),
                          query.published_budgets(dataset, shown))
    if all_claims:
        return every_claim(dataset, shown, caption, frame)
    return stacked(dataset, shown, grouping, caption, frame)


def per_person(amount: float) -> str:
    """Euros per inhabitant, worded as on the map."""
    return formatting.format_per_person(amount)


def per_capita_figure(dataset: Dataset, selection: Selection,
                      frame: Frame | None = None) -> go.Figure:
    """Published budget per inhabitant, by country, each bar labelled with its amount (fitted
    to `frame` when exported)."""
    shown = query.shown(dataset, selection)
    page, frame = frame, money.per_capita(dataset, shown)
    names = query.country_names(dataset)
    frame = _top_down(frame, "per_capita", frame.index.to_series().map(lambda c: names.get(c, c)))
    labels = [escape(names.get(c, c)) for c in frame.index]
    figure = go.Figure(go.Bar(
        y=labels, x=frame["per_capita"], orientation="h", marker_color=FUNDER_COLOURS["eu"],
        customdata=[[per_person(v), formatting.format_money(b), formatting.format_count(p)]
                    for v, b, p in zip(frame["per_capita"], frame["total"], frame["population"])],
        hovertemplate="%{y}: %{customdata[0]} " + t("budgets.per_capita_unit")
        + "<br>" + t("budgets.per_capita_detail") + "<extra></extra>"))
    _value_labels(figure, labels, list(frame["per_capita"]),
                  [per_person(v) for v in frame["per_capita"]])
    figure.update_layout(xaxis=money_axis(frame["per_capita"].max() if len(frame) else 1),
                         yaxis=dict(title=None), margin=dict(l=16, r=_LABEL_ROOM, t=110, b=90))
    caption = caption_for(dataset, selection, t("budgets.per_capita_title"),
                          "budgets.per_capita_footer")
    return _fitted(figure, caption, labels, page, 220 + _ROW * max(len(frame), 4),
                   _LABEL_ROOM, legend=None)
