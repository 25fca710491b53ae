"""Text from data is inert in every output: spreadsheet cells, markdown, error lines.

Names and notes come from articles and planners' sheets, so they may hold anything. This module holds the one
set of rules every output applies:

- :func:`neutralise_cell` -- for every spreadsheet-bound output (CSV listings, the xlsx export). A cell that
  starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is a formula to Excel, LibreOffice and WPS
  (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``); following the OWASP advice on CSV injection it gets a leading
  apostrophe, which spreadsheets show as text and do not evaluate. Numbers are left as they are.
- :func:`xlsx_text` -- also removes the control characters the xlsx format cannot hold (openpyxl raises
  ``IllegalCharacterError`` for them), so data never crashes the export.
- :func:`markdown_text` -- escapes HTML and markdown specials so a name is shown, never rendered.
- :func:`fragment` -- the short, escaped piece of unknown input an error line may quote.
- :func:`text_issues` -- what ``validate`` reports about one text: control characters (errors), bidirectional
  overrides, ``javascript:`` URLs, HTML-looking text and formula-like starts (warnings).

The dataset's own CSV files are *not* neutralised: they are the source of truth and must read back exactly as
written; ``validate`` and ``import`` warn about formula-like names instead (``docs/input-safety.md``).

Examples
--------
>>> neutralise_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> neutralise_cell("-5"), neutralise_cell(-5), neutralise_cell("宁德时代")
("'-5", -5, '宁德时代')
>>> markdown_text("<b>ACME</b> | *x*")
'&lt;b&gt;ACME&lt;/b&gt; \\\\| \\\\*x\\\\*'
>>> fragment("TOP-SECRET\\x00" + "x" * 100)
"'TOP-SECRET\\\\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"
"""

from __future__ import annotations

import html
import re
from typing import Any

from .limits import FRAGMENT_CHARS
from .messages import msg

__all__ = [
    "FORMULA_STARTS", "neutralise_cell", "neutralise_row", "restore_cell", "xlsx_text", "markdown_text", "fragment",
    "text_issues", "is_formula_like", "CONTROL_RE", "BIDI_RE", "INVISIBLE_RE",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP, CSV injection)."""

CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters other than tab, line feed and carriage return, and DEL: never valid in a dataset."""
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""Bidirectional embeddings, overrides, isolates and marks: they reverse or reorder how neighbouring text is shown."""
INVISIBLE_RE = re.compile(r"[\x80-\x9f\u2028\u2029]")
"""C1 control characters and the Unicode line and paragraph separators: invisible, and they break lines or
scripts where a reader does not expect it (outputs drop or escape them; a dataset should not hold them)."""
_XLSX_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>|<\s*(?:script|iframe|img|svg|a)\b", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[\x00-\x20]*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_URL_IGNORED_RE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL: "java<TAB>script:" runs
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|#!~])")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would evaluate ``text`` typed into a cell."""
    return text.startswith(FORMULA_STARTS)


def neutralise_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell: formula-like text gets a leading ``'``; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(text: str) -> str:
    """The inverse of :func:`neutralise_cell` for files chaingraph writes and reads back (a dataset's CSVs,
    proposed facts): a leading ``'`` before a formula character is dropped.

    >>> restore_cell(neutralise_cell("=HYPERLINK(1)")), restore_cell("'plain"), restore_cell("-5 %")
    ('=HYPERLINK(1)', "'plain", '-5 %')
    """
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS and len(text) > 1 else text


def neutralise_row(values: list[Any]) -> list[Any]:
    """:func:`neutralise_cell` over a row."""
    return [neutralise_cell(v) for v in values]


def xlsx_text(value: Any) -> Any:
    """A cell value for openpyxl: control characters removed, then neutralised."""
    if isinstance(value, str):
        value = _XLSX_ILLEGAL_RE.sub("", value)
    return neutralise_cell(value)


def markdown_text(text: str) -> str:
    """``text`` shown literally in markdown: HTML escaped, markdown specials backslashed, one line."""
    text = CONTROL_RE.sub("", text)
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return " ".join(text.split())


def fragment(text: Any, limit: int = FRAGMENT_CHARS) -> str:
    """A short quoted, escaped piece of ``text`` for an error line (never the whole of unknown input)."""
    text = str(text)
    cut = text[:limit]
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in cut)
    shown = shown.replace("'", "\\'")
    return "'" + shown + ("…" if len(text) > limit else "") + "'"


def text_issues(text: str, url: bool = False) -> list[tuple[str, str]]:
    """``(severity, message)`` pairs for one text from data; ``url``: the text is a URL field."""
    issues: list[tuple[str, str]] = []
    match = CONTROL_RE.search(text)
    if match:
        issues.append(("error", msg("holds control character U+{code:04X} (not allowed in a dataset)",
                                    code=ord(match.group()))))
    match = BIDI_RE.search(text)
    if match:
        issues.append(("warning", msg("holds bidirectional control U+{code:04X}, which reverses how "
                                      "neighbouring text is shown", code=ord(match.group()))))
    match = INVISIBLE_RE.search(text)
    if match:
        issues.append(("warning", msg("holds invisible character U+{code:04X}, which breaks lines or "
                                      "scripts in some viewers: remove it", code=ord(match.group()))))
    scheme = _SCHEME_RE.match(_URL_IGNORED_RE.sub("", text))
    if scheme:
        issues.append(("warning", msg("is a {scheme}: URL, not a web address",
                                      scheme=re.sub("[^a-z]", "", scheme.group().lower()))))
    elif url and text and not re.match(r"^(?:https?|ftp)://", text, re.IGNORECASE):
        issues.append(("warning", msg("is not an http(s) address")))
    if _HTML_RE.search(text):
        issues.append(("warning", msg("looks like HTML (shown as text in every output, but check the source)")))
    if text.startswith(FORMULA_STARTS):
        issues.append(("warning", msg("starts with {char!r}: spreadsheets would run it as a formula (chaingraph's "
                                      "own outputs neutralise it)", char=text[0])))
    return issues
