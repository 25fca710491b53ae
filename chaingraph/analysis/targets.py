"""Target firms for a segment: whom to approach to fill or strengthen it, ranked, with reasons.

Candidates are firms present in the segment (operating links or operating projects) that are not local to the
region. Each gets a score (``docs/analysis.md``)::

    score = confidence x (size + fortune500 + same_group + supply_tie + country_fit + chain_synergy)

* size: leader 1.0, large 0.7, medium 0.45, small 0.25, unknown 0.35;
* fortune500 (+0.3): the firm or its group is in the Fortune Global 500;
* same_group (+0.5): its group already has a firm in the region (二次招商, re-investment);
* supply_tie (+0.4): it already supplies a local firm, or buys from one;
* country_fit (+0.2): a park of the region is built for firms of its country (中日 / 中德 产业合作园);
* chain_synergy (+0.15): it also works in a segment next to one the region is strong or weak in;
* confidence: confirmed 1.0, probable 0.8, guessed 0.5 (how sure we are that it works in the segment).

Examples
--------
>>> from chaingraph import load_dataset, build_graph, find_targets
>>> cg = build_graph(load_dataset())
>>> result = find_targets(cg, "machine-tool", "数控系统")
>>> result.segment.id, len(result.candidates) >= 3
('mt-cnc-system', True)
>>> result.candidates[0].score >= result.candidates[-1].score
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..countries import country_label
from ..errors import LookupFailed
from ..graph import ChainGraph
from ..model import Chain, Firm, Region, Segment
from .gaps import params_for, segment_status
from .params import AnalysisParams

__all__ = ["Candidate", "TargetList", "find_targets"]


@dataclass
class Candidate:
    firm: Firm
    score: float
    reasons: list[str] = field(default_factory=list)
    components: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"firm": self.firm.name, "firm_id": self.firm.id, "country": self.firm.country,
                "headquarters": self.firm.headquarters, "score": self.score, "reasons": list(self.reasons)}


@dataclass
class TargetList:
    chain: Chain
    segment: Segment
    region: Region
    status: str
    candidates: list[Candidate]
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "chain": {"id": self.chain.id, "name": self.chain.name},
            "segment": {"id": self.segment.id, "name": self.segment.name, "name_en": self.segment.name_en,
                        "status": self.status},
            "region": {"id": self.region.id, "name": self.region.name},
            "total_candidates": self.total,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def find_targets(cg: ChainGraph, chain: str | None, segment: str, region: str | None = None,
                 limit: int | None = 10, params: AnalysisParams | None = None) -> TargetList:
    """Rank the firms outside ``region`` that could fill ``segment`` (ids or names); ``limit=None`` for all."""
    ds = cg.dataset
    params = params_for(cg, params)
    segment_record = ds.segment(segment, chain=chain)
    chain_record = ds.chains[segment_record.chain]
    if chain is not None and ds.chain(chain).id != chain_record.id:  # pragma: no cover - segment() checks
        raise LookupFailed(f"segment {segment!r} is not in chain {chain!r}")
    region_record = ds.region(region if region is not None else ds.info.default_region)
    region_id = region_record.id
    status = segment_status(cg, segment_record.id, region_id, params)[0]

    local_ids = [f.id for f in ds.firms.values() if cg.is_local(f, region_id)]
    local_groups: dict[str, list[str]] = {}
    for firm_id in local_ids:
        group = ds.firms[firm_id].group
        if group:
            local_groups.setdefault(group, []).append(firm_id)
    local_set = set(local_ids)
    parks_by_country: dict[str, list[str]] = {}
    for rid in sorted(cg.descendants(region_id)):
        for country in ds.regions[rid].favoured_countries:
            parks_by_country.setdefault(country, []).append(ds.regions[rid].name)
    ties_by_firm: dict[str, list[str]] = {}
    for tie in ds.ties:
        if tie.customer in local_set and tie.supplier not in local_set:
            ties_by_firm.setdefault(tie.supplier, []).append(f"已为本地 {ds.firms[tie.customer].name} 供货")
        if tie.supplier in local_set and tie.customer not in local_set:
            ties_by_firm.setdefault(tie.customer, []).append(f"已采购本地 {ds.firms[tie.supplier].name} 产品")

    status_cache: dict[str, str] = {}

    def local_status(segment_id: str) -> str:
        if segment_id not in status_cache:
            status_cache[segment_id] = segment_status(cg, segment_id, region_id, params)[0]
        return status_cache[segment_id]

    confidence_weight = {"confirmed": params.confidence_confirmed, "probable": params.confidence_probable,
                         "guessed": params.confidence_guessed}
    size_weight = {"leader": params.size_leader, "large": params.size_large, "medium": params.size_medium,
                   "small": params.size_small}
    size_label = {"leader": "细分龙头", "large": "大型企业", "medium": "中型企业", "small": "小型企业"}

    best_confidence: dict[str, str] = {}
    rank = {"confirmed": 0, "probable": 1, "guessed": 2}
    for presence in cg.presences_by_segment.get(segment_record.id, []):
        if presence.stage != "operating" or presence.firm in local_set:
            continue
        if presence.via is not None and cg.project_is_local(ds.projects[presence.via], region_id):
            continue
        current = best_confidence.get(presence.firm)
        if current is None or rank[presence.confidence] < rank[current]:
            best_confidence[presence.firm] = presence.confidence

    candidates = []
    for firm_id, confidence in best_confidence.items():
        firm = ds.firms[firm_id]
        components: dict[str, float] = {}
        reasons: list[str] = []
        components["size"] = size_weight.get(firm.size, params.size_unknown)
        reasons.append(size_label.get(firm.size, "规模未知"))
        f500 = cg.fortune500(firm_id)
        if f500:
            components["fortune500"] = params.bonus_fortune500
            reasons.append(f"世界500强（{f500}）" if f500 != firm.name else "世界500强")
        if firm.group and firm.group in local_groups:
            components["same_group"] = params.bonus_same_group
            names = "、".join(ds.firms[f].name for f in local_groups[firm.group][:2])
            reasons.append(f"二次招商：同属{ds.groups[firm.group].name}，本地已有 {names}")
        if firm_id in ties_by_firm:
            components["supply_tie"] = params.bonus_supply_tie
            reasons.extend(ties_by_firm[firm_id])
        if firm.country and firm.country in parks_by_country:
            components["country_fit"] = params.bonus_country_fit
            reasons.append(f"{parks_by_country[firm.country][0]} 匹配（{country_label(firm.country)}企业）")
        synergy = []
        for presence in cg.presences_by_firm.get(firm_id, []):
            other = presence.segment
            if other == segment_record.id or presence.stage != "operating":
                continue
            neighbours = cg.upstream(other) + cg.downstream(other)
            for n in neighbours:
                if local_status(n) in ("strong", "weak") and other not in synergy:
                    synergy.append(other)
                    break
        if synergy:
            components["chain_synergy"] = params.bonus_chain_synergy
            names = "、".join(ds.segments[s].name for s in synergy[:2])
            reasons.append(f"协同：另涉 {names}，与本地优势环节相邻")
        weight = confidence_weight[confidence]
        if confidence != "confirmed":
            reasons.append(f"环节关联置信度：{ {'probable': '较可能', 'guessed': '推测'}[confidence]}（×{weight:g}）")
        score = weight * sum(components.values())
        candidates.append(Candidate(firm=firm, score=score, reasons=reasons, components=components))
    candidates.sort(key=lambda c: (-c.score, c.firm.name, c.firm.id))
    total = len(candidates)
    if limit is not None:
        candidates = candidates[:limit]
    return TargetList(chain=chain_record, segment=segment_record, region=region_record, status=status,
                      candidates=candidates, total=total)
