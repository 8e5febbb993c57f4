"""The message catalogue and number, money and date formatting for people.

Every user-facing string goes through `t()`, so French and German can be added as new
catalogue entries without touching the views.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "European AI infrastructure map",
        "app.data_error": "The data could not be loaded: {count} problem(s) found. Nothing is drawn "
                          "until they are fixed.",
        "nav.overview": "Overview",
        "filters.header": "Filters",
        "filters.kind": "Kind of site",
        "filters.wave": "Selection wave",
        "filters.wave_help": "AI Factory selection waves; sites without a wave are hidden while a "
                             "wave is chosen.",
        "filters.country": "Country",
        "filters.sector": "Sector",
        "filters.sector_help": "Sites that list at least one of the chosen sectors.",
        "filters.reset": "Clear filters",
        "filters.active_none": "All sites",
        "kind.eurohpc_ai_factory": "EuroHPC AI Factory",
        "kind.antenna": "AI Factory Antenna",
        "kind.national_ai_factory": "National AI factory",
        "kind.gigafactory_candidate": "AI Gigafactory candidate",
        "wave.label": "Wave {wave}",
        "confidence.high": "high",
        "confidence.medium": "medium",
        "confidence.low": "low",
        "unknown": "unknown",
        "overview.title": "Europe's AI infrastructure at a glance",
        "overview.as_of": "Data as of {date}",
        "overview.factories": "EuroHPC AI Factories",
        "overview.antennas": "AI Factory Antennas",
        "overview.countries": "Countries hosting a site",
        "overview.budget": "Published budgets",
        "overview.budget_how": "Budget: sum of the preferred total budgets of {summed} of the "
                               "{sites} AI Factories and Antennas shown (where no total is "
                               "published, the known funders' shares: {partial} site(s)); "
                               "{unknown} have no published budget and are left out, not counted "
                               "as zero. National factories and gigafactory bids are not added.",
        "overview.other_sites": "Also shown: {national} national AI factory(ies) and {giga} AI "
                                "Gigafactory candidate(s).",
        "overview.table": "Every site",
        "overview.search": "Search sites",
        "overview.search_help": "Name, city, country or host.",
        "overview.matches": "{shown} of {total} sites",
        "overview.sources_for": "Sources for a site",
        "overview.chart_title": "Sites per host country",
        "overview.chart_footer": "Source: aimap curated dataset from EuroHPC JU, governments and "
                                 "press; data as of {date}.",
        "overview.no_sites": "No site matches the filters.",
        "col.name": "Site",
        "col.kind": "Kind",
        "col.country": "Country",
        "col.city": "City",
        "col.wave": "Wave",
        "col.selected_on": "Selected",
        "col.host": "Host / coordinator",
        "col.budget": "Budget",
        "col.confidence": "Confidence",
        "col.sources": "Sources",
        "col.main_source": "Main source",
        "source.seed": "seed article {file}",
    },
}

_BILLION = 1_000_000_000
_MILLION = 1_000_000


def t(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message `key` in `language` (falling back to English), with `values` filled in."""
    catalogue = MESSAGES.get(language, MESSAGES[DEFAULT_LANGUAGE])
    template = catalogue.get(key, MESSAGES[DEFAULT_LANGUAGE][key])
    return template.format(**values) if values else template


def is_missing(value: object) -> bool:
    """True for None, NaN, NA and empty strings: all mean 'unknown' in our tables."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_money(amount: object, language: str = DEFAULT_LANGUAGE) -> str:
    """Euros for people: '€1.5 bn', '€430 M', '€8.4 M', '€650 k'; 'unknown' when missing."""
    if is_missing(amount):
        return t("unknown", language)
    value = float(amount)  # type: ignore[arg-type]
    if abs(value) >= _BILLION:
        return f"€{_trim(value / _BILLION, 2 if abs(value) < 10 * _BILLION else 1)} bn"
    if abs(value) >= _MILLION:
        return f"€{_trim(value / _MILLION, 1 if abs(value) < 100 * _MILLION else 0)} M"
    if abs(value) >= 1_000:
        return f"€{_trim(value / 1_000, 0)} k"
    return f"€{_trim(value, 0)}"


def format_budget(amount: object, method: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A site's budget; '≥' marks a sum of known shares where no total is published."""
    money = format_money(amount, language)
    return f"≥ {money}" if method == "sum_of_shares" and not is_missing(amount) else money


def format_count(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A whole number with thousands separators, or 'unknown'."""
    if is_missing(value):
        return t("unknown", language)
    return f"{int(value):,}"  # type: ignore[call-overload]


def format_date(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """'10 Dec 2024', or 'unknown'."""
    if is_missing(value):
        return t("unknown", language)
    day = pd.Timestamp(value).date()  # type: ignore[arg-type]
    return f"{day.day} {day.strftime('%b %Y')}"


def format_period(start: date, precision: str) -> str:
    """A date at the precision the source gave: '10 Dec 2024', 'Dec 2024', 'Q3 2026', 'H1 2026',
    '2027'."""
    start = pd.Timestamp(start).date()
    if precision == "day":
        return format_date(start)
    if precision == "month":
        return start.strftime("%b %Y")
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "half":
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    return str(start.year)


def describe_selection(selection, country_names: dict[str, str], sector_names: dict[str, str],
                       language: str = DEFAULT_LANGUAGE) -> str:
    """The active filters in words, for subtitles: 'Wave 3 · Romania, Spain · Energy'."""
    parts = [
        ", ".join(kind_label(k, language) for k in selection.kinds),
        ", ".join(t("wave.label", language, wave=w) for w in selection.waves),
        ", ".join(country_names.get(c, c) for c in selection.countries),
        ", ".join(sector_names.get(s, s) for s in selection.sectors),
    ]
    return " · ".join(p for p in parts if p) or t("filters.active_none", language)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_escape(value: str) -> str:
    """Text from the data, safe to embed in Markdown (no links, emphasis or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def source_line(source) -> str:
    """A Markdown list item citing one source row: linked title, publisher and date."""
    title = markdown_escape(str(source.title))
    details = ", ".join(markdown_escape(str(v)) for v in (source.publisher,) if not is_missing(v))
    if not is_missing(source.published_on):
        details += f", {format_date(source.published_on)}"
    url = str(source.url)
    if url.startswith("http"):
        safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"- [{title}]({safe_url}) — {details}"
    return f"- {title} — {details} ({t('source.seed', file=markdown_escape(url))})"


def kind_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a site kind."""
    return t(f"kind.{kind}", language)
