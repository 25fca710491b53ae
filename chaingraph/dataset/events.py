"""Project events (``events.csv``): each project's dated history, and the status it gives the project.

A row is one step: ``signed``, ``started`` (construction), ``trial`` (trial production), ``operating``,
``cancelled`` or ``capital_increase`` (with the amount added). When a project has events, its current status is
the one its latest status event sets, and its ``date``/``start_date``/``trial_date`` are the dates of its signed,
started and trial events; a project without events keeps what ``projects.csv`` says.

Examples
--------
>>> from chaingraph.dataset.model import ProjectEvent, parse_date
>>> history = [ProjectEvent("p", parse_date("2022-01"), "signed"), ProjectEvent("p", parse_date("2023-03"), "started")]
>>> status_as_of(history, parse_date("2022-12-31").end())
'signed'
>>> status_as_of(history, None)
'under_construction'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..messages import msg, noun
from .model import EVENT_KINDS, PartialDate, Project, ProjectEvent

if TYPE_CHECKING:
    from .store import Dataset

__all__ = ["EVENT_STATUS", "STAGE_ORDER", "events_by_project", "sorted_events", "status_as_of", "apply_events",
           "check_events", "read_events", "project_status_as_of", "order_problems", "same_step", "STATUS_EVENT",
           "STATUS_RANK", "recorded_steps"]

EVENT_STATUS = {"signed": "signed", "started": "under_construction", "trial": "trial", "operating": "operating",
                "cancelled": "cancelled"}
"""The project status each kind of event sets (a capital increase sets none)."""

STATUS_EVENT = {status: kind for kind, status in EVENT_STATUS.items()}
"""The kind of event that sets each project status (``under_construction`` -> ``started``)."""

STAGE_ORDER = {"signed": 0, "started": 1, "trial": 2, "operating": 3}
"""The stages a project passes through in this order; an event of a later stage cannot be dated before an earlier."""

_STAGE_DATE_FIELD = {"signed": "date", "started": "start_date", "trial": "trial_date"}


def sorted_events(events: Iterable[ProjectEvent]) -> list[ProjectEvent]:
    """Events by date (first day the date can mean), stage order breaking ties, file order after that."""
    return sorted(events, key=lambda e: (e.date.start(), STAGE_ORDER.get(e.kind, 9)))


def events_by_project(events: Iterable[ProjectEvent]) -> dict[str, list[ProjectEvent]]:
    """Project id -> its events in date order."""
    grouped: dict[str, list[ProjectEvent]] = {}
    for event in events:
        grouped.setdefault(event.project, []).append(event)
    return {pid: sorted_events(items) for pid, items in grouped.items()}


def status_as_of(history: list[ProjectEvent], day: _dt.date | None) -> str | None:
    """The status set by the latest status event on or before ``day`` (all events when ``None``); ``None`` if none.

    An event counts once its date has begun: an event dated ``2022-06`` counts on 2022-06-01.
    """
    status = None
    for event in history:
        if day is not None and event.date.start() > day:
            break
        status = EVENT_STATUS.get(event.kind, status)
    return status


def project_status_as_of(project: Project, history: list[ProjectEvent], day: _dt.date,
                         dataset_as_of: _dt.date | None = None) -> str | None:
    """A project's status on ``day``: from its events, else from its dates; ``None`` when not yet signed then.

    Without events, the signed, start and trial dates tell the stage; a later status recorded in projects.csv
    (operating, cancelled) is trusted only from the dataset's own date on, since its day is unknown.
    """
    if history:
        status = status_as_of(history, day)
        if status is None and project.date is not None and project.date.start() <= day:
            return "signed"  # signed per projects.csv; its events come later
        return status
    if project.date is not None and project.date.start() > day:
        return None
    if dataset_as_of is not None and day >= dataset_as_of:
        return project.status
    stages = ["signed"]
    if project.start_date is not None and project.start_date.start() <= day:
        stages.append("under_construction")
    if project.trial_date is not None and project.trial_date.start() <= day:
        stages.append("trial")
    if project.status in _PIPELINE and _PIPELINE.index(project.status) < _PIPELINE.index(stages[-1]):
        return project.status  # dates ahead of the recorded status are plans, not facts
    return stages[-1]


_PIPELINE = ("signed", "under_construction", "trial")


def apply_events(ds: Dataset) -> None:
    """Set each project that has events to the status and stage dates its events give (in place)."""
    for pid, history in events_by_project(ds.events).items():
        project = ds.projects.get(pid)
        if project is None:
            continue
        status = status_as_of(history, None)
        if status is not None:
            project.status = status
        for event in history:
            field_name = _STAGE_DATE_FIELD.get(event.kind)
            if field_name:
                setattr(project, field_name, event.date)


def read_events(checker) -> list[ProjectEvent]:  # type: ignore[no-untyped-def]
    """Read ``events.csv`` through the reader's checker (problems are collected as file:line:field)."""
    events: list[ProjectEvent] = []
    for r in checker.read_csv("events.csv"):
        kind = r.choice("kind", EVENT_KINDS)
        if not r.raw("kind"):
            r.problem("kind", msg("required: one of {kinds}", kinds=", ".join(EVENT_KINDS)))
        date = r.date("date", required=True)
        project = r.ident("project")
        amount = r.quantity("amount", money=True)
        if kind == "capital_increase" and amount is None and r.ok:
            r.problem("amount", msg("a capital increase needs the amount added"))
        if kind in ("started", "trial", "operating", "cancelled") and amount is not None:
            r.problem("amount", msg("a {kind} event has no amount (amounts go with signed or capital_increase)",
                                     kind=noun(kind)))
        if not r.ok or date is None:
            continue
        events.append(ProjectEvent(project=project, date=date, kind=kind, amount=amount, sources=r.ids("sources"),
                                   evidence=r.text("evidence"), note=r.text("note"), line=r.line))
    return events


def check_events(checker, ds: Dataset) -> None:  # type: ignore[no-untyped-def]
    """Unknown projects and sources, repeated events, and stages dated before the stages that must precede them."""
    file = "events.csv"
    seen: dict[tuple[str, str, str], int | None] = {}
    for event in ds.events:
        if event.project not in ds.projects:
            checker.add(file, event.line, "project", msg("unknown project {project!r}", project=event.project))
        for source_id in event.sources:
            if source_id not in ds.sources:
                checker.add(file, event.line, "sources", msg("unknown source {source!r}", source=source_id))
        key = (event.project, event.kind, str(event.date))
        if key in seen:
            twice = msg("{kind} of {project} on {date} is given twice (first at line {line})",
                        kind=noun(event.kind), project=event.project, date=event.date, line=seen[key])
            checker.add(file, event.line, None, twice)
        else:
            seen[key] = event.line
    for pid, history in events_by_project(ds.events).items():
        for event, field_name, message in order_problems(ds.projects.get(pid), history):
            checker.add(file, event.line, field_name, message)


def order_problems(project: Project | None, history: list[ProjectEvent]) -> list[tuple[ProjectEvent, str, str]]:
    """Events of one project out of order: ``(event, field, message)`` for each stage dated before a stage that
    must precede it (the signing date in projects.csv counts as a signed event when there is none), and for each
    stage after the project was cancelled. ``history`` need not be sorted.

    >>> from chaingraph.dataset.model import parse_date as d
    >>> [m for _, _, m in order_problems(None, [ProjectEvent("p", d("2022-05"), "signed"),
    ...                                         ProjectEvent("p", d("2022-01"), "operating")])]
    ['operating on 2022-01 is before the project was signed (2022-05)']
    """
    history = sorted_events(history)
    found: list[tuple[ProjectEvent, str, str]] = []
    stages: dict[str, PartialDate] = {}
    if project is not None and project.date is not None and not any(e.kind == "signed" for e in history):
        stages["signed"] = project.date
    for event in history:
        if event.kind in STAGE_ORDER and event.kind not in stages:
            stages[event.kind] = event.date
    for event in history:
        rank = STAGE_ORDER.get(event.kind)
        if rank is None:
            continue
        for earlier, earlier_rank in STAGE_ORDER.items():
            when = stages.get(earlier)
            if earlier_rank < rank and when is not None and event.date.end() < when.start():
                found.append((event, "date", msg("{kind} on {date} is before the project was {earlier} ({when})",
                                                 kind=noun(event.kind), date=event.date, earlier=noun(earlier),
                                                 when=when)))
                break
    cancelled = [e for e in history if e.kind == "cancelled"]
    if cancelled:
        for event in history:
            if event.kind in STAGE_ORDER and event.date.start() > cancelled[0].date.end():
                found.append((event, "kind", msg("{kind} on {date} comes after the project was cancelled ({when})",
                                                 kind=noun(event.kind), date=event.date, when=cancelled[0].date)))
    return found


STATUS_RANK = {"signed": 0, "under_construction": 1, "trial": 2, "operating": 3, "cancelled": 4}
"""How far along each project status is (a cancellation ends the line)."""


def recorded_steps(project: Project | None, history: list[ProjectEvent]) -> list[ProjectEvent]:
    """``history`` plus the stages projects.csv dates (``date``, ``start_date``, ``trial_date``) that have no event
    of their kind and that the project's status has reached (a later one is a plan): what a new event must agree
    with. The added ones carry the note ``projects.csv``."""
    steps = list(history)
    if project is None:
        return steps
    kinds = {e.kind for e in history}
    reached = STATUS_RANK.get(project.status, 0)
    for kind, field_name in _STAGE_DATE_FIELD.items():
        when = getattr(project, field_name)
        if when is not None and kind not in kinds and STAGE_ORDER[kind] <= reached:
            steps.append(ProjectEvent(project.id, when, kind, note="projects.csv"))
    return steps


def same_step(a: ProjectEvent, b: ProjectEvent) -> bool:
    """Whether two events of a project record the same step: same kind, and dates that can mean the same day
    (``2023-03`` and ``2023-03-15`` can; ``2023-03`` and ``2023-04`` cannot)."""
    return (a.project == b.project and a.kind == b.kind and a.date.start() <= b.date.end()
            and b.date.start() <= a.date.end())
