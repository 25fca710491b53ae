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

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dataset.graph import ChainGraph
from ..dataset.model import Chain, Region, Segment
from .facts import CandidateFacts, Facts, facts_for
from .gaps import params_for, status_of_state, statuses_with_evidence
from .params import AnalysisParams
from .reasons import Reason, reason_dicts, reason_texts

__all__ = ["Candidate", "TargetList", "find_targets", "score_candidate"]


@dataclass
class Candidate:
    firm: CandidateFacts
    score: float
    reasons: list[str] = field(default_factory=list)
    components: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"firm": self.firm.name, "firm_id": self.firm.id, "country": self.firm.country or None,
                "headquarters": self.firm.headquarters or None, "score": self.score, "reasons": list(self.reasons),
                "reason_details": reason_dicts(self.reasons)}

    def reasons_in(self, lang: str = "zh") -> list[str]:
        """:attr:`reasons` in ``lang`` (``zh``: as they are; ``en``: rendered from their codes)."""
        return reason_texts(self.reasons, lang)


@dataclass
class TargetList:
    chain: Chain
    segment: Segment
    region: Region
    status: str
    candidates: list[Candidate]
    total: int
    completeness_gain: float = 0.0
    """How much the chain's completeness rises when any candidate lands (0 when the segment is covered)."""
    local_links: int = 0
    """Local firms in the segments directly upstream and downstream: the supply links a landing could make."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "chain": {"id": self.chain.id, "name": self.chain.name},
            "segment": {"id": self.segment.id, "name": self.segment.name, "name_en": self.segment.name_en,
                        "status": self.status},
            "region": {"id": self.region.id, "name": self.region.name},
            "total_candidates": self.total,
            "completeness_gain": self.completeness_gain,
            "local_links": self.local_links,
            "candidates": [{**c.to_dict(), "completeness_gain": self.completeness_gain,
                            "local_links": self.local_links} for c in self.candidates],
        }


def score_candidate(c: CandidateFacts, parks_by_country: dict[str, list[str]], segment_names: dict[str, str],
                    params: AnalysisParams, segment_names_en: dict[str, str] | None = None) -> Candidate:
    """The documented score of one candidate, with a reason for every term (:class:`~.reasons.Reason`).

    ``segment_names_en`` gives the English names the reasons use in English (the Chinese ones where missing).
    """
    english = segment_names_en or {}

    def named(segment_id: str) -> dict[str, str | None]:
        return {"id": segment_id, "name": segment_names[segment_id], "name_en": english.get(segment_id)}

    components: dict[str, float] = {}
    reasons: list[str] = []
    size_weight = {"leader": params.size_leader, "large": params.size_large, "medium": params.size_medium,
                   "small": params.size_small}
    components["size"] = size_weight.get(c.size, params.size_unknown)
    reasons.append(Reason("size", {"size": c.size}))
    if c.fortune500:
        components["fortune500"] = params.bonus_fortune500
        reasons.append(Reason("fortune500", {"group": c.fortune500 if c.fortune500 != c.name else None}))
    if c.group:
        components["same_group"] = params.bonus_same_group
        reasons.append(Reason("same_group", {"group": c.group, "local_firms": list(c.group_local_firms[:2])}))
    if c.supplies_local or c.buys_from_local:
        components["supply_tie"] = params.bonus_supply_tie
        reasons.extend(Reason("supplies_local", {"firm": name}) for name in c.supplies_local)
        reasons.extend(Reason("buys_from_local", {"firm": name}) for name in c.buys_from_local)
    if c.country and c.country in parks_by_country:
        components["country_fit"] = params.bonus_country_fit
        reasons.append(Reason("country_park", {"park": parks_by_country[c.country][0], "country": c.country}))
    if c.synergy:
        components["chain_synergy"] = params.bonus_chain_synergy
        reasons.append(Reason("synergy", {"pairs": [{"own": named(own), "near": named(near)}
                                                    for own, near in c.synergy[:2]]}))
    weight = {"confirmed": params.confidence_confirmed, "probable": params.confidence_probable,
              "guessed": params.confidence_guessed}[c.confidence]
    if c.confidence != "confirmed":
        reasons.append(Reason("confidence", {"level": c.confidence, "weight": weight}))
    return Candidate(firm=c, score=weight * _added(components.values()), reasons=reasons, components=components)


def _score(c: CandidateFacts, parks_by_country: dict[str, list[str]], params: AnalysisParams) -> float:
    """The same number as :func:`score_candidate`, without the reasons (for ranking large pools)."""
    size = {"leader": params.size_leader, "large": params.size_large, "medium": params.size_medium,
            "small": params.size_small}.get(c.size, params.size_unknown)
    terms = [size]
    if c.fortune500:
        terms.append(params.bonus_fortune500)
    if c.group:
        terms.append(params.bonus_same_group)
    if c.supplies_local or c.buys_from_local:
        terms.append(params.bonus_supply_tie)
    if c.country and c.country in parks_by_country:
        terms.append(params.bonus_country_fit)
    if c.synergy:
        terms.append(params.bonus_chain_synergy)
    weight = {"confirmed": params.confidence_confirmed, "probable": params.confidence_probable,
              "guessed": params.confidence_guessed}[c.confidence]
    return weight * _added(terms)


def _added(terms: Iterable[float]) -> float:
    """The terms added one by one, left to right, as SQLite and Cypher add them.

    Not :func:`sum`: from Python 3.12 on it adds floats with compensation, so a score could differ in its last bit
    from the snapshot's and Neo4j's, and two candidates tied by score on one backend would not be on another.
    """
    total = 0.0
    for term in terms:
        total += term
    return total


def find_targets(source: ChainGraph | Facts, chain: str | None, segment: str, region: str | None = None,
                 limit: int | None = 10, params: AnalysisParams | None = None) -> TargetList:
    """Rank the firms outside ``region`` that could fill ``segment`` (ids or names); ``limit=None`` for all."""
    facts = facts_for(source)
    params = params_for(source, params)
    segment_record = facts.segment(segment, chain=chain)
    chain_record = facts.chain(segment_record.chain)
    region_record = facts.region(region)
    region_id = region_record.id
    segments = facts.segments()
    quick = getattr(facts, "segment_statuses", None)  # a backend that can count without listing every firm
    if quick is not None:
        status = quick(region_id, params)
    else:
        states = facts.segment_states(list(segments), region_id, params)
        status = {s: status_of_state(state, params) for s, state in states.items()}
    status = statuses_with_evidence(facts, region_id, status)
    strong_or_weak = {s for s, st in status.items() if st in ("strong", "weak")}
    parks = facts.favoured_parks(region_id)
    names = {s.id: s.name for s in segments.values()}
    ranker = getattr(facts, "ranked_candidates", None)
    if limit is not None and ranker is not None:  # a backend that can rank a large pool itself
        ranked, total = ranker(segment_record.id, region_id, strong_or_weak, params, parks, limit)
        ranked.sort(key=lambda c: (-_score(c, parks, params), c.name, c.id))
    else:
        pool = facts.candidates(segment_record.id, region_id, strong_or_weak, params)
        # rank on the bare score first; the reasons are written only for the candidates that are returned
        ranked = sorted(pool, key=lambda c: (-_score(c, parks, params), c.name, c.id))
        total = len(ranked)
        if limit is not None:
            ranked = ranked[:limit]
    names_en = {s.id: s.name_en for s in segments.values() if s.name_en}
    candidates = [score_candidate(c, parks, names, params, names_en) for c in ranked]
    total_importance = math.fsum(s.importance for s in chain_record.segments) or 1.0
    gain = 0.0 if status[segment_record.id] in ("strong", "weak") else segment_record.importance / total_importance
    neighbours = [n for n in dict.fromkeys(facts.upstream(segment_record.id) + facts.downstream(segment_record.id))
                  if status.get(n) in ("strong", "weak")]
    local = facts.local_firm_count(neighbours, region_id, params) if neighbours else 0
    return TargetList(chain=chain_record, segment=segment_record, region=region_record,
                      status=status[segment_record.id], candidates=candidates, total=total, completeness_gain=gain,
                      local_links=local)
