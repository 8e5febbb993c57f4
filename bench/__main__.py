"""Measure speed and size: cold load+validate, warm page reruns (AppTest), figure JSON sizes,
at 1x and on a synthetic dataset 100x larger. Writes bench/results.json and prints it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from aimap.load import GEO_FILE, load_dataset
from aimap.selection import Selection
from aimap.views import VIEWS
from bench.browser import browser_timings
from bench.export import export_timings
from bench.synthetic import write_synthetic
from bench.targets import TARGETS, failures, rerun_lines, target_lines

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
COLD_RUNS = 5
WARM_RUNS = 15

_COLD_SNIPPET = """
import sys, time
from pathlib import Path
from aimap.load import load_dataset, GEO_FILE
start = time.perf_counter()
load_dataset(Path(sys.argv[1]), GEO_FILE)
print((time.perf_counter() - start) * 1000)
"""


def cold_load_ms(folder: Path) -> float:
    """Median time of load+validate in fresh processes (imports excluded, nothing cached)."""
    runs = [float(subprocess.run([sys.executable, "-c", _COLD_SNIPPET, str(folder)], cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout)
            for _ in range(COLD_RUNS)]
    return round(statistics.median(runs), 1)


def warm_page_ms(page: str) -> float:
    """Median time of a rerun of `page` once the dataset is cached (what a click costs)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page(page).run()
    times = []
    for _ in range(WARM_RUNS):
        start = time.perf_counter()
        app.run()
        times.append((time.perf_counter() - start) * 1000)
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].value}")
    return round(statistics.median(times), 1)


def filter_change_ms(page: str, countries: list[str]) -> float:
    """Median time of a rerun after choosing a country never chosen before (nothing memoised)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    if page != VIEWS[0].page:
        app.switch_page(page).run()
    widget = app.multiselect(key="filter.countries")
    times = []
    for country in countries:
        widget.set_value([country])
        start = time.perf_counter()
        app.run()
        times.append((time.perf_counter() - start) * 1000)
        widget = app.multiselect(key="filter.countries")
    return round(statistics.median(times), 1)


def figure_sizes(folder: Path) -> dict[str, int]:
    """Bytes of each view's figure JSON (what the browser downloads) with no filter."""
    dataset = load_dataset(folder, GEO_FILE)
    return {f"{view.key}.{builder.__name__}": len(builder(dataset, Selection()).to_json())
            for view in VIEWS for builder in view.figures}


def measure(folder: Path) -> dict:
    """Every in-process measure against the data in `folder`."""
    os.environ["AIMAP_DATA_DIR"] = str(folder)
    try:
        return _measure(folder)
    finally:
        del os.environ["AIMAP_DATA_DIR"]


def _measure(folder: Path) -> dict:
    countries = sorted(set(load_dataset(folder, GEO_FILE).factories["country"]))[:WARM_RUNS]
    return {
        "load_validate_cold_ms": cold_load_ms(folder),
        "page_warm_rerun_ms": {view.key: warm_page_ms(view.page) for view in VIEWS},
        "page_filter_change_ms": {view.key: filter_change_ms(view.page, countries)
                                  for view in VIEWS if view.figures and view.filtered},
        "figure_json_bytes": figure_sizes(folder),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        big = write_synthetic(Path(scratch) / "data_100x", 100)
        results = {
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
            "targets": {name: limit for name, (_, limit, _) in TARGETS.items()},
            "1x": measure(ROOT / "data"),
            "100x": measure(big),
            "browser": browser_timings(),
            "export": export_timings(),
        }
    before = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if "soak" in before:  # measured by `make soak`, which runs separately
        results["soak"] = before["soak"]
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print("Targets:", *target_lines(results), sep="\n  ")
    print(f"Page reruns against the results of {before.get('measured_at', 'no earlier run')}:",
          *rerun_lines(results, before), sep="\n  ")
    missed = failures(results, before)
    print(f"{len(missed)} did not hold." if missed else "Every target and rerun holds.")


if __name__ == "__main__":
    main()
