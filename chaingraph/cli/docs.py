"""The command reference of docs/cli.md, generated from the commands' own ``--help``.

The hand-written parts of docs/cli.md (the overview, exit codes, JSON contracts) stay as they are; only the text
between :data:`BEGIN` and :data:`END` is replaced. ``scripts/gen-cli-docs`` writes it and ``--check`` (and
tests/test_clidocs.py, so CI) fails when a command's help changed without the reference being regenerated.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["BEGIN", "END", "render_reference", "update_reference", "ReferenceOutOfDate"]

BEGIN = "<!-- BEGIN generated command reference: scripts/gen-cli-docs; do not edit by hand -->"
END = "<!-- END generated command reference -->"

#: A fixed width, so that the reference does not depend on the terminal of whoever generates it.
WIDTH = 100


class ReferenceOutOfDate(Exception):
    """docs/cli.md's generated section differs from the commands' help."""


def _help(command: click.Command, name: str, parent: click.Context | None) -> tuple[str, click.Context]:
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(command, info_name=name, parent=parent, **settings)
    return command.get_help(ctx).rstrip(), ctx


def _walk(command: click.Command, name: str, parent: click.Context | None,
          path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    text, ctx = _help(command, name, parent)
    found = [(path, text)]
    if isinstance(command, click.Group):
        for sub in sorted(command.list_commands(ctx)):
            child = command.get_command(ctx, sub)
            if child is None or child.hidden:
                continue
            found += _walk(child, sub, ctx, (*path, sub))
    return found


def render_reference(root: click.Command | None = None, prog: str = "chaingraph") -> str:
    """The generated section: one heading and the verbatim ``--help`` of every command, sorted by name.

    Parameters
    ----------
    root
        The command group (default: :data:`chaingraph.cli.cli`).
    prog
        The program name the usage lines show.

    Returns
    -------
    str
        Markdown from :data:`BEGIN` to :data:`END`, inclusive.
    """
    if root is None:
        from .app import cli

        root = cli
    parts = [BEGIN, "", "## Command reference", "",
             f"Generated from `{prog} COMMAND --help` by `scripts/gen-cli-docs`; a test fails when it is out of date.",
             ""]
    for path, text in _walk(root, prog, None, ()):
        title = " ".join((prog, *path))
        parts += [f"### `{title}`", "", "```text", text, "```", ""]
    parts.append(END)
    return "\n".join(parts) + "\n"


def update_reference(doc: Path, *, check: bool = False, root: click.Command | None = None) -> bool:
    """Write the generated section into ``doc`` (appended at the end the first time).

    Parameters
    ----------
    doc
        The markdown file (docs/cli.md).
    check
        Only compare: raise :class:`ReferenceOutOfDate` instead of writing when the section differs.
    root
        The command group (default: the chaingraph command).

    Returns
    -------
    bool
        Whether the file changed (or, with ``check``, would change).
    """
    text = doc.read_text(encoding="utf-8")
    section = render_reference(root)
    start = text.find(BEGIN)
    if start < 0:
        updated = text.rstrip("\n") + "\n\n" + section
    else:
        stop = text.find(END, start)
        if stop < 0:
            raise ReferenceOutOfDate(f"{doc}: {BEGIN!r} without {END!r}")
        updated = text[:start] + section + text[stop + len(END):].lstrip("\n")
    if updated == text:
        return False
    if check:
        raise ReferenceOutOfDate(f"{doc}: the command reference is out of date; run scripts/gen-cli-docs")
    from ..dataset.writer import atomic_write_text

    atomic_write_text(doc, updated)
    return True
