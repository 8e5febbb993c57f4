"""The filter selection and its URL codec."""

import pytest

from aimap.selection import Selection


@pytest.mark.parametrize("selection, query", [
    (Selection(), {}),
    (Selection(waves=("3",)), {"waves": "3"}),
    (Selection(kinds=("antenna", "eurohpc_ai_factory"), countries=("ROU",)),
     {"kinds": "antenna,eurohpc_ai_factory", "countries": "ROU"}),
    (Selection(sectors=("S01", "S04")), {"sectors": "S01,S04"}),
])
def test_round_trip(selection, query):
    assert selection.to_query() == query
    assert Selection.from_query(query) == selection


@pytest.mark.parametrize("query, expected", [
    ({"waves": "3,9,x"}, Selection(waves=("3",))),
    ({"kinds": "antenna,<script>"}, Selection(kinds=("antenna",))),
    ({"waves": " 1 , 1 ,2"}, Selection(waves=("1", "2"))),
    ({"countries": ["ROU", "ESP,ROU"]}, Selection(countries=("ROU", "ESP"))),
    ({"country": "ROU", "metric": "budget"}, Selection()),
    ({"waves": ""}, Selection()),
])
def test_from_query_drops_what_it_does_not_know(query, expected):
    assert Selection.from_query(query) == expected


def test_restricted_keeps_only_allowed_values_in_order():
    selection = Selection(countries=("ROU", "XXX", "ESP"))
    assert selection.restricted(countries={"ESP", "ROU"}).countries == ("ROU", "ESP")


def test_is_empty():
    assert Selection().is_empty
    assert not Selection(waves=("1",)).is_empty
