"""The Neo4j schema of chaingraph: labels, relationship types and properties, and the rows a push writes.

The schema mirrors the networkx graph of :mod:`chaingraph.dataset.graph`: every node kind becomes a label of the same
name, every edge kind an upper-case relationship type (``operates_in`` -> ``OPERATES_IN``). On top of that:

* every chaingraph node also carries the marker label ``Chaingraph`` and the properties ``dataset`` (the
  dataset id) and ``id`` (the record id); ``(dataset, id)`` is unique, so several datasets live side by side in
  one database and ``wipe`` never touches a node without the marker;
* ``ord`` on nodes and relationships is the record's position in its file (for links, ties and supply edges:
  the row; for ``INVESTS_IN``: the running position of the (project, firm) pair across projects.csv), so that
  Cypher returns firms, projects and candidates in the same order as the networkx backend;
* ``presence_rank`` on segments is the position of the segment in the order in which the analysis first meets
  firm presences (links first, then projects), which fixes the order of a candidate's synergies;
* ``push`` on nodes and relationships is the token of the push that last wrote them (see :mod:`.neo4j`);
* one ``ChaingraphDataset`` node per dataset records the push state (``started`` / ``complete``), the counts
  and the dataset's own fields (name, as_of, default region, analysis parameters).

Labels and relationship types are only ever taken from :data:`NODE_LABELS` and :data:`REL_TYPES`; every value
goes into Cypher as a parameter. ``docs/neo4j.md`` shows the table that :func:`schema_markdown` generates (a
test keeps the two equal).

>>> NODE_LABELS["Firm"], REL_TYPES["operates_in"]
('Firm', 'OPERATES_IN')
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..dataset.graph import EDGE_KINDS, NODE_KINDS, ChainGraph
from ..dataset.model import PartialDate, Quantity
from ..dataset.store import evidence_to_json
from .neo4j_summary import SUMMARY_SCHEMA, SUMMARY_VERSION, summary_rows

DEFAULT_BATCH_SIZE = 5000
"""Rows per write transaction when pushing (one transaction per batch)."""

__all__ = [
    "MARKER_LABEL",
    "DATASET_LABEL",
    "NODE_LABELS",
    "REL_TYPES",
    "NODE_PROPERTIES",
    "RELATIONSHIPS",
    "RelSpec",
    "SCHEMA_STATEMENTS",
    "NodeRows",
    "RelRows",
    "PushRows",
    "push_rows",
    "schema_markdown",
    "label",
    "rel_type",
]

MARKER_LABEL = "Chaingraph"
"""Carried by every node chaingraph writes, next to its kind's label."""
DATASET_LABEL = "ChaingraphDataset"
"""One node per pushed dataset: its push state and counts."""

NODE_LABELS: dict[str, str] = {kind: kind for kind in NODE_KINDS}
"""networkx node kind -> Neo4j label (the allowlist of labels)."""
REL_TYPES: dict[str, str] = {kind: kind.upper() for kind in EDGE_KINDS}
"""networkx edge kind -> Neo4j relationship type (the allowlist of types)."""

_COMMON = ("dataset", "id", "ord", "push")

NODE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Chain": ("name", "name_en", "aliases", "description", "sources", "generic_terms"),
    "Segment": ("name", "name_en", "chain", "tier", "importance", "leading", "keywords", "aliases", "description",
                "importance_basis", "presence_rank", "industry_codes", "wide_codes", "scope_terms", "product_terms",
                "ambiguous_terms", "narrowing_terms", "roles", "bands", "band_links"),
    "Region": ("name", "name_en", "region_kind", "aliases", "favoured_countries", "note", "covers"),
    "Source": ("name", "publisher", "date", "url", "source_kind", "note"),
    "Group": ("name", "name_en", "aliases", "country", "fortune500", "note"),
    "Firm": ("name", "legal_name", "name_en", "aliases", "country", "fortune500", "size", "headquarters",
             "credit_code", "region", "group", "note"),
    "Project": ("name", "project_kind", "status", "date", "start_date", "trial_date", "investment",
                "registered_capital", "fixed_asset_investment", "capital_increase", "area_mu", "expected_output",
                "capacity", "note"),
}
"""Properties of each label besides ``dataset``, ``id``, ``ord`` and ``push`` (a superset of the networkx
node attributes: the Neo4j side also keeps what is needed to rebuild chains and regions)."""


@dataclass(frozen=True)
class RelSpec:
    """One family of relationships: a type between two labels, with its properties."""

    kind: str  # networkx edge kind
    source: str  # label of the start node, or several labels joined by "|"
    target: str  # label of the end node
    properties: tuple[str, ...]
    keyed: bool = False  # MERGEd per (start, end, n): several rows may link the same two records

    @property
    def type(self) -> str:
        return REL_TYPES[self.kind]


RELATIONSHIPS: tuple[RelSpec, ...] = (
    RelSpec("part_of", "Segment", "Chain", ()),
    RelSpec("part_of", "Region", "Region", ()),
    RelSpec("supplies", "Segment", "Segment", ("chain", "note", "cross_chain", "kind", "ord")),
    RelSpec("supplies", "Firm", "Firm", ("product", "sources", "evidence", "ord", "n"), keyed=True),
    RelSpec("operates_in", "Firm", "Segment", ("confidence", "sources", "evidence", "ord", "band")),
    RelSpec("located_in", "Firm", "Region", ()),
    RelSpec("located_in", "Project", "Region", ()),
    RelSpec("member_of", "Firm", "Group", ()),
    RelSpec("invests_in", "Firm", "Project", ("ord",)),
    RelSpec("in_segment", "Project", "Segment", ("ord",)),
    RelSpec("sourced_from", "Group|Firm|Project", "Source", ()),
)
"""Every relationship family chaingraph writes (all also carry ``push``)."""

UNINDEXED_LABELS: tuple[str, ...] = ("Firm", "Project")
"""Labels without a ``dataset`` index: their nodes are only ever found by ``(dataset, id)`` (the constraint's
index) or through relationships, and a million firms would cost the push a million index entries."""

SCHEMA_STATEMENTS: tuple[str, ...] = (
    f"CREATE CONSTRAINT chaingraph_record IF NOT EXISTS FOR (n:{MARKER_LABEL}) REQUIRE (n.dataset, n.id) IS UNIQUE",
    f"CREATE CONSTRAINT chaingraph_dataset IF NOT EXISTS FOR (d:{DATASET_LABEL}) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX chaingraph_operates_band IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.band)",
    *(f"CREATE INDEX chaingraph_{label.lower()}_dataset IF NOT EXISTS FOR (n:{label}) ON (n.dataset)"
      for label in NODE_LABELS.values() if label not in UNINDEXED_LABELS),
    *SUMMARY_SCHEMA,
    # indexes of earlier versions that no query uses (every one costs the push an entry per node)
    "DROP INDEX chaingraph_push IF EXISTS",
    *(f"DROP INDEX chaingraph_{label.lower()}_dataset IF EXISTS" for label in UNINDEXED_LABELS),
)
"""Constraints and indexes, created (idempotently) before any data is loaded."""


def label(kind: str) -> str:
    """The label of a node kind, refusing anything outside the allowlist."""
    if kind not in NODE_LABELS:
        raise ValueError(f"not a chaingraph node kind: {kind!r}")
    return NODE_LABELS[kind]


def rel_type(kind: str) -> str:
    """The relationship type of an edge kind, refusing anything outside the allowlist."""
    if kind not in REL_TYPES:
        raise ValueError(f"not a chaingraph edge kind: {kind!r}")
    return REL_TYPES[kind]


# ------------------------------------------------------------------------------------------------ rows


@dataclass
class NodeRows:
    label: str
    rows: list[dict[str, Any]]  # {"id": ..., "props": {...}}


@dataclass
class RelRows:
    spec: RelSpec
    rows: list[dict[str, Any]]  # {"from": id, "to": id, "n": int (keyed only), "props": {...}}


@dataclass
class PushRows:
    """Everything one push writes, grouped by label and relationship family, in write order."""

    dataset: str
    info: dict[str, Any]
    nodes: list[NodeRows]
    relationships: list[RelRows]
    summaries: list[NodeRows] = field(default_factory=list)
    """Summary nodes (:mod:`.neo4j_summary`), written after the records; not counted in :attr:`node_count`."""

    @property
    def node_count(self) -> int:
        return sum(len(group.rows) for group in self.nodes)

    @property
    def summary_count(self) -> int:
        return sum(len(group.rows) for group in self.summaries)

    @property
    def relationship_count(self) -> int:
        return sum(len(group.rows) for group in self.relationships)

    def node_counts(self) -> dict[str, int]:
        return {group.label: len(group.rows) for group in self.nodes}

    def relationship_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for group in self.relationships:
            counts[group.spec.type] = counts.get(group.spec.type, 0) + len(group.rows)
        return counts


def _props(label_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Every property of the label, None where unknown (``SET n += props`` then removes stale values)."""
    allowed = NODE_PROPERTIES[label_name] + ("ord",)
    unknown = set(values) - set(allowed)
    if unknown:  # pragma: no cover - a programming error, caught by the tests
        raise ValueError(f"{label_name}: properties outside the schema: {sorted(unknown)}")
    return {name: _value(values.get(name)) for name in allowed}


def _value(value: Any) -> Any:
    """A property value Neo4j can store: text for quantities and dates, lists of text, plain scalars."""
    if isinstance(value, Quantity | PartialDate):
        return str(value)
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


SIZE_CLASSES: tuple[str, ...] = ("leader", "large", "medium", "small", "other")
"""The sizes a target score tells apart (``other``: any other or no size)."""


def firm_band(firm: Any, f500_groups: set[str], tied: set[str] | frozenset[str] = frozenset()) -> str:
    """The part of an ``OPERATES_IN`` link's ``band`` (``SEGMENT|SIZE|FGT``) that comes from its firm: the size
    class, ``F`` if the firm or its group is in the Fortune Global 500, ``G`` if it has a group, ``T`` if it has a
    supply tie (to any firm; ``tied``: the firms that have one) (else ``-``).

    A target ranking reads the links of a segment band by band through a relationship index, best sizes first,
    and only the bands whose best possible score can still reach the list (``docs/neo4j.md``); a firm without a
    tie cannot get the tie bonus, so the bands a ranking reads for that bonus are the ``T`` ones only.
    """
    size = firm.size if firm.size in SIZE_CLASSES else "other"
    f500 = "F" if firm.fortune500 or (firm.group and firm.group in f500_groups) else "-"
    return f"|{size}|{f500}{'G' if firm.group else '-'}{'T' if firm.id in tied else '-'}"


def push_rows(cg: ChainGraph, summaries: bool = True) -> PushRows:
    """The node and relationship rows of a dataset, as one push writes them (``summaries=False``: without the
    summary nodes, which :func:`~.neo4j_summary.summary_rows` then makes)."""
    ds = cg.dataset
    presence_rank = {segment: i for i, segment in enumerate(cg.presences_by_segment)}
    nodes: dict[str, list[dict[str, Any]]] = {name: [] for name in NODE_LABELS.values()}
    rels: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(RELATIONSHIPS))}
    spec_index = {(s.kind, s.source, s.target): i for i, s in enumerate(RELATIONSHIPS)}

    def node(kind: str, record_id: str, **values: Any) -> None:
        nodes[kind].append({"id": record_id, "props": _props(kind, values)})

    def rel(edge_kind: str, source: str, target: str, start: str, end: str, n: int | None = None,
            **values: Any) -> None:
        index = spec_index[(edge_kind, source, target)]
        spec = RELATIONSHIPS[index]
        row: dict[str, Any] = {"from": start, "to": end,
                               "props": {name: _value(values.get(name)) for name in spec.properties}}
        if spec.keyed:
            row["n"] = n
            row["props"]["n"] = n
        rels[index].append(row)

    # the ranking band of every link (``firm_band``), and how many links each band of a segment holds
    f500_groups = {g.id for g in ds.groups.values() if g.fortune500}
    tied = {firm for tie in ds.ties for firm in (tie.supplier, tie.customer)}
    firm_bands: dict[str, str] = {}
    link_bands: list[str] = []
    for link in ds.links:
        band = firm_bands.get(link.firm)
        if band is None:
            band = firm_bands[link.firm] = firm_band(ds.firms[link.firm], f500_groups, tied)
        link_bands.append(link.segment + band)
    band_links: dict[str, dict[str, int]] = {}
    for band, n in Counter(link_bands).items():
        band_links.setdefault(band.split("|", 1)[0], {})[band] = n
    segment_chain: dict[str, str] = {}
    segment_order = 0
    for i, chain in enumerate(ds.chains.values()):
        node("Chain", chain.id, name=chain.name, name_en=chain.name_en, aliases=chain.aliases,
             description=chain.description, sources=chain.sources, generic_terms=chain.generic_terms, ord=i)
        for s in chain.segments:
            segment_chain[s.id] = chain.id
            node("Segment", s.id, name=s.name, name_en=s.name_en, chain=chain.id, tier=s.tier,
                 importance=s.importance, leading=s.leading, keywords=s.keywords, aliases=s.aliases,
                 description=s.description, importance_basis=s.importance_basis,
                 presence_rank=presence_rank.get(s.id), industry_codes=s.industry_codes, wide_codes=s.wide_codes,
                 scope_terms=s.scope_terms,
                 product_terms=s.product_terms, ambiguous_terms=s.ambiguous_terms,
                 narrowing_terms=s.narrowing_terms, roles=s.roles,
                 bands=sorted(band_links.get(s.id, {})),
                 band_links=[n for _, n in sorted(band_links.get(s.id, {}).items())], ord=segment_order)
            segment_order += 1
            rel("part_of", "Segment", "Chain", s.id, chain.id)
    for i, edge in enumerate(ds.segment_edges):
        rel("supplies", "Segment", "Segment", edge.source, edge.target, chain=edge.chain, note=edge.note,
            kind=edge.kind, cross_chain=segment_chain.get(edge.source) != segment_chain.get(edge.target), ord=i)
    for i, r in enumerate(ds.regions.values()):
        node("Region", r.id, name=r.name, name_en=r.name_en, region_kind=r.kind, aliases=r.aliases,
             favoured_countries=r.favoured_countries, note=r.note, covers=r.covers, ord=i)
        if r.parent:
            rel("part_of", "Region", "Region", r.id, r.parent)
    for i, src in enumerate(ds.sources.values()):
        node("Source", src.id, name=src.title, publisher=src.publisher, date=src.date, url=src.url,
             source_kind=src.kind, note=src.note, ord=i)

    def cite(record_id: str, sources: list[str]) -> None:
        for source in dict.fromkeys(sources):
            rel("sourced_from", "Group|Firm|Project", "Source", record_id, source)

    for i, grp in enumerate(ds.groups.values()):
        node("Group", grp.id, name=grp.name, name_en=grp.name_en, aliases=grp.aliases, country=grp.country,
             fortune500=grp.fortune500, note=grp.note, ord=i)
        cite(grp.id, grp.sources)
    for i, f in enumerate(ds.firms.values()):
        node("Firm", f.id, name=f.name, legal_name=f.legal_name, name_en=f.name_en, aliases=f.aliases,
             country=f.country, fortune500=f.fortune500, size=f.size, headquarters=f.headquarters,
             credit_code=f.credit_code, region=f.region, group=f.group, note=f.note, ord=i)
        if f.region:
            rel("located_in", "Firm", "Region", f.id, f.region)
        if f.group:
            rel("member_of", "Firm", "Group", f.id, f.group)
        cite(f.id, f.sources)
    for i, (link, band) in enumerate(zip(ds.links, link_bands, strict=True)):
        rel("operates_in", "Firm", "Segment", link.firm, link.segment, confidence=link.confidence,
            sources=link.sources, evidence=link.evidence, ord=i, band=band)
    pair_count: dict[tuple[str, str], int] = {}
    for i, tie in enumerate(ds.ties):
        pair = (tie.supplier, tie.customer)
        n = pair_count[pair] = pair_count.get(pair, -1) + 1
        rel("supplies", "Firm", "Firm", tie.supplier, tie.customer, n=n, product=tie.product,
            sources=tie.sources, evidence=tie.evidence, ord=i)
    investment_order = 0
    for i, p in enumerate(ds.projects.values()):
        attrs = {k: getattr(p, k) for k in (
            "status", "date", "start_date", "trial_date", "investment", "registered_capital",
            "fixed_asset_investment", "capital_increase", "area_mu", "expected_output", "capacity", "note")}
        node("Project", p.id, name=p.name, project_kind=p.kind, ord=i, **attrs)
        if p.region:
            rel("located_in", "Project", "Region", p.id, p.region)
        for firm in dict.fromkeys(p.firms):
            rel("invests_in", "Firm", "Project", firm, p.id, ord=investment_order)
            investment_order += 1
        for j, segment in enumerate(dict.fromkeys(p.segments)):
            rel("in_segment", "Project", "Segment", p.id, segment, ord=j)
        cite(p.id, p.sources)

    info = ds.info
    dataset_info = {
        "name": info.name, "name_en": info.name_en, "as_of": str(info.as_of),
        "default_region": info.default_region, "description": info.description,
        "analysis": json.dumps(info.analysis, ensure_ascii=False, sort_keys=True),
        "evidence": evidence_to_json(ds), "summary_version": SUMMARY_VERSION,
    }
    return PushRows(
        dataset=info.id, info=dataset_info,
        nodes=[NodeRows(name, rows) for name, rows in nodes.items() if rows],
        relationships=[RelRows(RELATIONSHIPS[i], rows) for i, rows in rels.items() if rows],
        summaries=summary_groups(cg) if summaries else [],
    )


def summary_groups(cg: ChainGraph) -> list[NodeRows]:
    """The summary nodes of a dataset, by label (:mod:`.neo4j_summary`)."""
    return [NodeRows(name, rows) for name, rows in summary_rows(cg).items() if rows]


# ------------------------------------------------------------------------------------------------ docs


def _schema_lines() -> Iterator[str]:
    yield "| label | networkx kind | properties (besides `dataset`, `id`, `ord`, `push`) |"
    yield "|-------|---------------|------------------------------------------------------|"
    for kind, name in NODE_LABELS.items():
        yield f"| `:{MARKER_LABEL}:{name}` | `{kind}` | {', '.join(f'`{p}`' for p in NODE_PROPERTIES[name])} |"
    yield ""
    yield "| relationship | networkx kind | from | to | properties (besides `push`) |"
    yield "|--------------|---------------|------|------|-----------------------------|"
    for spec in RELATIONSHIPS:
        source = ", ".join(f"`{name}`" for name in spec.source.split("|"))
        props = ", ".join(f"`{p}`" for p in spec.properties) or "(none)"
        yield f"| `:{spec.type}` | `{spec.kind}` | {source} | `{spec.target}` | {props} |"


def schema_markdown() -> str:
    """The schema tables of ``docs/neo4j.md``, generated from the constants of this module."""
    return "\n".join(_schema_lines()) + "\n"
