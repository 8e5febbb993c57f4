"""Entry point: page config and navigation over the views (each page draws the shared filters)."""

from aimap import ui

ui.run_app()
