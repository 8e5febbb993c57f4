"""The maintainers' worklist: where the next refresh of the data starts. Rows not checked
against their sources for six months, planned milestones whose date has passed with no report,
figures still unknown, and claims that rest on a single source, each with the row it is about
and its sources."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd

from aimap import frames, money, query, schema
from aimap.load import Dataset

#: The kinds of work, in the order a maintainer takes them.
REASONS = ("not_verified", "overdue", "unknown", "single_source")
#: A row last checked longer ago than this is due for another check.
VERIFY_EVERY = pd.DateOffset(months=6)
COLUMNS = ("reason", "table", "id", "subject", "detail", "sources")
#: The site figures an official expects to find (an empty one is a gap to fill).
SITE_FIGURES = {"factories": ("host", "city", "lat", "system", "performance", "gpus"),
                "antennas": ("coordinator", "city", "lat", "partner_count", "linked_factories")}


@lru_cache(maxsize=4)
def worklist(dataset: Dataset, today: date) -> pd.DataFrame:
    """Every item of work on `dataset` on `today`, one row each (COLUMNS), in REASONS order;
    memoised (the Data page reruns on every widget). Callers must not modify it in place."""
    found = [*_not_verified(dataset, today), *_overdue(dataset, today), *_unknown(dataset),
             *_single_source(dataset)]
    return frames.in_order(pd.DataFrame(found, columns=list(COLUMNS)), "reason", REASONS,
                           ["table", "id", "detail"])


@lru_cache(maxsize=4)
def last_verified(dataset: Dataset) -> dict[tuple[str, str], pd.Timestamp]:
    """The day each checked row was last checked, by (table, row key); memoised (every rerun
    of a site's page asks). Callers must not modify it."""
    checks = dataset.verifications.groupby(["table", "row"])["verified_on"].max()
    return checks.to_dict()


def _not_verified(dataset: Dataset, today: date) -> list[tuple]:
    """Rows never checked, or last checked more than VERIFY_EVERY before `today`; the detail
    is the day of the last check (empty: never)."""
    last = last_verified(dataset)
    due = pd.Timestamp(today) - VERIFY_EVERY
    found = []
    for name in schema.VERIFIED_TABLES:
        table = schema.TABLES_BY_NAME[name]
        for row in getattr(dataset, name).to_dict("records"):
            key = schema.row_key(table, row)
            checked = last.get((name, key))
            if checked is None or checked < due:
                found.append(("not_verified", name, key, row.get("subject") or key,
                              "" if checked is None else checked.date().isoformat(),
                              row.get("sources") or ()))
    return found


def _overdue(dataset: Dataset, today: date) -> list[tuple]:
    """Planned milestones whose last day has passed: done, slipped or refuted, a source must
    say which."""
    steps = dataset.milestones
    late = steps[(steps["status"] == "planned") & (steps["end"] < pd.Timestamp(today))]
    return [("overdue", "milestones", row.id, row.subject, row.label, row.sources)
            for row in late.itertuples()]


def _unknown(dataset: Dataset) -> list[tuple]:
    """Empty site figures, and budget sites with no published budget."""
    found = []
    for table, fields in SITE_FIGURES.items():
        frame = getattr(dataset, table)
        for field in fields:
            for row in frame[frame[field].isna() | frame[field].map(_empty_list)].itertuples():
                found.append(("unknown", table, row.id, row.id, field, row.sources))
    for row in money.unknown(dataset, query.sites(dataset)).itertuples():
        found.append(("unknown", "budgets", row.id, row.id, "amount_eur", row.sources))
    return found


def _empty_list(value: object) -> bool:
    return isinstance(value, tuple) and not value


def _single_source(dataset: Dataset) -> list[tuple]:
    """Budget claims, milestones and field claims that cite one source only."""
    return [("single_source", table, row.id, row.subject,
             row.field if table == "claims" else row.label, row.sources)
            for table in ("budgets", "milestones", "claims")
            for row in getattr(dataset, table).itertuples() if len(row.sources) == 1]


def counts(items: pd.DataFrame) -> dict[str, int]:
    """How many items of each reason (every reason, zero included)."""
    return frames.counted(items, "reason", REASONS)
