"""chaingraph: an industry-chain knowledge graph for chain-based investment promotion (产业链招商).

Open a dataset folder on the engine that suits it (in memory, a compiled snapshot, or Neo4j) and ask which
segments of a chain a region is missing, which are thin, and whom to approach::

    >>> import chaingraph as cgr
    >>> with cgr.open() as cg:                            # the bundled Pinghu dataset; or cgr.open("pool/")
    ...     report = cg.gaps("machine-tool", "平湖")
    >>> report.region.name
    '平湖市'
    >>> 0 <= report.completeness <= 1
    True

The functions underneath stay public too: ``gap_report(build_graph(load_dataset(path)), chain, region)``.

The public API is exactly what ``__all__`` lists; everything else may change without notice.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import (
    ACTIONS,
    STATUS_LABELS,
    STATUSES,
    AnalysisParams,
    Candidate,
    GapReport,
    Landing,
    Relatedness,
    SegmentGap,
    TargetList,
    WhatIf,
    compute_relatedness,
    find_targets,
    gap_report,
    segment_status,
    what_if,
)
from .dataset import Dataset, bundled_dataset_path, default_dataset_path, normalize_name
from .engine import Engine
from .engine import open_engine as open  # noqa: A004 - chaingraph.open(path) is the entry point by design
from .errors import (
    BackendError,
    ChaingraphError,
    DatasetError,
    ExportError,
    InvalidArgument,
    LookupFailed,
    ParseError,
    Problem,
)
from .graph import EDGE_KINDS, NODE_KINDS, ChainGraph, Presence, build_graph
from .model import (
    Chain,
    Citation,
    Claim,
    Coverage,
    DatasetInfo,
    Firm,
    FxRate,
    Group,
    Link,
    PartialDate,
    Project,
    ProjectEvent,
    Quantity,
    Region,
    RegionFact,
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
    "open",
    "Engine",
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
    "ProjectEvent",
    "RegionFact",
    "Citation",
    "Claim",
    "Coverage",
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
    "STATUS_LABELS",
    "ACTIONS",
    "find_targets",
    "Landing",
    "WhatIf",
    "what_if",
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
    "InvalidArgument",
    "BackendError",
    "ExportError",
    "Problem",
]
