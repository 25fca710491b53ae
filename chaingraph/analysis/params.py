"""Which analysis parameters apply: those given, else the dataset's overrides of the defaults.

:class:`AnalysisParams` itself lives with the dataset (:mod:`chaingraph.dataset.params`), which reads and checks
the overrides; it is re-exported here.

>>> AnalysisParams().strong_min_firms
3
>>> AnalysisParams.from_mapping({"strong_min_firms": 2}).strong_min_firms
2
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..dataset.params import AnalysisParams

if TYPE_CHECKING:
    from .facts import Facts

__all__ = ["AnalysisParams", "params_for"]


def params_for(source: Any, params: AnalysisParams | None = None) -> AnalysisParams:
    """The parameters to use: those given, else the dataset's overrides of the defaults.

    ``source`` is a :class:`~chaingraph.dataset.graph.ChainGraph` (its dataset's ``analysis:``) or a backend's
    :class:`~chaingraph.analysis.facts.Facts` (its ``params``, read from the snapshot or Neo4j).
    """
    from ..dataset.graph import ChainGraph

    if params is not None:
        return params
    if isinstance(source, ChainGraph):
        return AnalysisParams.from_mapping(source.dataset.info.analysis)
    facts: Facts = source
    return getattr(facts, "params", None) or AnalysisParams()
