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
import math
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
from .neo4j_summary import SUMMARY_FIRMS, SUMMARY_MARKER, SUMMARY_VERSION

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
    WHERE $only IS NULL OR f.id IN $only
    RETURN f, l.ord AS key, l.confidence AS confidence
    UNION ALL
    MATCH (f:Firm)-[v:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    WHERE ($only IS NULL OR f.id IN $only) AND NOT EXISTS {{ (p){_INSIDE} }}
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

# The same for a few given firms (the winners of a ranking): found by id instead of among the segment's links.
Q_CANDIDATES_ONLY = Q_CANDIDATES.replace("""
    MATCH (f:Firm)-[l:OPERATES_IN]->(s)
    WHERE $only IS NULL OR f.id IN $only
""", f"""
    UNWIND $only AS firm_id
    MATCH (f:{MARKER_LABEL} {{dataset: $dataset, id: firm_id}})
    USING INDEX SEEK f:{MARKER_LABEL}(dataset, id)
    MATCH (f)-[l:OPERATES_IN]->(s)
""").replace("""
    MATCH (f:Firm)-[v:INVESTS_IN]->(p:Project {status: 'operating'})-[:IN_SEGMENT]->(s)
    WHERE ($only IS NULL OR f.id IN $only) AND NOT EXISTS""", f"""
    UNWIND $only AS firm_id
    MATCH (f:{MARKER_LABEL} {{dataset: $dataset, id: firm_id}})
    USING INDEX SEEK f:{MARKER_LABEL}(dataset, id)
    MATCH (f)-[v:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    WHERE NOT EXISTS""")

# ---- answers from the summary nodes the push writes (neo4j_summary.py). Each starts from the dataset node and
# says whether the push the facts were opened on is still the current one (``current``): after another push (or
# during one) the facts reload and ask to repeat the question rather than mix two pushes.
_CURRENT = f"""MATCH (d:{DATASET_LABEL} {{id: $dataset}})
WITH d.state = 'complete' AND d.push = $token AS current"""

# Only whether the push is current: a question whose answer is cached for this push (the summaries a push writes
# never change until the next push, which changes the token).
Q_CURRENT = f"""
{_CURRENT}
RETURN current
"""

Q_SUMMARY_STATES = f"""
{_CURRENT}
CALL () {{
    MATCH (x:{SUMMARY_MARKER}:LocalSummary {{dataset: $dataset, region: $region}})
    WHERE x.segment IN $segments
    RETURN collect(CASE WHEN $guessed
        THEN [x.segment, x.firms_g, x.leaders_g, coalesce(x.first_g, x.first)[..$limit],
              coalesce(x.heads_g, x.heads)[..$limit], x.projects]
        ELSE [x.segment, x.firms, x.leaders, x.first[..$limit], x.heads[..$limit], x.projects] END) AS rows
}}
RETURN current, rows
"""

Q_FIRM_REFS = f"""
UNWIND $ids AS firm_id
MATCH (f:{MARKER_LABEL} {{dataset: $dataset, id: firm_id}})
USING INDEX SEEK f:{MARKER_LABEL}(dataset, id)
OPTIONAL MATCH (f)-[:MEMBER_OF]->(g)
RETURN f.id AS id, f.name AS name, CASE WHEN f.fortune500 THEN f.name WHEN g.fortune500 THEN g.name END AS fortune500
"""

Q_PROJECT_REFS = f"""
UNWIND $ids AS project_id
MATCH (p:{MARKER_LABEL} {{dataset: $dataset, id: project_id}})
USING INDEX SEEK p:{MARKER_LABEL}(dataset, id)
RETURN p.id AS id, p.name AS name, p.status AS status, p.date AS date
"""

Q_SUMMARY_STATUSES = f"""
{_CURRENT}
CALL () {{
    MATCH (x:{SUMMARY_MARKER}:LocalSummary {{dataset: $dataset, region: $region}})
    RETURN collect(CASE WHEN $guessed THEN [x.segment, x.firms_g, x.leaders_g, size(x.projects)]
                        ELSE [x.segment, x.firms, x.leaders, size(x.projects)] END) AS rows
}}
RETURN current, rows
"""

Q_REGION_SUMMARY = f"""
{_CURRENT}
CALL () {{
    OPTIONAL MATCH (x:{SUMMARY_MARKER}:RegionSummary {{dataset: $dataset, id: $key}})
    RETURN x {{.*}} AS summary
}}
RETURN current, summary
"""

Q_LEVEL_COUNTS = f"""
{_CURRENT}
CALL () {{
    MATCH (x:{SUMMARY_MARKER}:RegionSummary {{dataset: $dataset, level: $level}})
    RETURN collect(CASE WHEN $guessed THEN [x.region, x.count_segments_g, x.counts_g]
                        ELSE [x.region, x.count_segments, x.counts] END) AS rows
}}
RETURN current, rows
"""

Q_FORTUNE500_GROUPS = f"""
MATCH (g:{MARKER_LABEL}:Group {{dataset: $dataset}})
USING INDEX g:Group(dataset)
WHERE g.fortune500
RETURN collect(g.id) AS groups
"""

# Distinct local firms over several segments (the strong or weak neighbours of a target segment): the firms of
# those segments are filtered by their stored ``region`` instead of walking every firm of the region.
Q_LOCAL_FIRM_COUNT = f"""
UNWIND $segments AS segment_id
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset, id: segment_id}})
USING INDEX SEEK s:{MARKER_LABEL}(dataset, id)
CALL (s) {{
    MATCH (f)-[l:OPERATES_IN]->(s)
    WHERE f.region IN $places
    RETURN f, l.confidence <> 'guessed' AS sure
    UNION ALL
    MATCH (f)-[:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    WHERE EXISTS {{ (p)-[:LOCATED_IN]->(r) WHERE r.id IN $places }}
    RETURN f, true AS sure
}}
WITH f, max(CASE WHEN sure OR $guessed THEN 1 ELSE 0 END) AS counted
WHERE counted = 1
RETURN count(f) AS firms
"""

def _partial_score(tied: str) -> str:
    """The target score's terms but the synergy (targets.score_candidate's, added in its order, in doubles) as
    ``partial`` for every candidate row ``f, rank``, collected as ``candidates``, and the ``limit``-th best of them
    without the synergy as ``floor``; ``tied`` is the test of a supply tie to a local firm. Shared by the ranking
    of a whole segment and the band-by-band one, so that both score exactly as the snapshot does."""
    return f"""WITH f, $weight[rank] AS weight, ((((
        CASE f.size WHEN 'leader' THEN $size[0] WHEN 'large' THEN $size[1] WHEN 'medium' THEN $size[2]
                    WHEN 'small' THEN $size[3] ELSE $size[4] END)
        + (CASE WHEN f.fortune500 OR f.group IN $f500_groups THEN $bonus[0] ELSE 0.0 END))
        + (CASE WHEN f.group IN $local_groups THEN $bonus[1] ELSE 0.0 END))
        + (CASE WHEN {tied} THEN $bonus[2] ELSE 0.0 END))
        + (CASE WHEN f.country <> '' AND f.country IN $countries THEN $bonus[3] ELSE 0.0 END) AS partial
WITH collect([f, weight, partial]) AS candidates
CALL (candidates) {{
    UNWIND candidates AS c
    WITH c[1] * c[2] AS low
    ORDER BY low DESC
    LIMIT $limit
    RETURN min(low) AS floor
}}
UNWIND candidates AS c
"""


# The target score of every candidate of a segment (targets.score_candidate's terms, added in its order, in
# doubles, so the ranking is Python's to the last bit), ranked on the server: only the winners' ids travel. The
# synergy term alone walks a firm's other segments, so it is computed only for the candidates that can still
# reach the ``limit``-th best score without it (``floor``; with non-negative weights and bonuses, as by default);
# the others cannot make the list whatever their synergy.
Q_RANKED = f"""
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset, id: $segment}})
USING INDEX SEEK s:{MARKER_LABEL}(dataset, id)
CALL (s) {{
    MATCH (f)-[l:OPERATES_IN]->(s)
    WHERE f.region IS NULL OR NOT f.region IN $places
    RETURN f, CASE l.confidence WHEN 'confirmed' THEN 0 WHEN 'probable' THEN 1 ELSE 2 END AS rank
    UNION ALL
    MATCH (f)-[:INVESTS_IN]->(p:Project {{status: 'operating'}})-[:IN_SEGMENT]->(s)
    WHERE (f.region IS NULL OR NOT f.region IN $places)
      AND NOT EXISTS {{ (p)-[:LOCATED_IN]->(r) WHERE r.id IN $places }}
    RETURN f, 0 AS rank
}}
WITH f, min(rank) AS rank
{_partial_score('f.id IN $tied')}WITH size(candidates) AS total, c[0] AS f, c[1] AS weight, c[2] AS partial, floor
WHERE NOT $prune OR weight * (partial + $bonus[4]) >= floor
WITH total, f, weight * (partial + CASE
        WHEN EXISTS {{ (f)-[:OPERATES_IN]->(o) WHERE o.id IN $synergy }}
          OR EXISTS {{ (f)-[:INVESTS_IN]->(:Project {{status: 'operating'}})-[:IN_SEGMENT]->(o)
                       WHERE o.id IN $synergy }}
        THEN $bonus[4] ELSE 0.0 END) AS score
ORDER BY score DESC, f.name, f.id
RETURN collect(f.id)[..$limit] AS winners, max(total) AS total
"""

# One step of a pruned target ranking: the candidates of some ``band``s of the segment's links (SEGMENT|SIZE|FGT,
# found through the relationship index), each band taken whole (``pick[1] = 0``) or only its firms with a local
# group (1), a supply tie to a local firm (2), either (3) or both (4); the links in ``$tied_bands`` of the tied
# firms (looked up by id, when they are fewer than the band's links); and every
# presence through an operating project placed outside the region. Scored as Q_RANKED; only rows that can reach
# ``$reach`` (the threshold of an earlier step) or this step's own ``limit``-th bound are scored in full. A supply
# tie to a local firm is tested on the firm's own ``SUPPLIES`` relationships (a few firms have any), which equals
# ``f.id IN tied`` of the region's summary without sending its thousands of ids with every step.
_TIED = "EXISTS { (f)-[:SUPPLIES]-(c:Firm) WHERE c.region IN $places }"
_PROJECT_PRESENCES = """
    UNION ALL
    MATCH (f)-[:INVESTS_IN]->(p:Project {status: 'operating'})-[:IN_SEGMENT]->(s)
    WHERE NOT EXISTS { (p)-[:LOCATED_IN]->(r) WHERE r.id IN $places }
    RETURN f, 0 AS rank"""
Q_RANK_BANDS = f"""
MATCH (s:{MARKER_LABEL}:Segment {{dataset: $dataset, id: $segment}})
USING INDEX SEEK s:{MARKER_LABEL}(dataset, id)
CALL (s) {{
    UNWIND $seek AS pick
    MATCH (f)-[l:OPERATES_IN {{band: pick[0]}}]->(s)
    USING INDEX l:OPERATES_IN(band)
    WHERE CASE pick[1] WHEN 0 THEN true WHEN 1 THEN f.group IN $local_groups
                       WHEN 2 THEN {_TIED} WHEN 3 THEN f.group IN $local_groups OR {_TIED}
                       ELSE f.group IN $local_groups AND {_TIED} END
    RETURN f, CASE l.confidence WHEN 'confirmed' THEN 0 WHEN 'probable' THEN 1 ELSE 2 END AS rank
    UNION ALL
    UNWIND $tied_firms AS firm_id
    MATCH (f:{MARKER_LABEL} {{dataset: $dataset, id: firm_id}})
    USING INDEX SEEK f:{MARKER_LABEL}(dataset, id)
    MATCH (f)-[l:OPERATES_IN]->(s)
    WHERE l.band IN $tied_bands
    RETURN f, CASE l.confidence WHEN 'confirmed' THEN 0 WHEN 'probable' THEN 1 ELSE 2 END AS rank{_PROJECT_PRESENCES}
}}
WITH f, rank
WHERE f.region IS NULL OR NOT f.region IN $places
WITH f, min(rank) AS rank
{_partial_score(_TIED)}\
WITH c[0] AS f, c[1] AS weight, c[2] AS partial, CASE WHEN floor > $reach THEN floor ELSE $reach END AS floor
WHERE weight * (partial + $bonus[4]) >= floor
WITH f, weight * (partial + CASE
        WHEN EXISTS {{ (f)-[:OPERATES_IN]->(o) WHERE o.id IN $synergy }}
          OR EXISTS {{ (f)-[:INVESTS_IN]->(:Project {{status: 'operating'}})-[:IN_SEGMENT]->(o)
                       WHERE o.id IN $synergy }}
        THEN $bonus[4] ELSE 0.0 END) AS score
ORDER BY score DESC, f.name, f.id
LIMIT $limit
RETURN f.id AS id, f.name AS name, score
"""

# The same without the presences through projects: a later step of a ranking whose first step scored them (a
# project presence is confirmed, the best rank, so its first score is the firm's own when the confidence weights
# do not rise from confirmed to guessed).
Q_RANK_LINKS = Q_RANK_BANDS.replace(_PROJECT_PRESENCES, "")

# The last step of a ranking and the candidates' facts in one round trip: this step's best rows and the best of the
# steps before (``$found``: [score, name, id], a firm met twice keeping its best score, as the first score is
# its own) give the winners, whose Q_CANDIDATES_ONLY rows are returned.
_RANK_RETURN = """
RETURN f.id AS id, f.name AS name, score
"""
_WINNERS = """
WITH collect([score, f.name, f.id]) AS rows
CALL (rows) {
    UNWIND rows + $found AS r
    WITH r[2] AS id, r[1] AS name, max(r[0]) AS score
    ORDER BY score DESC, name, id
    LIMIT $limit
    RETURN collect(id) AS only
}
WITH only
"""
_DETAILS = Q_CANDIDATES_ONLY.replace("UNWIND $only AS firm_id", "UNWIND only AS firm_id").replace(
    "CALL (s, inside) {\n    UNWIND only", "CALL (s, inside, only) {\n    UNWIND only", 1)
Q_RANK_DETAILS = Q_RANK_BANDS.replace(_RANK_RETURN, _WINNERS + _DETAILS)
Q_RANK_LINKS_DETAILS = Q_RANK_LINKS.replace(_RANK_RETURN, _WINNERS + _DETAILS)

QUERIES: dict[str, str] = {
    "dataset": Q_DATASET, "chains": Q_CHAINS, "segments": Q_SEGMENTS, "segment_supplies": Q_SEGMENT_SUPPLIES,
    "regions": Q_REGIONS, "segment_states": Q_SEGMENT_STATES, "region_segment_counts": Q_REGION_SEGMENT_COUNTS,
    "favoured_parks": Q_FAVOURED_PARKS, "candidates": Q_CANDIDATES, "summary_states": Q_SUMMARY_STATES,
    "current": Q_CURRENT, "summary_statuses": Q_SUMMARY_STATUSES, "region_summary": Q_REGION_SUMMARY,
    "level_counts": Q_LEVEL_COUNTS,
    "fortune500_groups": Q_FORTUNE500_GROUPS, "local_firm_count": Q_LOCAL_FIRM_COUNT, "ranked": Q_RANKED,
    "firm_refs": Q_FIRM_REFS, "project_refs": Q_PROJECT_REFS, "candidates_only": Q_CANDIDATES_ONLY,
    "rank_bands": Q_RANK_BANDS, "rank_links": Q_RANK_LINKS, "rank_details": Q_RANK_DETAILS,
    "rank_links_details": Q_RANK_LINKS_DETAILS,
}
"""Every query of this module, by name (the tests EXPLAIN them all to catch deprecations)."""

_CONFIDENCE = ("confirmed", "probable", "guessed")


class Neo4jFacts(StructureFacts):
    """:class:`~chaingraph.analysis.facts.Facts` of one dataset in Neo4j; refuses a dataset whose push is incomplete.

    ``params`` holds the dataset's analysis parameters (from its ``dataset.yaml``), as for a ChainGraph.
    """

    _merge_steps = True
    """A target ranking reads all sizes after the first step(s) in one query, against the first threshold (False:
    size by size, each against the threshold of the sizes before it: fewer rows, more round trips)."""

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
        self._open(marker)

    def _open(self, marker: dict[str, Any]) -> None:
        self.params = AnalysisParams.from_mapping(json.loads(marker.get("analysis") or "{}"))
        self.token = marker.get("push")
        # datasets pushed before summary nodes existed are answered from the records alone
        self.summaries = marker.get("summary_version") == SUMMARY_VERSION
        self._counts = {}
        self._regions: dict[str, dict[str, Any]] = {}
        self._f500_groups: list[str] | None = None
        self._firm_cache: dict[str, FirmRef] = {}
        self._project_cache: dict[str, ProjectRef] = {}
        # the segment states read from the summaries, by (region, guessed links counted, limit) and segment
        self._states: dict[tuple[str, bool, int], dict[str, SegmentState]] = {}
        self.ds = self._skeleton(marker)
        # only the static structure: the supply DAG and region lookups, never firms or projects
        self._structure = build_graph(self.ds)

    def _current(self, query: str, **params: Any) -> dict[str, Any]:
        """The one row of a summary query, after checking that the push these facts were opened on is current.

        When another push completed since, the facts reload (structure, parameters, caches) and the question is
        to be asked again; while a push runs, the dataset is incomplete. Either way nothing of two pushes mixes.
        """
        rows = self._read(query, token=self.token, **params)
        if rows and rows[0]["current"]:
            return rows[0]
        marker = (self._read(Q_DATASET) or [{"d": {}}])[0]["d"]
        if marker.get("state") == "complete":
            self._open(marker)
            raise BackendError(msg("dataset {dataset!r} was pushed to Neo4j again while it was being read; "
                                   "ask again (the new push is read from now on)", dataset=self.dataset))
        raise BackendError(
            msg("dataset {dataset!r} in Neo4j is incomplete (state {state!r}, push started "
                "{started_at}); run chaingraph neo4j push again to complete it",
                dataset=self.dataset, state=marker.get("state"), started_at=marker.get("started_at")))

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
        return self.backend.ask(query, dataset=self.dataset, **params)

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
        self._band_links: dict[str, int] = {}
        for row in self._read(Q_SEGMENTS):
            s = row["s"]
            self._band_links.update(zip(s.get("bands") or [], map(int, s.get("band_links") or []), strict=True))
            chains[s["chain"]].segments.append(Segment(
                id=s["id"], name=s["name"], chain=s["chain"], tier=s["tier"], importance=s["importance"],
                name_en=s.get("name_en") or "", keywords=list(s.get("keywords") or []),
                aliases=list(s.get("aliases") or []), leading=bool(s.get("leading")),
                description=s.get("description") or "", importance_basis=s.get("importance_basis") or "",
                industry_codes=list(s.get("industry_codes") or []),
                wide_codes=list(s.get("wide_codes") or []), scope_terms=list(s.get("scope_terms") or []),
                product_terms=list(s.get("product_terms") or []),
                ambiguous_terms=list(s.get("ambiguous_terms") or []),
                narrowing_terms=list(s.get("narrowing_terms") or []), roles=list(s.get("roles") or [])))
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
        if self.summaries and limit is not None and limit <= SUMMARY_FIRMS:
            return self._summary_states(wanted, region_id, params, limit)
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

    def _summary_states(self, wanted: list[str], region_id: str, params: AnalysisParams,
                        limit: int) -> dict[str, SegmentState]:
        """Counts, the first ``limit`` firms and leaders and the pipeline projects, from the summary nodes.

        The summaries of a push never change, so a segment's state is read once per push (region, count of guessed
        links and limit); a question whose states are all known still asks whether the push is current (one
        trivial round trip, Q_CURRENT), so that another push is seen as before.
        """
        known = self._states.setdefault((region_id, params.count_guessed_links, limit), {})
        missing = [s for s in wanted if s not in known]
        if not missing:
            self._current(Q_CURRENT)
            return {s: known[s] for s in wanted}
        row = self._current(Q_SUMMARY_STATES, region=region_id, segments=missing, limit=limit,
                            guessed=params.count_guessed_links)
        firms = self._firm_refs({f for r in row["rows"] for f in (*r[3], *r[4])})
        projects = self._project_refs({p for r in row["rows"] for p in r[5]})
        empty = SegmentState()
        for segment in missing:
            known[segment] = empty
        for segment, n_firms, n_leaders, first, heads, pipeline in row["rows"]:
            known[segment] = SegmentState(tuple(map(firms.__getitem__, first)), tuple(map(firms.__getitem__, heads)),
                                          tuple(map(projects.__getitem__, pipeline)), n_firms, n_leaders)
        return {s: known[s] for s in wanted}

    def _firm_refs(self, ids: set[str]) -> dict[str, FirmRef]:
        """FirmRefs by id (at least those of ``ids``), read once per push (the cache goes when another push is
        seen)."""
        missing = sorted(ids - self._firm_cache.keys())
        if missing:
            for r in self._read(Q_FIRM_REFS, ids=missing):
                self._firm_cache[r["id"]] = FirmRef(r["id"], r["name"], r["fortune500"])
        return self._firm_cache

    def _project_refs(self, ids: set[str]) -> dict[str, ProjectRef]:
        """ProjectRefs by id (at least those of ``ids``), read once per push."""
        missing = sorted(ids - self._project_cache.keys())
        if missing:
            for r in self._read(Q_PROJECT_REFS, ids=missing):
                self._project_cache[r["id"]] = ProjectRef(r["id"], r["name"], r["status"], r["date"])
        return self._project_cache

    def segment_statuses(self, region_id: str, params: AnalysisParams) -> dict[str, str]:
        """The status of every segment in a region, from the summary nodes (one read, no firm listed)."""
        from ..analysis.gaps import status_from_counts, status_of_state

        if not self.summaries:
            states = self.segment_states(list(self.segments()), region_id, params)
            return {s: status_of_state(state, params) for s, state in states.items()}
        found = {s: (0, False, False) for s in self.segments()}
        for segment, n_firms, n_leaders, n_projects in self._current(
                Q_SUMMARY_STATUSES, region=region_id, guessed=params.count_guessed_links)["rows"]:
            found[segment] = (n_firms, n_leaders > 0, n_projects > 0)
        return {s: status_from_counts(n, leader, pipeline, params) for s, (n, leader, pipeline) in found.items()}

    def _region_summary(self, region_id: str) -> dict[str, Any]:
        """The region's summary node (chain counts, groups with a local firm, tied firms), read once per push."""
        found = self._regions.get(region_id)
        if found is None:
            found = self._current(Q_REGION_SUMMARY, key=f"region:{region_id}")["summary"] or {}
            self._regions[region_id] = found
        return found

    def local_firm_count(self, segment_ids: Iterable[str], region_id: str, params: AnalysisParams) -> int:
        """Distinct local firms over some segments: from the summaries for one segment or one whole chain."""
        ids = set(segment_ids)
        if not ids:
            return 0
        if not self.summaries:
            return super().local_firm_count(ids, region_id, params)
        chains = {self.segments()[s].chain for s in ids}
        if len(chains) == 1:
            chain = next(iter(chains))
            if ids == {s.id for s in self.ds.chains[chain].segments}:
                summary = self._region_summary(region_id)
                counts = summary.get("chain_firms_g" if params.count_guessed_links else "chain_firms") or []
                return dict(zip(summary.get("chains") or [], counts, strict=True)).get(chain, 0)
        if len(ids) == 1:
            return self.segment_states(ids, region_id, params, limit=0)[ids.pop()].firm_count
        # the neighbours of a target segment that have local firms: counted by the push
        summary = self._region_summary(region_id)
        suffix = "_g" if params.count_guessed_links else ""
        near = dict(zip(summary.get("near_keys" + suffix) or [], summary.get("near_firms" + suffix) or [],
                        strict=True))
        stored = near.get(" ".join(sorted(ids)))
        if stored is not None:
            return int(stored)
        return int(self._read(Q_LOCAL_FIRM_COUNT, segments=sorted(ids),
                              places=sorted(self._structure.descendants(region_id)),
                              guessed=params.count_guessed_links)[0]["firms"])

    def ranked_candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str], params: AnalysisParams,
                          parks_by_country: dict[str, list[str]], limit: int) -> tuple[list[CandidateFacts], int]:
        """The ``limit`` best candidates (by the target score, ranked in Cypher) and the number of all candidates."""
        if not self.summaries:
            from ..analysis.targets import _score

            pool = self.candidates(segment_id, region_id, strong_or_weak, params)
            pool.sort(key=lambda c: (-_score(c, parks_by_country, params), c.name, c.id))
            return pool[:limit], len(pool)
        summary = self._region_summary(region_id)
        if self._f500_groups is None:
            self._f500_groups = list(self._read(Q_FORTUNE500_GROUPS)[0]["groups"])
        synergy = sorted(s for s in self.segments() if s != segment_id
                         and any(n in strong_or_weak for n in self.upstream(s) + self.downstream(s)))
        weights = (params.confidence_confirmed, params.confidence_probable, params.confidence_guessed)
        sizes = (params.size_leader, params.size_large, params.size_medium, params.size_small, params.size_unknown)
        bonuses = (params.bonus_fortune500, params.bonus_same_group, params.bonus_supply_tie, params.bonus_country_fit,
                   params.bonus_chain_synergy)
        if limit > 0 and min(*weights, *sizes, *bonuses) >= 0:
            ranked = self._rank_by_bands(segment_id, region_id, summary, synergy, strong_or_weak, params,
                                         parks_by_country, limit)
            if not ranked:
                return [], 0
            total = dict(zip(summary["cand_segments"], summary["candidates"], strict=True)).get(segment_id, 0)
            return ranked, total
        row = self._read(
            Q_RANKED, segment=segment_id, places=sorted(self._structure.descendants(region_id)),
            weight=[params.confidence_confirmed, params.confidence_probable, params.confidence_guessed],
            size=[params.size_leader, params.size_large, params.size_medium, params.size_small, params.size_unknown],
            bonus=[params.bonus_fortune500, params.bonus_same_group, params.bonus_supply_tie, params.bonus_country_fit,
                   params.bonus_chain_synergy],
            f500_groups=self._f500_groups, local_groups=summary.get("groups") or [], tied=summary.get("tied") or [],
            countries=sorted(parks_by_country), synergy=synergy, limit=limit,
            prune=params.bonus_chain_synergy >= 0 and min(params.confidence_confirmed, params.confidence_probable,
                                                          params.confidence_guessed) >= 0)[0]
        if not row["winners"]:
            return [], 0
        return self.candidates(segment_id, region_id, strong_or_weak, params, only=row["winners"]), row["total"]

    def _rank_by_bands(self, segment_id: str, region_id: str, summary: dict[str, Any], synergy: list[str],
                       strong_or_weak: set[str], params: AnalysisParams, parks_by_country: dict[str, list[str]],
                       limit: int) -> list[CandidateFacts]:
        """The ``limit`` best candidates, ranked band by band (as the snapshot prunes its ranking).

        The links of the best-weighted size are ranked first (more sizes while they are too few to fill the list);
        their ``limit``-th score is a threshold. Then size by size, of every band (size, Fortune 500, group) only
        the firms whose best possible score can reach the threshold so far are read: the whole band, or only its
        firms with a local group and/or a supply tie to a local firm (the tied firms looked up by id when they are
        fewer than the band's links). Needs non-negative weights, sizes and bonuses. The last step also reads the
        winners' facts (Q_RANK_DETAILS), else they are read after it.
        """
        from .neo4j_schema import SIZE_CLASSES

        weights = (params.confidence_confirmed, params.confidence_probable, params.confidence_guessed)
        size_of = dict(zip(SIZE_CLASSES, (params.size_leader, params.size_large, params.size_medium,
                                          params.size_small, params.size_unknown), strict=True))
        places = sorted(self._structure.descendants(region_id))
        tied = summary.get("tied") or []
        args: dict[str, Any] = dict(
            segment=segment_id, places=places, weight=list(weights), size=list(size_of.values()),
            bonus=[params.bonus_fortune500, params.bonus_same_group, params.bonus_supply_tie,
                   params.bonus_country_fit, params.bonus_chain_synergy],
            f500_groups=self._f500_groups, local_groups=summary.get("groups") or [],
            countries=sorted(parks_by_country), synergy=synergy, limit=limit)

        def bands(size: str) -> list[str]:
            return [f"{segment_id}|{size}|{f}{g}{t}" for f in "F-" for g in "G-" for t in "T-"]

        found: dict[str, tuple[float, str]] = {}
        # A presence through a project is confirmed (the best rank): when the weights do not rise from confirmed to
        # guessed, the first step's score of such a firm is its own, and a firm that missed that step's list cannot
        # make it later with a lower one; so only the first step reads those presences, and a firm keeps its
        # first score.
        projects_once = weights[0] >= weights[1] >= weights[2]
        steps = 0

        def rank(seek: list[list[Any]], tied_bands: list[str], reach: float) -> None:
            nonlocal steps
            query = Q_RANK_LINKS if projects_once and steps else Q_RANK_BANDS
            steps += 1
            rows = self._read(query, seek=seek, tied_bands=tied_bands, tied_firms=tied if tied_bands else [],
                              reach=reach, **args)
            for r in rows:
                found.setdefault(r["id"], (r["score"], r["name"]))

        def best() -> list[tuple[str, tuple[float, str]]]:
            return sorted(found.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))[:limit]

        order = sorted(SIZE_CLASSES, key=lambda size: -size_of[size])
        rank([[band, 0] for band in bands(order.pop(0))], [], -math.inf)
        while order and len(found) < limit:
            rank([[band, 0] for band in bands(order.pop(0))], [], -math.inf)
        top_weight = max(weights)
        group, tie = params.bonus_same_group, params.bonus_supply_tie
        while order:  # the other sizes, best first, against the threshold of what is ranked so far
            ranked = best()
            threshold = ranked[-1][1][0] if len(ranked) >= limit else -math.inf
            reach = threshold - 1e-9 * (1 + abs(threshold))  # a margin for rounding: a bound equal to it is kept
            seek: list[list[Any]] = []
            tied_bands: list[str] = []
            sizes, order = (order, []) if self._merge_steps else (order[:1], order[1:])
            for size, f500, grouped, ties in ((size, f500, grouped, ties) for size in sizes for f500 in (True, False)
                                              for grouped in (True, False) for ties in (True, False)):
                # what a firm of each band needs to reach the list (a firm without any tie cannot get that bonus)
                band = f"{segment_id}|{size}|{'F' if f500 else '-'}{'G' if grouped else '-'}{'T' if ties else '-'}"
                links = self._band_links.get(band, 0)
                if not links:
                    continue
                base = size_of[size] + (params.bonus_fortune500 if f500 else 0.0) + params.bonus_country_fit \
                    + params.bonus_chain_synergy
                by_group = grouped and top_weight * (base + group) >= reach
                by_tie = ties and top_weight * (base + tie) >= reach
                scan = links <= len(tied)  # the band's links, or the tied firms' links by id
                if top_weight * base >= reach:
                    seek.append([band, 0])
                elif by_group and by_tie:
                    seek.append([band, 3 if scan else 1])
                    if not scan:
                        tied_bands.append(band)
                elif by_group:
                    seek.append([band, 1])
                elif by_tie:
                    if scan:
                        seek.append([band, 2])
                    else:
                        tied_bands.append(band)
                elif grouped and ties and top_weight * (base + group + tie) >= reach:
                    seek.append([band, 4])
            if (seek or tied_bands) and not order:  # the last step, with the winners' facts
                query = Q_RANK_LINKS_DETAILS if projects_once and steps else Q_RANK_DETAILS
                return self._candidate_facts(self._read(
                    query, seek=seek, tied_bands=tied_bands, tied_firms=tied if tied_bands else [], reach=reach,
                    found=[[score, name, firm] for firm, (score, name) in best()], region=region_id,
                    strong_or_weak=sorted(strong_or_weak), project_offset=_PROJECT_OFFSET, **args))
            if seek or tied_bands:
                rank(seek, tied_bands, reach)
        winners = [firm for firm, _ in best()]
        if not winners:
            return []
        return self.candidates(segment_id, region_id, strong_or_weak, params, only=winners)

    def region_segment_counts(self, level: str, params: AnalysisParams) -> dict[str, dict[str, int]]:
        key = (level, params.count_guessed_links)
        if key not in self._counts and self.summaries:
            rows = self._current(Q_LEVEL_COUNTS, level=level, guessed=params.count_guessed_links)["rows"]
            self._counts[key] = {region: dict(zip(segments, counts, strict=True))
                                 for region, segments, counts in rows if segments}
        if key not in self._counts:
            counts: dict[str, dict[str, int]] = {}
            for row in self._read(Q_REGION_SEGMENT_COUNTS, level=level, count_guessed=params.count_guessed_links):
                counts.setdefault(row["region"], {})[row["segment"]] = row["firms"]
            self._counts[key] = counts
        return self._counts[key]

    def favoured_parks(self, region_id: str) -> dict[str, list[str]]:
        """Parks favouring each country, from the regions read at opening (Q_FAVOURED_PARKS asks the server)."""
        parks: dict[str, list[str]] = {}
        for rid in sorted(self._structure.descendants(region_id)):
            for country in self.ds.regions[rid].favoured_countries:
                parks.setdefault(country, []).append(self.ds.regions[rid].name)
        return parks

    def candidates(self, segment_id: str, region_id: str, strong_or_weak: set[str],
                   params: AnalysisParams, only: Iterable[str] | None = None) -> list[CandidateFacts]:
        """Every candidate for the segment (or only the firms in ``only``), in the in-memory order."""
        rows = self._read(Q_CANDIDATES if only is None else Q_CANDIDATES_ONLY, region=region_id, segment=segment_id,
                          strong_or_weak=sorted(strong_or_weak), project_offset=_PROJECT_OFFSET,
                          only=None if only is None else list(only))
        return self._candidate_facts(rows)

    @staticmethod
    def _candidate_facts(rows: list[dict[str, Any]]) -> list[CandidateFacts]:
        return [CandidateFacts(
            id=r["id"], name=r["name"], country=r["country"] or "", headquarters=r["headquarters"] or "",
            size=r["size"] or "", confidence=_CONFIDENCE[r["rank"]], fortune500=r["fortune500"],
            group=r["group_name"], group_local_firms=tuple(r["group_local_firms"]),
            supplies_local=tuple(r["supplies_local"]), buys_from_local=tuple(r["buys_from_local"]),
            synergy=tuple((own, near) for own, near in r["synergy"]),
        ) for r in rows]
