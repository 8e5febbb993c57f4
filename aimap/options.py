"""Every option a link can set, declared once: the shared filters and each view's own options.

A row says everything about an option: its URL name (also the command line's `--name`), the
figure builders' keyword it sets, its widget and label, its default and its allowed values or
bounds (from code, or from the data where they are content). Widgets, the URL, the command line
and its `--help`, export, presentation links and the briefing pack all read these rows.

Whatever a URL or a command line gives is data: `read` never raises; an unknown value is dropped
and a reversed or out-of-range window is clamped, each with a `Notice` naming the parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from aimap import changes, coverage, formatting, money, query, timeline
from aimap.load import Dataset, data_dir
from aimap.metrics import DEFAULT_METRIC, METRICS
from aimap.safety import quote
from aimap.selection import SITE_KINDS, Selection
from aimap.text import kind_label, t

Values = Sequence[str] | Callable[[Dataset], Sequence[str]]  # from code, or from the data
Caption = Callable[[Dataset, object], str]


@dataclass(frozen=True)
class Notice:
    """What became of a value from a link that could not be shown as it was."""

    name: str
    given: str
    shown: str | None = None  # None: dropped; else what is shown instead

    def message(self) -> str:
        """The notice for people; the value given is quoted as text, never markup."""
        if self.shown is None:
            return t("url.dropped", name=self.name, value=quote(self.given))
        return t("url.adjusted", name=self.name, value=quote(self.given), shown=self.shown)


@dataclass(frozen=True)
class Option:
    """One option of a view. `kind` is how its text is read: a `choice` among `values`, a
    `flag` (1/0), or a date `window` inside `bounds`."""

    name: str
    label: str  # message key
    kind: str = "choice"  # choice | flag | window
    widget: str = "segmented"  # segmented | select | toggle | slider
    keyword: str | None = None  # the figure builders' keyword; None when only the page uses it
    values: Values | None = None
    default: object = None
    caption: Caption | None = None  # a value for people
    help: str | None = None  # message key
    bounds: Callable[[Dataset], tuple[date, date]] | None = None
    required: bool = False  # a select that always shows a value: the first allowed by default
    placeholder: str | None = None  # message key: what an empty select says

    def allowed(self, dataset: Dataset) -> tuple[str, ...]:
        return _values(self.values, dataset)

    def default_for(self, dataset: Dataset) -> object:
        if self.required and self.default is None:
            return next(iter(self.allowed(dataset)), None)
        if self.kind == "window":
            return timeline.clamp_window(self.default, self.bounds(dataset)) or self.default
        return self.default

    def show(self, dataset: Dataset, value: object) -> str:
        """A value as the widget names it."""
        if self.caption is not None:
            return self.caption(dataset, value)
        return str(value)

    def read(self, given: Sequence[str], dataset: Dataset) -> tuple[object, list[Notice]]:
        """The value to show for the texts a link gives (repeated keys: the first that reads),
        and a notice for each text not shown as it was."""
        notices, value = [], None
        for raw in given:
            parsed, notice = (None, None) if value is not None else self._read_one(raw, dataset)
            if parsed is not None:
                value = parsed
            if notice is not None or parsed is None:
                notices.append(notice or Notice(self.name, raw))
        return (self.default_for(dataset) if value is None else value), notices

    def _read_one(self, raw: str, dataset: Dataset) -> tuple[object, Notice | None]:
        if self.kind == "flag":
            return {"1": True, "true": True, "0": False, "false": False}.get(raw.lower()), None
        if self.kind == "window":
            return self._read_window(raw, dataset)
        return (raw if raw in self.allowed(dataset) else None), None

    def _read_window(self, raw: str, dataset: Dataset) -> tuple[object, Notice | None]:
        given = timeline.parse_window(raw)
        if given is None:
            return None, None
        shown = timeline.clamp_window(given, self.bounds(dataset))
        if shown is None:
            return None, None
        if shown != given:
            return shown, Notice(self.name, raw, " – ".join(map(formatting.format_date, shown)))
        return shown, None

    def write(self, value: object) -> str | None:
        """The URL text for `value` (None for the default: left out of links)."""
        if value is None or value == self.default:
            return None
        if self.kind == "flag":
            return "1" if value else "0"
        if self.kind == "window":
            return timeline.format_window(value)
        return str(value)

    def describe(self, dataset: Dataset | None = None) -> str:
        """One line of help: the label and what may be given (the data's bounds if known)."""
        if self.kind == "flag":
            allowed = "1 or 0"
        elif self.kind == "window":
            allowed = "START,END as YYYY-MM-DD"
            if dataset is not None:
                first, last = self.bounds(dataset)
                allowed += f", within {first.isoformat()}..{last.isoformat()}"
        elif callable(self.values):
            allowed = _VALUE_HINTS[self.name]
        else:
            allowed = ", ".join(self.values)
        return f"{t(self.label)}: {allowed}"


def _values(values: Values | None, dataset: Dataset) -> tuple[str, ...]:
    if values is None:
        return ()
    return tuple(values(dataset) if callable(values) else values)


def _messages(prefix: str) -> Caption:
    return lambda dataset, value: t(f"{prefix}.{value}")


def _country(dataset: Dataset, iso3: object) -> str:
    return query.country_names(dataset).get(str(iso3), str(iso3))


def _site_name(dataset: Dataset, site_id: object) -> str:
    return query.site_names(dataset).get(str(site_id), str(site_id))


def _releases(dataset: Dataset) -> tuple[str, ...]:
    """The releases kept beside the data in use, newest first (the default)."""
    return tuple(reversed(changes.releases(data_dir())))


def _release_date(dataset: Dataset, release: object) -> str:
    return formatting.format_date(release)


_VALUE_HINTS = {"country": "an ISO3 code of a country hosting a site",
                "since": "a release: a folder name in data/releases (its as-of date)",
                "region": "an ISO3 code of a country hosting a site",
                "sector": "a sector id, e.g. S01", "id": "a site id"}

METRIC = Option("metric", "metric.label", keyword="metric", default=DEFAULT_METRIC,
                values=tuple(m.key for m in METRICS), caption=_messages("metric"))
SUPERCOMPUTERS = Option("supercomputers", "map.show_supercomputers", "flag", "toggle",
                        keyword="supercomputers", default=True,
                        help="map.show_supercomputers_help")
TIMELINE_SUPERCOMPUTERS = Option("supercomputer_rows", "timeline.show_supercomputers", "flag",
                                 "toggle", keyword="supercomputers", default=False,
                                 help="timeline.show_supercomputers_help")
LINKS = Option("links", "map.show_links", "flag", "toggle", keyword="links", default=False,
               help="map.show_links_help")
COUNTRY = Option("country", "map.country", widget="select",
                 values=query.host_countries, caption=_country, placeholder="map.pick_country")
GROUP = Option("group", "timeline.group_by", keyword="grouping",
               default=timeline.DEFAULT_GROUPING, values=timeline.GROUPINGS,
               caption=_messages("grouping"))
SORT = Option("sort", "timeline.sort_by", keyword="sort", default=timeline.DEFAULT_SORT,
              values=timeline.SORTS, caption=_messages("sort"))
WINDOW = Option("window", "timeline.window", "window", "slider", keyword="window",
                default=timeline.DEFAULT_WINDOW, bounds=timeline.window_bounds)
ROWS = Option("rows", "sectors.rows", keyword="rows", default=coverage.DEFAULT_ROWS,
              values=coverage.ROW_MODES, caption=_messages("rows"))
ORDER = Option("order", "sectors.order", keyword="order", default=coverage.DEFAULT_ORDER,
               values=coverage.ORDERS, caption=_messages("order"))
REGION = Option("region", "sectors.region", widget="select", keyword="region",
                values=query.host_countries, caption=_country, placeholder="sectors.region_all")
SECTOR = Option("sector", "sectors.pick", widget="select",
                values=lambda d: tuple(d.sector_taxonomy["id"]),
                caption=lambda d, s: query.sector_names(d).get(str(s), str(s)),
                placeholder="sectors.pick_placeholder")
BY = Option("by", "budgets.group_by", keyword="grouping", default=money.DEFAULT_GROUPING,
            values=money.GROUPINGS, caption=_messages("group"))
CLAIMS = Option("claims", "budgets.all_claims", "flag", "toggle", keyword="all_claims",
                default=False, help="budgets.all_claims_help")
SINCE = Option("since", "changes.since", widget="select", keyword="since", values=_releases,
               caption=_release_date, required=True)
WORDING = Option("wording", "changes.wording", "flag", "toggle", keyword="wording",
                 default=False, help="changes.wording_help")
SITE = Option("id", "site.pick", widget="select", keyword="id", values=query.site_order,
              caption=_site_name, required=True)


@dataclass(frozen=True)
class Filter:
    """A shared filter (every view): a `Selection` field, its URL name, label and values."""

    name: str
    label: str  # message key
    values: Values
    caption: Caption
    help: str | None = None  # message key

    def allowed(self, dataset: Dataset) -> tuple[str, ...]:
        return _values(self.values, dataset)

    def describe(self) -> str:
        return f"{t(self.label)} ({_FILTER_HINTS[self.name]}; comma-separated)"


_FILTER_HINTS = {"kinds": ", ".join(SITE_KINDS), "waves": "e.g. 1,3",
                 "countries": "ISO3 codes, e.g. ROU,ESP", "sectors": "sector ids, e.g. S01,S04"}

FILTERS: tuple[Filter, ...] = (
    Filter("kinds", "filters.kind",
           lambda d: tuple(k for k in SITE_KINDS if k in set(query.sites(d)["kind"])),
           lambda d, k: kind_label(str(k))),
    Filter("waves", "filters.wave", query.waves, lambda d, w: t("wave.label", wave=w),
           "filters.wave_help"),
    Filter("countries", "filters.country", query.host_countries, _country),
    Filter("sectors", "filters.sector", lambda d: tuple(d.sector_taxonomy["id"]),
           lambda d, s: query.sector_names(d).get(str(s), str(s)), "filters.sector_help"),
)

#: Parameters every view understands besides the filters and its own options.
GLOBAL_PARAMS = ("present",)


def read_selection(params: Mapping[str, Sequence[str]],
                   dataset: Dataset) -> tuple[Selection, list[Notice]]:
    """The filters a link gives: comma-separated, repeated keys merged, unknown values dropped
    (each with a notice)."""
    chosen, notices = {}, []
    for spec in FILTERS:
        items = [item.strip() for raw in params.get(spec.name, ()) for item in raw.split(",")]
        allowed = set(spec.allowed(dataset))
        kept = _unique(item for item in items if item in allowed)
        notices += [Notice(spec.name, item) for item in _unique(items)
                    if item and item not in allowed]
        chosen[spec.name] = kept
    return Selection(**chosen), notices


def write_selection(selection: Selection) -> dict[str, str]:
    """The URL parameters of a selection (filters not set are left out)."""
    return {spec.name: ",".join(getattr(selection, spec.name)) for spec in FILTERS
            if getattr(selection, spec.name)}


def read_options(options: Iterable[Option], params: Mapping[str, Sequence[str]],
                 dataset: Dataset) -> tuple[dict[str, object], list[Notice]]:
    """The value of each option (from the link, else its default) and the notices."""
    values, notices = {}, []
    for option in options:
        values[option.name], found = option.read(params.get(option.name, ()), dataset)
        notices += found
    return values, notices


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
