"""Items of a few kinds, sorted kind by kind in a reader's order and counted per kind."""

import pandas as pd

from aimap import frames

ITEMS = pd.DataFrame({"kind": ["b", "a", "c", "a"], "id": ["2", "9", "1", "3"]})


def test_in_order_sorts_by_the_given_order_then_the_other_columns():
    ordered = frames.in_order(ITEMS, "kind", ("c", "a", "b"), ["id"])
    assert list(zip(ordered["kind"], ordered["id"])) == [("c", "1"), ("a", "3"), ("a", "9"),
                                                         ("b", "2")]
    assert list(ordered.columns) == ["kind", "id"] and list(ordered.index) == [0, 1, 2, 3]


def test_counted_names_every_kind_zero_included():
    assert frames.counted(ITEMS, "kind", ("a", "b", "z")) == {"a": 2, "b": 1, "z": 0}
