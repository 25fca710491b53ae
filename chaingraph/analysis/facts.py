"""What the analysis needs to know about a graph, whatever holds it.

The gap and target analysis is written once, against the :class:`Facts` protocol. Each backend answers these
questions its own way: :class:`NxFacts` from the in-memory networkx graph, the Neo4j backend with Cypher on the
server. Both return the same plain records, so the scores and the reasons built from them are identical.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..dataset.graph import ChainGraph, Presence
from ..dataset.model import Chain, Claim, Coverage, Region, Segment
from ..dataset.store import Dataset
from .params import AnalysisParams

__all__ = ["FirmRef", "ProjectRef", "SegmentState", "CandidateFacts", "Facts", "StructureFacts", "NxFacts",
           "facts_for"]


@dataclass(frozen=True)
class FirmRef:
    id: str
    name: str
    fortune500: str | None = None  # name under which the firm (or its group) is in the Fortune Global 500


@dataclass(frozen=True)
class ProjectRef:
    id: str
    name: str
    status: str
    date: str | None = None


@dataclass(frozen=True)
class SegmentState:
    """Local presence in one segment for one region; ``status`` is decided from it by the analysis.

    ``firms`` and ``leaders`` list the local firms in the backends' common order; asked with a ``limit``, a backend
    lists only the first ``limit`` of each, and ``firm_count`` and ``leader_count`` still count all of them
    (they default to the lengths of the lists when not given).
    """

    firms: tuple[FirmRef, ...] = ()
    leaders: tuple[FirmRef, ...] = ()
    projects: tuple[ProjectRef, ...] = ()
    firm_count: int = -1
    leader_count: int = -1

    def __post_init__(self) -> None:
        if self.firm_count < 0:
            object.__setattr__(self, "firm_count", len(self.firms))
        if self.leader_count < 0:
            object.__setattr__(self, "leader_count", len(self.leaders))

    def capped(self, limit: int | None) -> SegmentState:
        """The same state listing at most ``limit`` firms and leaders (all when ``limit`` is None)."""
        if limit is None or (len(self.firms) <= limit and len(self.leaders) <= limit):
            return self
        return SegmentState(self.firms[:limit], self.leaders[:limit], self.projects, self.firm_count,
                            self.leader_count)


@dataclass(frozen=True)
class CandidateFacts:
    """Everything the target score needs about one candidate firm, in a stable order."""

    id: str
    name: str
    country: str
    headquarters: str
    size: str
    confidence: str
    fortune500: str | None = None
    group: str | None = None  # group name when the group already has a firm in the region
    group_local_firms: tuple[str, ...] = ()
    supplies_local: tuple[str, ...] = ()  # local firms it supplies
    buys_from_local: tuple[str, ...] = ()  # local firms it buys from
    synergy: tuple[tuple[str, str], ...] = field(default=())
    """(its other segment, the strong or weak local segment next to it), at most one pair per other segment."""


class Facts(Protocol):
    """The questions the analysis asks of a backend."""

    ds: Dataset
    """At least the dataset's info, chains and regions (a backend may hold no firms in memory)."""

    def chains(self) -> list[Chain]: ...
    def chain(self, text: str) -> Chain: ...
    def region(self, text: str | None) -> Region: ...
    def segment(self, text: str, chain: str | None = None) -> Segment: ...
    def segments(self) -> dict[str, Segment]: ...
    def chain_name(self, chain_id: str) -> str: ...
    def as_of(self) -> str: ...
    def upstream(self, segment_id: str) -> list[str]: ...
    def downstream(self, segment_id: str) -> list[str]: ...
    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        """Local presence per segment; with ``limit``, at most that many firms and leaders listed (counts exact)."""
        ...
    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]: ...
    def favoured_parks(self, region_id: str) -> dict[str, list[str]]: ...
    def coverage(self, region_id: str, chain_id: str | None = None) -> Coverage: ...
    def claims(self, region_id: str) -> list[Claim]: ...
    def local_firm_count(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> int: ...
    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams) -> list[CandidateFacts]: ...


class StructureFacts:
    """The static questions (names, chains, segments, supply neighbours), answered from a dataset's structure.

    Every backend derives from it: ``self.ds`` holds at least the dataset's info, chains and regions, and
    ``self._structure`` is a :class:`~chaingraph.dataset.graph.ChainGraph` over it.
    """

    ds: Dataset
    _structure: ChainGraph

    @property
    def structure(self) -> ChainGraph:
        """A graph over the dataset's structure: supply neighbours at any depth."""
        return self._structure

    def chains(self) -> list[Chain]:
        return list(self.ds.chains.values())

    def chain(self, text: str) -> Chain:
        return self.ds.chain(text)

    def region(self, text: str | None) -> Region:
        text = text if text is not None else self.ds.info.default_region
        # the lookup's first rule (one region with this exact id or name) from an index: a national pool has
        # thousands of regions and a warm report should not scan them; anything else goes through the full rules
        regions = self.ds.regions
        key, index = self.__dict__.get("_region_names", (None, None))
        if key != (id(regions), len(regions)) or index is None:  # rebuilt if regions were added (an edited graph)
            index = {}
            for r in regions.values():
                for name in {r.id, r.name, r.name_en, *r.aliases}:
                    if name:
                        index.setdefault(name, []).append(r)
            self.__dict__["_region_names"] = ((id(regions), len(regions)), index)
        found = index.get(str(text).strip()) if text else None
        if found is not None and len(found) == 1:
            return found[0]  # type: ignore[no-any-return]
        return self.ds.region(text)

    def segment(self, text: str, chain: str | None = None) -> Segment:
        return self.ds.segment(text, chain=chain)

    def segments(self) -> dict[str, Segment]:
        cache = self.__dict__.setdefault("_segments", self.ds.segments)
        return cache  # type: ignore[no-any-return]

    def chain_name(self, chain_id: str) -> str:
        return self.ds.chains[chain_id].name

    def as_of(self) -> str:
        return str(self.ds.info.as_of)

    def upstream(self, segment_id: str) -> list[str]:
        return self._structure.upstream(segment_id)

    def downstream(self, segment_id: str) -> list[str]:
        return self._structure.downstream(segment_id)

    def coverage(self, region_id: str, chain_id: str | None = None) -> Coverage:
        """How complete the firm list is for the region (``registry`` or ``partial``), from ``dataset.yaml``."""
        return self.ds.coverage_for(region_id, chain_id)

    def claims(self, region_id: str) -> list[Claim]:
        """What sources assert about the region's segments (``claims.csv``)."""
        return self.ds.claims_for(region_id)

    def local_firm_count(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> int:
        """How many distinct local firms the region has over these segments (e.g. all segments of a chain)."""
        states = self.segment_states(list(segment_ids), region_id, params)  # type: ignore[attr-defined]
        return len({f.id for state in states.values() for f in state.firms})


class NxFacts(StructureFacts):
    """:class:`Facts` answered from a :class:`~chaingraph.dataset.graph.ChainGraph` in memory."""

    def __init__(self, cg: ChainGraph) -> None:
        self.cg = cg
        self.ds = cg.dataset
        self._structure = cg

    def _presences_by_place(self) -> dict[tuple[str, str], list[tuple[int, Presence]]]:
        """(place, segment) -> presences there with their position in the segment's list; built once.

        The place of a presence is where it counts: the firm's region for a link, the project's for a project.
        """
        index = self.__dict__.get("_by_place")
        if index is None:
            index = {}
            firms, projects = self.ds.firms, self.ds.projects
            for presences in self.cg.presences_by_segment.values():
                for position, presence in enumerate(presences):
                    place = projects[presence.via].region if presence.via is not None else firms[presence.firm].region
                    if place is not None:
                        index.setdefault((place, presence.segment), []).append((position, presence))
            self.__dict__["_by_place"] = index
        return index  # type: ignore[no-any-return]

    def _firms_by_region(self) -> dict[str, list[str]]:
        index = self.__dict__.get("_by_region")
        if index is None:
            index = {}
            for firm in self.ds.firms.values():
                if firm.region is not None:
                    index.setdefault(firm.region, []).append(firm.id)
            self.__dict__["_by_region"] = index
            self.__dict__["_firm_order"] = {f: i for i, f in enumerate(self.ds.firms)}
        return index  # type: ignore[no-any-return]

    @property
    def _firm_order(self) -> dict[str, int]:
        self._firms_by_region()
        return self.__dict__["_firm_order"]  # type: ignore[no-any-return]

    def _firm_ref(self, firm_id: str) -> FirmRef:
        return FirmRef(firm_id, self.ds.firms[firm_id].name, self.cg.fortune500(firm_id))

    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        cg, ds = self.cg, self.ds
        by_place = self._presences_by_place()
        places = sorted(cg.descendants(region_id))
        states = {}
        for segment_id in segment_ids:
            firms: dict[str, bool] = {}  # firm -> counted (not only guessed links)
            projects: list[str] = []
            local_presences = sorted((item for place in places for item in by_place.get((place, segment_id), ())),
                                     key=lambda item: item[0])
            for _, presence in local_presences:
                if presence.via is not None and presence.stage == "pipeline":
                    if presence.via not in projects:
                        projects.append(presence.via)
                    continue
                counted = presence.confidence != "guessed" or params.count_guessed_links
                firms[presence.firm] = firms.get(presence.firm, False) or counted
            local = [self._firm_ref(f) for f, counted in firms.items() if counted]
            leaders = tuple(f for f in local if cg.is_leader(f.id))
            refs = tuple(ProjectRef(p, ds.projects[p].name, ds.projects[p].status,
                                    str(ds.projects[p].date) if ds.projects[p].date else None) for p in projects)
            states[segment_id] = SegmentState(tuple(local), leaders, refs).capped(limit)
        return states

    def _home_counts(self, count_guessed: bool) -> dict[str, dict[str, int]]:
        """Firms per (home region, segment) with operating presence; one pass over all presences, cached."""
        cache = self.__dict__.setdefault("_home", {})
        if count_guessed in cache:
            return cache[count_guessed]  # type: ignore[no-any-return]
        firms = self.ds.firms
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for segment, presences in self.cg.presences_by_segment.items():
            seen: set[str] = set()
            for presence in presences:
                if presence.stage != "operating" or presence.firm in seen:
                    continue
                if presence.confidence == "guessed" and not count_guessed:
                    continue
                seen.add(presence.firm)
                home = firms[presence.firm].region
                if home is not None:
                    counts[home][segment] += 1
        result = {home: dict(row) for home, row in counts.items()}
        cache[count_guessed] = result
        return result

    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]:
        cache = self.__dict__.setdefault("_counts", {})
        key = (level, params.count_guessed_links)
        if key in cache:
            return cache[key]  # type: ignore[no-any-return]
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for home, row in self._home_counts(params.count_guessed_links).items():
            region = next((r for r in self.ds.region_ancestors(home) if self.ds.regions[r].kind == level), None)
            if region is None:
                continue
            target = counts[region]
            for segment, n in row.items():
                target[segment] += n
        result = {r: dict(row) for r, row in counts.items()}
        cache[key] = result
        return result

    def favoured_parks(self, region_id: str) -> dict[str, list[str]]:
        parks: dict[str, list[str]] = {}
        for rid in sorted(self.cg.descendants(region_id)):
            for country in self.ds.regions[rid].favoured_countries:
                parks.setdefault(country, []).append(self.ds.regions[rid].name)
        return parks

    def _operating(self) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
        """Segment -> (firm, confidence, firm's region, project's region) of each operating presence; built once.

        ``candidates`` filters these by region with set lookups: a backtest asks for candidates of hundreds of
        region-segment pairs, and walking the presences through ``is_local`` each time was most of its time.
        """
        index = self.__dict__.get("_operating_index")
        if index is None:
            firms, projects = self.ds.firms, self.ds.projects
            index = {segment: [(p.firm, p.confidence, firms[p.firm].region,
                                projects[p.via].region if p.via is not None else None)
                               for p in presences if p.stage == "operating"]
                     for segment, presences in self.cg.presences_by_segment.items()}
            self.__dict__["_operating_index"] = index
        return index  # type: ignore[no-any-return]

    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams) -> list[CandidateFacts]:
        cg, ds = self.cg, self.ds
        rank = {"confirmed": 0, "probable": 1, "guessed": 2}
        best: dict[str, str] = {}
        places = cg.descendants(region_id)
        for firm_id, confidence, home, via_region in self._operating().get(segment_id, ()):
            if (home is not None and home in places) or (via_region is not None and via_region in places):
                continue  # a local firm, or a project in the region
            current = best.get(firm_id)
            if current is None or rank[confidence] < rank[current]:
                best[firm_id] = confidence
        if not best:
            return []
        local_by_group: dict[str, list[str]] = {}
        remembered = self.__dict__.get("_local_of")  # the region asked last (find_targets asks one at a time)
        if remembered is not None and remembered[0] == region_id:
            local_by_group, local_set = remembered[1], remembered[2]
        else:
            by_region = self._firms_by_region()
            local_ids = sorted((i for place in places for i in by_region.get(place, ())),
                               key=self._firm_order.__getitem__)
            for firm_id in local_ids:
                firm = ds.firms[firm_id]
                if firm.group:
                    local_by_group.setdefault(firm.group, []).append(firm.name)
            local_set = set(local_ids)
            self.__dict__["_local_of"] = (region_id, local_by_group, local_set)
        supplies_to: dict[str, list[str]] = {}
        buys_from: dict[str, list[str]] = {}
        for tie in ds.ties:
            if tie.supplier in best and tie.customer in local_set:
                supplies_to.setdefault(tie.supplier, []).append(ds.firms[tie.customer].name)
            if tie.customer in best and tie.supplier in local_set:
                buys_from.setdefault(tie.customer, []).append(ds.firms[tie.supplier].name)
        result = []
        near_of: dict[str, str | None] = {}
        firm_static: dict[str, tuple[str | None, tuple[str, ...]]] = self.__dict__.setdefault("_firm_static", {})
        for firm_id, confidence in best.items():
            firm = ds.firms[firm_id]
            supplies = tuple(supplies_to.get(firm_id, ()))
            buys = tuple(buys_from.get(firm_id, ()))
            synergy: dict[str, str] = {}
            static = firm_static.get(firm_id)
            if static is None:  # what does not depend on the region: asked once per firm
                static = firm_static[firm_id] = (cg.fortune500(firm_id), tuple(dict.fromkeys(
                    p.segment for p in cg.presences_by_firm.get(firm_id, []) if p.stage == "operating")))
            for other in static[1]:
                if other == segment_id or other in synergy:
                    continue
                if other not in near_of:  # the same for every candidate: asked once per call
                    near = [n for n in cg.upstream(other) + cg.downstream(other) if n in strong_or_weak]
                    near_of[other] = near[0] if near else None
                if near_of[other] is not None:
                    synergy[other] = near_of[other]  # type: ignore[assignment]
            in_group = firm.group in local_by_group if firm.group else False
            result.append(CandidateFacts(
                id=firm_id, name=firm.name, country=firm.country, headquarters=firm.headquarters, size=firm.size,
                confidence=confidence, fortune500=static[0],
                group=ds.groups[firm.group].name if in_group and firm.group else None,
                group_local_firms=tuple(local_by_group[firm.group]) if in_group and firm.group else (),
                supplies_local=supplies, buys_from_local=buys, synergy=tuple(synergy.items()),
            ))
        return result


def facts_for(source: ChainGraph | Facts) -> Facts:
    """The :class:`Facts` of a ChainGraph (cached on it), or the given Facts unchanged."""
    if isinstance(source, ChainGraph):
        cached = source.__dict__.get("_nx_facts")
        if cached is None:
            cached = source.__dict__["_nx_facts"] = NxFacts(source)
        return cached  # type: ignore[no-any-return]
    return source
