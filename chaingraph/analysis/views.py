"""Plain-dict views of records, as the CLI prints them in JSON and CSV (the output contract in README.md).

Examples
--------
>>> from chaingraph import load_dataset, build_graph
>>> cg = build_graph(load_dataset())
>>> view = project_view(cg, cg.dataset.projects["kawaden-motor-core"])
>>> view["investment"]
{'amount': 34000000, 'currency': 'USD', 'qualifier': 'exact'}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..dataset.graph import ChainGraph
from ..dataset.model import Quantity
from ..dataset.store import Dataset
from .facts import Facts, facts_for
from .gaps import params_for

if TYPE_CHECKING:  # annotations only: `chains` on a snapshot makes no firm or project record
    from ..dataset.records import Firm, Project

__all__ = ["firm_view", "project_view", "chain_summaries", "source_view", "location_of", "region_facts_view",
           "firm_rows", "project_list", "project_rows"]


def _money(q: Quantity | None) -> dict[str, Any] | None:
    return q.to_dict() if q is not None else None


def source_view(ds: Dataset, source_id: str, subject: str | None = None) -> dict[str, Any]:
    """A source with the evidence snippets it gives for ``subject``."""
    source = ds.sources[source_id]
    view: dict[str, Any] = {"id": source.id, "title": source.title, "publisher": source.publisher,
                            "date": str(source.date) if source.date else None, "url": source.url or None}
    if subject is not None:
        view["evidence"] = {c.field: c.evidence for c in ds.citations if c.subject == subject and c.source == source_id}
    return view


def firm_products(ds: Dataset, firm_ids: set[str] | None = None) -> dict[str, list[str]]:
    """What each firm makes, as a map's firm row shows it: the evidence of its links, then the products of its
    supply ties, in file order and without repeats (for every firm, or those in ``firm_ids``; firms with none are
    left out). One pass over links and ties."""
    products: dict[str, list[str]] = {}
    for link in ds.links:
        if link.evidence and (firm_ids is None or link.firm in firm_ids):
            products.setdefault(link.firm, []).append(link.evidence)
    for tie in ds.ties:
        if tie.product and (firm_ids is None or tie.supplier in firm_ids):
            products.setdefault(tie.supplier, []).append(tie.product)
    return {firm: list(dict.fromkeys(found)) for firm, found in products.items()}


def source_refs(ds: Dataset, source_ids: list[str]) -> list[dict[str, str]]:
    """``{id, title, url}`` of some sources (the URL as written: an output decides whether it may be a link)."""
    return [{"id": s, "title": ds.sources[s].title if s in ds.sources else s,
             "url": ds.sources[s].url if s in ds.sources else ""} for s in source_ids]


def location_of(ds: Dataset, region_id: str | None) -> tuple[str | None, str | None]:
    """(region name, park name) of a location: a park's region is the first enclosing non-park region."""
    if region_id is None or region_id not in ds.regions:
        return None, None
    record = ds.regions[region_id]
    if record.kind != "park":
        return record.name, None
    for ancestor in ds.region_ancestors(region_id)[1:]:
        if ds.regions[ancestor].kind != "park":
            return ds.regions[ancestor].name, record.name
    return None, record.name


def firm_view(cg: ChainGraph, firm: Firm) -> dict[str, Any]:
    ds = cg.dataset
    region, park = location_of(ds, firm.region)
    operating: list[str] = []
    pipeline: list[str] = []
    for presence in cg.firm_positions(firm.id):
        target = operating if presence.stage == "operating" else pipeline
        if presence.segment not in target:
            target.append(presence.segment)
    group = ds.groups.get(firm.group or "")
    return {
        "id": firm.id, "name": firm.name, "legal_name": firm.legal_name or None, "name_en": firm.name_en or None,
        "aliases": list(firm.aliases), "country": firm.country or None, "group": group.name if group else None,
        "fortune500": bool(cg.fortune500(firm.id)) if (firm.fortune500 is not None or group) else firm.fortune500,
        "size": firm.size or None, "region": region, "park": park, "headquarters": firm.headquarters or None,
        "segments": operating, "pipeline_segments": pipeline,
        "sources": [source_view(ds, s, firm.id) for s in firm.sources],
    }


def project_view(cg: ChainGraph, project: Project) -> dict[str, Any]:
    ds = cg.dataset
    region, park = location_of(ds, project.region)
    return {
        "id": project.id, "name": project.name, "firms": [ds.firms[f].name for f in project.firms],
        "region": region, "park": park, "kind": project.kind, "status": project.status,
        "date": str(project.date) if project.date else None,
        "start_date": str(project.start_date) if project.start_date else None,
        "trial_date": str(project.trial_date) if project.trial_date else None,
        "investment": _money(project.investment),
        "registered_capital": _money(project.registered_capital),
        "fixed_asset_investment": _money(project.fixed_asset_investment),
        "capital_increase": _money(project.capital_increase),
        "expected_output": _money(project.expected_output),
        "capacity": _money(project.capacity),
        "area_mu": project.area_mu,
        "segments": list(project.segments),
        "note": project.note or None,
        "sources": [source_view(ds, s, project.id) for s in project.sources],
    }


def region_facts_view(ds: Dataset, region_id: str, include_inner: bool = True) -> list[dict[str, Any]]:
    """Aggregate facts of a region (and, with ``include_inner``, of the regions and parks inside it)."""
    inside = ds.region_descendants(region_id) if include_inner else {region_id}
    return [
        {"id": f.id, "region": ds.regions[f.region].name, "metric": f.metric, "value": f.value.to_dict(),
         "label": f.value.label(), "period": f.period or None, "evidence": f.evidence or None,
         "sources": list(f.sources)}
        for f in ds.region_facts if f.region in inside
    ]


def chain_summaries(source: ChainGraph | Facts, region: str | None = None) -> list[dict[str, Any]]:
    """For each chain: segment count, statuses and completeness for the region (any backend)."""
    from .gaps import gap_report

    facts = facts_for(source)
    region_id = facts.region(region).id
    params = params_for(source)
    rows = []
    for chain in facts.chains():
        report = gap_report(facts, chain.id, region_id, params)
        local = facts.local_firm_count([s.id for s in chain.segments], region_id, params)
        rows.append({
            "id": chain.id, "name": chain.name, "name_en": chain.name_en, "segments": len(chain.segments),
            "region": report.region.name, **report.counts(), "local_firms": local,
            "completeness": report.completeness, "completeness_with_pipeline": report.completeness_with_pipeline,
            "completeness_upper": report.completeness_upper, "coverage": report.coverage.kind if report.coverage
            else "partial",
        })
    return rows


def firm_rows(cg: ChainGraph, region: str | None = None, chain: str | None = None, segment: str | None = None,
              everywhere: bool = False) -> list[dict[str, Any]]:
    """:func:`firm_view` of the region's firms (or every firm), optionally only those in a chain or segment."""
    ds = cg.dataset
    region_id = ds.region(region or ds.info.default_region).id
    wanted: set[str] | None = None
    if segment:
        wanted = {ds.segment(segment, chain=chain).id}
    elif chain:
        wanted = {s.id for s in ds.chain(chain).segments}
    views = []
    for firm in ds.firms.values():
        if not everywhere and not cg.is_local(firm, region_id):
            continue
        view = firm_view(cg, firm)
        if wanted is not None and not wanted & set(view["segments"] + view["pipeline_segments"]):
            continue
        views.append(view)
    return views


def project_list(cg: ChainGraph, region: str | None = None, statuses: Sequence[str] = ()) -> list[Project]:
    """The region's projects (optionally of some statuses), oldest first, undated last."""
    ds = cg.dataset
    region_id = ds.region(region or ds.info.default_region).id
    chosen = [p for p in ds.projects.values() if cg.project_is_local(p, region_id)
              and (not statuses or p.status in statuses)]
    chosen.sort(key=lambda p: (p.date is None, p.date.first if p.date else None, p.id))
    return chosen


def project_rows(cg: ChainGraph, region: str | None = None, statuses: Sequence[str] = ()) -> list[dict[str, Any]]:
    """:func:`project_view` of :func:`project_list`."""
    return [project_view(cg, p) for p in project_list(cg, region, statuses)]
