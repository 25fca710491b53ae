"""Outputs: terminal tables (CJK-aware), JSON and CSV for the CLI."""

from .tables import display_width, render_table, truncate

__all__ = ["display_width", "render_table", "truncate"]
