"""The analysis :class:`~chaingraph.analysis.facts.Facts` of a dataset in Neo4j, answered by Cypher on the server.

The heavy questions (local presence in segments through the region hierarchy, leaders and Fortune Global 500
through groups, pipeline projects, firm counts per region for relatedness, favoured parks, candidates with
their confidence, group ties, supply ties and synergies) are single Cypher queries; only their small answers
travel. The static structure (chains, segments, supply edges, regions, dataset fields) is read once per
:class:`Neo4jFacts`. Results are identical to :class:`~chaingraph.analysis.facts.NxFacts`, order included: the
queries sort by the ``ord`` and ``presence_rank`` properties the push stores (``docs/neo4j.md``).

Use it through a connection (settings from ``NEO4J_URI`` and friends)::

    from chaingraph import gap_report
    from chaingraph.engines import connect

    with connect() as backend:
        report = gap_report(backend.facts("pinghu-2022"), "machine-tool", "平湖")
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..analysis.facts import CandidateFacts, FirmRef, ProjectRef, SegmentState, StructureFacts
from ..analysis.params import AnalysisParams
from ..dataset.graph import build_graph
from ..dataset.model import PIPELINE_STATUSES, Chain, DatasetInfo, Region, Segment, SupplyEdge, parse_date
from ..dataset.store import Dataset, evidence_from_json
from ..errors import BackendError, LookupFailed
from ..messages import msg
from .neo4j_schema import DATASET_LABEL, MARKER_LABEL

if TYPE_CHECKING:
    from .neo4j import Neo4jBackend

__all__ = ["Neo4jFacts", "QUERIES"]

# Presences from projects sort after every link, as in ChainGraph.presences_by_segment.
_PROJECT_OFFSET = 1 << 40

# The region and every region inside it, collected once per query (walking the hierarchy up from every firm
# instead costs one traversal per firm: seconds for a province of a national pool).
_REGION = f"""MATCH (root:{MARKER_LABEL}:Region {{dataset: $dataset, id: $region}})
USING INDEX SEEK root:{MARKER_LABEL}(dataset, id)
CALL (root) {{
    MATCH (r:Region)-[:PART_OF*0..]->(root)
    RETURN collect(DISTINCT r) AS inside
}}"""
# x is located in the region or inside it
_INSIDE = "-[:LOCATED_IN]->(place) WHERE place IN inside"

Q_DATASET = f"""
MATCH (d:{DATASET_LABEL} {{id: $dataset}})
RETURN d {{.*}} AS d
"""

Q_CHAINS = f"""
MATCH (c:{MARKER_LABEL}:Chain {{dataset: $dataset}})
RETURN c {{.*}} AS c
ORDER BY c.ord
"""

Q_SEGMENTS = f"""
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset}})
RETURN s {{.*}} AS s
ORDER BY s.ord
"""

Q_SEGMENT_SUPPLIES = f"""
MATCH (a:{MARKER_LABEL}:Segment {{dataset: $dataset}})-[r:SUPPLIES]->(b:Segment)
RETURN a.id AS source, b.id AS target, r.chain AS chain, r.note AS note, r.kind AS kind
ORDER BY r.ord
"""

Q_REGIONS = f"""
MATCH (r:{MARKER_LABEL}:Region {{dataset: $dataset}})
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
RETURN r {{.*}} AS r, p.id AS parent
ORDER BY r.ord
"""

Q_FIRM_LOOKUP = f"""
MATCH (f:{MARKER_LABEL}:Firm {{dataset: $dataset}})
WHERE f.id = $text OR f.name = $text
OPTIONAL MATCH (f)-[:MEMBER_OF]->(g:Group)
WITH f, CASE WHEN f.fortune500 THEN f.name WHEN g.fortune500 THEN g.name END AS fortune500
RETURN f.id AS id, f.name AS name, fortune500, f.size = 'leader' OR fortune500 IS NOT NULL AS leader,
       f.id = $text AS by_id
ORDER BY by_id DESC, f.ord
LIMIT 2
"""

Q_SEGMENT_STATES = f"""
{_REGION}
UNWIND $segments AS segment_id
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset, id: segment_id}})
USING INDEX SEEK s:{MARKER_LABEL}(dataset, id)
CALL (s, inside) {{
    CALL (s, inside) {{
        MATCH (f:Firm)-[l:OPERATES_IN]->(s)
        WHERE EXISTS {{ (f){_INSIDE} }}
        RETURN f, l.ord AS key, l.confidence <> 'guessed' AS sure
        UNION ALL
        MATCH (f:Firm)-[v:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
        WHERE EXISTS {{ (p){_INSIDE} }}
        RETURN f, $project_offset + v.ord AS key, true AS sure
    }}
    WITH f, min(key) AS first, max(CASE WHEN sure OR $count_guessed THEN 1 ELSE 0 END) AS counted
    WHERE counted = 1
    OPTIONAL MATCH (f)-[:MEMBER_OF]->(g:Group)
    WITH f, first, CASE WHEN f.fortune500 THEN f.name WHEN g.fortune500 THEN g.name END AS fortune500
    ORDER BY first
    RETURN collect({{id: f.id, name: f.name, fortune500: fortune500,
                    leader: f.size = 'leader' OR fortune500 IS NOT NULL}}) AS firms
}}
CALL (s, inside) {{
    MATCH (p:Project)-[:IN_SEGMENT]->(s)
    WHERE p.status IN $pipeline_statuses AND EXISTS {{ (:Firm)-[:INVESTS_IN]->(p) }} AND EXISTS {{ (p){_INSIDE} }}
    WITH DISTINCT p
    ORDER BY p.ord
    RETURN collect({{id: p.id, name: p.name, status: p.status, date: p.date}}) AS projects
}}
RETURN s.id AS segment, firms, projects
"""

Q_REGION_SEGMENT_COUNTS = f"""
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset}})
CALL (s) {{
    MATCH (f:Firm)-[l:OPERATES_IN]->(s)
    WHERE $count_guessed OR l.confidence <> 'guessed'
    RETURN f
    UNION
    MATCH (f:Firm)-[:INVESTS_IN]->(:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    RETURN f
}}
MATCH (f)-[:LOCATED_IN]->(home:Region)
WITH home, s, count(f) AS firms
WITH home, collect([s.id, firms]) AS counts
CALL (home) {{
    MATCH path = (home)-[:PART_OF*0..]->(r:Region {{region_kind: $level}})
    RETURN r
    ORDER BY length(path)
    LIMIT 1
}}
UNWIND counts AS pair
RETURN r.id AS region, pair[0] AS segment, sum(pair[1]) AS firms
"""

Q_FAVOURED_PARKS = f"""
MATCH (root:{MARKER_LABEL}:Region {{dataset: $dataset, id: $region}})
USING INDEX SEEK root:{MARKER_LABEL}(dataset, id)
MATCH (r:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT r
WHERE size(r.favoured_countries) > 0
RETURN r.id AS id, r.name AS name, r.favoured_countries AS countries
ORDER BY id
"""

Q_CANDIDATES = f"""
{_REGION}
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset, id: $segment}})
USING INDEX SEEK s:{MARKER_LABEL}(dataset, id)
CALL (s, inside) {{
    MATCH (f:Firm)-[l:OPERATES_IN]->(s)
    RETURN f, l.ord AS key, l.confidence AS confidence
    UNION ALL
    MATCH (f:Firm)-[v:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    WHERE NOT EXISTS {{ (p){_INSIDE} }}
    RETURN f, $project_offset + v.ord AS key, 'confirmed' AS confidence
}}
WITH inside, s, f, key, confidence
WHERE NOT EXISTS {{ (f){_INSIDE} }}
WITH inside, s, f, min(key) AS first,
     min(CASE confidence WHEN 'confirmed' THEN 0 WHEN 'probable' THEN 1 ELSE 2 END) AS rank
OPTIONAL MATCH (f)-[:MEMBER_OF]->(g:Group)
CALL (f, inside) {{
    MATCH (f)-[t:SUPPLIES]->(c:Firm)
    WHERE EXISTS {{ (c){_INSIDE} }}
    WITH c, t
    ORDER BY t.ord
    RETURN collect(c.name) AS supplies_local
}}
CALL (f, inside) {{
    MATCH (c:Firm)-[t:SUPPLIES]->(f)
    WHERE EXISTS {{ (c){_INSIDE} }}
    WITH c, t
    ORDER BY t.ord
    RETURN collect(c.name) AS buys_from_local
}}
CALL (g, inside) {{
    MATCH (m:Firm)-[:MEMBER_OF]->(g)
    WHERE EXISTS {{ (m){_INSIDE} }}
    WITH m
    ORDER BY m.ord
    RETURN collect(m.name) AS group_local_firms
}}
CALL (f, s) {{
    CALL (f, s) {{
        MATCH (f)-[:OPERATES_IN]->(o:Segment)
        WHERE o <> s
        RETURN o
        UNION
        MATCH (f)-[:INVESTS_IN]->(:Project {{status: 'operating'}})-[:IN_SEGMENT]->(o:Segment)
        WHERE o <> s
        RETURN o
    }}
    CALL (o) {{
        MATCH (n:Segment)-[sr:SUPPLIES]->(o)
        WHERE n.id IN $strong_or_weak AND n <> o AND sr.kind = 'supply'
        RETURN n, 0 AS side
        UNION ALL
        MATCH (o)-[sr:SUPPLIES]->(n:Segment)
        WHERE n.id IN $strong_or_weak AND n <> o AND sr.kind = 'supply'
        RETURN n, 1 AS side
    }}
    WITH o, n, side
    ORDER BY side, n.ord
    WITH o, collect(n.id)[0] AS near
    ORDER BY o.presence_rank
    RETURN collect([o.id, near]) AS synergy
}}
RETURN f.id AS id, f.name AS name, f.country AS country, f.headquarters AS headquarters, f.size AS size,
       rank, CASE WHEN f.fortune500 THEN f.name WHEN g.fortune500 THEN g.name END AS fortune500,
       CASE WHEN size(group_local_firms) > 0 THEN g.name END AS group_name, group_local_firms,
       supplies_local, buys_from_local, synergy
ORDER BY first
"""

QUERIES: dict[str, str] = {
    "dataset": Q_DATASET, "chains": Q_CHAINS, "segments": Q_SEGMENTS, "segment_supplies": Q_SEGMENT_SUPPLIES,
    "regions": Q_REGIONS, "segment_states": Q_SEGMENT_STATES, "region_segment_counts": Q_REGION_SEGMENT_COUNTS,
    "favoured_parks": Q_FAVOURED_PARKS, "candidates": Q_CANDIDATES,
}
"""Every query of this module, by name (the tests EXPLAIN them all to catch deprecations)."""

_CONFIDENCE = ("confirmed", "probable", "guessed")


class Neo4jFacts(StructureFacts):
    """:class:`~chaingraph.analysis.facts.Facts` of one dataset in Neo4j; refuses a dataset whose push is incomplete.

    ``params`` holds the dataset's analysis parameters (from its ``dataset.yaml``), as for a ChainGraph.
    """

    def __init__(self, backend: Neo4jBackend, dataset: str) -> None:
        self.backend = backend
        self.dataset = dataset
        self._counts: dict[tuple[str, bool], dict[str, dict[str, int]]] = {}
        rows = backend.read(Q_DATASET, dataset=dataset)
        if not rows:
            known = ", ".join(d.id for d in backend.datasets()) or msg("none")
            raise BackendError(msg("dataset {dataset!r} is not in Neo4j at {safe_uri} "
                                   "(datasets there: {known}); run: chaingraph neo4j push",
                                   dataset=dataset, safe_uri=backend.settings.safe_uri, known=known))
        marker = rows[0]["d"]
        if marker.get("state") != "complete":
            raise BackendError(
                msg("dataset {dataset!r} in Neo4j is incomplete (state {state!r}, push started "
                    "{started_at}); run chaingraph neo4j push again to complete it",
                    dataset=dataset, state=marker.get("state"), started_at=marker.get("started_at")))
        self.params = AnalysisParams.from_mapping(json.loads(marker.get("analysis") or "{}"))
        self.ds = self._skeleton(marker)
        # only the static structure: the supply DAG and region lookups, never firms or projects
        self._structure = build_graph(self.ds)

    def __repr__(self) -> str:
        return f"Neo4jFacts({self.dataset!r}, {self.backend!r})"

    def firm_lookup(self, text: str) -> tuple[str, str, str | None, bool] | None:
        """(id, name, Fortune Global 500 name, leader) of the firm with this id or exact name, else None."""
        rows = self._read(Q_FIRM_LOOKUP, text=text.strip())
        if len(rows) > 1 and not rows[0]["by_id"]:
            raise LookupFailed(msg("firm {text!r} matches {rows_count} firms; give its id",
                                   text=text, rows_count=len(rows)))
        return (rows[0]["id"], rows[0]["name"], rows[0]["fortune500"], bool(rows[0]["leader"])) if rows else None

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self.backend.read(query, dataset=self.dataset, **params)

    def _skeleton(self, marker: dict[str, Any]) -> Dataset:
        info = DatasetInfo(id=self.dataset, name=marker.get("name") or "", as_of=parse_date(marker["as_of"]),
                           default_region=marker.get("default_region") or "", name_en=marker.get("name_en") or "",
                           description=marker.get("description") or "",
                           analysis=json.loads(marker.get("analysis") or "{}"))
        info.coverage, claims = evidence_from_json(marker.get("evidence"))
        chains: dict[str, Chain] = {}
        for row in self._read(Q_CHAINS):
            c = row["c"]
            chains[c["id"]] = Chain(id=c["id"], name=c["name"], name_en=c.get("name_en") or "",
                                    aliases=list(c.get("aliases") or []), description=c.get("description") or "",
                                    sources=list(c.get("sources") or []),
                                    generic_terms=list(c.get("generic_terms") or []))
        for row in self._read(Q_SEGMENTS):
            s = row["s"]
            chains[s["chain"]].segments.append(Segment(
                id=s["id"], name=s["name"], chain=s["chain"], tier=s["tier"], importance=s["importance"],
                name_en=s.get("name_en") or "", keywords=list(s.get("keywords") or []),
                aliases=list(s.get("aliases") or []), leading=bool(s.get("leading")),
                description=s.get("description") or "", importance_basis=s.get("importance_basis") or "",
                industry_codes=list(s.get("industry_codes") or []), scope_terms=list(s.get("scope_terms") or []),
                product_terms=list(s.get("product_terms") or []),
                ambiguous_terms=list(s.get("ambiguous_terms") or []), roles=list(s.get("roles") or [])))
        for row in self._read(Q_SEGMENT_SUPPLIES):
            chains[row["chain"]].supplies.append(SupplyEdge(row["source"], row["target"], row["chain"],
                                                            row["note"] or "", kind=row["kind"] or "supply"))
        regions: dict[str, Region] = {}
        for row in self._read(Q_REGIONS):
            r = row["r"]
            regions[r["id"]] = Region(id=r["id"], name=r["name"], kind=r["region_kind"], parent=row["parent"],
                                      name_en=r.get("name_en") or "", aliases=list(r.get("aliases") or []),
                                      favoured_countries=list(r.get("favoured_countries") or []),
                                      note=r.get("note") or "", covers=list(r.get("covers") or []))
        return Dataset(info=info, chains=chains, regions=regions, claims=claims)

    # -------------------------------------------------------------------------------------------- cypher
    def segment_states(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams,
                       limit: int | None = None) -> dict[str, SegmentState]:
        wanted = list(dict.fromkeys(segment_ids))
        rows = self._read(Q_SEGMENT_STATES, region=region_id, segments=wanted,
                          count_guessed=params.count_guessed_links, project_offset=_PROJECT_OFFSET,
                          pipeline_statuses=list(PIPELINE_STATUSES))
        states = dict.fromkeys(wanted, SegmentState())
        for row in rows:
            firms = tuple(FirmRef(f["id"], f["name"], f["fortune500"]) for f in row["firms"])
            leaders = tuple(ref for ref, f in zip(firms, row["firms"], strict=True) if f["leader"])
            projects = tuple(ProjectRef(p["id"], p["name"], p["status"], p["date"]) for p in row["projects"])
            states[row["segment"]] = SegmentState(firms, leaders, projects).capped(limit)
        return states

    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]:
        key = (level, params.count_guessed_links)
        if key not in self._counts:
            counts: dict[str, dict[str, int]] = {}
            for row in self._read(Q_REGION_SEGMENT_COUNTS, level=level, count_guessed=params.count_guessed_links):
                counts.setdefault(row["region"], {})[row["segment"]] = row["firms"]
            self._counts[key] = counts
        return self._counts[key]

    def favoured_parks(self, region_id: str) -> dict[str, list[str]]:
        parks: dict[str, list[str]] = {}
        for row in self._read(Q_FAVOURED_PARKS, region=region_id):
            for country in row["countries"]:
                parks.setdefault(country, []).append(row["name"])
        return parks

    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams) -> list[CandidateFacts]:
        rows = self._read(Q_CANDIDATES, region=region_id, segment=segment_id, strong_or_weak=sorted(strong_or_weak),
                          project_offset=_PROJECT_OFFSET)
        return [CandidateFacts(
            id=r["id"], name=r["name"], country=r["country"] or "", headquarters=r["headquarters"] or "",
            size=r["size"] or "", confidence=_CONFIDENCE[r["rank"]], fortune500=r["fortune500"],
            group=r["group_name"], group_local_firms=tuple(r["group_local_firms"]),
            supplies_local=tuple(r["supplies_local"]), buys_from_local=tuple(r["buys_from_local"]),
            synergy=tuple((own, near) for own, near in r["synergy"]),
        ) for r in rows]
