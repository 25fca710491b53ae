"""The project ledger: what each project promised against what its latest events say, stalled projects first.

A project is *stalled* when it was signed more than ``signed_months`` (default :data:`SIGNED_MONTHS`) before the
ledger's date and has not started, or started more than ``started_months`` (default :data:`STARTED_MONTHS`) before
and has not reached trial production. The ledger's date is the dataset's date, or its latest event when later.
Partial dates count from their last day (a project signed in "2021" counts from 2021-12-31), so a vague date never
makes a project look stalled sooner than it could be.

Examples
--------
>>> from chaingraph import load_dataset
>>> rows = project_ledger(load_dataset())
>>> sorted(rows[0])
['id', 'latest', 'name', 'promised', 'stalled', 'stalled_code', 'stalled_params', 'stalled_reason']
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..dataset.events import events_by_project
from ..dataset.model import PartialDate, Quantity
from ..dataset.store import Dataset
from ..labels import PROJECT_STATUS_LABELS

__all__ = ["SIGNED_MONTHS", "STARTED_MONTHS", "project_ledger", "ledger_day", "months_between", "stalled_text"]

SIGNED_MONTHS = 12
"""Default: a project signed this many months ago or more without a start is stalled."""
STARTED_MONTHS = 24
"""Default: a project started this many months ago or more without trial production is stalled."""



_STALLED_TEXT = {
    "zh": {"signed_no_start": "签约 {months} 个月未见开工记录（{date} 签约）",
           "started_no_trial": "开工 {months} 个月未见试产记录（{date} 开工）"},
    "en": {"signed_no_start": "no start recorded {months} months after signing (signed {date})",
           "started_no_trial": "no trial production recorded {months} months after the start (started {date})"},
}


def stalled_text(code: str | None, params: dict[str, Any] | None, lang: str = "zh") -> str:
    """A stalled reason in ``lang`` from its code (``signed_no_start``, ``started_no_trial``) and parameters."""
    if not code:
        return ""
    return _STALLED_TEXT[lang][code].format(**(params or {}))


def ledger_day(ds: Dataset) -> _dt.date:
    """The date the ledger is drawn up to: the dataset's date, or its latest event when later."""
    return max([ds.info.as_of.end(), *(e.date.end() for e in ds.events)])


def months_between(earlier: _dt.date, later: _dt.date) -> int:
    """Whole months from ``earlier`` to ``later`` (negative when ``later`` comes first)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def _text(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _q(value: Quantity | None) -> dict[str, object] | None:
    return None if value is None else value.to_dict()


def project_ledger(ds: Dataset, region: str | None = None, signed_months: int = SIGNED_MONTHS,
                   started_months: int = STARTED_MONTHS, day: _dt.date | None = None) -> list[dict[str, Any]]:
    """One entry per project (of ``region`` and the regions inside it, if given): stalled first, then by date.

    Each entry: ``id``, ``name``, ``promised`` (the figures and dates of projects.csv and of the signing
    event), ``latest`` (status, its date, the events, capital increases, the latest source), ``stalled`` and
    ``stalled_reason`` (``None`` unless stalled). Money and quantities are ``{"amount", "currency" or "unit",
    "qualifier"}`` objects, as in every JSON output.
    """
    today = day or ledger_day(ds)
    places = ds.region_descendants(ds.region(region).id) if region else None
    histories = events_by_project(ds.events)
    entries = []
    for project in ds.projects.values():
        if places is not None and project.region not in places:
            continue
        history = histories.get(project.id, [])
        signed_event = next((e for e in history if e.kind == "signed"), None)
        status_events = [e for e in history if e.kind != "capital_increase"]
        increases = [e.amount for e in history if e.kind == "capital_increase" and e.amount is not None]
        promised = {
            "date": _text(project.date), "investment": _q(project.investment or (
                signed_event.amount if signed_event else None)),
            "registered_capital": _q(project.registered_capital),
            "fixed_asset_investment": _q(project.fixed_asset_investment), "area_mu": project.area_mu,
            "expected_output": _q(project.expected_output), "capacity": _q(project.capacity),
        }
        status_date = status_events[-1].date if status_events else {
            "under_construction": project.start_date, "trial": project.trial_date}.get(project.status, project.date)
        latest_sources = history[-1].sources if history else project.sources
        latest = {
            "status": project.status, "status_cn": PROJECT_STATUS_LABELS["zh"].get(project.status, project.status),
            "date": _text(status_date), "start_date": _text(project.start_date),
            "trial_date": _text(project.trial_date),
            "capital_increases": [q.to_dict() for q in increases],
            "events": [{"date": str(e.date), "kind": e.kind, "amount": _q(e.amount), "sources": e.sources}
                       for e in history],
            "sources": latest_sources,
        }
        code: str | None = None
        params: dict[str, Any] = {}
        if project.status == "signed" and project.date is not None:
            waited = months_between(project.date.end(), today)
            if waited >= signed_months:
                code, params = "signed_no_start", {"months": waited, "date": str(project.date)}
        elif project.status == "under_construction" and project.start_date is not None:
            waited = months_between(project.start_date.end(), today)
            if waited >= started_months:
                code, params = "started_no_trial", {"months": waited, "date": str(project.start_date)}
        reason = stalled_text(code, params) if code else None
        entries.append({"id": project.id, "name": project.name, "promised": promised, "latest": latest,
                        "stalled": reason is not None, "stalled_reason": reason, "stalled_code": code,
                        "stalled_params": params if code else None})
    first_day = _dt.date.min
    entries.sort(key=lambda e: (not e["stalled"], _sort_day(ds, str(e["id"])) or first_day))
    return entries


def _sort_day(ds: Dataset, project_id: str) -> _dt.date | None:
    date = ds.projects[project_id].date
    return date.start() if date is not None else None
