"""The ``chaingraph`` command line: a thin skin on the library (:func:`chaingraph.open` and the modules below it).

* :mod:`.common`: what every command module shares (state, options, error handling, table/JSON/CSV output);
* :mod:`.app`: the command group and the query commands (chains, gaps, targets, firms, projects, show, validate,
  compile, synth, briefing);
* one module per command group, registered lazily by :mod:`.app` (imported only when the command runs):
  :mod:`.maps` (map), :mod:`.workflow` (import, export, import-chainkg), :mod:`.ingest` (extract, merge),
  :mod:`.classify`, :mod:`.whatif`, :mod:`.timeline` (backtest, ledger and change listings), :mod:`.graphdb`
  (neo4j);
* :mod:`.progress` (progress bars) and :mod:`.docs` (docs/cli.md from ``--help``).

``from chaingraph.cli import cli, main`` keeps working: the names are looked up in :mod:`.app` on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["cli", "main"]


def __getattr__(name: str) -> Any:
    for module in (".app", ".common"):
        mod = importlib.import_module(module, __name__)
        if hasattr(mod, name):
            return getattr(mod, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
