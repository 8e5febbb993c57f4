"""Each benchmark figure's target, and the checks `make bench` prints: which targets hold, and
which page reruns got more than 10 % slower than in the results measured before."""

from __future__ import annotations

from collections.abc import Iterator

#: figure -> (where it is in bench/results.json, the most it may be, unit)
TARGETS: dict[str, tuple[tuple[str, ...], float, str]] = {
    "load_validate_cold": (("1x", "load_validate_cold_ms"), 300, "ms"),
    "overview_warm_1x": (("1x", "page_warm_rerun_ms", "overview"), 100, "ms"),
    "overview_warm_100x": (("100x", "page_warm_rerun_ms", "overview"), 300, "ms"),
    "map_warm_1x": (("1x", "page_warm_rerun_ms", "map"), 150, "ms"),
    "timeline_warm_1x": (("1x", "page_warm_rerun_ms", "timeline"), 150, "ms"),
    "sectors_warm_1x": (("1x", "page_warm_rerun_ms", "sectors"), 150, "ms"),
    "budgets_warm_1x": (("1x", "page_warm_rerun_ms", "budgets"), 150, "ms"),
    "map_first_draw_browser": (("browser", "open_new_tab_ms", "map"), 2500, "ms"),
    "first_export_cold": (("export", "first_export_cold_ms"), 3000, "ms"),
    "warm_export_slide": (("export", "warm_export_map_slide_ms"), 500, "ms"),
    "pack": (("export", "pack_ms"), 5000, "ms"),
    "map_figure_json": (("1x", "figure_json_bytes", "map.map_figure"), 250_000, "bytes"),
    "timeline_figure_json": (("1x", "figure_json_bytes", "timeline.timeline_figure"), 150_000,
                             "bytes"),
}
#: A rerun may be this much slower than before (noise) before it counts as a regression.
RERUN_TOLERANCE = 1.10


def _at(results: dict, path: tuple[str, ...]) -> float | None:
    for step in path:
        if not isinstance(results, dict) or step not in results:
            return None
        results = results[step]
    return results


def target_lines(results: dict) -> Iterator[str]:
    """One line per target: measured, target, and whether it holds."""
    for name, (path, limit, unit) in TARGETS.items():
        value = _at(results, path)
        if value is None:
            yield f"{name:<24} {'-':>10} {unit:<5} ≤ {limit:<8} not measured"
        else:
            verdict = "holds" if value <= limit else "MISSED"
            yield f"{name:<24} {value:>10} {unit:<5} ≤ {limit:<8} {verdict}"


def rerun_lines(results: dict, before: dict) -> Iterator[str]:
    """One line per page rerun measured both times: before, now, and whether it held."""
    for scale in ("1x", "100x"):
        for measure in ("page_warm_rerun_ms", "page_filter_change_ms"):
            for page, now in _at(results, (scale, measure)).items():
                was = _at(before, (scale, measure, page))
                if was is None:
                    continue
                verdict = "holds" if now <= was * RERUN_TOLERANCE else "SLOWER"
                yield (f"{scale:<4} {measure:<22} {page:<9} {was:>8} ms → {now:>8} ms "
                       f"({(now / was - 1) * 100:+.0f} %) {verdict}")


def failures(results: dict, before: dict) -> list[str]:
    """The lines that did not hold."""
    return [line for line in (*target_lines(results), *rerun_lines(results, before))
            if line.endswith(("MISSED", "SLOWER"))]
