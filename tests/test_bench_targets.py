"""`make bench` says which targets hold and which reruns got slower than before."""

from __future__ import annotations

from bench.targets import failures, rerun_lines, target_lines


def _results(map_ms: float, map_json: int) -> dict:
    return {"1x": {"page_warm_rerun_ms": {"map": map_ms},
                   "page_filter_change_ms": {"map": map_ms * 2},
                   "figure_json_bytes": {"map.map_figure": map_json}},
            "100x": {"page_warm_rerun_ms": {}, "page_filter_change_ms": {}}}


def test_a_figure_over_its_target_is_missed_and_an_absent_one_not_measured():
    lines = {line.split()[0]: line for line in target_lines(_results(200, 100))}
    assert lines["map_warm_1x"].endswith("MISSED")
    assert lines["map_figure_json"].endswith("holds")
    assert lines["pack"].endswith("not measured")


def test_a_rerun_more_than_ten_percent_slower_than_before_is_flagged():
    before = _results(100, 100)
    assert all(line.endswith("holds") for line in rerun_lines(_results(109, 100), before))
    slower = [line for line in rerun_lines(_results(111, 100), before) if "SLOWER" in line]
    assert len(slower) == 2 and "+11 %" in slower[0]
    assert failures(_results(111, 100), before) == slower


def test_nothing_to_compare_with_on_a_first_run():
    assert list(rerun_lines(_results(100, 100), {})) == []
