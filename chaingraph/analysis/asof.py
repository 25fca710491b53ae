"""The chain as it stood on a date, and what changed since: dated views of a dataset.

:func:`dataset_as_of` keeps what was known on a day: firms, links, ties, claims and region facts whose sources
(when dated) first appeared by then, projects already signed then with the status they had (from their events,
else their dates), and the events up to that day. :func:`changes_since` compares two such views segment by segment
and names the events and the new firms that moved each segment.

Examples
--------
>>> from chaingraph import load_dataset
>>> ds = load_dataset()
>>> then = dataset_as_of(ds, "2021-12-31")
>>> len(then.firms) < len(ds.firms)
True
"""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import replace
from typing import Any

from ..dataset.events import events_by_project, project_status_as_of, sorted_events
from ..dataset.model import PartialDate, parse_date
from ..dataset.store import Dataset
from ..errors import InvalidArgument, ParseError
from ..messages import msg

__all__ = ["as_of_day", "dataset_as_of", "first_sourced", "changes_since"]


def as_of_day(value: str | _dt.date | PartialDate) -> _dt.date:
    """The last day a date means (``2021`` is 2021-12-31, ``2022-06`` is 2022-06-30); a bad date is an error."""
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, PartialDate):
        return value.end()
    try:
        return parse_date(value).end()
    except ParseError as exc:
        raise InvalidArgument(msg("--as-of/--since: {exc}", exc=exc)) from None


def first_sourced(ds: Dataset, source_ids: list[str]) -> _dt.date | None:
    """The first day of the earliest dated source among ``source_ids``; ``None`` when none is dated."""
    days = []
    for source_id in source_ids:
        source = ds.sources.get(source_id)
        if source is not None and source.date is not None:
            days.append(source.date.start())
    return min(days) if days else None


def _known(ds: Dataset, source_ids: list[str], day: _dt.date) -> bool:
    first = first_sourced(ds, source_ids)
    return first is None or first <= day


def dataset_as_of(ds: Dataset, day: str | _dt.date | PartialDate) -> Dataset:
    """A copy of ``ds`` as it stood on ``day`` (the input is not changed).

    A firm is kept when a source dated by ``day`` names it, when none of its sources is dated, or when a project
    signed by then involves it. Projects are kept once signed, with their status on ``day``.
    """
    when = as_of_day(day)
    dataset_day = ds.info.as_of.start()
    histories = events_by_project(ds.events)
    projects = {}
    for pid, project in ds.projects.items():
        status = project_status_as_of(project, histories.get(pid, []), when, dataset_day)
        if status is None:
            continue
        dated = replace(project, status=status)
        for field_name in ("start_date", "trial_date"):
            value = getattr(dated, field_name)
            if value is not None and value.start() > when and status != "operating":
                setattr(dated, field_name, None)  # a stage not reached yet on that day
        projects[pid] = dated
    in_projects = {f for p in projects.values() for f in p.firms}
    firms = {fid: f for fid, f in ds.firms.items() if fid in in_projects or _known(ds, f.sources, when)}
    out = copy.copy(ds)
    out.info = replace(ds.info, as_of=parse_date(when))
    out.firms = firms
    out.projects = projects
    out.links = [x for x in ds.links if x.firm in firms and _known(ds, x.sources, when)]
    out.ties = [x for x in ds.ties if x.supplier in firms and x.customer in firms and _known(ds, x.sources, when)]
    out.claims = [x for x in ds.claims if _known(ds, x.sources, when)]
    out.region_facts = [x for x in ds.region_facts if _known(ds, x.sources, when)]
    out.events = [e for e in ds.events if e.date.start() <= when]
    live = set(firms) | set(projects)
    out.citations = [c for c in ds.citations if c.subject in live
                     or (c.subject not in ds.firms and c.subject not in ds.projects)]
    return out


def changes_since(ds: Dataset, since: str | _dt.date | PartialDate, until: str | _dt.date | PartialDate | None = None,
                  region: str | None = None, chain: str | None = None) -> dict[str, Any]:
    """Segments whose status changed between ``since`` and ``until`` (default: the dataset as it is), and why.

    Returns ``{"since", "until", "region", "changed": [{"chain", "segment", "name", "from", "to", "events",
    "new_firms"}]}``: ``events`` are the dated project events in the window on projects in that segment,
    ``new_firms`` the firms first linked to it in the window.
    """
    from ..dataset.graph import build_graph
    from .gaps import gap_report

    start = as_of_day(since)
    end = as_of_day(until) if until is not None else None
    if end is not None and end < start:
        raise InvalidArgument(msg("--until {end} is before --since {start}", end=end, start=start))
    before_ds = dataset_as_of(ds, start)
    after_ds = dataset_as_of(ds, end) if end is not None else ds
    before, after = build_graph(before_ds), build_graph(after_ds)
    chains = [ds.chain(chain).id] if chain else list(ds.chains)
    changed: list[dict[str, Any]] = []
    region_name = ""
    for chain_id in chains:
        old = gap_report(before, chain_id, region)
        new = gap_report(after, chain_id, region)
        region_name = new.region.name
        old_status = {g.segment.id: g for g in old.segments}
        for gap in new.segments:
            was = old_status[gap.segment.id]
            if was.status == gap.status:
                continue
            places = ds.region_descendants(new.region.id)
            events = sorted_events(e for e in after_ds.events if e.date.start() > start
                                   and gap.segment.id in after_ds.projects.get(e.project, _NO_PROJECT).segments
                                   and after_ds.projects[e.project].region in places)
            new_firms = sorted(set(gap.local_firm_ids) - set(was.local_firm_ids))
            changed.append({
                "chain": chain_id, "segment": gap.segment.id, "name": gap.segment.name,
                "from": was.status, "to": gap.status,
                "events": [{"project": e.project, "date": str(e.date), "kind": e.kind,
                            "amount": str(e.amount) if e.amount else None, "sources": e.sources} for e in events],
                "new_firms": new_firms,
            })
    if end is None:  # events recorded after the dataset's date extend it
        latest = max([ds.info.as_of.end(), *(e.date.end() for e in ds.events)])
        until_text = latest.isoformat() if latest > ds.info.as_of.end() else str(ds.info.as_of)
    return {"since": start.isoformat(), "until": end.isoformat() if end else until_text,
            "region": region_name, "changed": changed}


class _NoProject:
    segments: list[str] = []


_NO_PROJECT: Any = _NoProject()
