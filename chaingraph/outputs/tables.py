"""Plain-text tables that stay aligned with Chinese text.

Chinese characters take two terminal columns; :func:`display_width` counts them so, and :func:`render_table`
pads by display width rather than by ``len``.

Examples
--------
>>> print(render_table(["环节", "状态"], [["数控系统", "缺"], ["机床整机", "在途"]]))
环节      状态
--------  ----
数控系统  缺
机床整机  在途
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "render_table", "truncate"]


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (wide CJK characters count two).

    >>> display_width("abc"), display_width("平湖"), display_width("A股")
    (3, 4, 3)
    """
    return sum(_char_width(ch) for ch in text)


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` columns, marking the cut with ``…``.

    >>> truncate("日本电产汽车马达", 9)
    '日本电产…'
    """
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_widths: Sequence[int] | None = None,
                 align_right: Sequence[int] = ()) -> str:
    """Render rows as an aligned text table; cells wider than ``max_widths[i]`` are truncated."""
    text_rows = [[("" if cell is None else str(cell)).replace("\n", " ") for cell in row] for row in rows]
    if max_widths:
        text_rows = [[truncate(cell, max_widths[i]) if i < len(max_widths) and max_widths[i] else cell
                      for i, cell in enumerate(row)] for row in text_rows]
    widths = [display_width(h) for h in headers]
    for row in text_rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i in align_right else cell + pad)
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in text_rows)
    return "\n".join(out)
