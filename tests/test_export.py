"""PNG export: exact sizes, real pictures (not blank), packs, the command line, and clean
failure without Chromium. Renders with Debian's Chromium through kaleido."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from apptest import run_page
from browser import ROOT, chromium_or_fail
from PIL import Image

from aimap import export, theme
from aimap.figures.map import map_figure
from aimap.figures.timeline import timeline_figure
from aimap.selection import Selection
from aimap.views import VIEWS


@pytest.fixture(scope="module", autouse=True)
def _needs_chromium():
    chromium_or_fail()


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.parametrize("natural, preset, expected", [
    (720, "slide", (1280, 720, 1.5)),
    (400, "slide", (960, 540, 2.0)),
    (1400, "slide", (2489, 1400, 1920 / 2489)),
    (900, "a4_portrait", (1240, 1754, 2.0)),
])
def test_logical_size_keeps_the_preset_pixels(natural, preset, expected):
    width, height, scale = export.logical_size(natural, export.PRESETS[preset])
    assert (width, height) == expected[:2]
    assert scale == pytest.approx(expected[2])
    assert round(width * scale) == export.PRESETS[preset].width


@pytest.mark.parametrize("preset", list(export.PRESETS))
def test_map_png_has_the_preset_size_and_draws_the_countries(dataset, preset):
    image = _image(export.png(map_figure, dataset, Selection(), preset, metric="sites"))
    size = export.PRESETS[preset]
    assert image.size == (size.width, size.height)
    small = image.resize((size.width // 8, size.height // 8))
    colours = {pixel for pixel in small.get_flattened_data()}
    assert len(colours) > 50
    hexes = {f"#{r:02x}{g:02x}{b:02x}" for r, g, b in colours}
    assert hexes & {c.lower() for c in theme.SEQUENTIAL_CLASSES}  # classed countries drawn
    assert theme.OCEAN.lower() in hexes                           # the base map too


def test_tall_timeline_still_fills_the_slide_exactly(dataset):
    image = _image(export.png(timeline_figure, dataset, Selection(), "slide",
                              today=date(2026, 11, 23)))
    assert image.size == (1920, 1080)
    white = sum(1 for p in image.resize((192, 108)).get_flattened_data() if p == (255, 255, 255))
    assert white < 0.9 * 192 * 108


def test_briefing_pack_holds_every_file(dataset):
    files = export.briefing_files(dataset, Selection(waves=("3",)))
    expected = {"00-summary.png", "SOURCES.txt"}
    number = 1
    for view in VIEWS:
        if view.key == "site":
            continue
        for builder in view.figures:
            expected.add(f"{number:02d}-{view.key}-{builder.__name__.removesuffix('_figure')}.png")
            number += 1
    assert set(files) == expected
    for name, content in files.items():
        if name.endswith(".png"):
            assert _image(content).size == (1920, 1080), name
    sources = files["SOURCES.txt"].decode()
    assert "Wave 3" in sources and "https://" in sources
    assert "vu.lt" in sources  # LitAI, a wave-3 factory, cites Vilnius University
    archive = zipfile.ZipFile(io.BytesIO(export.zipped(files)))
    assert set(archive.namelist()) == expected


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aimap", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120)


def test_parallel_cli_exports_all_succeed_and_leave_no_browser_profile(tmp_path):
    """Each process starts its own kaleido Chromium in its own profile, removed at exit: one
    shared profile once failed an export in about 25 ('Directory not empty: Default'). The
    temporary folder is short: Chromium's socket path must fit 107 bytes."""
    scratch = Path(tempfile.mkdtemp(prefix="aimap-t-"))
    outs = [tmp_path / f"map-{n}.png" for n in range(3)]
    runs = [subprocess.Popen([sys.executable, "-m", "aimap", "export", "--view", "map",
                              "--metric", "budget", "--preset", "square", "--waves", "3",
                              "--out", str(out)], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "TMPDIR": str(scratch)}) for out in outs]
    for run in runs:
        _, stderr = run.communicate(timeout=240)
        assert run.returncode == 0, stderr
    assert [_image(out.read_bytes()).size for out in outs] == [(1080, 1080)] * 3
    assert list(scratch.glob("aimap-kaleido-*")) == []
    scratch.rmdir()  # nothing else was left in it either


def test_cli_fails_cleanly_when_chromium_closes_at_start(tmp_path):
    result = _cli("export", "--view", "map", "--out", str(tmp_path / "x.png"),
                  BROWSER_PATH="/bin/false")
    assert result.returncode == 2
    assert "could not start Chromium (/bin/false)" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.png").exists()


def test_cli_rejects_options_that_do_not_fit(tmp_path):
    result = _cli("export", "--view", "map", "--metric", "nope", "--group", "wave",
                  "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "--metric 'nope' is not allowed" in result.stderr
    assert "--group does not apply to the map view" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_cli_fails_cleanly_without_chromium(tmp_path):
    result = _cli("export", "--view", "map", "--out", str(tmp_path / "x.png"),
                  BROWSER_PATH="/nowhere/chromium")
    assert result.returncode == 2
    assert "needs Chromium" in result.stderr and "apt-get install chromium" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("command", "out", "message"), [
    ("export", "a-file.txt/map.png", "cannot be written"),
    ("export", ".", "is a folder"),
    ("pack", "a-file.txt", "is a file, not a folder"),
    ("export", "a-pipe", "is not a regular file"),
    ("export", "a-dangling-link", "is a link to nothing"),
])
def test_cli_refuses_an_output_it_cannot_write_before_rendering(tmp_path, command, out,
                                                                 message):
    (tmp_path / "a-file.txt").write_text("taken")
    os.mkfifo(tmp_path / "a-pipe")  # opening it to write would wait for a reader forever
    (tmp_path / "a-dangling-link").symlink_to(tmp_path / "gone" / "map.png")
    view = ["--view", "map"] if command == "export" else []
    result = subprocess.run([sys.executable, "-m", "aimap", command, *view, "--out", out],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "a-file.txt").read_text() == "taken"
    assert not (tmp_path / "gone").exists()


def test_cli_pack_writes_the_folder(tmp_path):
    result = _cli("pack", "--out", str(tmp_path), "--countries", "ROU")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "00-summary.png").exists() and (tmp_path / "SOURCES.txt").exists()
    assert (tmp_path / "aimap-briefing-pack.zip").exists()


def test_without_chromium_the_app_still_works_and_says_why(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nowhere/chromium")
    app = run_page("pages/map.py")
    assert any("needs Chromium" in w.value for w in app.warning)
    assert any("apt-get install chromium" in c.value for c in app.sidebar.caption)
