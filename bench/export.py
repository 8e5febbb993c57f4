"""PNG export timings: the first export (cold Chromium), a warm export, the whole briefing pack,
and the same figures through plain `fig.write_image` (a new Chromium per call) for contrast."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

_COLD = """
import time
from aimap import export
from aimap.figures.map import map_figure
from aimap.load import load_dataset
from aimap.selection import Selection
dataset = load_dataset()
start = time.perf_counter()
export.png(map_figure, dataset, Selection(), "slide")
print((time.perf_counter() - start) * 1000)
"""

_PLAIN = """
import json, tempfile, time
import plotly.io as pio
from aimap import export
from aimap.load import load_dataset
from aimap.selection import Selection
from aimap.views import VIEWS
pio.defaults.topojson = export.TOPOJSON.as_uri() + "/"
pio.defaults.mathjax = None
dataset = load_dataset()
times = {}
with tempfile.TemporaryDirectory() as folder:
    for view in VIEWS:
        for builder in view.figures:
            if view.key == "site":
                continue
            figure = builder(dataset, Selection())
            start = time.perf_counter()
            figure.write_image(f"{folder}/x.png", width=1280, height=720, scale=1.5)
            times[f"{view.key}.{builder.__name__}"] = (time.perf_counter() - start) * 1000
print(json.dumps(times))
"""


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]


def export_timings() -> dict:
    """Cold and warm single exports, the pack, and plain write_image per figure, in ms."""
    from aimap import export
    from aimap.figures.map import map_figure
    from aimap.load import load_dataset
    from aimap.selection import Selection

    cold = float(_python(_COLD))
    dataset = load_dataset()
    export.png(map_figure, dataset, Selection())
    warm = []
    for _ in range(RUNS):
        start = time.perf_counter()
        export.png(map_figure, dataset, Selection())
        warm.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    files = export.briefing_files(dataset, Selection())
    pack_ms = (time.perf_counter() - start) * 1000
    plain = json.loads(_python(_PLAIN))
    plain_total = sum(plain.values())
    figures = len([name for name in files if name.endswith(".png")]) - 1  # without the summary
    return {
        "first_export_cold_ms": round(cold, 1),
        "warm_export_map_slide_ms": round(statistics.median(warm), 1),
        "pack_ms": round(pack_ms, 1),
        "pack_files": len(files),
        "plain_write_image_ms": {k: round(v, 1) for k, v in plain.items()},
        "plain_write_image_per_figure_median_ms": round(statistics.median(plain.values()), 1),
        "ratio_plain_to_warm_per_figure": round(statistics.median(plain.values())
                                                / statistics.median(warm), 1),
        "ratio_plain_total_to_pack": round(plain_total / pack_ms * (figures + 1) / figures, 2),
    }
