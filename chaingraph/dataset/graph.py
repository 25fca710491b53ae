"""Dataset -> networkx graph, with one documented schema and small query helpers.

Schema (``docs/graph-schema.md`` has the full table; the Neo4j backend uses the same names):

Nodes are keyed by record id (ids are unique across a dataset); attribute ``kind`` is one of
:data:`NODE_KINDS`, ``name`` is the display name, other attributes are the record's fields as plain values.

==============  ==================  =================  =============================================
edge kind       from                to                 attributes
==============  ==================  =================  =============================================
part_of         Segment             Chain              (none)
part_of         Region              Region (parent)    (none)
supplies        Segment             Segment            chain, note, cross_chain, kind (supply | recycle)
supplies        Firm                Firm               product, sources, evidence
operates_in     Firm                Segment            confidence, sources, evidence
located_in      Firm / Project      Region             (none)
member_of       Firm                Group              (none)
invests_in      Firm                Project            (none)
in_segment      Project             Segment            (none)
sourced_from    any record          Source             (none)
==============  ==================  =================  =============================================

The graph is a :class:`networkx.MultiDiGraph` whose edge keys are the edge kinds, so that two records can be
linked by several kinds at once but never twice by the same kind.

Segment ``supplies`` edges carry ``kind``: ``supply`` edges form the supply DAG that :meth:`ChainGraph.upstream`,
:meth:`ChainGraph.downstream` and the analysis follow; ``recycle`` edges (recovered material fed back, e.g. spent
catalysts into platinum-group-metal refining) may close loops and are only reported by
:meth:`ChainGraph.recycles_to` and :meth:`ChainGraph.recycled_from`.

Examples
--------
>>> from chaingraph import load_dataset, build_graph
>>> cg = build_graph(load_dataset())
>>> cg.graph.nodes["auto-drive-motor"]["kind"]
'Segment'
>>> [s for s in cg.upstream("auto-drive-motor") if s.startswith("auto-motor")]
['auto-motor-core', 'auto-motor-parts']
"""

from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .model import PIPELINE_STATUSES, Quantity
from .store import Dataset

if TYPE_CHECKING:  # networkx is imported where a graph is built: a query on a snapshot never needs it
    import networkx as nx

    from .records import Firm, Project

__all__ = ["NODE_KINDS", "EDGE_KINDS", "ChainGraph", "build_graph", "Presence"]

NODE_KINDS = ("Chain", "Segment", "Region", "Firm", "Group", "Project", "Source")
EDGE_KINDS = ("part_of", "supplies", "operates_in", "located_in", "member_of", "invests_in", "in_segment",
              "sourced_from")


@dataclass(frozen=True)
class Presence:
    """A firm's position in a segment: from a link (operating) or from a project (operating or pipeline)."""

    firm: str
    segment: str
    stage: str  # "operating" or "pipeline"
    confidence: str  # confirmed / probable / guessed ("confirmed" for projects)
    via: str | None = None  # project id when the presence comes from a project


def _plain(value: object) -> object:
    if isinstance(value, Quantity):
        return str(value)
    if isinstance(value, list):
        return list(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


@dataclass
class ChainGraph:
    """A dataset as a graph, with indexes for the analysis. Build it with :func:`build_graph`.

    ``graph`` (the networkx MultiDiGraph) is built on first use: the analysis needs only the indexes below, and a
    national pool's graph takes time and memory that a gap report should not pay for.
    """

    dataset: Dataset

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The dataset as a networkx MultiDiGraph (schema in this module's docstring)."""
        return _without_gc(_networkx_graph, self.dataset)

    # ------------------------------------------------------------------------------------- indexes
    @cached_property
    def segment_supply(self) -> nx.DiGraph:
        """The segment supply DAG across all chains (segment ids only; recycle edges are not in it)."""
        import networkx as nx

        dag = nx.DiGraph()
        dag.add_nodes_from(self.dataset.segments)
        dag.add_edges_from((e.source, e.target) for e in self.dataset.supply_edges)
        return dag

    @cached_property
    def presences_by_segment(self) -> dict[str, list[Presence]]:
        """Segment id -> every firm presence in it, links first, then projects, in file order."""
        index: dict[str, list[Presence]] = defaultdict(list)
        for link in self.dataset.links:
            index[link.segment].append(Presence(link.firm, link.segment, "operating", link.confidence))
        for project in self.dataset.projects.values():
            stage = _project_stage(project)
            if stage is None:
                continue
            for segment in project.segments:
                for firm in project.firms:
                    index[segment].append(Presence(firm, segment, stage, "confirmed", project.id))
        return dict(index)

    @cached_property
    def presences_by_firm(self) -> dict[str, list[Presence]]:
        index: dict[str, list[Presence]] = defaultdict(list)
        for presences in self.presences_by_segment.values():
            for presence in presences:
                index[presence.firm].append(presence)
        return dict(index)

    @cached_property
    def firms_by_group(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for firm in self.dataset.firms.values():
            if firm.group:
                index[firm.group].append(firm.id)
        return dict(index)

    def descendants(self, region_id: str) -> frozenset[str]:
        """The region and every region inside it (cached)."""
        cache = self.__dict__.setdefault("_descendants", {})
        if region_id not in cache:
            cache[region_id] = frozenset(self.dataset.region_descendants(region_id))
        return cache[region_id]  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------- queries
    def is_local(self, firm: Firm | str, region_id: str) -> bool:
        """True when the firm is located in the region or inside it."""
        record = self.dataset.firms[firm] if isinstance(firm, str) else firm
        return record.region is not None and record.region in self.descendants(region_id)

    def project_is_local(self, project: Project, region_id: str) -> bool:
        return project.region is not None and project.region in self.descendants(region_id)

    def firms_of_segment(self, segment_id: str, region_id: str | None = None,
                         stage: str | None = "operating") -> list[str]:
        """Firm ids present in a segment (optionally only local to a region, only at one stage), no repeats.

        A project counts only for the region where it is located.
        """
        seen: dict[str, None] = {}
        for presence in self.presences_by_segment.get(segment_id, []):
            if stage is not None and presence.stage != stage:
                continue
            if region_id is not None:
                if presence.via is not None:
                    if not self.project_is_local(self.dataset.projects[presence.via], region_id):
                        continue
                elif not self.is_local(presence.firm, region_id):
                    continue
            seen.setdefault(presence.firm, None)
        return list(seen)

    def upstream(self, segment_id: str, depth: int = 1) -> list[str]:
        """Segments that supply ``segment_id`` (up to ``depth`` steps), nearest first, in a stable order."""
        return list(self._neighbours("up", segment_id, depth))

    def downstream(self, segment_id: str, depth: int = 1) -> list[str]:
        """Segments that ``segment_id`` supplies (up to ``depth`` steps), nearest first, in a stable order."""
        return list(self._neighbours("down", segment_id, depth))

    @cached_property
    def _supply_adjacency(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """(suppliers of, customers of) each segment: plain dicts, so a query never needs networkx."""
        up: dict[str, list[str]] = defaultdict(list)
        down: dict[str, list[str]] = defaultdict(list)
        for edge in self.dataset.supply_edges:
            up[edge.target].append(edge.source)
            down[edge.source].append(edge.target)
        return dict(up), dict(down)

    def recycles_to(self, segment_id: str) -> list[str]:
        """Segments that take the material recovered from ``segment_id`` (its recycle edges), in file order.

        Recycle edges are not supply edges: :meth:`upstream`, :meth:`downstream` and the analysis never follow them.
        """
        return [e.target for e in self.dataset.recycle_edges if e.source == segment_id]

    def recycled_from(self, segment_id: str) -> list[str]:
        """Segments whose recovered material feeds ``segment_id`` (recycle edges into it), in file order."""
        return [e.source for e in self.dataset.recycle_edges if e.target == segment_id]

    def _neighbours(self, direction: str, segment_id: str, depth: int) -> tuple[str, ...]:
        cache = self.__dict__.setdefault("_neighbour_cache", {})
        key = (direction, segment_id, depth)
        if key not in cache:
            adjacency = self._supply_adjacency[0 if direction == "up" else 1]
            cache[key] = tuple(self._walk(segment_id, depth, lambda s: adjacency.get(s, ())))
        return cache[key]  # type: ignore[no-any-return]

    @cached_property
    def _segment_order(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.dataset.segments)}

    def _walk(self, start: str, depth: int, step) -> list[str]:  # type: ignore[no-untyped-def]
        order = self._segment_order
        found: list[str] = []
        frontier = [start]
        for _ in range(depth):
            nxt = sorted({n for s in frontier for n in step(s) if n != start and n not in found},
                         key=order.__getitem__)
            found.extend(nxt)
            frontier = nxt
        return found

    def firm_positions(self, firm_id: str) -> list[Presence]:
        """Where a firm sits in the chains: its links and its projects' segments."""
        return list(self.presences_by_firm.get(firm_id, []))

    def firm_neighbours(self, firm_id: str) -> dict[str, list[str]]:
        """Firms that supply this firm (``suppliers``) and firms it supplies (``customers``)."""
        result: dict[str, list[str]] = {"suppliers": [], "customers": []}
        for tie in self.dataset.ties:
            if tie.customer == firm_id:
                result["suppliers"].append(tie.supplier)
            if tie.supplier == firm_id:
                result["customers"].append(tie.customer)
        return result

    def is_leader(self, firm_id: str) -> bool:
        """A segment leader: size ``leader``, or the firm or its group is in the Fortune Global 500."""
        firm = self.dataset.firms[firm_id]
        return firm.size == "leader" or bool(self.fortune500(firm_id))

    def fortune500(self, firm_id: str) -> str | None:
        """The name under which the firm is in the Fortune Global 500 (itself or its group), else None."""
        firm = self.dataset.firms[firm_id]
        if firm.fortune500:
            return firm.name
        group = self.dataset.groups.get(firm.group or "")
        if group is not None and group.fortune500:
            return group.name
        return None


def _project_stage(project: Project) -> str | None:
    if project.status == "operating":
        return "operating"
    if project.status in PIPELINE_STATUSES:
        return "pipeline"
    return None


def build_graph(dataset: Dataset) -> ChainGraph:
    """The :class:`ChainGraph` of a dataset; its networkx graph (``.graph``) is built when first used."""
    return ChainGraph(dataset=dataset)


def _without_gc(func, *args):  # type: ignore[no-untyped-def]
    # millions of small acyclic objects: the cyclic collector would rescan them over and over while they are made
    enabled = gc.isenabled()
    gc.disable()
    try:
        return func(*args)
    finally:
        if enabled:
            gc.enable()


def _networkx_graph(dataset: Dataset) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.MultiDiGraph(dataset=dataset.info.id, name=dataset.info.name, as_of=str(dataset.info.as_of))
    segment_chain = {}
    for chain in dataset.chains.values():
        g.add_node(chain.id, kind="Chain", name=chain.name, name_en=chain.name_en, aliases=list(chain.aliases))
        for s in chain.segments:
            segment_chain[s.id] = chain.id
            g.add_node(s.id, kind="Segment", name=s.name, name_en=s.name_en, chain=chain.id, tier=s.tier,
                       importance=s.importance, leading=s.leading, keywords=list(s.keywords),
                       aliases=list(s.aliases))
            g.add_edge(s.id, chain.id, key="part_of")
    for edge in dataset.segment_edges:
        cross = segment_chain.get(edge.source) != segment_chain.get(edge.target)
        g.add_edge(edge.source, edge.target, key="supplies", chain=edge.chain, note=edge.note, cross_chain=cross,
                   kind=edge.kind)
    for r in dataset.regions.values():
        g.add_node(r.id, kind="Region", name=r.name, name_en=r.name_en, region_kind=r.kind,
                   aliases=list(r.aliases), favoured_countries=list(r.favoured_countries))
    for r in dataset.regions.values():
        if r.parent:
            g.add_edge(r.id, r.parent, key="part_of")
    for src in dataset.sources.values():
        g.add_node(src.id, kind="Source", name=src.title, publisher=src.publisher, date=_plain(src.date),
                   url=src.url, source_kind=src.kind)
    for grp in dataset.groups.values():
        g.add_node(grp.id, kind="Group", name=grp.name, name_en=grp.name_en, aliases=list(grp.aliases),
                   country=grp.country, fortune500=grp.fortune500)
        _cite(g, grp.id, grp.sources)
    for f in dataset.firms.values():
        g.add_node(f.id, kind="Firm", name=f.name, legal_name=f.legal_name, name_en=f.name_en,
                   aliases=list(f.aliases), country=f.country, fortune500=f.fortune500, size=f.size,
                   headquarters=f.headquarters, credit_code=f.credit_code, region=f.region, group=f.group)
        if f.region:
            g.add_edge(f.id, f.region, key="located_in")
        if f.group:
            g.add_edge(f.id, f.group, key="member_of")
        _cite(g, f.id, f.sources)
    for link in dataset.links:
        g.add_edge(link.firm, link.segment, key="operates_in", confidence=link.confidence,
                   sources=list(link.sources), evidence=link.evidence)
    for tie in dataset.ties:
        g.add_edge(tie.supplier, tie.customer, key="supplies", product=tie.product, sources=list(tie.sources),
                   evidence=tie.evidence)
    for p in dataset.projects.values():
        attrs = {k: _plain(getattr(p, k)) for k in (
            "status", "date", "start_date", "trial_date", "investment", "registered_capital",
            "fixed_asset_investment", "capital_increase", "area_mu", "expected_output", "capacity", "note")}
        g.add_node(p.id, kind="Project", name=p.name, project_kind=p.kind, **attrs)
        if p.region:
            g.add_edge(p.id, p.region, key="located_in")
        for firm in p.firms:
            g.add_edge(firm, p.id, key="invests_in")
        for segment in p.segments:
            g.add_edge(p.id, segment, key="in_segment")
        _cite(g, p.id, p.sources)
    return g


def _cite(g: nx.MultiDiGraph, node: str, sources: list[str]) -> None:
    for source in sources:
        g.add_edge(node, source, key="sourced_from")
