#!/usr/bin/env bash
# Set up everything `make run` / `make test` need on a fresh Debian or Ubuntu machine:
# a .venv (with uv) from the pinned requirements, Debian's chromium for PNG export and
# browser tests, and (for the tests) LibreOffice Calc, which reads every CSV download back.
# Usage: scripts/setup.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
with_dev=${1:-}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "setup: Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=...)." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        echo "setup: installing python3-venv (needed to create .venv)"
        apt_install python3-venv || { echo "setup: cannot create a virtualenv; install python3-venv" >&2; exit 1; }
        "$PYTHON" -m venv .venv
    fi
fi
if [ ! -x .venv/bin/uv ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check uv
fi

requirements=(-r requirements.txt)
[ "$with_dev" = dev ] && requirements+=(-r requirements-dev.txt)
VIRTUAL_ENV="$PWD/.venv" .venv/bin/uv pip install --quiet --python .venv/bin/python "${requirements[@]}"

if ! command -v chromium >/dev/null; then
    echo "setup: installing Debian's chromium (for PNG export and browser tests)"
    if ! apt_install chromium; then
        echo "setup: could not install chromium (needs root or sudo): the app runs, but PNG" \
             "export and browser tests need 'apt-get install chromium'." >&2
    fi
fi

if [ "$with_dev" = dev ] && ! command -v soffice >/dev/null; then
    echo "setup: installing Debian's LibreOffice Calc (the tests read CSV downloads back with it)"
    if ! apt_install --no-install-recommends libreoffice-calc-nogui; then
        echo "setup: could not install libreoffice-calc-nogui (needs root or sudo): the" \
             "spreadsheet read-back test needs it." >&2
    fi
fi
