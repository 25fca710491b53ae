"""What-if: land firms in segments of a region and see the chain change, without touching the dataset.

A landing puts a firm (one of the dataset, or a hypothetical one) into a segment as an operating local firm of
the region. :func:`what_if` answers on a :class:`LandedFacts` view over any backend's facts, so the same gap
method runs before and after and every number is comparable: statuses, completeness and re-ranked priorities.

Examples
--------
>>> from chaingraph import load_dataset, build_graph
>>> cg = build_graph(load_dataset())
>>> result = what_if(cg, "machine-tool", [Landing("发那科", "数控系统")])
>>> result.before.segment("mt-cnc-system").status, result.after.segment("mt-cnc-system").status
('unknown', 'strong')
>>> result.after.completeness > result.before.completeness
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..dataset.graph import ChainGraph
from ..dataset.model import Claim, Coverage
from ..dataset.store import normalize_name
from ..errors import LookupFailed
from ..messages import msg
from .facts import CandidateFacts, Facts, FirmRef, SegmentState, facts_for
from .gaps import GapReport, gap_report, params_for
from .params import AnalysisParams

__all__ = ["Landing", "LandedFirm", "LandedFacts", "WhatIf", "what_if", "resolve_landing"]


@dataclass(frozen=True)
class Landing:
    """A firm to land: ``firm`` is an id or name of the dataset, or the name of a hypothetical firm."""

    firm: str
    segment: str
    leader: bool | None = None
    """Counts as a leader (makes the segment strong); None: as the dataset says (hypothetical firms: no)."""
    region: str | None = None
    """Where it lands (a park or the region itself); None: the region of the analysis."""


@dataclass(frozen=True)
class LandedFirm:
    ref: FirmRef
    segment: str
    region: str
    leader: bool
    hypothetical: bool

    def to_dict(self) -> dict[str, Any]:
        return {"firm": self.ref.name, "firm_id": None if self.hypothetical else self.ref.id,
                "segment": self.segment, "region": self.region, "leader": self.leader,
                "hypothetical": self.hypothetical}


def _lookup(facts: Facts, text: str) -> tuple[FirmRef, bool] | None:
    """(firm, is leader) for a firm of the dataset, from whatever the backend holds; None when it has none."""
    source = getattr(facts, "cg", None)
    if isinstance(source, ChainGraph):
        # exact names only: a new firm's name must never turn into a firm whose name merely contains it
        key = normalize_name(text)
        found = [f for f in source.dataset.firms.values()
                 if f.id == text.strip() or any(normalize_name(n) == key for n in f.names())]
        if len(found) > 1 and found[0].id != text.strip():
            raise LookupFailed(msg("firm {text!r} matches {found_count} firms: "
                                   "{id}; give its id",
                                   text=text, found_count=len(found), id=", ".join(f.id for f in found[:5])))
        if not found:
            return None
        firm = found[0]
        return FirmRef(firm.id, firm.name, source.fortune500(firm.id)), source.is_leader(firm.id)
    finder = getattr(facts, "firm_lookup", None)
    if finder is not None:
        found = finder(text)
        if found is not None:
            firm_id, name, fortune500, leader = found
            return FirmRef(firm_id, name, fortune500), leader
    return None


def resolve_landing(facts: Facts, landing: Landing, region_id: str, number: int = 1) -> LandedFirm:
    """The firm, segment and place of a landing, looked up in the backend (ids or names)."""
    segment = facts.segment(landing.segment)
    place = facts.region(landing.region).id if landing.region else region_id
    found = _lookup(facts, landing.firm)
    if found is None:
        ref = FirmRef(f"whatif-{number}", landing.firm.strip())
        return LandedFirm(ref, segment.id, place, bool(landing.leader), hypothetical=True)
    ref, leader = found
    return LandedFirm(ref, segment.id, place, leader if landing.leader is None else landing.leader, False)


class LandedFacts:
    """Any backend's :class:`~chaingraph.analysis.facts.Facts`, with some firms landed: nothing is written.

    Landed firms are local operating firms of their place (and of every region above it) in their segment; a
    firm of the dataset that lands is no longer a candidate there.
    """

    def __init__(self, base: Facts, landed: Sequence[LandedFirm]) -> None:
        self.base = base
        self.ds = base.ds
        self.landed = list(landed)
        self.params = getattr(base, "params", None)

    def __getattr__(self, name: str) -> Any:
        # the structural questions are the base's; the optional fast paths (a snapshot's SQL-only statuses and
        # ranking) would not see the landed firms, so they are not passed on
        if name in ("segment_statuses", "ranked_candidates"):
            raise AttributeError(name)
        return getattr(self.base, name)

    def chains(self) -> Any:
        return self.base.chains()

    def chain(self, text: str) -> Any:
        return self.base.chain(text)

    def region(self, text: str | None) -> Any:
        return self.base.region(text)

    def segment(self, text: str, chain: str | None = None) -> Any:
        return self.base.segment(text, chain)

    def segments(self) -> Any:
        return self.base.segments()

    def chain_name(self, chain_id: str) -> str:
        return self.base.chain_name(chain_id)

    def as_of(self) -> str:
        return self.base.as_of()

    def upstream(self, segment_id: str) -> list[str]:
        return self.base.upstream(segment_id)

    def downstream(self, segment_id: str) -> list[str]:
        return self.base.downstream(segment_id)

    def coverage(self, region_id: str, chain_id: str | None = None) -> Coverage:
        return self.base.coverage(region_id, chain_id)

    def claims(self, region_id: str) -> list[Claim]:
        return self.base.claims(region_id)

    def favoured_parks(self, region_id: str) -> dict[str, list[str]]:
        return self.base.favoured_parks(region_id)

    def _inside(self, region_id: str) -> set[str]:
        return set(self.ds.region_descendants(region_id))

    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        ids = list(segment_ids)
        states = self.base.segment_states(ids, region_id, params, limit=limit)
        inside = self._inside(region_id)
        for firm in self.landed:
            if firm.segment not in states or firm.region not in inside:
                continue
            state = states[firm.segment]
            if any(f.id == firm.ref.id for f in state.firms):
                continue
            listed = limit is None or len(state.firms) < limit
            lead_listed = limit is None or len(state.leaders) < limit
            states[firm.segment] = replace(
                state, firms=(*state.firms, firm.ref) if listed else state.firms,
                leaders=(*state.leaders, firm.ref) if firm.leader and lead_listed else state.leaders,
                firm_count=state.firm_count + 1, leader_count=state.leader_count + (1 if firm.leader else 0))
        return states

    def local_firm_count(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> int:
        ids = list(segment_ids)
        inside = self._inside(region_id)
        landed = {f.ref.id for f in self.landed if f.segment in ids and f.region in inside}
        if not landed:
            return self.base.local_firm_count(ids, region_id, params)
        known = {f.id for state in self.base.segment_states(ids, region_id, params).values() for f in state.firms}
        return self.base.local_firm_count(ids, region_id, params) + len(landed - known)

    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]:
        counts = {r: dict(row) for r, row in self.base.region_segment_counts(level, params).items()}
        for firm in self.landed:
            target = next((r for r in self.ds.region_ancestors(firm.region) if self.ds.regions[r].kind == level),
                          None)
            if target is not None:
                row = counts.setdefault(target, {})
                row[firm.segment] = row.get(firm.segment, 0) + 1
        return counts

    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams) -> list[CandidateFacts]:
        inside = self._inside(region_id)
        gone = {f.ref.id for f in self.landed if f.region in inside and f.segment == segment_id}
        return [c for c in self.base.candidates(segment_id, region_id, strong_or_weak, params) if c.id not in gone]


@dataclass
class WhatIf:
    """The gap report of a chain before and after some landings, and the segments whose status changed."""

    before: GapReport
    after: GapReport
    landed: list[LandedFirm]
    changed: list[dict[str, str]] = field(default_factory=list)

    @property
    def completeness_gain(self) -> float:
        return self.after.completeness - self.before.completeness

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.to_dict(), "after": self.after.to_dict(), "changed": list(self.changed),
                "landed": [f.to_dict() for f in self.landed], "completeness_gain": self.completeness_gain}


def what_if(source: ChainGraph | Facts, chain: str, landings: Sequence[Landing], region: str | None = None,
            params: AnalysisParams | None = None) -> WhatIf:
    """Land ``landings`` in ``region`` and compare the gap report of ``chain`` before and after."""
    facts = facts_for(source)
    params = params_for(source, params)
    region_id = facts.region(region).id
    landed = [resolve_landing(facts, landing, region_id, n) for n, landing in enumerate(landings, start=1)]
    before = gap_report(facts, chain, region_id, params)
    after = gap_report(LandedFacts(facts, landed), chain, region_id, params)  # type: ignore[arg-type]
    changed = [{"segment": b.segment.id, "name": b.segment.name, "from": b.status, "to": a.status}
               for b, a in zip(before.segments, after.segments, strict=True) if b.status != a.status]
    return WhatIf(before, after, landed, changed)
