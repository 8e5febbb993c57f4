"""Lists of items of a few kinds (what changed, the worklist): sorted kind by kind in the
order a reader meets them, and counted per kind."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def in_order(frame: pd.DataFrame, column: str, order: Sequence[str],
             then: list[str]) -> pd.DataFrame:
    """`frame` sorted by `column` in `order` (not alphabetically), then by `then`."""
    rank = frame[column].map({value: i for i, value in enumerate(order)})
    return frame.assign(_rank=rank).sort_values(["_rank", *then], kind="stable") \
        .drop(columns="_rank").reset_index(drop=True)


def counted(frame: pd.DataFrame, column: str, order: Sequence[str]) -> dict[str, int]:
    """How many rows hold each value of `order` in `column` (every value, zero included)."""
    found = frame[column].value_counts()
    return {value: int(found.get(value, 0)) for value in order}
