"""Gap analysis of one chain for one region: status, completeness, priority and action per segment.

Every number comes with reasons a planner can read (``docs/analysis.md`` documents the method):

* **status** of a segment in region R: ``strong`` (a local leader, or at least ``strong_min_firms`` local
  operating firms), ``weak`` (some local operating firms), ``pipeline`` (no operating firm, but signed,
  under-construction or trial projects in R), ``claimed`` (none of these, but a source asserts the region has
  it), ``missing`` (none of these where the dataset's firm list for R is complete -- coverage ``registry`` --
  or where a source says the region lacks it), ``unknown`` (none of these where coverage is ``partial``:
  not seen is not missing);
* **completeness** of the chain: the importance-weighted share of its segments that are strong or weak (a
  lower bound), and an upper bound that also counts the segments sources claim;
* **priority** of each segment that is not strong, in [0, 1]::

      importance x (1 + pull) x (1 + push) [x (1 + density)] / 4 [/ 8]  [x pipeline_discount]

  where pull is the strength of the strongest downstream neighbour (local customers for the segment), push that
  of the strongest upstream neighbour (local suppliers), both across chains, and density the relatedness
  density of the segment for R when the dataset spans enough regions;
* **action**: 补链 (fill) for missing and pipeline segments, 强链 (strengthen) for weak ones, 延链 (extend) for
  missing segments at either end of the chain (no supplier, or no customer, inside the chain) next to an
  in-chain segment the region already produces in (strong or weak), 核实 (verify) for unknown and claimed
  segments: find out first, then fill or extend.

Examples
--------
>>> from chaingraph import load_dataset, build_graph, gap_report
>>> cg = build_graph(load_dataset())
>>> report = gap_report(cg, "汽车", "平湖")
>>> report.chain.id, report.region.id
('automotive', 'pinghu')
>>> report.segment("auto-drive-motor").status
'strong'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..dataset.graph import ChainGraph
from ..dataset.model import Chain, Claim, Coverage, Region, Segment
from ..errors import LookupFailed
from ..messages import msg
from .facts import Facts, FirmRef, SegmentState, facts_for
from .params import AnalysisParams, params_for
from .reasons import Reason, reason_dicts, reason_texts
from .relatedness import Relatedness, relatedness_from_counts

__all__ = ["STATUSES", "ACTIONS", "STATUS_LABELS", "STATUS_LABELS_EN", "ASSERTION_LABELS", "SegmentGap",
           "GapReport", "gap_report", "segment_status", "status_of_state", "status_from_counts", "status_with_evidence",
           "statuses_with_evidence", "params_for",
           "LOCAL_FIRM_LIMIT"]

LOCAL_FIRM_LIMIT = 20
"""How many local firms a segment of a gap report lists by default (the CLI's JSON too; ``--all-firms`` for all)."""
_REASON_FIRMS = 4  # the reasons name up to four local firms of a segment

STATUSES = ("strong", "weak", "pipeline", "claimed", "missing", "unknown")
ACTIONS = {"fill": "补链", "strengthen": "强链", "extend": "延链", "verify": "核实"}
ACTION_CODES = {label: code for code, label in ACTIONS.items()}
STATUS_LABELS = {"strong": "强", "weak": "弱", "pipeline": "在途", "claimed": "声称有", "missing": "缺",
                 "unknown": "未见"}
STATUS_LABELS_EN = {"strong": "strong", "weak": "weak", "pipeline": "pipeline", "claimed": "claimed",
                    "missing": "missing", "unknown": "not seen"}
ASSERTION_LABELS = {"present": "称有", "strong": "称强", "lacking": "称缺"}
COVERAGE_LABELS = {"registry": "名录完整（未见即缺）", "partial": "部分覆盖（新闻与整理资料：未见≠缺）"}
COVERAGE_LABELS_EN = {"registry": "complete firm list (not seen means missing)",
                      "partial": "partial (news and curated sources: not seen is not missing)"}


def _stable(x: float) -> float:
    """``x`` to 12 significant digits: equal for two sums of the same terms added in different orders."""
    return float(f"{x:.12g}")


@dataclass
class SegmentGap:
    """The analysis of one segment for one region."""

    segment: Segment
    status: str
    action: str | None
    priority: float | None
    local_firms: list[str]
    pipeline_projects: list[str]
    leaders: list[str]
    pull: float = 0.0
    push: float = 0.0
    density: float | None = None
    reasons: list[str] = field(default_factory=list)
    local_firm_ids: list[str] = field(default_factory=list, repr=False)
    headline: str = ""
    """The one reason that explains the priority best (for narrow tables)."""
    claims: list[Claim] = field(default_factory=list)
    """What sources assert about this segment in the region (never counted as firms)."""
    local_firm_count: int = -1
    """How many local firms the segment has; :attr:`local_firms` may list only the first of them (the report's
    ``firm_limit``). Defaults to the length of the list."""

    def reasons_in(self, lang: str = "zh") -> list[str]:
        """:attr:`reasons` in ``lang`` (``zh``: as they are; ``en``: rendered from their codes)."""
        return reason_texts(self.reasons, lang)

    def headline_in(self, lang: str = "zh") -> str:
        """:attr:`headline` in ``lang``."""
        return reason_texts([self.headline], lang)[0] if self.headline else ""

    def __post_init__(self) -> None:
        if self.local_firm_count < 0:
            self.local_firm_count = len(self.local_firms)

    @property
    def action_code(self) -> str | None:
        """``fill``, ``strengthen``, ``extend``, ``verify`` or None: the stable code of :attr:`action`."""
        return ACTION_CODES.get(self.action) if self.action else None

    def to_dict(self) -> dict[str, Any]:
        s = self.segment
        return {
            "id": s.id, "name": s.name, "name_en": s.name_en, "tier": s.tier, "importance": s.importance,
            "status": self.status, "status_label": STATUS_LABELS[self.status], "action": self.action,
            "action_code": self.action_code, "priority": self.priority,
            "local_firm_count": self.local_firm_count,
            "local_firms": list(self.local_firms), "pipeline_projects": list(self.pipeline_projects),
            "claims": [claim_dict(c) for c in self.claims],
            "reasons": list(self.reasons),
            "reason_details": reason_dicts(self.reasons),
            "headline_reason_code": getattr(self.headline, "code", None),
        }


def claim_dict(claim: Claim) -> dict[str, Any]:
    """A claim as the JSON contract shows it: ``{source, sources, evidence, asserts, note}``."""
    return {"source": claim.sources[0] if claim.sources else "", "sources": list(claim.sources),
            "evidence": claim.evidence, "asserts": claim.asserts, "note": claim.note}


@dataclass
class GapReport:
    """Gap analysis of a chain for a region: one :class:`SegmentGap` per segment of the chain."""

    chain: Chain
    region: Region
    completeness: float
    completeness_with_pipeline: float
    segments: list[SegmentGap]
    relatedness_used: bool
    as_of: str = ""
    coverage: Coverage | None = None
    """The coverage the statuses rest on (``registry``: absence is real; ``partial``: absence is not seen)."""
    completeness_upper: float | None = None
    """Completeness if every claim of a source were true (equals :attr:`completeness` without claims)."""

    def segment(self, segment_id: str) -> SegmentGap:
        for gap in self.segments:
            if gap.segment.id == segment_id:
                return gap
        raise LookupFailed(msg("segment {segment_id!r} is not in chain {id}", segment_id=segment_id, id=self.chain.id))

    def counts(self) -> dict[str, int]:
        return {status: sum(1 for g in self.segments if g.status == status) for status in STATUSES}

    def ranked(self) -> list[SegmentGap]:
        """Gaps first by priority (highest first), then strong segments in chain order.

        Equal priorities keep the chain's order, then the segment id. Priorities are compared to 12 significant
        digits, so that a last-bit difference between backends or Python versions cannot swap two segments.
        """
        order = {g.segment.id: i for i, g in enumerate(self.segments)}
        return sorted(self.segments, key=lambda g: (g.priority is None, -_stable(g.priority or 0.0),
                                                    order[g.segment.id], g.segment.id))

    def to_dict(self) -> dict[str, Any]:
        return {
            "chain": {"id": self.chain.id, "name": self.chain.name, "name_en": self.chain.name_en},
            "region": {"id": self.region.id, "name": self.region.name},
            "as_of": self.as_of,
            "completeness": self.completeness,
            "completeness_with_pipeline": self.completeness_with_pipeline,
            "completeness_upper": self.completeness_upper,
            "coverage": coverage_dict(self.coverage),
            "relatedness_used": self.relatedness_used,
            "counts": self.counts(),
            "segments": [g.to_dict() for g in self.ranked()],
        }


def coverage_dict(coverage: Coverage | None) -> dict[str, Any]:
    """The coverage as the JSON contract shows it: ``{kind, region, chain, as_of, sources, note}``."""
    if coverage is None:
        return {"kind": "partial", "region": None, "chain": None, "as_of": None, "sources": [], "note": ""}
    return {"kind": coverage.kind, "region": coverage.region, "chain": coverage.chain,
            "as_of": str(coverage.as_of) if coverage.as_of else None, "sources": list(coverage.sources),
            "note": coverage.note}


def coverage_line(coverage: Coverage | None, lang: str = "zh") -> str:
    """One line for report headers: which kind of coverage the statuses rest on (in ``lang``)."""
    kind = coverage.kind if coverage is not None else "partial"
    if lang == "en":
        text = "coverage: " + COVERAGE_LABELS_EN[kind]
        return text + (f", as of {coverage.as_of}" if coverage is not None and coverage.as_of else "")
    text = "覆盖：" + COVERAGE_LABELS[kind]
    if coverage is not None and coverage.as_of:
        text += f"，截至 {coverage.as_of}"
    return text


def _relatedness(facts: Facts, level: str, params: AnalysisParams) -> Relatedness:
    """Relatedness at one region level, computed once per backend object (it depends on all regions, not one)."""
    cache = facts.__dict__.setdefault("_relatedness_cache", {})
    key = (level, params.count_guessed_links)
    if key not in cache:
        cache[key] = relatedness_from_counts(facts.region_segment_counts(level, params), list(facts.segments()),
                                             level)
    return cache[key]  # type: ignore[no-any-return]


def status_from_counts(firms: int, has_leader: bool, has_pipeline: bool, params: AnalysisParams) -> str:
    """strong / weak / pipeline / missing, from the number of local firms, a leader among them, pipeline projects.

    >>> status_from_counts(1, True, False, AnalysisParams()), status_from_counts(0, False, True, AnalysisParams())
    ('strong', 'pipeline')
    """
    if (has_leader and params.leader_makes_strong) or firms >= params.strong_min_firms:
        return "strong"
    if firms:
        return "weak"
    if has_pipeline:
        return "pipeline"
    return "missing"


def status_of_state(state: SegmentState, params: AnalysisParams) -> str:
    """strong / weak / pipeline / missing, from the local presence in a segment."""
    return status_from_counts(state.firm_count, state.leader_count > 0, bool(state.projects), params)


def status_with_evidence(status: str, claims: list[Claim], coverage_kind: str) -> str:
    """Refine a status from local records (strong / weak / pipeline / missing) with claims and coverage.

    Local firms and projects decide first; a claim never counts as a firm. Where there are none, a source's
    claim that the region has the segment makes it ``claimed``, a claim that it lacks it ``missing``; otherwise
    it is ``missing`` only where the firm list is complete (``registry``) and ``unknown`` elsewhere.

    >>> status_with_evidence("missing", [], "partial"), status_with_evidence("missing", [], "registry")
    ('unknown', 'missing')
    >>> status_with_evidence("weak", [Claim("r", "s", "lacking")], "partial")
    'weak'
    """
    if status != "missing":
        return status
    asserted = {c.asserts for c in claims}
    if asserted & {"present", "strong"}:
        return "claimed"
    if "lacking" in asserted or coverage_kind == "registry":
        return "missing"
    return "unknown"


def statuses_with_evidence(facts: Facts, region_id: str, statuses: dict[str, str]) -> dict[str, str]:
    """:func:`status_with_evidence` for many segments of one region (coverage looked up per chain)."""
    claims = _claims_by_segment(facts.claims(region_id))
    segments = facts.segments()
    kinds: dict[str, str] = {}
    result = {}
    for segment_id, status in statuses.items():
        if status == "missing":
            chain = segments[segment_id].chain
            if chain not in kinds:
                kinds[chain] = facts.coverage(region_id, chain).kind
            status = status_with_evidence(status, claims.get(segment_id, []), kinds[chain])
        result[segment_id] = status
    return result


def _claims_by_segment(claims: list[Claim]) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {}
    for claim in claims:
        found.setdefault(claim.segment, []).append(claim)
    return found


def segment_status(source: ChainGraph | Facts, segment_id: str, region_id: str,
                   params: AnalysisParams | None = None) -> tuple[str, list[str], list[str], list[str]]:
    """Status of a segment in a region, with (local firm ids, leader firm ids, pipeline project ids).

    The status takes the region's claims and coverage into account (see :func:`status_with_evidence`).
    """
    params = params_for(source, params)
    facts = facts_for(source)
    state = facts.segment_states([segment_id], region_id, params)[segment_id]
    status = statuses_with_evidence(facts, region_id, {segment_id: status_of_state(state, params)})[segment_id]
    return (status, [f.id for f in state.firms], [f.id for f in state.leaders], [p.id for p in state.projects])


def _names(firms: tuple[FirmRef, ...] | list[FirmRef]) -> list[str]:
    return [f.name for f in firms]


def _claim_text(claim: Claim) -> Reason:
    return Reason("claim", {"asserts": claim.asserts, "evidence": claim.evidence, "sources": list(claim.sources)})


def _named(segment: Segment | Chain) -> dict[str, Any]:
    """A segment or chain as reason parameters: id, name and English name."""
    return {"id": segment.id, "name": segment.name, "name_en": segment.name_en}


def _describe(status: str, state: SegmentState, coverage: Coverage | None = None) -> Reason:
    if status in ("strong", "weak"):
        return Reason("local_firms", {
            "count": state.firm_count, "firms": _names(state.firms[:4]), "more": state.firm_count > 4,
            "leaders": [{"name": f.name, "fortune500": f.fortune500} for f in state.leaders[:3]]})
    if status == "pipeline":
        return Reason("pipeline_projects", {"projects": [{"name": p.name, "status": p.status, "date": p.date}
                                                         for p in state.projects[:3]]})
    if status == "claimed":
        return Reason("claimed_only")
    if status == "unknown":
        return Reason("not_seen")
    registry = coverage is not None and coverage.kind == "registry"
    as_of = str(coverage.as_of) if registry and coverage is not None and coverage.as_of else None
    return Reason("no_local", {"complete_list": registry, "as_of": as_of})


def _code(reason: str) -> str | None:
    return getattr(reason, "code", None)


def _headline(reasons: list[str], action: str, pull: float, push: float) -> str:
    if action == ACTIONS["extend"]:
        return reasons[-1]
    if action == ACTIONS["verify"]:
        claim = next((r for r in reasons if _code(r) in ("claim", "claimed_discount")), None)
        if claim is not None:
            return claim
    if pull or push:
        side = "downstream" if pull >= push else "upstream"
        return next(r for r in reasons if _code(r) == "neighbour" and getattr(r, "params", {}).get("side") == side)
    return reasons[0]


def gap_report(source: ChainGraph | Facts, chain: str, region: str | None = None,
               params: AnalysisParams | None = None, firm_limit: int | None = LOCAL_FIRM_LIMIT) -> GapReport:
    """Analyse ``chain`` for ``region`` (ids or names; the dataset's default region when None).

    ``source`` is a :class:`~chaingraph.dataset.graph.ChainGraph` or any backend's
    :class:`~chaingraph.analysis.facts.Facts`.
    Each segment lists at most ``firm_limit`` local firms (:data:`LOCAL_FIRM_LIMIT` by default; None for all);
    :attr:`SegmentGap.local_firm_count` always counts all of them, and nothing else in the report depends on the
    limit.
    """
    facts = facts_for(source)
    params = params_for(source, params)
    chain_record = facts.chain(chain)
    region_record = facts.region(region)
    region_id = region_record.id
    segments = facts.segments()
    chain_ids = [s.id for s in chain_record.segments]
    up = {s: facts.upstream(s) for s in chain_ids}
    down = {s: facts.downstream(s) for s in chain_ids}
    wanted = set(chain_ids).union(*up.values(), *down.values())
    listed = None if firm_limit is None else max(firm_limit, _REASON_FIRMS)
    states = facts.segment_states(sorted(wanted), region_id, params, limit=listed)
    local = {s: status_of_state(state, params) for s, state in states.items()}
    status = statuses_with_evidence(facts, region_id, local)
    coverage = facts.coverage(region_id, chain_record.id)
    claims = _claims_by_segment(facts.claims(region_id))

    relatedness = None
    related = _relatedness(facts, region_record.kind, params)
    if len(related.regions) >= params.relatedness_min_regions and region_id in related.counts:
        relatedness = related

    in_chain = set(chain_ids)
    chain_names: dict[str, dict[str, Any]] = {}
    gaps: list[SegmentGap] = []
    for segment in chain_record.segments:
        state = states[segment.id]
        seg_status = status[segment.id]
        seg_claims = claims.get(segment.id, [])
        reasons: list[str] = [_describe(seg_status, state, coverage), *(_claim_text(c) for c in seg_claims)]
        gap = SegmentGap(segment=segment, status=seg_status, action=None, priority=None,
                         local_firms=_names(state.firms[:firm_limit]),
                         local_firm_ids=[f.id for f in state.firms[:firm_limit]],
                         pipeline_projects=[p.name for p in state.projects], leaders=_names(state.leaders[:firm_limit]),
                         claims=list(seg_claims), local_firm_count=state.firm_count)
        if seg_status == "strong":
            gap.reasons = reasons
            gap.headline = reasons[0]
            gaps.append(gap)
            continue
        reasons.append(Reason("importance", {"value": segment.importance}))

        def best(neighbours: list[str]) -> tuple[float, str | None]:
            top, top_id = 0.0, None
            for n in neighbours:
                value = params.strength(status[n])
                if value > top:
                    top, top_id = value, n
            return top, top_id

        pull, pull_id = best(down[segment.id])
        push, push_id = best(up[segment.id])
        for side, value, neighbour in (("downstream", pull, pull_id), ("upstream", push, push_id)):
            if neighbour is None:
                reasons.append(Reason("no_support", {"side": side}))
                continue
            n_state = states[neighbour]
            who = _names((n_state.leaders or n_state.firms)[:2]) or [p.name for p in n_state.projects[:1]]
            if not who:  # a claimed neighbour: say whose word it is
                who = ["、".join(dict.fromkeys(src for c in claims.get(neighbour, []) for src in c.sources))]
            n_chain = segments[neighbour].chain
            if neighbour not in in_chain and n_chain not in chain_names:
                chain_names[n_chain] = _named(facts.chain(n_chain))
            reasons.append(Reason("neighbour", {
                "side": side, "segment": _named(segments[neighbour]), "status": status[neighbour], "who": who,
                "value": value, "chain": None if neighbour in in_chain else chain_names[n_chain]}))
        priority = segment.importance * (1 + pull) * (1 + push) / 4
        density = None
        if relatedness is not None:
            density = relatedness.density(region_id, segment.id)
            near = relatedness.closest_specialised(region_id, segment.id)
            reasons.append(Reason("density", {"value": density, "near": [_named(segments[t]) for t, _ in near]}))
            priority = segment.importance * (1 + pull) * (1 + push) * (1 + density) / 8
        if seg_status == "pipeline":
            priority *= params.pipeline_discount
            reasons.append(Reason("pipeline_discount", {"factor": params.pipeline_discount}))
        elif seg_status == "claimed":
            priority *= params.claimed_discount
            reasons.append(Reason("claimed_discount", {"factor": params.claimed_discount}))
        in_chain_up = [u for u in up[segment.id] if u in in_chain]
        in_chain_down = [d for d in down[segment.id] if d in in_chain]
        # an end of the chain next to something the region produces: attracting it extends the local chain
        extends = [n for n in (in_chain_down if not in_chain_up else in_chain_up if not in_chain_down else [])
                   if status[n] in ("strong", "weak")]
        if seg_status == "weak":
            action = ACTIONS["strengthen"]
        elif seg_status in ("missing", "unknown") and extends:
            action = ACTIONS["extend"]
            reasons.append(Reason("chain_end", {"end": "head" if not in_chain_up else "tail",
                                                "segment": _named(segments[extends[0]])}))
        else:
            action = ACTIONS["fill"]
        if seg_status == "unknown":
            reasons.append(Reason("verify_unknown", {"then": ACTION_CODES[action]}))
            action = ACTIONS["verify"]
        elif seg_status == "claimed":
            reasons.append(Reason("verify_claimed", {"then": ACTION_CODES[action]}))
            action = ACTIONS["verify"]
        gap.action, gap.priority, gap.pull, gap.push, gap.density = action, priority, pull, push, density
        gap.reasons = reasons
        gap.headline = _headline(reasons, action, pull, push)
        gaps.append(gap)

    # fsum: exactly rounded, so the result does not depend on the order the segments come in
    total = math.fsum(s.importance for s in chain_record.segments) or 1.0
    covered = math.fsum(g.segment.importance for g in gaps if g.status in ("strong", "weak"))
    with_pipeline = math.fsum(g.segment.importance for g in gaps if g.status in ("strong", "weak", "pipeline"))
    upper = math.fsum(g.segment.importance for g in gaps
                if g.status in ("strong", "weak") or any(c.asserts in ("present", "strong") for c in g.claims))
    return GapReport(chain=chain_record, region=region_record, completeness=covered / total,
                     completeness_with_pipeline=with_pipeline / total, segments=gaps,
                     relatedness_used=relatedness is not None, as_of=facts.as_of(), coverage=coverage,
                     completeness_upper=upper / total)
