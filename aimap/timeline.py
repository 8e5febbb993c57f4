"""The timeline's data: which rows, in which order and groups, which bars, which programme
markers, what is coming next. Pure pandas; the figure is drawn by figures/timeline.py."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from aimap import formatting, query, schema, text
from aimap.load import Dataset
from aimap.selection import SITE_KINDS

GROUPINGS = ("wave", "country", "kind")
SORTS = ("selection", "country", "next")
DEFAULT_GROUPING, DEFAULT_SORT = "wave", "selection"
DEFAULT_WINDOW = (date(2024, 9, 1), date(2027, 6, 30))
#: The narrowest window drawn: a day or two leaves an empty chart.
MIN_WINDOW_DAYS = 30

#: Phases drawn in one colour each, in the order a site goes through them.
PHASE_GROUPS = {
    "call": "setup", "selection": "setup", "agreement": "setup", "kickoff": "setup",
    "procurement": "procurement", "contract": "procurement",
    "construction": "build", "installation": "build",
    "launch": "services", "services": "services",
    "operational": "operational",
    "project_end": "end", "policy": "setup",  # a decision or announcement starts things
}
PHASE_GROUP_ORDER = ("setup", "procurement", "build", "services", "operational", "end")

MARKER_PHASES = ("selection", "installation", "services")


def parse_window(value: str) -> tuple[date, date] | None:
    """'2024-09-01,2027-06-30' -> the two dates as given (maybe reversed); None if malformed."""
    parts = value.split(",")
    if len(parts) != 2:
        return None
    try:
        first, last = (date.fromisoformat(part.strip()) for part in parts)
    except ValueError:
        return None
    return first, last


def clamp_window(window: tuple[date, date],
                 bounds: tuple[date, date]) -> tuple[date, date] | None:
    """`window` in order, inside `bounds` and at least MIN_WINDOW_DAYS long; None when nothing
    of it is left."""
    first, last = sorted(window)
    first, last = max(first, bounds[0]), min(last, bounds[1])
    return widen((first, last), bounds) if first <= last else None


def widen(window: tuple[date, date],
          bounds: tuple[date, date] | None = None) -> tuple[date, date]:
    """`window` in order and stretched to MIN_WINDOW_DAYS (later first, earlier when `bounds`
    stop it)."""
    first, last = sorted(window)
    span = timedelta(days=MIN_WINDOW_DAYS)
    if last - first >= span:
        return first, last
    last = first + span
    if bounds is not None and last > bounds[1]:
        last = bounds[1]
        first = max(last - span, bounds[0])
    return first, last


def window_bounds(dataset: Dataset) -> tuple[date, date]:
    """The widest window offered: whole years around every milestone and the default window
    (the data decides, so a milestone in 2031 extends the slider)."""
    steps = dataset.milestones
    first, last = DEFAULT_WINDOW
    if not steps.empty:
        first = min(first, steps["start"].min().date())
        last = max(last, steps["end"].max().date())
    return date(first.year, 1, 1), date(last.year, 12, 31)


def format_window(window: tuple[date, date]) -> str:
    """The URL form of a window, read back by `parse_window`."""
    return f"{window[0].isoformat()},{window[1].isoformat()}"


#: Sites with no selection wave, grouped by kind where the kind has its own group.
_KIND_GROUPS = {"antenna": "timeline.group.antennas",
                "ai_supercomputer": "timeline.group.supercomputers"}


def _group_label(site: pd.Series, grouping: str, names: dict[str, str]) -> str:
    if grouping == "country":
        return names.get(site["country"], site["country"])
    if grouping == "kind":
        return text.kind_label(site["kind"])
    if not formatting.is_missing(site["wave"]):
        return text.t("wave.label", wave=site["wave"])
    return text.t(_KIND_GROUPS.get(site["kind"], "timeline.group.other"))


def site_steps(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """The milestones of the shown sites, with their phase group."""
    steps = dataset.milestones[dataset.milestones["subject"].isin(shown["id"])]
    return steps.assign(phase_group=steps["phase"].map(PHASE_GROUPS))


def rows(dataset: Dataset, shown: pd.DataFrame, grouping: str, sort: str,
         today: date) -> pd.DataFrame:
    """One row per shown site that has a milestone: id, name, chart label, group, in display
    order."""
    steps = site_steps(dataset, shown)
    names = query.country_names(dataset)
    placed = shown[shown["id"].isin(steps["subject"])].copy()
    placed["group"] = [_group_label(site, grouping, names) for _, site in placed.iterrows()]
    upcoming = steps[steps["end"] >= pd.Timestamp(today)].groupby("subject")["start"].min()
    placed["next"] = pd.to_datetime(placed["id"].map(upcoming.to_dict()))  # NaT: nothing next
    placed["country_name"] = placed["country"].map(names)
    placed["shown_as"] = placed["label"].str.casefold()  # the row's name as the chart reads
    keys = {"selection": ["selected_on", "shown_as"], "country": ["country_name", "shown_as"],
            "next": ["next", "shown_as"]}[sort]
    group_rank = _group_ranks(placed, grouping)
    placed["group_rank"] = placed["group"].map(group_rank)
    ordered = placed.sort_values(["group_rank", *keys], na_position="last")
    return ordered[["id", "name", "label", "group", "next"]].reset_index(drop=True)


def _group_ranks(placed: pd.DataFrame, grouping: str) -> dict[str, int]:
    """Groups in a natural order: waves in order, then Antennas, other sites and AI
    supercomputers last; kinds AI Factories first; countries alphabetically."""
    if grouping == "wave":
        first = placed.groupby("group")["selected_on"].min()
        last = text.t(_KIND_GROUPS["ai_supercomputer"])
        return {g: i for i, g in enumerate(sorted(
            first.index, key=lambda g: (g == last, pd.isna(first[g]), first[g] if
                                        pd.notna(first[g]) else pd.Timestamp(0), g)))}
    if grouping == "kind":
        return {text.kind_label(k): i for i, k in enumerate(SITE_KINDS)}
    return {g: i for i, g in enumerate(sorted(set(placed["group"])))}


def unplaced(dataset: Dataset, shown: pd.DataFrame) -> pd.DataFrame:
    """Shown sites with no known milestone (listed under the chart, never silently dropped)."""
    dated = _dated_subjects(dataset)
    return shown[[site not in dated for site in shown["id"]]]


@lru_cache(maxsize=4)
def _dated_subjects(dataset: Dataset) -> frozenset[str]:
    """Every subject with a milestone, memoised (each rerun asks for the shown sites)."""
    return frozenset(dataset.milestones["subject"])


def rivals(dataset: Dataset) -> pd.Series:
    """For each milestone id, the other claims about the same subject and phase (their ids)."""
    steps = dataset.milestones
    grouped = steps.groupby(["subject", "phase"])["id"].agg(list)
    keyed = steps.set_index(["subject", "phase"]).index
    return pd.Series([[i for i in grouped[key] if i != own] for key, own in
                      zip(keyed, steps["id"])], index=steps["id"])


def _markers(dataset: Dataset) -> set[str]:
    """Programme subjects whose steps mark the whole network: each wave, and the Antennas."""
    return {s for s in query.programme_subjects(dataset) if s not in ("programme", "gigafactories")}


def programme_markers(dataset: Dataset) -> pd.DataFrame:
    """Network-wide steps drawn across the chart: the selections and seed 003's phases."""
    steps = dataset.milestones
    return steps[steps["subject"].isin(_markers(dataset))
                 & steps["phase"].isin(MARKER_PHASES)].sort_values("start").reset_index(drop=True)


def scope_rows(shown: pd.DataFrame, subject: str) -> pd.Series:
    """The ids of the shown sites a programme subject's claim is about: a wave's sites, the
    Antennas, or every site for the programme itself."""
    if subject.startswith(schema.WAVE_SUBJECT.format(wave="")):
        wave = subject.removeprefix(schema.WAVE_SUBJECT.format(wave=""))
        return shown.loc[shown["wave"].astype("string") == wave, "id"]
    if subject == "antennas-2025":
        return shown.loc[shown["kind"] == "antenna", "id"]
    return shown["id"]


def is_stale(dataset: Dataset, today: date, days: int = 90) -> bool:
    """True when `today` is more than `days` past the data's as-of date: a list 'from today'
    then rests on old data."""
    return pd.Timestamp(today) - dataset.as_of > pd.Timedelta(days=days)


def coming_up(dataset: Dataset, shown: pd.DataFrame, today: date,
              days: int = 90) -> pd.DataFrame:
    """Planned milestones of shown sites and of the programme whose dates fall within the next
    `days` days (a range counts when it overlaps that window)."""
    start, end = pd.Timestamp(today), pd.Timestamp(today + timedelta(days=days))
    steps = dataset.milestones
    steps = steps[(steps["status"] == "planned") & (steps["start"] <= end)
                  & (steps["end"] >= start)]  # the few in the window first: fast on large data
    subjects = set(shown["id"]) | set(query.programme_subjects(dataset))
    window = steps[steps["subject"].isin(subjects)]
    return window.sort_values(["start", "end"]).reset_index(drop=True)
