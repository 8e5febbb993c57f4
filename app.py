"""Entry point: page config and navigation over the views (each page opens its view)."""

from aimap.ui.app import run_app

run_app()
