"""Relatedness of segments across regions, after the product-space method (Hidalgo et al. 2007; the
"principle of relatedness", Hidalgo et al. 2018; Harvard Growth Lab's Atlas).

With firm counts ``x[r][s]`` of segment ``s`` in region ``r`` over comparable regions (same kind as the region
being analysed: counties with counties):

* revealed comparative advantage ``RCA[r][s] = (x[r][s] / x[r]) / (x[s] / x)``, and ``M[r][s] = RCA >= 1``;
* proximity ``phi[s][t] = co-occurrence(s, t) / max(ubiquity(s), ubiquity(t))``: how often regions specialised
  in one segment are also specialised in the other;
* density ``d[r][s] = sum_t M[r][t] phi[s][t] / sum_t phi[s][t]``: the share of a segment's related segments
  that the region is already specialised in. High density means the region has the capabilities the
  segment needs, so attracting it is more likely to succeed.

The computation needs many regions to mean anything; with fewer than ``relatedness_min_regions`` regions holding
firms it is not used, and the gap report says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..dataset.graph import ChainGraph
from .facts import Facts, facts_for
from .params import AnalysisParams, params_for

__all__ = ["Relatedness", "compute_relatedness", "relatedness_from_counts"]


@dataclass
class Relatedness:
    """Proximity between segments and densities per region, computed at one region level (e.g. ``county``)."""

    level: str
    regions: list[str]
    segments: list[str]
    counts: dict[str, dict[str, int]] = field(repr=False)
    specialised: dict[str, set[str]] = field(repr=False)
    proximity: dict[str, dict[str, float]] = field(repr=False)

    def rca(self, region: str, segment: str) -> float:
        """Revealed comparative advantage (location quotient) of a region in a segment; 0 when unknown."""
        row = self.counts.get(region, {})
        region_total = sum(row.values())
        segment_total = sum(r.get(segment, 0) for r in self.counts.values())
        total = sum(sum(r.values()) for r in self.counts.values())
        if not region_total or not segment_total:
            return 0.0
        return (row.get(segment, 0) / region_total) / (segment_total / total)

    def density(self, region: str, segment: str) -> float:
        """Share of the segment's proximity mass that lies in segments the region is specialised in (0..1)."""
        near = self.proximity.get(segment, {})
        # fsum: exactly rounded, the same whatever order the backend listed the segments in
        denominator = math.fsum(near.values())
        if denominator == 0:
            return 0.0
        have = self.specialised.get(region, set())
        return math.fsum(p for t, p in near.items() if t in have) / denominator

    def closest_specialised(self, region: str, segment: str, limit: int = 3) -> list[tuple[str, float]]:
        """The region's specialised segments nearest to ``segment``, closest first."""
        have = self.specialised.get(region, set())
        near = [(t, p) for t, p in self.proximity.get(segment, {}).items() if t in have and p > 0]
        return sorted(near, key=lambda item: (-item[1], item[0]))[:limit]


def relatedness_from_counts(counts: dict[str, dict[str, int]], segments: list[str],
                            level: str = "") -> Relatedness:
    """Relatedness from firm counts per region and segment (regions with no firms are left out).

    Each segment's specialised regions are one integer used as a bit set, so that ubiquity and co-occurrence are
    bit counts (a cold ``gaps`` computes this once over every county; pairs of regions in Python took ~20 ms).
    """
    regions = sorted(r for r, row in counts.items() if any(row.values()))
    total = sum(sum(counts[r].values()) for r in regions)
    segment_totals = dict.fromkeys(segments, 0)
    for region in regions:
        for s, x in counts[region].items():
            if s in segment_totals:
                segment_totals[s] += x
    share = {s: n / total for s, n in segment_totals.items() if n}  # a segment's share of all firms
    specialised: dict[str, set[str]] = {}
    members = dict.fromkeys(segments, 0)  # segment -> bit i set when regions[i] is specialised in it
    for i, region in enumerate(regions):
        row = counts[region]
        region_total = sum(row.values())
        have = specialised[region] = {
            s for s, x in row.items() if x and s in share and (x / region_total) / share[s] >= 1.0
        }
        bit = 1 << i
        for s in have:
            members[s] |= bit
    ubiquity = {s: members[s].bit_count() for s in segments}
    proximity: dict[str, dict[str, float]] = {}
    for s in segments:
        near: dict[str, float] = {}
        mine, mine_ubiquity = members[s], ubiquity[s]
        for t in segments:
            if t == s:
                continue
            denominator = max(mine_ubiquity, ubiquity[t])
            near[t] = (mine & members[t]).bit_count() / denominator if denominator else 0.0
        proximity[s] = near
    return Relatedness(level, regions, list(segments), {r: dict(counts[r]) for r in regions}, specialised,
                       proximity)


def compute_relatedness(source: ChainGraph | Facts, level: str, params: AnalysisParams | None = None) -> Relatedness:
    """Relatedness over every region of kind ``level`` that holds firms with segment links."""

    facts = facts_for(source)
    params = params_for(source, params)
    return relatedness_from_counts(facts.region_segment_counts(level, params), list(facts.segments()), level)
