"""The map over time: a year slider's data (the chain as of each year) and the ledger's stalled badges.

:func:`timeline` recomputes, at build time, the status of every segment of the drawn chains for the region as of
the end of each year the dataset's history covers (events, signing dates, dated sources: the first year any of
them falls in, up to the year before the dataset's date, at most :data:`MAX_YEARS` years), and as of the
dataset's own date. The page embeds these statuses as data; the slider only recolours the segments and rewrites
the completeness line, in the browser, offline. Each year is the dated view of
:func:`chaingraph.analysis.asof.dataset_as_of`, cut down to what a segment's status in the region depends on (the firms
located in the region or in a project there, their links, the region's projects and claims), so a year costs a
small graph even on a national pool.

:func:`stalled_projects` gives the ledger's reason (:func:`chaingraph.analysis.ledger.project_ledger`) for each stalled
project: the map marks such projects ⚠ and says why.

Examples
--------
>>> from chaingraph import load_dataset, build_graph
>>> data = timeline(build_graph(load_dataset()), "pinghu", ["machine-tool"])
>>> data["steps"][-1]["label"], len(data["steps"]) > 1
('2024-10-11', True)
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Sequence
from typing import Any

from ..analysis.asof import dataset_as_of
from ..analysis.gaps import gap_report
from ..dataset import Dataset
from ..dataset.graph import ChainGraph, build_graph

__all__ = ["MAX_YEARS", "TIME_UI", "history_years", "timeline", "stalled_projects"]

MAX_YEARS = 10
"""The slider shows at most this many year-ends (the latest ones) besides the dataset's date: each costs a gap
report of the region's dated view at build time."""

TIME_UI = {
    "zh": {"slider": "时间", "now": "现在", "year_end": "{year} 年底", "as_of_then": "截至 {date} 的状态（时间轴）",
           "stalled": "停滞", "stalled_count": "⚠{n}停滞"},
    "en": {"slider": "Year", "now": "now", "year_end": "end of {year}", "as_of_then": "status as of {date} (timeline)",
           "stalled": "stalled", "stalled_count": "⚠{n} stalled"},
}
"""Words of the slider and the stalled badges, per map language."""


def history_years(ds: Dataset) -> list[int]:
    """The year-ends the slider offers: from the first year of a dated event, signing or source to the year before
    the dataset's date (the latest :data:`MAX_YEARS` of them); empty when nothing is dated before that year."""
    last = ds.info.as_of.start().year - 1
    days = [e.date.start() for e in ds.events]
    days += [p.date.start() for p in ds.projects.values() if p.date is not None]
    days += [s.date.start() for s in ds.sources.values() if s.date is not None]
    first = min((d.year for d in days), default=last + 1)
    return list(range(max(first, last - MAX_YEARS + 1), last + 1))


def _local_view(ds: Dataset, places: set[str]) -> Dataset:
    """What a region's segment statuses depend on: its firms and projects, their links and ties, its claims."""
    projects = {pid: p for pid, p in ds.projects.items() if p.region in places}
    keep = {f for p in projects.values() for f in p.firms}
    firms = {fid: f for fid, f in ds.firms.items() if f.region in places or fid in keep}
    out = copy.copy(ds)
    out.firms, out.projects = firms, projects
    out.links = [x for x in ds.links if x.firm in firms]
    out.ties = [x for x in ds.ties if x.supplier in firms and x.customer in firms]
    out.claims = [x for x in ds.claims if x.region in places]
    return out


def _step(cg: ChainGraph, region: str, chains: Sequence[str], label: str, day: str) -> dict[str, Any]:
    statuses: dict[str, str] = {}
    summary: dict[str, Any] = {}
    for chain_id in chains:
        report = gap_report(cg, chain_id, region, firm_limit=0)
        statuses.update({g.segment.id: g.status for g in report.segments})
        summary[chain_id] = {"completeness": f"{report.completeness:.0%}",
                             "with_pipeline": f"{report.completeness_with_pipeline:.0%}", "counts": report.counts()}
    return {"label": label, "as_of": day, "statuses": statuses, "chains": summary}


def timeline(cg: ChainGraph, region: str, chains: Sequence[str], lang: str = "zh") -> dict[str, Any] | None:
    """The slider's steps (oldest first, the dataset's date last), or ``None`` when there is no earlier year.

    Each step: ``{"label", "as_of", "statuses": {segment: status}, "chains": {chain: {"completeness",
    "with_pipeline", "counts"}}}``; ``"current"`` is the index of the dataset's date.
    """
    ds = cg.dataset
    years = history_years(ds)
    if not years:
        return None
    region_id = ds.region(region).id
    places = set(ds.region_descendants(region_id))
    words = TIME_UI.get(lang, TIME_UI["zh"])
    steps = []
    for year in years:
        day = _dt.date(year, 12, 31)
        view = _local_view(dataset_as_of(ds, day), places)
        steps.append(_step(build_graph(view), region_id, chains, words["year_end"].format(year=year),
                           day.isoformat()))
    steps.append(_step(cg, region_id, chains, str(ds.info.as_of), str(ds.info.as_of)))
    return {"steps": steps, "current": len(steps) - 1, "ui": words}


def stalled_projects(ds: Dataset, project_ids: set[str] | None = None, lang: str = "zh") -> dict[str, str]:
    """Project id -> the ledger's stalled reason in ``lang``, for the stalled ones (among ``project_ids`` if given)."""
    from ..analysis.ledger import project_ledger, stalled_text

    return {str(e["id"]): stalled_text(e["stalled_code"], e["stalled_params"], lang) for e in project_ledger(ds)
            if e["stalled"] and (project_ids is None or e["id"] in project_ids)}
