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

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # the names for type checkers and IDEs; at run time __getattr__ imports them
    from .analysis import (
        ACTIONS,
        STATUS_LABELS,
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
    from .analysis.views import chain_summaries, firm_view, project_view
    from .analysis.whatif import Landing, WhatIf, what_if
    from .api import Engine
    from .api import open_engine as open  # noqa: A004 - chaingraph.open(path) is the entry point by design
    from .dataset.graph import EDGE_KINDS, NODE_KINDS, ChainGraph, Presence, build_graph
    from .dataset.model import (
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
    from .dataset.reader import load_dataset, validate_dataset
    from .dataset.store import Dataset, bundled_dataset_path, default_dataset_path, normalize_name
    from .dataset.writer import write_dataset
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

_LAZY = {  # public name -> (module, attribute): imported on first use, so that `chaingraph --help` and
    # scripts that need one function do not pay for networkx, the reader and the analysis
    "ACTIONS": (".analysis", "ACTIONS"),
    "STATUS_LABELS": (".analysis", "STATUS_LABELS"),
    "STATUSES": (".analysis", "STATUSES"),
    "AnalysisParams": (".analysis", "AnalysisParams"),
    "Candidate": (".analysis", "Candidate"),
    "GapReport": (".analysis", "GapReport"),
    "Relatedness": (".analysis", "Relatedness"),
    "SegmentGap": (".analysis", "SegmentGap"),
    "TargetList": (".analysis", "TargetList"),
    "compute_relatedness": (".analysis", "compute_relatedness"),
    "find_targets": (".analysis", "find_targets"),
    "gap_report": (".analysis", "gap_report"),
    "segment_status": (".analysis", "segment_status"),
    "Landing": (".analysis.whatif", "Landing"),
    "WhatIf": (".analysis.whatif", "WhatIf"),
    "what_if": (".analysis.whatif", "what_if"),
    "Dataset": (".dataset.store", "Dataset"),
    "bundled_dataset_path": (".dataset.store", "bundled_dataset_path"),
    "default_dataset_path": (".dataset.store", "default_dataset_path"),
    "normalize_name": (".dataset.store", "normalize_name"),
    "Engine": (".api", "Engine"),
    "open": (".api", "open_engine"),
    "BackendError": (".errors", "BackendError"),
    "ChaingraphError": (".errors", "ChaingraphError"),
    "DatasetError": (".errors", "DatasetError"),
    "ExportError": (".errors", "ExportError"),
    "InvalidArgument": (".errors", "InvalidArgument"),
    "LookupFailed": (".errors", "LookupFailed"),
    "ParseError": (".errors", "ParseError"),
    "Problem": (".errors", "Problem"),
    "EDGE_KINDS": (".dataset.graph", "EDGE_KINDS"),
    "NODE_KINDS": (".dataset.graph", "NODE_KINDS"),
    "ChainGraph": (".dataset.graph", "ChainGraph"),
    "Presence": (".dataset.graph", "Presence"),
    "build_graph": (".dataset.graph", "build_graph"),
    "Chain": (".dataset.model", "Chain"),
    "Citation": (".dataset.model", "Citation"),
    "Claim": (".dataset.model", "Claim"),
    "Coverage": (".dataset.model", "Coverage"),
    "DatasetInfo": (".dataset.model", "DatasetInfo"),
    "Firm": (".dataset.model", "Firm"),
    "FxRate": (".dataset.model", "FxRate"),
    "Group": (".dataset.model", "Group"),
    "Link": (".dataset.model", "Link"),
    "PartialDate": (".dataset.model", "PartialDate"),
    "Project": (".dataset.model", "Project"),
    "ProjectEvent": (".dataset.model", "ProjectEvent"),
    "Quantity": (".dataset.model", "Quantity"),
    "Region": (".dataset.model", "Region"),
    "RegionFact": (".dataset.model", "RegionFact"),
    "Rejection": (".dataset.model", "Rejection"),
    "Segment": (".dataset.model", "Segment"),
    "Source": (".dataset.model", "Source"),
    "SupplyEdge": (".dataset.model", "SupplyEdge"),
    "Tie": (".dataset.model", "Tie"),
    "parse_bool": (".dataset.model", "parse_bool"),
    "parse_date": (".dataset.model", "parse_date"),
    "parse_id": (".dataset.model", "parse_id"),
    "parse_quantity": (".dataset.model", "parse_quantity"),
    "load_dataset": (".dataset.reader", "load_dataset"),
    "validate_dataset": (".dataset.reader", "validate_dataset"),
    "chain_summaries": (".analysis.views", "chain_summaries"),
    "firm_view": (".analysis.views", "firm_view"),
    "project_view": (".analysis.views", "project_view"),
    "write_dataset": (".dataset.writer", "write_dataset"),
}

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
    "STATUS_LABELS",
    "ACTIONS",
    "find_targets",
    "TargetList",
    "Candidate",
    "compute_relatedness",
    "Relatedness",
    "what_if",
    "Landing",
    "WhatIf",
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


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562) and remember the name."""
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'chaingraph' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
