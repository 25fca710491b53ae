"""Outputs: terminal tables (CJK-aware), maps, workbooks, graph files and briefings, from the answers."""

from .tables import display_width, render_table, truncate

__all__ = ["display_width", "render_table", "truncate"]

__all__ += ["build_map", "map_data", "show_map", "write_map"]


def __getattr__(name: str) -> object:
    """The map functions, imported on first use: the CLI's tables must not pull in the map and the analysis."""
    if name in ("build_map", "map_data", "show_map", "write_map"):
        from . import html_map

        return getattr(html_map, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
