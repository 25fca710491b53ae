"""chaingraph: an industry-chain knowledge graph for chain-based investment promotion (产业链招商).

Load a dataset folder, build its graph, and ask which segments of a chain a region is missing, which are thin,
and whom to approach::

    >>> import chaingraph as cgr
    >>> cg = cgr.build_graph(cgr.load_dataset())          # the bundled Pinghu dataset
    >>> report = cgr.gap_report(cg, "machine-tool", "平湖")
    >>> report.region.name
    '平湖市'
    >>> 0 <= report.completeness <= 1
    True

The public API is exactly what ``__all__`` lists; everything else may change without notice.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import (
    ACTIONS,
    STATUSES,
    AnalysisParams,
    Candidate,
    GapReport,
    Relatedness,
    SegmentGap,
    TargetList,
    compute_relatedness,
    find_targets,
    gap_report,
    segment_status,
)
from .dataset import Dataset, bundled_dataset_path, default_dataset_path, normalize_name
from .errors import BackendError, ChaingraphError, DatasetError, ExportError, LookupFailed, ParseError, Problem
from .graph import EDGE_KINDS, NODE_KINDS, ChainGraph, Presence, build_graph
from .model import (
    Chain,
    Citation,
    DatasetInfo,
    Firm,
    FxRate,
    Group,
    Link,
    PartialDate,
    Project,
    Quantity,
    Region,
    RegionFact,
    Rejection,
    Segment,
    Source,
    SupplyEdge,
    Tie,
    parse_bool,
    parse_date,
    parse_id,
    parse_quantity,
)
from .reader import load_dataset, validate_dataset
from .views import chain_summaries, firm_view, project_view
from .writer import write_dataset

__all__ = [
    "__version__",
    # loading and writing
    "load_dataset",
    "validate_dataset",
    "write_dataset",
    "bundled_dataset_path",
    "default_dataset_path",
    "normalize_name",
    "Dataset",
    # records and values
    "DatasetInfo",
    "Chain",
    "Segment",
    "SupplyEdge",
    "Region",
    "Source",
    "Group",
    "Firm",
    "Link",
    "Tie",
    "Project",
    "RegionFact",
    "Citation",
    "Rejection",
    "FxRate",
    "Quantity",
    "PartialDate",
    "parse_quantity",
    "parse_date",
    "parse_id",
    "parse_bool",
    # graph
    "build_graph",
    "ChainGraph",
    "Presence",
    "NODE_KINDS",
    "EDGE_KINDS",
    # analysis
    "AnalysisParams",
    "gap_report",
    "segment_status",
    "GapReport",
    "SegmentGap",
    "STATUSES",
    "ACTIONS",
    "find_targets",
    "TargetList",
    "Candidate",
    "compute_relatedness",
    "Relatedness",
    # views
    "chain_summaries",
    "firm_view",
    "project_view",
    # errors
    "ChaingraphError",
    "DatasetError",
    "LookupFailed",
    "ParseError",
    "BackendError",
    "ExportError",
    "Problem",
]
