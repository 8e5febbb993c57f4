"""The one plotly template and the colour-blind-safe palettes, used on screen and in PNG alike."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "aimap"
FONT_FAMILY = "Source Sans Pro, Arial, Liberation Sans, DejaVu Sans, sans-serif"
INK = "#1a1a1a"
MUTED = "#5c5c5c"
GRID = "#e3e3e3"
BACKGROUND = "#ffffff"
#: Map fills: "no site" is white (nothing here), "no data" a light grey that is never darker
#: than a real value and is hatched (HATCH), as Datawrapper marks missing values.
NO_DATA = "#cccccc"
NO_SITE = "#ffffff"
HATCH = "#7a7a7a"
LAND = "#f2f2f0"
OCEAN = "#dce8f0"
BORDER = "#9a9a9a"
LINK = "#3a3a3a"

#: The template's chart title size (px).
TITLE_SIZE = 24
#: The subtitle inside a chart title, on screen and when presenting (larger, darker).
SUBTITLE_STYLE = f"font-size:16px;color:{MUTED}"
PRESENTATION_SUBTITLE_STYLE = f"font-size:20px;color:{INK}"

MARGIN = dict(l=24, r=24, t=150, b=80)
LEGEND_SIZE = 15

#: Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")

KIND_COLOURS = {
    "eurohpc_ai_factory": "#0072B2",
    "antenna": "#E69F00",
    "national_ai_factory": "#009E73",
    "gigafactory_candidate": "#CC79A7",
    "ai_supercomputer": "#D55E00",
}

#: A fill pattern per kind (plotly bar marker.pattern), so stacked bars do not rely on colour.
KIND_PATTERNS = {"eurohpc_ai_factory": "", "antenna": "/", "national_ai_factory": ".",
                 "gigafactory_candidate": "x", "ai_supercomputer": "|"}

#: One colour per group of timeline phases (Okabe & Ito), in the order sites go through them.
PHASE_COLOURS = {"setup": "#56B4E9", "procurement": "#E69F00", "build": "#D55E00",
                 "services": "#009E73", "operational": "#0072B2", "end": "#CC79A7"}
TODAY = "#B2182B"


def _channels(colour: str) -> list[int]:
    """The red, green and blue of '#rrggbb'."""
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def lighten(colour: str, amount: float) -> str:
    """`colour` ('#rrggbb') mixed with white; amount 0 keeps it, 1 gives white."""
    mixed = [round(c + (255 - c) * amount) for c in _channels(colour)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def see_through(colour: str, alpha: float) -> str:
    """`colour` ('#rrggbb') with its own transparency, as plotly's legend draws it (a
    trace's or shape's opacity is not shown in its legend swatch)."""
    return "rgba({}, {}, {}, {})".format(*_channels(colour), alpha)

#: Sequential classes for choropleths, light to dark: CIELab lightness from 80 down to 11,
#: hue from blue to indigo, so any two classes, white and NO_DATA are at least 10 apart
#: (CIEDE2000) with normal vision and with each simulated colour-vision deficiency.
SEQUENTIAL_CLASSES = ("#a7cbe5", "#7ba5cb", "#5a84b6", "#3f639f", "#294084", "#03145a")


def sequential(count: int) -> list[str]:
    """`count` colours from light to dark, spread along the sequential palette (as far
    apart as it allows; beyond its length, neighbours repeat)."""
    palette = SEQUENTIAL_CLASSES
    if count == 1:
        return [palette[len(palette) // 2]]
    return [palette[round(i * (len(palette) - 1) / (count - 1))] for i in range(count)]


def _template() -> go.layout.Template:
    return go.layout.Template(layout=go.Layout(
        font=dict(family=FONT_FAMILY, size=16, color=INK),
        title=dict(font=dict(size=TITLE_SIZE, color=INK), x=0, xanchor="left", xref="container",
                   pad=dict(l=24)),
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        colorway=list(OKABE_ITO),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=15), bgcolor="#ffffff"),
        legend=dict(font=dict(size=LEGEND_SIZE), bgcolor="rgba(255,255,255,0.85)"),
        xaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=MUTED, ticks="outside",
                   automargin=True),
        yaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=MUTED, automargin=True,
                   ticklabelstandoff=8),  # row names clear of the bars they name
        margin=MARGIN,
    ))


pio.templates[TEMPLATE_NAME] = _template()


#: Chart text when presenting (px): read across a room.
PRESENTED_FONT = 20
#: The bottom margin's axis part when presenting, as a share of the page's: 20 px axis labels
#: instead of 16.
_PRESENTED_BOTTOM = 1.4
#: A footer line's height (px) on the page, and when presenting (18 px, on one line).
_FOOTER_LINE, _PRESENTED_FOOTER_LINE = 17, 24


def one_line(footer: str) -> str:
    """A sources footer (lines joined by <br>) cut to its first sentence and its last (what
    it names, and the data's date), on one line."""
    sentences = footer.replace("<br>", " ").split(". ")
    if len(sentences) <= 2:
        return " ".join(footer.split("<br>"))
    return f"{sentences[0]}. {sentences[-1]}"


def is_map(figure: go.Figure) -> bool:
    """True for a figure drawn on a map (it has no axes, and keeps its shape on screen)."""
    return any(trace.type in ("choropleth", "scattergeo") for trace in figure.data)


def for_presentation(figure: go.Figure) -> go.Figure:
    """Larger type (chart text 18 px and up) and darker greys, for a shared screen; the
    sources footer on one line (what it names and the data's date: the method notes stay in
    the app and the PNGs) at the page's foot, under axis labels given room to grow."""
    footer = next((note for note in figure.layout.annotations if note.name == "footer"),
                  None)
    bottom = figure.layout.margin.b if figure.layout.margin.b is not None else MARGIN["b"]
    if footer is not None:
        bottom -= _FOOTER_LINE * (footer.text.count("<br>") + 1)
        footer.text = one_line(footer.text)
    grown = bottom if is_map(figure) else round(bottom * _PRESENTED_BOTTOM)  # a map: no axis
    grown += _PRESENTED_FOOTER_LINE if footer is not None else 0
    figure.update_layout(font_size=PRESENTED_FONT, title_font_size=30, legend_font_size=19,
                         hoverlabel_font_size=18, margin_b=grown)
    if is_map(figure):  # its kinds of site, in a second legend above it
        figure.update_layout(legend2_font_size=19)
    figure.update_traces(textfont_size=18, selector=dict(mode="text"))  # value labels
    for note in figure.layout.annotations:
        note.font.size = max(note.font.size or 18, 18)
        if note.font.color == MUTED:
            note.font.color = INK
    if footer is not None:
        footer.yshift = -(grown - 6)
    figure.layout.title.text = (figure.layout.title.text or "").replace(
        SUBTITLE_STYLE, PRESENTATION_SUBTITLE_STYLE)
    return figure
