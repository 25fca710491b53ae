"""Explainable analysis of a :class:`~chaingraph.dataset.graph.ChainGraph`: gaps, targets, relatedness.

Pure functions of the graph, a chain and a region; every result carries reasons a planner can read.

The names below are imported from their module on first use, so that a command that needs the gap report does
not also import the targets and the what-if (``from chaingraph.analysis import find_targets`` works as before).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names for type checkers and IDEs; at run time __getattr__ imports them
    from .gaps import ACTIONS, STATUS_LABELS, STATUSES, GapReport, SegmentGap, gap_report, segment_status
    from .params import AnalysisParams
    from .relatedness import Relatedness, compute_relatedness
    from .targets import Candidate, TargetList, find_targets
    from .whatif import Landing, WhatIf, what_if

_LAZY = {  # public name -> module
    "ACTIONS": ".gaps",
    "STATUSES": ".gaps",
    "STATUS_LABELS": ".gaps",
    "GapReport": ".gaps",
    "SegmentGap": ".gaps",
    "gap_report": ".gaps",
    "segment_status": ".gaps",
    "AnalysisParams": ".params",
    "Relatedness": ".relatedness",
    "compute_relatedness": ".relatedness",
    "Candidate": ".targets",
    "TargetList": ".targets",
    "find_targets": ".targets",
    "Landing": ".whatif",
    "WhatIf": ".whatif",
    "what_if": ".whatif",
}

__all__ = [
    "ACTIONS",
    "STATUSES",
    "STATUS_LABELS",
    "AnalysisParams",
    "GapReport",
    "SegmentGap",
    "gap_report",
    "segment_status",
    "Candidate",
    "TargetList",
    "find_targets",
    "Relatedness",
    "compute_relatedness",
    "Landing",
    "WhatIf",
    "what_if",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562) and remember the name."""
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
