"""Summary nodes a push writes next to the records, so that a gap report or a target ranking is a few indexed reads.

A national pool's county holds 150,000 firms; walking them through ``LOCATED_IN`` for every segment of a report
took seconds. The push therefore also writes, computed from the same dataset in one pass over its presences:

* one ``(:ChaingraphSummary:LocalSummary {dataset, id, region, segment})`` node per region and segment with any
  local presence (the region with everything inside it): how many local firms and leaders, counted with and
  without guessed links, the first :data:`SUMMARY_FIRMS` of each (ids, in the order of the in-memory graph) and
  every local pipeline project;
* one ``(:ChaingraphSummary:RegionSummary {dataset, id, region})`` node per region: the distinct local firms over
  each chain, the firm counts per segment at the region's own level (for relatedness), the groups with a local
  firm and the firms with a supply tie to a local firm (for the target ranking).

The semantics are those of :class:`~chaingraph.analysis.facts.NxFacts` (and of the snapshot's summary tables); the
parity tests compare the answers read from these nodes with both. Summary ids (``local:REGION:SEGMENT``,
``region:REGION``) contain a colon, which no record id can, and the nodes carry their own marker label, so the
record counts of a dataset are unchanged. Labels come only from :data:`SUMMARY_LABELS`.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice
from operator import itemgetter
from typing import Any

from ..dataset.graph import ChainGraph

__all__ = ["SUMMARY_MARKER", "SUMMARY_LABELS", "SUMMARY_VERSION", "SUMMARY_FIRMS", "SUMMARY_SCHEMA", "summary_rows",
           "summary_label"]

SUMMARY_MARKER = "ChaingraphSummary"
"""Carried by every summary node, next to its own label (the record marker ``Chaingraph`` is not)."""
SUMMARY_LABELS: tuple[str, ...] = ("LocalSummary", "RegionSummary")
"""The allowlist of summary labels."""
SUMMARY_VERSION = 3
"""Recorded on the dataset node by a push that wrote summaries; the facts of a dataset without it (pushed by an
older chaingraph) are answered from the records alone. Version 2 added the candidate counts, the neighbours' local
firm counts and the ranking bands of ``OPERATES_IN``; version 3 the supply-tie flag of a band (``SEGMENT|SIZE|FGT``)."""
SUMMARY_FIRMS = 20
"""How many local firms (and leaders) a ``LocalSummary`` lists (a gap report lists 20 by default); longer lists
are read from the records."""

SUMMARY_SCHEMA: tuple[str, ...] = (
    f"CREATE CONSTRAINT chaingraph_summary IF NOT EXISTS FOR (n:{SUMMARY_MARKER}) REQUIRE (n.dataset, n.id) IS UNIQUE",
    f"CREATE INDEX chaingraph_summary_push IF NOT EXISTS FOR (n:{SUMMARY_MARKER}) ON (n.dataset, n.push)",
    "CREATE INDEX chaingraph_local_summary IF NOT EXISTS FOR (n:LocalSummary) ON (n.dataset, n.region)",
    "CREATE INDEX chaingraph_region_summary IF NOT EXISTS FOR (n:RegionSummary) ON (n.dataset, n.level)",
)
"""Constraints and indexes of the summary nodes, created with the record schema before any data."""


def summary_label(name: str) -> str:
    """A summary label, refusing anything outside the allowlist."""
    if name not in SUMMARY_LABELS:
        raise ValueError(f"not a chaingraph summary label: {name!r}")
    return name


def _first_seen(items: Iterator[tuple[str, int]]) -> Iterator[str]:
    seen: set[str] = set()
    for firm, _ in items:
        if firm not in seen:
            seen.add(firm)
            yield firm


def _held(operating: dict[str, None], linked: set[str], via_places: dict[str, set[str | None]],
          firms: dict[str, Any], ancestors: Callable[[str | None], tuple[str, ...]]) -> dict[str, int]:
    """Region -> how many of a segment's firms are not candidates there: those located inside it, and those present
    only through operating projects that all lie inside it (the rules of the target list's candidates)."""
    homes = Counter(firms[f].region for f in operating)
    held: dict[str, int] = {}
    for place, n in homes.items():
        for region in ancestors(place):
            held[region] = held.get(region, 0) + n
    for firm, places in via_places.items():
        if firm in linked or None in places:
            continue
        common = set.intersection(*(set(ancestors(q)) for q in places)) - set(ancestors(firms[firm].region))
        for region in common:
            held[region] = held.get(region, 0) + 1
    return held


def summary_rows(cg: ChainGraph) -> dict[str, list[dict[str, Any]]]:
    """Label -> rows ``{"id": ..., "props": {...}}`` of every summary node of the dataset."""
    ds = cg.dataset
    firms, projects = ds.firms, ds.projects
    above: dict[str | None, tuple[str, ...]] = {None: ()}

    def ancestors(place: str | None) -> tuple[str, ...]:
        found = above.get(place)
        if found is None:
            found = above[place] = tuple(ds.region_ancestors(place)) if place in ds.regions else ()
        return found

    inside: dict[str, list[str]] = {}
    for region_id in ds.regions:
        for region in ancestors(region_id):
            inside.setdefault(region, []).append(region_id)
    leaders = {f for f in firms if cg.is_leader(f)}
    presences = cg.presences_by_segment
    by_position = itemgetter(1)
    local_rows: list[dict[str, Any]] = []
    region_props: dict[str, dict[str, Any]] = {
        r: {"region": r, "level": region.kind, "chains": [], "chain_firms": [], "chain_firms_g": [],
            "count_segments": [], "counts": [], "count_segments_g": [], "counts_g": [], "groups": [], "tied": []}
        for r, region in ds.regions.items()}
    home: dict[bool, dict[str, dict[str, int]]] = {False: {}, True: {}}
    # for the target lists: every (place -> local firms) of each segment, the local firm counts per (region,
    # segment), and per segment the candidates anywhere and how many of them each region holds itself
    local_at: dict[str, tuple[dict[str | None, dict[str, int]], dict[str | None, set[str]]]] = {}
    local_counts: dict[tuple[str, str], tuple[int, int]] = {}
    candidates: dict[str, int] = {}
    excluded: dict[str, dict[str, int]] = {}
    for chain in ds.chains.values():
        chain_all: dict[str, set[str]] = {}
        chain_sure: dict[str, set[str]] = {}
        for segment in chain.segments:
            at: dict[str | None, dict[str, int]] = {}
            sure_at: dict[str | None, set[str]] = {}
            leaders_at: dict[str | None, dict[str, int]] = {}
            pipeline_at: dict[str | None, dict[str, int]] = {}
            operating: dict[str, None] = {}
            operating_sure: set[str] = set()
            linked: set[str] = set()
            via_places: dict[str, set[str | None]] = {}
            for position, p in enumerate(presences.get(segment.id, ())):
                firm = p.firm
                if p.via is not None:
                    place = projects[p.via].region
                    if p.stage == "pipeline":
                        pipeline_at.setdefault(place, {}).setdefault(p.via, position)
                        continue
                    via_places.setdefault(firm, set()).add(place)
                else:
                    place = firms[firm].region
                    linked.add(firm)
                found = at.get(place)
                if found is None:
                    found = at[place] = {}
                    sure_at[place] = set()
                found.setdefault(firm, position)
                operating.setdefault(firm)
                if p.confidence != "guessed":
                    sure_at[place].add(firm)
                    operating_sure.add(firm)
                if firm in leaders:
                    leaders_at.setdefault(place, {}).setdefault(firm, position)
            touched = {region for place in (*at, *pipeline_at) for region in ancestors(place)}
            for region in sorted(touched):
                places = [q for q in inside[region] if q in at]
                counted: set[str]
                if len(places) == 1:
                    all_firms: set[str] | dict[str, int] = at[places[0]]
                    counted = sure_at[places[0]]
                    ordered: Iterator[str] = iter(at[places[0]])
                else:
                    all_firms = set().union(*(at[q] for q in places))
                    counted = set().union(*(sure_at[q] for q in places))
                    ordered = _first_seen(heapq.merge(*(at[q].items() for q in places), key=by_position))
                firsts = list(islice(ordered, SUMMARY_FIRMS))
                firsts_sure = [f for f in firsts if f in counted]
                if len(firsts_sure) < SUMMARY_FIRMS and len(firsts_sure) < len(counted):
                    firsts_sure.extend(islice((f for f in ordered if f in counted), SUMMARY_FIRMS - len(firsts_sure)))
                heads: dict[str, int] = {}
                pipeline: dict[str, int] = {}
                for q in inside[region]:
                    for firm, position in leaders_at.get(q, {}).items():
                        if heads.get(firm, position) >= position:
                            heads[firm] = position
                    for project, position in pipeline_at.get(q, {}).items():
                        if pipeline.get(project, position) >= position:
                            pipeline[project] = position
                heads_all = sorted(heads, key=heads.__getitem__)
                heads_sure = [f for f in heads_all if f in counted]
                local_counts[(region, segment.id)] = (len(counted), len(all_firms))
                local_rows.append({"id": f"local:{region}:{segment.id}", "props": {
                    "region": region, "segment": segment.id,
                    "firms": len(counted), "firms_g": len(all_firms),
                    "leaders": len(heads_sure), "leaders_g": len(heads_all),
                    "first": firsts_sure[:SUMMARY_FIRMS], "heads": heads_sure[:SUMMARY_FIRMS],
                    # with guessed links counted: stored only where they differ (absent properties read as these)
                    **({"first_g": firsts} if firsts != firsts_sure[:SUMMARY_FIRMS] else {}),
                    **({"heads_g": heads_all[:SUMMARY_FIRMS]} if heads_all[:SUMMARY_FIRMS] != heads_sure[:SUMMARY_FIRMS]
                       else {}),
                    "projects": sorted(pipeline, key=pipeline.__getitem__)}})
                if all_firms:
                    chain_all.setdefault(region, set()).update(all_firms)
                    chain_sure.setdefault(region, set()).update(counted)
            local_at[segment.id] = (at, sure_at)
            if operating:
                candidates[segment.id] = len(operating)
                excluded[segment.id] = _held(operating, linked, via_places, firms, ancestors)
            for firm in operating:
                firm_home = firms[firm].region
                if firm_home is None:
                    continue
                row = home[True].setdefault(firm_home, {})
                row[segment.id] = row.get(segment.id, 0) + 1
                if firm in operating_sure:
                    row = home[False].setdefault(firm_home, {})
                    row[segment.id] = row.get(segment.id, 0) + 1
        for region, members in chain_all.items():
            props = region_props[region]
            props["chains"].append(chain.id)
            props["chain_firms"].append(len(chain_sure[region]))
            props["chain_firms_g"].append(len(members))
    # firm counts per segment, rolled up from each firm's home to the nearest region of each level
    for guessed, suffix in ((False, ""), (True, "_g")):
        rolled: dict[str, dict[str, int]] = {}
        for region, row in home[guessed].items():
            for level in {ds.regions[r].kind for r in ancestors(region)}:
                target = next(r for r in ancestors(region) if ds.regions[r].kind == level)
                into = rolled.setdefault(target, {})
                for segment_id, n in row.items():
                    into[segment_id] = into.get(segment_id, 0) + n
        for region, counts in rolled.items():
            props = region_props[region]
            props["count_segments" + suffix] = list(counts)
            props["counts" + suffix] = list(counts.values())
    # groups with a local firm, firms with a supply tie to a local firm
    groups: dict[str, set[str]] = {}
    for record in firms.values():
        if record.group and record.region:
            for region in ancestors(record.region):
                groups.setdefault(region, set()).add(record.group)
    tied: dict[str, set[str]] = {}
    for tie in ds.ties:
        for local, other in ((tie.customer, tie.supplier), (tie.supplier, tie.customer)):
            for region in ancestors(firms[local].region):
                tied.setdefault(region, set()).add(other)
    neighbours = {s.id: list(dict.fromkeys(cg.upstream(s.id) + cg.downstream(s.id)))
                  for c in ds.chains.values() for s in c.segments}
    for region, props in region_props.items():
        props["groups"] = sorted(groups.get(region, ()))
        props["tied"] = sorted(tied.get(region, ()))
        # the number of candidates (firms outside the region) of every segment
        props["cand_segments"] = list(candidates)
        props["candidates"] = [n - excluded[s].get(region, 0) for s, n in candidates.items()]
        # distinct local firms over the supply neighbours of each segment that have any: the ``local_links`` of
        # a target list (its neighbours that are strong or weak, which with the usual thresholds are those with
        # a local firm), keyed by the neighbours' ids
        for guessed, suffix in ((False, ""), (True, "_g")):
            near: dict[str, int] = {}
            for around in neighbours.values():
                present = sorted(n for n in around if local_counts.get((region, n), (0, 0))[guessed] > 0)
                key = " ".join(present)
                if present and key not in near:
                    near[key] = len(set().union(*(
                        local_at[n][0 if guessed else 1][q] for n in present for q in inside[region]
                        if q in local_at[n][0])))
            props["near_keys" + suffix] = list(near)
            props["near_firms" + suffix] = list(near.values())
    return {"LocalSummary": local_rows,
            "RegionSummary": [{"id": f"region:{r}", "props": props} for r, props in region_props.items()]}
