"""The only module that touches kaleido: a figure builder's figure -> PNG bytes of an exact
preset size, and briefing packs. One persistent Chromium, guarded by a lock (kaleido's server
is not thread-safe); base maps from our own files; no MathJax."""

from __future__ import annotations

import atexit
import inspect
import io
import logging
import os
import queue
import shutil
import tempfile
import threading
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from PIL import Image

from aimap import details, formatting, query, text
from aimap.figures.common import Frame, at_height
from aimap.figures.headline import summary_figure
from aimap.load import ROOT, Dataset
from aimap.selection import Selection
from aimap.views import BRIEFING, FigureBuilder, figure_name

TOPOJSON = ROOT / "static" / "topojson"
INSTALL_HINT = "apt-get install chromium"
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preset:
    """A PNG size in pixels, the scale that makes it crisp, and the smallest title and label
    in its pixels (none but a slide's need more than the figures' own)."""

    key: str
    width: int
    height: int
    scale: float
    title_px: float = 0
    label_px: float = 0


PRESETS = {p.key: p for p in (
    Preset("slide", 1920, 1080, 2.0, title_px=36, label_px=20),  # 16:9, read across a room
    Preset("a4_landscape", 3508, 2480, 2.0),   # about 300 dpi
    Preset("a4_portrait", 2480, 3508, 2.0),
    Preset("square", 1080, 1080, 2.0),
)}
DEFAULT_PRESET = "slide"
#: Below this, text would shrink too much; tall charts then fill a taller logical page.
_MIN_SCALE = 0.6


class ExportUnavailable(RuntimeError):
    """PNG export cannot run here (no Chromium); the message says how to fix it."""


def chromium() -> str | None:
    """The browser kaleido will use: $BROWSER_PATH if set (it must exist), else Chromium on
    the PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> bool:
    """True when PNG export can run on this machine."""
    return chromium() is not None


_lock = threading.Lock()
_server: dict[str, bool] = {}


def _start() -> None:
    """Start kaleido's Chromium once, offline: local base maps, no MathJax."""
    if _server.get("started"):
        return
    if not available():
        raise ExportUnavailable(text.t("export.no_chromium", command=INSTALL_HINT))
    import kaleido

    pio.defaults.topojson = TOPOJSON.as_uri() + "/"
    pio.defaults.mathjax = None
    profile = tempfile.mkdtemp(prefix=f"aimap-kaleido-{os.getpid()}-")
    if not _server.get("hooked"):
        threading.excepthook = _quiet_browser_thread()
        _server["hooked"] = True
    kaleido.start_sync_server(mathjax=False, silence_warnings=True, tmp_dir=profile)
    atexit.register(_stop, profile)
    _server["started"] = True


def _quiet_browser_thread(hook=threading.excepthook):
    """A threading.excepthook that logs the end of kaleido's browser thread (reported to the
    user as ExportUnavailable) instead of printing its traceback; others go to `hook`."""
    import kaleido

    def excepthook(args: threading.ExceptHookArgs) -> None:
        if args.thread is getattr(kaleido._global_server, "_thread", None):
            _LOG.info("kaleido's Chromium stopped: %s", args.exc_value)
        else:
            hook(args)
    return excepthook


def _stop(profile: str) -> None:
    """Close Chromium before its profile is removed: left to interpreter exit, the profile's
    removal raced the still-running browser ('Directory not empty: Default')."""
    import kaleido

    kaleido.stop_sync_server(silence_warnings=True)
    shutil.rmtree(profile, ignore_errors=True)


def logical_size(natural_height: float, preset: Preset) -> tuple[int, int, float]:
    """Layout width and height and the scale that turn a figure into exactly the preset's
    pixels: the preset's scale, lowered when the figure needs more height than that gives."""
    scale = max(min(preset.scale, preset.height / max(natural_height, 1)), _MIN_SCALE)
    width, height = round(preset.width / scale), round(preset.height / scale)
    return width, height, preset.width / width


def _exact(png: bytes, preset: Preset) -> bytes:
    """Pad or crop the rounding pixel or two so the PNG has exactly the preset's size."""
    image = Image.open(io.BytesIO(png))
    if image.size == (preset.width, preset.height):
        return png
    canvas = Image.new("RGB", (preset.width, preset.height), "white")
    canvas.paste(image.convert("RGB"), (0, 0))
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()


def _browser_alive() -> bool:
    """False once kaleido's browser thread has ended: Chromium closed at start (a broken
    install, a too-long TMPDIR for its socket) and no drawing will ever be answered."""
    import kaleido

    thread = getattr(kaleido._global_server, "_thread", None)  # no public way to ask
    return thread is None or thread.is_alive()


def _watched(draw):
    """draw() on a helper thread, given up with ExportUnavailable when the browser dies:
    kaleido would otherwise wait for its answer for ever, and hold the lock."""
    outcome: queue.Queue = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            outcome.put((True, draw()))
        except Exception as error:  # handed to the caller below
            outcome.put((False, error))
    threading.Thread(target=run, daemon=True).start()
    while True:
        try:
            done, value = outcome.get(timeout=0.5)
        except queue.Empty:
            if _browser_alive():
                continue
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _server["started"] = False  # the next export starts a new browser
            raise ExportUnavailable(text.t("export.browser_failed", browser=chromium(),
                                           command=INSTALL_HINT)) from None
        if done:
            return value
        raise value


def render(figure: go.Figure, width: int, height: int, scale: float) -> bytes:
    """One figure as PNG bytes, through the shared Chromium."""
    def draw() -> bytes:
        with warnings.catch_warnings():  # plotly warns that a running server ignores kopts
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return pio.to_image(figure, format="png", width=width, height=height, scale=scale)
    with _lock:
        _start()
        try:
            return _watched(draw)
        except ExportUnavailable:
            raise
        except Exception as error:  # kaleido reports a missing or broken browser variously
            if not available():
                raise ExportUnavailable(text.t("export.no_chromium",
                                               command=INSTALL_HINT)) from error
            raise


def png(builder: FigureBuilder, dataset: Dataset, selection: Selection,
        preset: str = DEFAULT_PRESET, **options: object) -> bytes:
    """The PNG of a view's figure: the same builder as on screen, laid out for the preset."""
    figure, width, height, scale = laid_out(builder, dataset, selection, preset, **options)
    return _exact(render(figure, width, height, scale), PRESETS[preset])


def laid_out(builder: FigureBuilder, dataset: Dataset, selection: Selection,
             preset: str = DEFAULT_PRESET, **options: object) -> tuple[go.Figure, int, int, float]:
    """A view's figure laid out for the preset, with the layout width, height and scale it is
    rendered at (what `png` draws, for tests that measure it). A builder taking `frame` is
    told the page (a Frame) to fit its rows and type into."""
    size = PRESETS[preset]
    figure = builder(dataset, selection, **options)
    width, height, scale = logical_size(figure.layout.height or size.height, size)
    if "frame" in inspect.signature(builder).parameters:
        frame = Frame(width, height, scale, size.title_px, size.label_px)
        figure = builder(dataset, selection, **options, frame=frame)
    return at_height(figure, height), width, height, scale


def briefing_files(dataset: Dataset, selection: Selection, preset: str = DEFAULT_PRESET,
                   today: date | None = None) -> dict[str, bytes]:
    """A one-page summary, a PNG of every view's figures under `selection`, SOURCES.txt."""
    files = {"00-summary.png": png(summary_figure, dataset, selection, preset,
                                   today=today or date.today())}
    number = 1
    for view in BRIEFING:
        defaults = {option.name: option.default_for(dataset) for option in view.options}
        for builder in view.figures:
            files[f"{number:02d}-{view.key}-{figure_name(builder)}.png"] = \
                png(builder, dataset, selection, preset, **view.keywords(builder, defaults))
            number += 1
    shown = query.shown(dataset, selection)
    header = text.t("export.sources_header", date=formatting.format_date(dataset.as_of),
                    filters=formatting.describe_selection(selection, query.country_names(dataset),
                                                    query.sector_names(dataset)))
    files["SOURCES.txt"] = (header + "\n\n" + details.sources_text(
        details.sources_used(dataset, shown))).encode("utf-8")
    return files


def zipped(files: dict[str, bytes]) -> bytes:
    """A ZIP of named files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()
