"""Progress bars for long commands: ``--progress/--no-progress`` and a ``progress(done, total)`` callback.

The library functions that take a ``progress`` callback (:func:`chaingraph.sources.synth.generate`,
:func:`chaingraph.sources.sheets.import_sheet`, the Neo4j push; a classify command can use the same) report units of
about equal work, so the ETA the bar derives from them holds. The bar goes to stderr, by default only when stderr is a
terminal, so logs, pipes and JSON output stay clean.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import click

__all__ = ["progress_option", "progress_bar"]


def progress_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--progress/--no-progress``: a bar with an ETA on stderr; by default only when stderr is a terminal."""
    return click.option("--progress/--no-progress", "progress", default=None,
                        help="A progress bar with an estimate of the time left on stderr "
                             "(default: only when stderr is a terminal).")(func)


@contextmanager
def progress_bar(label: str, enabled: bool | None = None) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback that draws a bar with an ETA on stderr, or does nothing.

    Parameters
    ----------
    label
        Shown before the bar.
    enabled
        True: always; False: never; None: only when stderr is a terminal.
    """
    if enabled is None:
        try:
            enabled = sys.stderr.isatty()
        except (AttributeError, ValueError):
            enabled = False
    if not enabled:
        yield lambda done, total: None
        return
    with ExitStack() as stack:
        bar: Any = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(click.progressbar(length=total, label=label, file=sys.stderr,
                                                            show_eta=True, show_pos=True))
            bar.update(done - bar.pos)

        yield progress
