"""Helpers for real-browser tests: a Streamlit server on a free loopback port, and Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
#: What shows that a view is drawn (view key -> selector): bars, countries (not just an empty
#: plot), the heatmap, a table, the download buttons.
READY = {"overview": ".js-plotly-plot .bars path", "map": ".choroplethlocation",
         "budgets": ".js-plotly-plot .bars path",
         "sectors": ".js-plotly-plot .heatmaplayer",
         "timeline": ".js-plotly-plot .bars path",
         "site": '[data-testid="stDataFrame"]',
         "changes": '[data-testid="stPopover"]',
         "data": '[data-testid="stDownloadButton"]'}


def chromium_or_fail() -> str:
    """Debian's Chromium; missing it is a failure, not a skip (CI installs it)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        raise RuntimeError("Browser tests need Debian's chromium: run `make test` as root or "
                           "with sudo, or `apt-get install chromium`.")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_process(env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """Serve app.py on 127.0.0.1; yield its base URL and process id; stop it afterwards."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true"]
    log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("streamlit did not start: "
                                       + log.read().decode(errors="replace")) from error
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@contextmanager
def streamlit_server(env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve app.py on 127.0.0.1 and yield its base URL; stop it afterwards."""
    with streamlit_process(env) as (base, _):
        yield base


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (or never leave the page)."""
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOCAL_HOSTS
