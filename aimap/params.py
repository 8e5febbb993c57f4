"""The views' own URL parameters, parsed and checked the same way for the command line as the
pages check them: each parameter names its allowed values or its parser."""

from __future__ import annotations

from collections.abc import Callable

from aimap import coverage, money, timeline
from aimap.load import Dataset
from aimap.metrics import METRICS


def _flag(value: str) -> bool | None:
    return {"1": True, "true": True, "0": False, "false": False}.get(value.lower())


def _choice(allowed: Callable[[Dataset], tuple[str, ...]]) -> Callable[[str, Dataset], object]:
    return lambda value, dataset: value if value in allowed(dataset) else None


def _sites(dataset: Dataset) -> tuple[str, ...]:
    return tuple(dataset.factories["id"]) + tuple(dataset.antennas["id"])


#: URL parameter -> (parser(value, dataset) returning None when invalid, help)
PARAMS: dict[str, tuple[Callable[[str, Dataset], object], str]] = {
    "metric": (_choice(lambda d: tuple(m.key for m in METRICS)), "map colour: "
               + ", ".join(m.key for m in METRICS)),
    "links": (lambda v, d: _flag(v), "map: draw Antenna links (1 or 0)"),
    "country": (_choice(lambda d: tuple(d.countries["iso3"])), "map: country outlined (ISO3)"),
    "group": (_choice(lambda d: timeline.GROUPINGS), "timeline rows grouped by: "
              + ", ".join(timeline.GROUPINGS)),
    "sort": (_choice(lambda d: timeline.SORTS), "timeline rows sorted by: "
             + ", ".join(timeline.SORTS)),
    "window": (lambda v, d: timeline.parse_window(v), "timeline window: START,END (YYYY-MM-DD)"),
    "rows": (_choice(lambda d: coverage.ROW_MODES), "sectors rows: "
             + ", ".join(coverage.ROW_MODES)),
    "order": (_choice(lambda d: coverage.ORDERS), "sectors order: " + ", ".join(coverage.ORDERS)),
    "region": (_choice(lambda d: tuple(d.countries["iso3"])),
               "sector gaps for the AI Factories a country reaches (ISO3)"),
    "by": (_choice(lambda d: money.GROUPINGS), "budgets grouped by: "
           + ", ".join(money.GROUPINGS)),
    "claims": (lambda v, d: _flag(v), "budgets: every claim (1) or preferred ones (0)"),
    "id": (_choice(_sites), "site page: the site's id"),
}


def parse(values: dict[str, str], dataset: Dataset) -> tuple[dict[str, object], list[str]]:
    """Parsed values, and a message for each value that is not allowed."""
    parsed, problems = {}, []
    for key, raw in values.items():
        parser, help_text = PARAMS[key]
        value = parser(raw, dataset)
        if value is None:
            problems.append(f"--{key} {raw!r} is not allowed ({help_text})")
        else:
            parsed[key] = value
    return parsed, problems
