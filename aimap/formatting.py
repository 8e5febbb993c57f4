"""Numbers, money, dates and selections written for people."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
from babel.lists import format_list

from aimap.safety import plain
from aimap.text import DEFAULT_LANGUAGE, kind_label, plural, t

_BILLION = 1_000_000_000
_MILLION = 1_000_000


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


def format_money(amount: object) -> str:
    """Euros for people: '€1.5 bn', '€430 M', '€8.4 M', '€650 k'; 'unknown' when missing."""
    if is_missing(amount):
        return t("unknown")
    value = float(amount)  # type: ignore[arg-type]
    if abs(value) >= _BILLION:
        return f"€{_trim(value / _BILLION, 2 if abs(value) < 10 * _BILLION else 1)} bn"
    if abs(value) >= _MILLION:
        return f"€{_trim(value / _MILLION, 1 if abs(value) < 100 * _MILLION else 0)} M"
    if abs(value) >= 1_000:
        return f"€{_trim(value / 1_000, 0)} k"
    return f"€{_trim(value, 0)}"


def format_budget(amount: object, method: object) -> str:
    """A site's budget; '≥' marks a sum of known shares where no total is published."""
    money = format_money(amount)
    return f"≥ {money}" if method == "sum_of_shares" and not is_missing(amount) else money


def format_per_person(amount: object) -> str:
    """Euros per inhabitant: cents below €10 ('€2.50'), as money above."""
    if is_missing(amount):
        return t("unknown")
    value = float(amount)  # type: ignore[arg-type]
    return f"€{value:,.2f}" if abs(value) < 10 else format_money(value)


def format_share(value: object) -> str:
    """A fraction as a percentage: 0.45 -> '45%'."""
    if is_missing(value):
        return t("unknown")
    return f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]


def format_value(value: object, kind: str) -> str:
    """A metric value of a given kind (count, money, per_person, share, gpus) for people."""
    if kind == "money":
        return format_money(value)
    if kind == "per_person":
        return format_per_person(value)
    if kind == "share":
        return format_share(value)
    return format_count(value)


def format_class(low: float, high: float, kind: str) -> str:
    """The legend label of a class [low, high): '€100–250 M', '25–50%', '3', '4 or more'."""
    if kind == "count" and high - low == 1:
        return format_count(low)
    if math.isinf(high):
        return t("map.or_more", low=format_value(low, kind))
    if kind in ("money", "per_person"):  # class edges are whole euros: '€2–5'
        low_text, high_text = format_money(low), format_money(high)
        if low_text.split()[-1] == high_text.split()[-1]:  # same unit: '€100–250 M'
            low_text = low_text.rsplit(" ", 1)[0]
        return f"{low_text}–{high_text.removeprefix('€')}"
    if kind == "share":
        return f"{low * 100:.0f}–{min(high, 1) * 100:.0f}%"
    return f"{format_count(low)}–{format_count(high)}"


def format_count(value: object) -> str:
    """A whole number with thousands separators, or 'unknown'."""
    if is_missing(value):
        return t("unknown")
    return f"{int(value):,}"  # type: ignore[call-overload]


def format_date(value: object) -> str:
    """'10 Dec 2024', or 'unknown'."""
    if is_missing(value):
        return t("unknown")
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
                       ) -> str:
    """The active filters in words, for subtitles: 'Wave 3 · Romania, Spain · Energy'."""
    parts = [
        ", ".join(kind_label(k) for k in selection.kinds),
        ", ".join(t("wave.label", wave=w) for w in selection.waves),
        ", ".join(country_names.get(c, c) for c in selection.countries),
        ", ".join(sector_names.get(s, s) for s in selection.sectors),
    ]
    return " · ".join(p for p in parts if p) or t("filters.active_none")


def clip(name: str, width: int = 32) -> str:
    """A label cut to `width` characters with an ellipsis: charts must keep their width for
    data, and the full name is in the hover."""
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def when(as_written: object, start: date, precision: str) -> str:
    """When a milestone happens: as the source wrote it, else at the precision it gave."""
    return str(as_written) if not is_missing(as_written) else format_period(start, precision)


def source_line(source) -> str:
    """A Markdown list item citing one source row: linked title, publisher and date."""
    title = plain(str(source.title))
    details = ", ".join(plain(str(v)) for v in (source.publisher,) if not is_missing(v))
    if not is_missing(source.published_on):
        details += f", {format_date(source.published_on)}"
    url = str(source.url)
    if url.startswith("http"):
        safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"- [{title}]({safe_url}) — {details}"
    return f"- {title} — {details} ({t('source.seed')})"


def budget_note(budgets) -> str:
    """How a `query.PublishedBudgets` sum was made, in words: what is in it, what is left out."""
    return t("overview.budget_how", summed=budgets.summed, sites=budgets.sites,
             partial=plural("count.sites", budgets.partial),
             unknown=plural("count.sites", budgets.unknown))


def other_sites_note(national: int, giga: int, supercomputers: int = 0) -> str | None:
    """The kinds the Overview's cards leave out, counted in words ("1 national AI factory,
    3 AI Gigafactory candidates and 18 AI supercomputers"); None when there are none."""
    counts = [plural(key, n) for key, n in (("count.national", national), ("count.giga", giga),
                                            ("count.supercomputer", supercomputers)) if n]
    return t("overview.other_sites", sites=format_list(counts, locale=DEFAULT_LANGUAGE)) \
        if counts else None
