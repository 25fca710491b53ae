"""Backtest: rank the gaps as the chain stood on date A, then score the ranking against what landed by date B.

For each region and chain, the gap report of the dataset as of A (:func:`chaingraph.analysis.asof.dataset_as_of`) ranks
the segments that were gaps then (those with a priority). A segment *landed* when its status as of B is better than
as of A and is at least ``pipeline`` (a project was signed, or a firm arrived). The ranked firms are the targets of
the ranked segments (each candidate scored by its segment's priority times its own score, a firm counted once);
a firm *landed* when a project with it, or with a firm of its group, in the region (or a park inside it) was signed
after A and by B.

Precision at k is the share of the top k that landed, averaged over the region-chain pairs that had at least one
ranked item; a list shorter than k counts its missing places as misses. The baseline is what a random order of the
same lists would score on average: the share of landed items in each list, averaged the same way.

Examples
--------
>>> from chaingraph import load_dataset
>>> result = backtest(load_dataset(), "2021-12-31", "2022-06-01", ks=[1, 3])
>>> sorted(result), sorted(result["precision_at_k"])
(['as_of', 'baseline', 'chains', 'landed_firms', 'landed_segments', 'precision_at_k', 'regions', 'until'], \
['firms', 'segments'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..dataset.graph import ChainGraph, build_graph
from ..dataset.store import Dataset
from ..errors import InvalidArgument
from ..messages import msg
from .asof import as_of_day, dataset_as_of
from .facts import Facts, SegmentState, facts_for
from .gaps import gap_report
from .params import AnalysisParams, params_for
from .targets import find_targets

__all__ = ["backtest", "DEFAULT_KS", "STATUS_RANK"]

DEFAULT_KS = (1, 3, 5, 10)
STATUS_RANK = {"missing": 0, "unknown": 0, "claimed": 1, "pipeline": 2, "weak": 3, "strong": 4}
"""How far along a segment is; a landing raises it to ``pipeline`` or beyond."""


def backtest(ds: Dataset, as_of: str, until: str, regions: Sequence[str] | None = None,
             chains: Sequence[str] | None = None, ks: Sequence[int] | None = None) -> dict[str, Any]:
    """Precision at k of the gap ranking of ``as_of`` against the landings by ``until`` (see the module text).

    Returns ``{"as_of", "until", "precision_at_k": {"segments": {k: p}, "firms": {k: p}}, "baseline": {...},
    "regions", "chains", "landed_segments", "landed_firms"}``.
    """
    start, end = as_of_day(as_of), as_of_day(until)
    if end <= start:
        raise InvalidArgument(msg("--until {end} must come after --as-of {start}", end=end, start=start))
    cut = sorted(set(ks or DEFAULT_KS))
    top = max(cut)
    region_ids = [ds.region(r).id for r in (regions or [ds.info.default_region])]
    chain_ids = [ds.chain(c).id for c in (chains or list(ds.chains))]
    then_ds, later_ds = dataset_as_of(ds, start), dataset_as_of(ds, end)
    then, later = _RegionStates(build_graph(then_ds)), _RegionStates(build_graph(later_ds))
    seg_lists: list[tuple[list[str], set[str]]] = []
    firm_lists: list[tuple[list[str], set[str]]] = []
    landed_segments = landed_firms = 0
    for region_id in region_ids:
        places = ds.region_descendants(region_id)
        arrived = {f for p in later_ds.projects.values() if p.region in places and p.date is not None
                   and start < p.date.start() <= end for f in p.firms}
        # a group's local company often signs for it: the group's other firms count as the same landing
        arrived_groups = {ds.firms[f].group for f in arrived if f in ds.firms and ds.firms[f].group}
        for chain_id in chain_ids:
            before = gap_report(_facts(then), chain_id, region_id)
            after = {g.segment.id: g.status for g in gap_report(_facts(later), chain_id, region_id).segments}
            ranked = [g for g in before.ranked() if g.priority is not None]
            landed = {g.segment.id for g in before.segments
                      if STATUS_RANK[after[g.segment.id]] > STATUS_RANK[g.status]
                      and STATUS_RANK[after[g.segment.id]] >= STATUS_RANK["pipeline"]}
            landed_segments += len(landed)
            if ranked:
                seg_lists.append(([g.segment.id for g in ranked], landed))
            scored: dict[str, float] = {}
            for gap in ranked[:top]:
                for cand in find_targets(_facts(then), chain_id, gap.segment.id, region_id, limit=top).candidates:
                    value = (gap.priority or 0.0) * cand.score
                    if value > scored.get(cand.firm.id, -1.0):
                        scored[cand.firm.id] = value
            firm_order = sorted(scored, key=lambda f: (-scored[f], f))
            chain_landed = {f for f in scored if f in arrived or (ds.firms[f].group or None) in arrived_groups}
            landed_firms += len(chain_landed)
            if firm_order:
                firm_lists.append((firm_order, chain_landed))
    return {
        "as_of": start.isoformat(), "until": end.isoformat(),
        "precision_at_k": {"segments": _precision(seg_lists, cut), "firms": _precision(firm_lists, cut)},
        "baseline": {"segments": _baseline(seg_lists, cut), "firms": _baseline(firm_lists, cut)},
        "regions": len(region_ids), "chains": len(chain_ids),
        "landed_segments": landed_segments, "landed_firms": landed_firms,
    }


class _RegionStates:
    """A graph's facts that answer every ``segment_states`` question about a region from one pass over it.

    ``gap_report`` and ``find_targets`` each ask for the local presence in many segments (``find_targets`` in every
    segment of the dataset); a backtest asks them a few dozen times per region. The presence of all segments is
    read once per region and kept until the next region is asked about (so memory holds one region's worth).
    """

    def __init__(self, cg: ChainGraph) -> None:
        self._inner = facts_for(cg)
        self.params: AnalysisParams = params_for(cg)
        self._region: tuple[str, AnalysisParams] | None = None
        self._states: dict[str, SegmentState] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def region(self, text: str | None) -> Any:
        # the backtest passes ids it has resolved: skip the search by name over every region of a national pool
        regions = self._inner.ds.regions
        return regions[text] if text in regions else self._inner.region(text)

    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        if self._region != (region_id, params):
            self._states = self._inner.segment_states(list(self._inner.segments()), region_id, params)
            self._region = (region_id, params)
        return {s: self._states[s].capped(limit) for s in segment_ids}


def _facts(source: _RegionStates) -> Facts:
    return source  # type: ignore[return-value]  # answers every Facts question (the rest via __getattr__)


def _precision(lists: list[tuple[list[str], set[str]]], ks: list[int]) -> dict[int, float]:
    if not lists:
        return {k: 0.0 for k in ks}
    return {k: sum(sum(1 for item in order[:k] if item in hits) / k for order, hits in lists) / len(lists)
            for k in ks}


def _baseline(lists: list[tuple[list[str], set[str]]], ks: list[int]) -> dict[int, float]:
    # a random order puts, on average, min(k, n) * share hits in the first k places
    if not lists:
        return {k: 0.0 for k in ks}
    return {k: sum(min(k, len(order)) * len(hits & set(order)) / len(order) / k for order, hits in lists)
            / len(lists) for k in ks}
