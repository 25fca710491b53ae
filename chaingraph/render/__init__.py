"""Outputs: terminal tables (CJK-aware), JSON and CSV for the CLI."""

from .tables import display_width, render_table, truncate

__all__ = ["display_width", "render_table", "truncate"]

from .html_map import build_map, map_data, show_map, write_map  # noqa: E402

__all__ += ["build_map", "map_data", "show_map", "write_map"]
