"""Merge reviewed proposed facts (from ``chaingraph extract``) into a dataset folder: no duplicates, no silent
overwrites, validated before anything is replaced, and undoable.

:func:`plan_merge` matches every proposed firm and project to the dataset's records (normalised names, legal
names, aliases, a short name inside a full name, the same set of firms for a project) and sorts each proposed
field into: a new record, a filled empty field, an addition to a list (aliases, firms, segments, sources), the
same value (nothing to do) or a **conflict** with a curated value, which is reported and never applied.
:func:`apply_merge` writes the changed CSV files of the dataset only after the merged dataset has loaded
without a problem, all or nothing and under the dataset lock (docs/reliability.md), keeps the previous files
under ``.chaingraph-backups/<time>/`` inside the dataset folder, and :func:`undo_merge` puts the newest backup
back (refusing, unless forced, when a file was edited after the merge).

A project's status and dates also become **events** (events.csv): a start or trial date gives a started or trial
event, a signing date a signed event (when the article reports no later status), and a status the article
reports without its own date is dated by the article (the project was operating by the day it was published),
each with the article as source. A later article on the same project appends its events; an event already
recorded is "same". An event that contradicts the history (another date for the same step, operating before
signed, anything after a cancellation) is a conflict for review and is not written; a date after the article's
own is a plan and gives no event.
"""

from __future__ import annotations

import copy
import csv
import datetime as _dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dataset.events import (
    EVENT_STATUS,
    STATUS_EVENT,
    STATUS_RANK,
    order_problems,
    recorded_steps,
    same_step,
    sorted_events,
    status_as_of,
)
from ..dataset.journal import Transaction
from ..dataset.model import (
    Citation,
    Firm,
    PartialDate,
    Project,
    ProjectEvent,
    Quantity,
    RegionFact,
    Source,
    parse_date,
    parse_quantity,
)
from ..dataset.reader import CSV_COLUMNS, load_dataset
from ..dataset.store import Dataset, normalize_name
from ..dataset.writer import _files
from ..errors import ChaingraphError, DatasetError, ExportError, ParseError, Problem
from ..limits import MAX_CELL_CHARS, MAX_PROPOSED_BYTES, MAX_PROPOSED_FACTS, LimitExceeded, read_limited_bytes
from ..messages import message_of, msg, noun
from ..safety import CONTROL_RE, fragment, neutralise_cell, restore_cell
from .extract import COUNTRY_WORDS, FACT_COLUMNS, Fact

__all__ = ["Change", "MergePlan", "read_proposed", "plan_merge", "apply_merge", "undo_merge", "BACKUP_DIR",
           "DEFAULT_MIN_CONFIDENCE"]

BACKUP_DIR = ".chaingraph-backups"
DEFAULT_MIN_CONFIDENCE = 0.7
"""Facts below this confidence are skipped unless the caller says otherwise (``merge --min-confidence``).

extract's confidences are calibrated estimates fitted on the dev corpus (chaingraph.sources.calibration; a firm's
or project's name from the record model, chaingraph.sources.records): at 0.7 the records the model finds spurious
more than about three times in ten -- list items taken for firms, clause words, ceremonies named like projects,
short forms of a project named in full -- stay out, with every fact of their record (each is capped at its
record's name). A reviewer who checked such a row raises its confidence or merges with ``--min-confidence 0``."""
_MERGED_FILES = ("sources.csv", "firms.csv", "projects.csv", "region_facts.csv", "citations.csv", "events.csv")
_PROJECT_QUANTITIES = ("investment", "registered_capital", "fixed_asset_investment", "capital_increase",
                       "expected_output", "capacity")
_PROJECT_DATES = ("date", "start_date", "trial_date")


@dataclass
class Change:
    """One line of the merge summary. ``kind``: new, fill, add, same, conflict or skip."""

    kind: str
    record: str
    id: str
    field: str = ""
    old: str = ""
    new: str = ""
    evidence: str = ""
    reason: str = ""

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en") -> str:
        """The summary line in ``lang`` (English: ``str()``); ids, values and evidence are data, shown as given."""
        mark = {"new": "+", "fill": "~", "add": "~", "same": "=", "conflict": "!", "skip": "-"}[self.kind]
        record = noun(self.record) if self.record in _RECORD_NOUNS else self.record
        where = msg("{record} {id}", record=record, id=self.id) if not self.field else \
            msg("{record} {id} {field}", record=record, id=self.id, field=self.field)
        evidence = msg(" ({evidence})", evidence=self.evidence) if self.evidence else ""
        if self.kind == "new":
            line = msg("{mark} new {where}: {new}", mark=mark, where=where, new=self.new)
        elif self.kind in ("fill", "add"):
            line = msg("{mark} {where}: {old} -> {new}", mark=mark, where=where, old=self.old or msg("(empty)"),
                       new=self.new)
        elif self.kind == "conflict" and self.reason:
            line = msg("{mark} CONFLICT {where}: the article says {new}{evidence}, but {reason}; not written",
                       mark=mark, where=where, new=self.new, evidence=evidence, reason=self.reason)
        elif self.kind == "conflict":
            line = msg("{mark} CONFLICT {where}: dataset has {old}, the article says {new}{evidence}; kept {old}",
                       mark=mark, where=where, old=self.old, new=self.new, evidence=evidence)
        elif self.kind == "skip":
            line = msg("{mark} skipped {where} {new}: {reason}", mark=mark, where=where, new=self.new,
                       reason=self.reason)
        else:
            line = msg("{mark} {where}: {new} (already there)", mark=mark, where=where, new=self.new)
        return line.render(lang)


_RECORD_NOUNS = frozenset({"firm", "project", "source", "region_fact", "event", "citation"})


@dataclass
class MergePlan:
    """What a merge would do; ``dataset`` is the merged dataset (the input is not modified)."""

    dataset: Dataset
    changes: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def conflicts(self) -> list[Change]:
        return self.of("conflict")

    @property
    def changed(self) -> bool:
        return any(c.kind in ("new", "fill", "add") for c in self.changes)

    def summary(self, lang: str = "en") -> str:
        """The merge report: the counts, then one line per change, in ``lang`` (English by default)."""
        counts = {k: len(self.of(k)) for k in ("new", "fill", "add", "same", "conflict", "skip")}
        head = msg("{new} new records, {changed} changed fields, {same} already there, {conflict} conflicts, "
                   "{skip} skipped", new=counts["new"], changed=counts["fill"] + counts["add"], same=counts["same"],
                   conflict=counts["conflict"], skip=counts["skip"]).render(lang)
        lines = [c.render(lang) for c in self.changes if c.kind != "same"]
        return "\n".join([head, *lines])


# ------------------------------------------------------------------------------------------------ reading


def read_proposed(path: str | Path) -> list[Fact]:
    """Read proposed facts written by ``chaingraph extract`` (CSV or JSON, told apart by their content).

    Any malformed file raises :class:`~chaingraph.errors.ParseError` with one line naming the file and the row:
    a JSON object without ``facts``, ``facts`` that is not a list, a fact that is not an object, a cell over
    the limits of :mod:`chaingraph.limits`.
    """
    path = Path(path)
    try:
        raw = read_limited_bytes(path, MAX_PROPOSED_BYTES, "proposed-facts file")
        text = raw.decode("utf-8-sig")
    except LimitExceeded as exc:
        raise ParseError(msg("{path}: {exc}", path=path, exc=exc)) from exc
    except UnicodeDecodeError as exc:
        raise ParseError(msg("{path}: not UTF-8 text ({reason} at byte {start})",
                             path=path, reason=exc.reason, start=exc.start)) from exc
    except OSError as exc:
        raise ParseError(msg("cannot read {path}: {strerror}", path=path, strerror=exc.strerror or exc)) from exc
    rows: list[Any]
    if text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            where = f"line {exc.lineno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise ParseError(msg("{path}: not valid JSON ({where})", path=path, where=where)) from exc
        if isinstance(data, dict):
            if "facts" not in data:
                raise ParseError(msg("{path}: a JSON object must hold a list under \"facts\" (as chaingraph extract "
                                     "writes it)", path=path))
            data = data["facts"]
        if not isinstance(data, list):
            raise ParseError(msg("{path}: \"facts\" must be a list of facts, not {type_name}",
                                 path=path, type_name=type(data).__name__))
        rows = data
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            rows = [{k: restore_cell(v) if isinstance(v, str) else v for k, v in row.items()} for row in reader]
        except csv.Error as exc:
            message = (msg("a cell is longer than {MAX_CELL_CHARS:,} characters (the limit)",
                           MAX_CELL_CHARS=MAX_CELL_CHARS) if "field larger" in str(exc) else
                       msg("not valid CSV: {exc}", exc=exc))
            raise ParseError(msg("{path}:{line_num}: {message}",
                                 path=path, line_num=reader.line_num, message=message)) from exc
        if reader.fieldnames is not None and not {"record", "key", "field", "value"} <= set(reader.fieldnames):
            missing = sorted({"record", "key", "field", "value"} - set(reader.fieldnames))
            raise ParseError(msg("{path}:1: not a proposed-facts table: missing columns {missing}",
                                 path=path, missing=", ".join(missing)))
    if len(rows) > MAX_PROPOSED_FACTS:
        raise ParseError(msg("{path}: {rows_count:,} facts, over the limit of {MAX_PROPOSED_FACTS:,}",
                             path=path, rows_count=len(rows), MAX_PROPOSED_FACTS=MAX_PROPOSED_FACTS))
    facts = []
    for number, row in enumerate(rows, start=2):
        if not isinstance(row, dict):
            raise ParseError(msg("{path}: fact {number} is {row}, not an object with record, key, "
                                 "field and value", path=path, number=number - 1, row=fragment(row)))
        for column in ("record", "key", "field", "value", "text", "evidence", "note", "id"):
            value = row.get(column)
            if value is not None and not isinstance(value, str | int | float) or isinstance(value, bool):
                raise ParseError(msg("{path}:{number}: {column} must be text, not {type_name}",
                                     path=path, number=number, column=column, type_name=type(value).__name__))
            if isinstance(value, str) and CONTROL_RE.search(value):
                raise ParseError(msg("{path}:{number}: {column} holds a control character",
                                     path=path, number=number, column=column))
        missing = [c for c in ("record", "key", "field", "value") if not str(row.get(c) or "").strip()]
        if missing:
            raise ParseError(msg("{path}:{number}: missing {missing}",
                                 path=path, number=number, missing=", ".join(missing)))
        try:
            confidence = float(row.get("confidence") or 1.0)
            start, end = int(row.get("start") or 0), int(row.get("end") or 0)
        except (TypeError, ValueError, OverflowError) as exc:
            raise ParseError(msg("{path}:{number}: confidence, start and end must be numbers",
                                 path=path, number=number)) from exc
        if not 0.0 <= confidence <= 1.0:
            raise ParseError(msg("{path}:{number}: confidence {confidence} is not between 0 and 1",
                                 path=path, number=number, confidence=fragment(row.get("confidence"))))
        facts.append(Fact(record=str(row["record"]).strip(), key=str(row["key"]).strip(),
                          field=str(row["field"]).strip(), value=str(row["value"]).strip(), confidence=confidence,
                          text=str(row.get("text") or ""), start=start, end=end,
                          evidence=str(row.get("evidence") or ""), note=str(row.get("note") or ""),
                          id=str(row.get("id") or "")))
    return facts


# ------------------------------------------------------------------------------------------------ matching


def _keys(names: list[str]) -> set[str]:
    keys = {normalize_name(n) for n in names if n}
    for country in COUNTRY_WORDS:
        keys |= {k[len(country):] for k in list(keys) if k.startswith(country) and len(k) > len(country) + 1}
    return {k for k in keys if k}


def _match_firm(ds: Dataset, names: list[str]) -> tuple[Firm | None, str]:
    keys = _keys(names)
    exact = [f for f in ds.firms.values() if keys & _keys(f.names())]
    if len(exact) == 1:
        return exact[0], ""
    if len(exact) > 1:
        return None, msg("ambiguous: {ids}", ids=", ".join(f.id for f in exact))
    partial = [f for f in ds.firms.values()
               if any(len(min(a, b, key=len)) >= 3 and (a in b or b in a) for a in keys for b in _keys(f.names()))]
    if len(partial) == 1:
        return partial[0], ""
    if len(partial) > 1:
        return None, msg("ambiguous: {ids}", ids=", ".join(f.id for f in partial))
    return None, ""


def _match_project(ds: Dataset, names: list[str], firm_ids: set[str]) -> tuple[Project | None, str]:
    keys = {normalize_name(n) for n in names}
    by_name = [p for p in ds.projects.values()
               if keys & {normalize_name(p.name), *(normalize_name(x) for x in re.split(r"—+", p.name))}]
    if len(by_name) == 1:
        return by_name[0], ""
    if firm_ids:
        same = [p for p in ds.projects.values() if set(p.firms) == firm_ids]
        if len(same) == 1:
            return same[0], ""
        within = [p for p in ds.projects.values() if firm_ids <= set(p.firms)]
        if len(within) == 1 and not same:
            return within[0], ""
        if len(same) > 1:
            return None, msg("ambiguous: {ids}", ids=", ".join(p.id for p in same))
    return None, ""


def _slug(kind: str, name: str, taken: set[str]) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40]
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    base = f"{ascii_part}-{digest}" if len(ascii_part) >= 3 else f"{kind}-{digest}"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


# ------------------------------------------------------------------------------------------------ planning


class _Planner:
    def __init__(self, ds: Dataset, facts: list[Fact], source_id: str | None, min_confidence: float) -> None:
        self.ds = copy.deepcopy(ds)
        self.changes: list[Change] = []
        self.facts = [f for f in facts if f.confidence >= min_confidence]
        # where a total belongs, at any confidence: a place the reader is unsure of still says "not the default"
        self.fact_places = {f.key: f.value for f in facts if f.record == "region_fact" and f.field == "region"}
        for f in facts:
            if f.confidence < min_confidence:
                self.changes.append(Change("skip", f.record, f.key, f.field, new=f.value,
                                           reason=msg("confidence {confidence:.2f} < {minimum}",
                                                      confidence=f.confidence, minimum=min_confidence)))
        self.taken = {rid for _, r in self.ds.iter_records() for rid in [getattr(r, "id", "")] if rid}
        self.source_id = source_id or next((f.key for f in self.facts if f.record == "source"), None)
        self.firm_ids: dict[str, str] = {}  # proposed firm key -> firm id
        self.new_projects: set[str] = set()

    def groups(self, record: str) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = {}
        for f in self.facts:
            if f.record == record:
                out.setdefault(f.key, []).append(f)
        return out

    def cite(self, subject: str, field_name: str, fact: Fact) -> None:
        if not self.source_id or not (fact.evidence or fact.text):
            return
        evidence = (fact.evidence or fact.text)[:60]
        if not any(c.subject == subject and c.field == field_name and c.source == self.source_id
                   and c.evidence == evidence for c in self.ds.citations):
            self.ds.citations.append(Citation(subject, field_name, self.source_id, evidence))

    def add_source(self, record: Any) -> None:
        if self.source_id and self.source_id not in record.sources:
            record.sources.append(self.source_id)

    def set_field(self, record: Any, kind: str, name: str, value: Any, fact: Fact, same: bool | None = None) -> None:
        old = getattr(record, name)
        if old in (None, "", []):
            setattr(record, name, value)
            self.changes.append(Change("fill", kind, record.id, name, "", str(value), fact.evidence))
            self.cite(record.id, name, fact)
        elif same if same is not None else old == value:
            self.changes.append(Change("same", kind, record.id, name, str(old), str(value)))
        else:
            self.changes.append(Change("conflict", kind, record.id, name, str(old), str(value),
                                       fact.evidence or fact.text))

    def add_to_list(self, record: Any, kind: str, name: str, value: str, fact: Fact) -> None:
        items = getattr(record, name)
        if value in items:
            self.changes.append(Change("same", kind, record.id, name, value, value))
            return
        items.append(value)
        self.changes.append(Change("add", kind, record.id, name, "|".join(items[:-1]), "|".join(items),
                                   fact.evidence))
        self.cite(record.id, name, fact)

    # ------------------------------------------------------------------------------------------ sources
    def plan_source(self) -> None:
        if not self.source_id:
            return
        facts = {f.field: f.value for f in self.facts if f.record == "source" and f.key == self.source_id}
        if self.source_id in self.ds.sources:
            return
        try:
            date = parse_date(facts["date"]) if facts.get("date") else None
        except ParseError:
            date = None
        self.ds.sources[self.source_id] = Source(self.source_id, facts.get("title") or self.source_id, date=date,
                                                 kind=facts.get("kind", "article"))
        self.taken.add(self.source_id)
        self.changes.append(Change("new", "source", self.source_id, new=facts.get("title", "")))

    # ------------------------------------------------------------------------------------------ firms
    def plan_firms(self) -> None:
        for key, facts in self.groups("firm").items():
            names = [key] + [f.value for f in facts if f.field in ("name", "legal_name", "aliases")]
            firm, problem = _match_firm(self.ds, names)
            group = next((g for g in self.ds.groups.values() if _keys(names) & _keys([g.name, g.name_en, *g.aliases])),
                         None)
            if firm is None and not problem and group is not None:
                problem = msg("is the group {group} ({name}), not a firm", group=group.id, name=group.name)
            if problem:
                self.changes.append(Change("skip", "firm", key, new=key, reason=problem))
                continue
            named = next((f for f in facts if f.field in ("name", "legal_name", "aliases")), None)
            if firm is None and named is None:
                self.changes.append(Change("skip", "firm", key, new=key, reason=msg("a new firm needs a name fact "
                                                                       "(field name, with its evidence); none was "
                                                                       "proposed")))
                continue
            if firm is None:
                assert named is not None
                firm = Firm(id=_slug("firm", key, self.taken), name=key)
                self.taken.add(firm.id)
                self.ds.firms[firm.id] = firm
                self.changes.append(Change("new", "firm", firm.id, new=key,
                                           evidence=next((f.evidence for f in facts if f.field == "name"), "")))
                self.cite(firm.id, "name", named)
            self.firm_ids[key] = firm.id
            self.add_source(firm)
            for fact in facts:
                self.firm_field(firm, fact)

    def firm_field(self, firm: Firm, fact: Fact) -> None:
        value = fact.value
        if fact.field in ("name", "aliases"):
            if _keys([value]) & _keys(firm.names()):
                return
            self.add_to_list(firm, "firm", "aliases", value, fact)
        elif fact.field == "legal_name":
            self.set_field(firm, "firm", "legal_name", value, fact,
                           same=normalize_name(value) == normalize_name(firm.legal_name))
        elif fact.field == "country":
            self.set_field(firm, "firm", "country", value.upper(), fact)
        elif fact.field == "fortune500":
            self.set_field(firm, "firm", "fortune500", value.lower() in ("yes", "true", "1", "是"), fact)
        elif fact.field == "region":
            if value not in self.ds.regions:
                self.changes.append(Change("skip", "firm", firm.id, "region", new=value,
                                           reason=msg("not a region of the dataset (add it to regions.yaml first)")))
                return
            if firm.region and value in self.ds.region_descendants(firm.region) and value != firm.region:
                self.set_field(firm, "firm", "region", value, fact, same=False)
            else:
                self.set_field(firm, "firm", "region", value, fact,
                               same=firm.region == value or (firm.region or "") in self.ds.region_descendants(value))
        else:
            self.changes.append(Change("skip", "firm", firm.id, fact.field, new=value, reason=msg("not a firm field")))

    # ------------------------------------------------------------------------------------------ projects
    def plan_projects(self) -> None:
        for key, facts in self.groups("project").items():
            names = [key] + [f.value.removeprefix("也称") for f in facts if f.field == "note"
                             and f.value.startswith("也称")]
            firm_ids = {self.firm_ids[f.value] for f in facts if f.field == "firms" and f.value in self.firm_ids}
            project, problem = _match_project(self.ds, names, firm_ids)
            if problem:
                self.changes.append(Change("skip", "project", key, new=key, reason=problem))
                continue
            if project is None:
                project = Project(id=_slug("project", key, self.taken), name=key)
                self.taken.add(project.id)
                self.ds.projects[project.id] = project
                self.new_projects.add(project.id)
                self.changes.append(Change("new", "project", project.id, new=key))
            self.add_source(project)
            status = next((f for f in facts if f.field == "status"), None)
            before = copy.copy(project)  # the dates and status the dataset had, before this article's facts
            for fact in facts:
                if fact is not status:
                    self.project_field(project, fact)
            self.plan_events(project, facts, status, before)

    def plan_events(self, project: Project, facts: list[Fact], status: Fact | None, before: Project) -> None:
        """The project's events this article reports (see the module text); ``status`` is its status fact."""
        source = self.ds.sources.get(self.source_id or "")
        published = source.date if source is not None else None
        dated = {f.field: f for f in facts if f.field in _PROJECT_DATES}
        stated = status.value if status is not None and status.value in STATUS_EVENT else None
        steps: list[tuple[Fact, str, PartialDate, bool]] = []  # (fact, kind, date, date given by the article)
        for field_name, kind in (("date", "signed"), ("start_date", "started"), ("trial_date", "trial")):
            fact = dated.get(field_name)
            if fact is None or (field_name == "date" and stated not in (None, "signed")):
                continue  # the date beside a later status is not reliably the signing
            try:
                when = parse_date(fact.value)
            except ParseError:
                continue  # reported as skipped by project_field
            if published is not None and when.start() > published.end():
                self.changes.append(Change("skip", "event", project.id, kind, new=str(when),
                                           reason=msg("after the article's date ({published}): a plan",
                                                      published=str(published))))
                continue
            steps.append((fact, kind, when, True))
        if status is not None and stated is not None and not any(k == STATUS_EVENT[stated] for _, k, _, _ in steps):
            if published is None:
                self.project_field(project, status)  # no day to date it by: the field, as before events
            else:
                steps.append((status, STATUS_EVENT[stated], published, False))
        elif status is not None and stated is None:
            self.project_field(project, status)
        had_events = any(e.project == project.id for e in self.ds.events)
        first_change = len(self.changes)
        recorded = [self.add_event(before, fact, kind, when, given) for fact, kind, when, given in steps]
        added = [e for e in self.ds.events if e.project == project.id] if not had_events else []
        now = status_as_of(sorted_events(added), None) if added else None
        if now is not None and project.id not in self.new_projects and \
                STATUS_RANK.get(now, 0) < STATUS_RANK.get(before.status, 0):
            # the project's status (projects.csv) is further on than these dated steps: written alone, they would
            # set it back; the missing steps must be recorded first
            self.ds.events = [e for e in self.ds.events if e.project != project.id]
            for i in range(first_change, len(self.changes)):
                change = self.changes[i]
                if change.record == "event" and change.kind == "new":
                    self.changes[i] = Change("skip", "event", project.id, change.field, new=change.new,
                                             reason=msg("the project is {status} already (projects.csv): this "
                                                        "step alone would set its status back; record its later "
                                                        "steps in events.csv first", status=before.status))
            return
        if any(recorded):
            history = sorted_events(e for e in self.ds.events if e.project == project.id)
            now = status_as_of(history, None)
            if now is not None and now != project.status:
                self.changes.append(Change("fill", "project", project.id, "status", project.status, now,
                                           reason=msg("from its events")))
                project.status = now

    def add_event(self, project: Project, fact: Fact, kind: str, when: PartialDate, given: bool) -> bool:
        """Append one event unless recorded already; a contradiction is a conflict. Whether it is recorded."""
        event = ProjectEvent(project.id, when, kind, sources=[self.source_id] if self.source_id else [],
                             evidence=(fact.evidence or fact.text)[:60],
                             note="" if given else "日期为报道日期（不晚于此日）")
        events = [e for e in self.ds.events if e.project == project.id]
        history = recorded_steps(project, events)
        label = f"{kind} {when}"
        if any(same_step(old, event) for old in events) or (
                not given and any(old.kind == kind and same_step(old, event) for old in history)):
            self.changes.append(Change("same", "event", project.id, kind, label, label))
            return True
        # a stage date of projects.csv that agrees is recorded as this event, with the article as its source
        earlier = next((old for old in history if old.kind == kind and kind in EVENT_STATUS
                        and not (given and same_step(old, event))), None)
        if earlier is not None:
            if not given and earlier.date.start() <= when.end():
                # dated by the article: an earlier record of the same step already says it
                self.changes.append(Change("same", "event", project.id, kind, f"{kind} {earlier.date}", label))
                return True
            self.changes.append(Change("conflict", "event", project.id, kind, f"{kind} {earlier.date}", label,
                                       fact.evidence or fact.text))
            return False
        known = {(id(e), m) for e, _, m in order_problems(project, history)}
        new = [m for e, _, m in order_problems(project, [*history, event]) if (id(e), m) not in known]
        if new:
            self.changes.append(Change("conflict", "event", project.id, kind, "", label,
                                       fact.evidence or fact.text, reason=new[0]))
            return False
        self.ds.events.append(event)
        self.changes.append(Change("new", "event", project.id, kind, new=label, evidence=event.evidence))
        return True

    def project_field(self, project: Project, fact: Fact) -> None:
        name, value = fact.field, fact.value
        try:
            if name in _PROJECT_QUANTITIES:
                quantity = parse_quantity(value)
                self.set_field(project, "project", name, quantity, fact, same=_same_quantity(
                    getattr(project, name), quantity))
            elif name in _PROJECT_DATES:
                self.set_field(project, "project", name, parse_date(value), fact)
            elif name == "area_mu":
                number = float(value)
                self.set_field(project, "project", name, number, fact,
                               same=project.area_mu is not None and abs(project.area_mu - number) < 1e-6)
            elif name in ("status", "kind"):
                self.set_field(project, "project", name, value, fact)
            elif name == "region":
                if value not in self.ds.regions:
                    self.changes.append(Change("skip", "project", project.id, name, new=value, reason=msg(
                        "not a region of the dataset (add it to regions.yaml first)")))
                else:
                    self.set_field(project, "project", name, value, fact, same=project.region == value or (
                        project.region or "") in self.ds.region_descendants(value))
            elif name == "firms":
                firm_id = self.firm_ids.get(value)
                if firm_id is None:
                    self.changes.append(Change("skip", "project", project.id, name, new=value,
                                               reason=msg("the firm was not merged")))
                else:
                    self.add_to_list(project, "project", "firms", firm_id, fact)
            elif name == "segments":
                if value not in self.ds.segments:
                    self.changes.append(Change("skip", "project", project.id, name, new=value,
                                               reason=msg("unknown segment")))
                else:
                    self.add_to_list(project, "project", "segments", value, fact)
            elif name == "note":
                if value.startswith("也称") and project.id not in self.new_projects:
                    return  # another name of a known project: nothing to record
                if value not in project.note:
                    project.note = f"{project.note}；{value}" if project.note else value
                    self.changes.append(Change("add", "project", project.id, "note", "", value, fact.evidence))
            elif name != "name":
                self.changes.append(Change("skip", "project", project.id, name, new=value,
                                           reason=msg("not a project field")))
        except (ParseError, ValueError) as exc:
            self.changes.append(Change("skip", "project", project.id, name, new=value, reason=message_of(exc)))

    # ------------------------------------------------------------------------------------------ region facts
    def plan_region_facts(self) -> None:
        for key, facts in self.groups("region_fact").items():
            values = {f.field: f for f in facts}
            if "value" not in values:
                continue
            try:
                quantity = parse_quantity(values["value"].value)
            except ParseError as exc:
                self.changes.append(Change("skip", "region_fact", key, "value", new=values["value"].value,
                                           reason=message_of(exc)))
                continue
            # a total the article gives for a place: the region it names (or its lead names), whatever the
            # confidence of that place; a place the dataset does not have is another city's, not the default
            # region's (成都's totals merged into a Pinghu dataset are skipped)
            place = self.fact_places.get(key, "")
            region = (place if place in self.ds.regions else self.ds.region_named(place)) if place \
                else self.ds.info.default_region
            if not region:
                self.changes.append(Change("skip", "region_fact", key, "region", new=place,
                                           reason=msg("not a region of the dataset (add it to regions.yaml first)")))
                continue
            metric = values["metric"].value if "metric" in values else key
            period = values["period"].value if "period" in values else ""
            same = [r for r in self.ds.region_facts if r.region == region and r.period == period and (
                r.value == quantity or normalize_name(r.metric) == normalize_name(metric))]
            if same:
                existing = same[0]
                if _same_quantity(existing.value, quantity):
                    self.changes.append(Change("same", "region_fact", existing.id, "value", str(existing.value),
                                               str(quantity)))
                else:
                    self.changes.append(Change("conflict", "region_fact", existing.id, "value", str(existing.value),
                                               str(quantity), values["value"].evidence))
                continue
            fact_id = _slug("fact", f"{region}{metric}{period}", self.taken)
            self.taken.add(fact_id)
            record = RegionFact(id=fact_id, region=region, metric=metric, value=quantity, period=period,
                                evidence=values["value"].evidence[:60])
            self.add_source(record)
            self.ds.region_facts.append(record)
            self.changes.append(Change("new", "region_fact", fact_id, new=f"{metric} = {quantity} ({period})"))


def _same_quantity(old: Quantity | None, new: Quantity) -> bool:
    return old is not None and old.unit == new.unit and old.qualifier == new.qualifier and \
        float(old.amount) == float(new.amount)


def plan_merge(ds: Dataset, facts: list[Fact], source_id: str | None = None,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> MergePlan:
    """Work out what merging ``facts`` into ``ds`` would change; ``ds`` itself is left as it is.

    Curated values are never replaced: a different value is a conflict in :attr:`MergePlan.conflicts`.
    """
    planner = _Planner(ds, facts, source_id, min_confidence)
    planner.plan_source()
    planner.plan_firms()
    planner.plan_projects()
    planner.plan_region_facts()
    return MergePlan(dataset=planner.ds, changes=planner.changes)


# ------------------------------------------------------------------------------------------------ writing


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def apply_merge(root: str | Path, plan: MergePlan, wait: float | None = None) -> tuple[list[str], Path | None]:
    """Write the merged dataset into ``root``; returns the files replaced and the backup folder.

    The changed CSV files are staged beside the current ones and the dataset they make is loaded with the normal
    reader; only if it is valid are they swapped in, all or nothing across a crash (:mod:`chaingraph.dataset.journal`),
    together with a copy of the current files in ``root/.chaingraph-backups/<time>/`` and a manifest for
    :func:`undo_merge`. Everything happens under the dataset lock (waiting up to ``wait`` seconds); hold
    :func:`~chaingraph.dataset.locking.dataset_lock` yourself around loading, :func:`plan_merge` and this call so that
    no other writer's change can slip in between.
    """
    root = Path(root)
    texts = _files(plan.dataset)
    new_texts = {name: texts[name] for name in _MERGED_FILES if name in texts}
    with Transaction(root, wait=wait) as txn:
        changed = [name for name, text in new_texts.items()
                   if not (root / name).exists() or (root / name).read_text(encoding="utf-8-sig") != text]
        for name in changed:
            txn.write_text(name, new_texts[name])
        try:
            load_dataset(txn.preview())
        except DatasetError as exc:
            raise DatasetError(exc.problems, root=f"{root} (after merging; nothing was written)") from None
        if not changed:
            return [], None
        stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
        saved: dict[str, bytes] = {}
        created = []
        try:
            for name in changed:
                if (root / name).exists():
                    saved[name] = (root / name).read_bytes()
                else:
                    created.append(name)
        except OSError as exc:
            raise ExportError(msg("cannot back up {root}: {strerror}",
                                  root=root, strerror=exc.strerror or exc)) from None
        manifest = {"files": changed, "created": created, "time": stamp,
                    "written": {name: _sha(new_texts[name].encode("utf-8")) for name in changed}}
        saved["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        txn.add_folder(f"{BACKUP_DIR}/{stamp}", saved)
        txn.commit()
    return changed, root / BACKUP_DIR / stamp


def _manifest(backup: Path) -> dict[str, Any]:
    """The manifest of a merge backup, checked: a damaged one is one clear error, never a traceback."""
    where = f"{BACKUP_DIR}/{backup.name}/manifest.json"

    def bad(message: str) -> DatasetError:
        return DatasetError([Problem(where, None, None, msg("{message}; nothing was changed (remove that backup folder "
                                                            "to undo the merge before it)", message=message))],
                            root=str(backup.parent.parent))

    try:
        data = json.loads((backup / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise bad(msg("cannot read: {reason}", reason=getattr(exc, "strerror", None) or exc)) from None
    except ValueError as exc:
        raise bad(msg("not valid JSON ({exc})", exc=str(exc)[:60])) from None
    if not isinstance(data, dict):
        raise bad(msg("not a JSON object"))
    files, created = data.get("files"), data.get("created", [])
    written = data.get("written", {})
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise bad(msg("'files' is not a list of file names"))
    if not isinstance(created, list) or not all(isinstance(f, str) for f in created):
        raise bad(msg("'created' is not a list of file names"))
    if not isinstance(written, dict):
        raise bad(msg("'written' is not a mapping"))
    for name in [*files, *created]:
        if name not in CSV_COLUMNS:  # never let a manifest name a file outside the dataset's own tables
            raise bad(msg("names {name!r}, which is not a dataset table", name=name[:40]))
    for name in files:
        if name not in created and not (backup / name).is_file():
            raise bad(msg("the saved copy of {name} is missing", name=name))
    return {"files": files, "created": created, "written": written}


def undo_merge(root: str | Path, force: bool = False, wait: float | None = None) -> tuple[list[str], Path]:
    """Put back the files saved by the newest merge of ``root``; returns the files restored and the backup used.

    If a file the merge wrote has changed since (a hand edit, an ``import``), nothing is done and the error
    names the files that would be overwritten, unless ``force``. The dataset the undo leaves must load (a later
    change may refer to a firm the merge added); otherwise nothing is done. All or nothing, under the lock.
    """
    root = Path(root)
    folder = root / BACKUP_DIR
    with Transaction(root, wait=wait) as txn:
        backups = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        if not backups:
            raise ExportError(msg("{root}: no merge to undo (no {BACKUP_DIR}/ folder with a manifest)",
                                  root=root, BACKUP_DIR=BACKUP_DIR))
        backup = backups[-1]
        manifest = _manifest(backup)
        edited = []
        for name in manifest["files"]:
            expected = manifest["written"].get(name)
            try:
                current = _sha((root / name).read_bytes())
            except OSError:
                current = None
            if expected is not None and current != expected:
                edited.append(name)
        if edited and not force:
            raise ChaingraphError(
                msg("{root}: {edited} changed after the merge of {name} (by hand or by another "
                    "command); undoing would overwrite that change. "
                    "Nothing was changed; add --force to undo anyway",
                    root=root, edited=", ".join(edited), name=backup.name) if len(edited) == 1 else
                msg("{root}: {edited} changed after the merge of {name} (by hand or by another "
                    "command); undoing would overwrite those changes. "
                    "Nothing was changed; add --force to undo anyway",
                    root=root, edited=", ".join(edited), name=backup.name))
        for name in manifest["files"]:
            if name in manifest["created"]:
                txn.delete(name)
            else:
                txn.write_bytes(name, (backup / name).read_bytes())
        try:
            load_dataset(txn.preview())  # later changes may lean on what the merge added (a link to a new firm)
        except DatasetError as exc:
            raise DatasetError(exc.problems, root=f"{root} (after undoing the merge of {backup.name}; nothing was "
                                                  "changed)") from None
        txn.remove_folder(f"{BACKUP_DIR}/{backup.name}")
        txn.commit()
    try:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    except OSError:
        pass  # an empty backup folder is harmless
    return list(manifest["files"]), backup


def facts_to_csv(facts: list[Fact]) -> str:
    """The proposed-facts table as CSV text (columns :data:`~chaingraph.sources.extract.FACT_COLUMNS`)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(FACT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for fact in facts:  # reviewed in a spreadsheet: formula-like cells neutralised (read_proposed restores them)
        writer.writerow({k: neutralise_cell(v) for k, v in fact.to_row().items()})
    return buffer.getvalue()


__all__ += ["facts_to_csv"]
