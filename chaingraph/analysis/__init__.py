"""Explainable analysis of a :class:`~chaingraph.dataset.graph.ChainGraph`: gaps, targets, relatedness.

Pure functions of the graph, a chain and a region; every result carries reasons a planner can read.
"""

from .gaps import ACTIONS, STATUS_LABELS, STATUSES, GapReport, SegmentGap, gap_report, segment_status
from .params import AnalysisParams
from .relatedness import Relatedness, compute_relatedness
from .targets import Candidate, TargetList, find_targets
from .whatif import Landing, WhatIf, what_if

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
