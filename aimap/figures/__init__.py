"""Figure builders: one module per view, each returning a plotly Figure from plain data."""
