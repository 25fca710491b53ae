"""The :class:`Dataset`: every record of a dataset folder, indexed, with name lookups.

A Dataset is plain data. It is made by :func:`chaingraph.dataset.reader.load_dataset` (which validates everything) and
written back by :func:`chaingraph.dataset.writer.write_dataset`. Lookups accept what planners type: an id
(``machine-tool``), a Chinese name (``数控机床``), an alias (``机床``) or an English name.

Examples
--------
>>> from chaingraph import load_dataset
>>> ds = load_dataset()
>>> ds.chain("机床").id
'machine-tool'
>>> ds.region("平湖").name
'平湖市'
>>> ds.segment("数控系统", chain="machine-tool").id
'mt-cnc-system'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import LookupFailed
from ..messages import msg, noun
from .model import Chain, Claim, Coverage, DatasetInfo, Region, Segment, SupplyEdge

if TYPE_CHECKING:  # the table records are defined on first use: a snapshot query holds none (.records)
    from .records import Citation, Firm, Group, Link, Project, ProjectEvent, RegionFact, Rejection, Source, Tie

__all__ = ["Dataset", "bundled_dataset_path", "default_dataset_path", "normalize_name", "DATA_ENV",
           "evidence_to_json", "evidence_from_json"]

DATA_ENV = "CHAINGRAPH_DATA"
"""Environment variable naming the dataset folder used when ``--data`` is not given."""

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "产业链", "省", "市", "县", "区")


@cache
def _punct() -> re.Pattern[str]:
    """Spaces and punctuation a name is folded without, compiled on first use (a query that names its region by id
    never folds a name)."""
    return re.compile(r"[\s()（）·•,，.。'\"“”‘’\-_/]+")


def normalize_name(name: str) -> str:
    """Fold a name for matching: case, width, spaces, brackets and common suffixes (有限公司, 市, 产业链).

    >>> normalize_name("湛新科技材料（嘉兴）有限公司") == normalize_name("湛新科技材料(嘉兴)有限公司")
    True
    >>> normalize_name("平湖市")
    '平湖'
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", name).casefold()
    text = _punct().sub("", text)
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text


def bundled_dataset_path() -> Path:
    """Folder of the Pinghu dataset shipped inside the package (works after a non-editable install)."""
    from importlib import resources  # not at import time: importlib.resources costs a cold command ~10 ms

    return Path(str(resources.files("chaingraph") / "data" / "pinghu-2022"))


def default_dataset_path() -> Path:
    """``$CHAINGRAPH_DATA`` if set, else the bundled Pinghu dataset."""
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else bundled_dataset_path()


T = TypeVar("T")


@dataclass
class Dataset:
    """All records of one dataset, by id, in file order."""

    info: DatasetInfo
    chains: dict[str, Chain] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    firms: dict[str, Firm] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    projects: dict[str, Project] = field(default_factory=dict)
    region_facts: list[RegionFact] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    events: list[ProjectEvent] = field(default_factory=list)  # events.csv, in file order
    root: Path | None = None

    # ----------------------------------------------------------------------------------------- derived
    @property
    def segments(self) -> dict[str, Segment]:
        return {s.id: s for chain in self.chains.values() for s in chain.segments}

    @property
    def segment_edges(self) -> list[SupplyEdge]:
        """Every edge of the chains' ``supplies`` lists, supply and recycle, in file order."""
        return [e for chain in self.chains.values() for e in chain.supplies]

    @property
    def supply_edges(self) -> list[SupplyEdge]:
        """The supply edges (kind ``supply``): the DAG that pull, push and the tiers of the map follow."""
        return [e for chain in self.chains.values() for e in chain.supplies if e.kind == "supply"]

    @property
    def recycle_edges(self) -> list[SupplyEdge]:
        """The recycle edges (kind ``recycle``): loops of recovered material, outside the supply DAG."""
        return [e for chain in self.chains.values() for e in chain.supplies if e.kind == "recycle"]

    def region_ancestors(self, region_id: str) -> list[str]:
        """The region itself and every region above it, innermost first."""
        chain: list[str] = []
        current: str | None = region_id
        while current is not None and current in self.regions and current not in chain:
            chain.append(current)
            current = self.regions[current].parent
        return chain

    def coverage_for(self, region_id: str, chain_id: str | None = None) -> Coverage:
        """The coverage that applies to a region (and chain): the innermost declaration, chain-specific first.

        A declaration for a region covers its parks; without any, coverage is ``partial`` (absence means not seen).
        """
        for rid in self.region_ancestors(region_id):
            general = None
            for cov in self.info.coverage:
                if cov.region != rid:
                    continue
                if chain_id is not None and cov.chain == chain_id:
                    return cov
                if cov.chain is None and general is None:
                    general = cov
            if general is not None:
                return general
        return Coverage(region=region_id, kind="partial")

    def claims_for(self, region_id: str) -> list[Claim]:
        """Claims about a region or any region inside it (a park's segment is the county's too), in file order."""
        if not self.claims:
            return []
        places = self.region_descendants(region_id)
        return [claim for claim in self.claims if claim.region in places]

    def region_descendants(self, region_id: str) -> set[str]:
        """The region itself and every region inside it."""
        children: dict[str, list[str]] = {}
        for region in self.regions.values():
            if region.parent:
                children.setdefault(region.parent, []).append(region.id)
        found = {region_id}
        stack = [region_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    def citations_for(self, subject: str) -> list[Citation]:
        return [c for c in self.citations if c.subject == subject]

    # ----------------------------------------------------------------------------------------- lookups
    def chain(self, text: str) -> Chain:
        """Find a chain by id, name, English name or alias."""
        return _resolve("chain", text, self.chains.values(), lambda c: [c.id, c.name, c.name_en, *c.aliases])

    def region(self, text: str) -> Region:
        """Find a region or park by id, name, English name or alias (平湖 finds 平湖市)."""
        return _resolve("region", text, self.regions.values(), lambda r: [r.id, r.name, r.name_en, *r.aliases])

    def region_named(self, name: str) -> str:
        """The id of the region whose name or alias is ``name`` (compared after ``normalize_name``), else "":
        exact only, for text read from documents (``region`` also matches parts and suggests)."""
        key = normalize_name(name)
        return next((r.id for r in self.regions.values()
                     if any(normalize_name(n) == key for n in (r.name, *r.aliases) if n)), "") if key else ""

    def segment(self, text: str, chain: str | None = None) -> Segment:
        """Find a segment by id, name, English name or alias, within one chain if ``chain`` is given."""
        pool: Iterable[Segment] = self.segments.values()
        if chain is not None:
            chain_id = self.chain(chain).id
            pool = [s for s in pool if s.chain == chain_id]
        return _resolve("segment", text, pool, lambda s: [s.id, s.name, s.name_en, *s.aliases])

    def firm(self, text: str) -> Firm:
        """Find a firm by id, name, legal name, English name or alias."""
        return _resolve("firm", text, self.firms.values(), lambda f: [f.id, *f.names()])

    def find(self, text: str) -> list[object]:
        """Every record a user could mean by ``text``: exact matches if any, else substring matches.

        Searches firms, projects, groups, segments, chains and regions.
        """
        kinds: list[tuple[Iterable[object], object]] = [
            (self.firms.values(), lambda f: [f.id, *f.names()]),
            (self.projects.values(), lambda p: [p.id, p.name]),
            (self.groups.values(), lambda g: [g.id, g.name, g.name_en, *g.aliases]),
            (self.segments.values(), lambda s: [s.id, s.name, s.name_en, *s.aliases]),
            (self.chains.values(), lambda c: [c.id, c.name, c.name_en, *c.aliases]),
            (self.regions.values(), lambda r: [r.id, r.name, r.name_en, *r.aliases]),
        ]
        key = normalize_name(text)
        exact: list[object] = []
        partial: list[object] = []
        for records, names_of in kinds:
            for record in records:
                names = [n for n in names_of(record) if n]  # type: ignore[operator]
                if any(n == text or normalize_name(n) == key for n in names):
                    exact.append(record)
                elif key and any(key in normalize_name(n) for n in names):
                    partial.append(record)
        return exact or partial

    def iter_records(self) -> Iterator[tuple[str, object]]:
        """Every record with an id, as ``(kind, record)``."""
        for kind, records in (
            ("chain", self.chains.values()),
            ("segment", self.segments.values()),
            ("region", self.regions.values()),
            ("source", self.sources.values()),
            ("group", self.groups.values()),
            ("firm", self.firms.values()),
            ("project", self.projects.values()),
        ):
            for record in records:
                yield kind, record
        for fact in self.region_facts:
            yield "region_fact", fact


def _resolve(kind: str, text: str, records: Iterable[T], names_of) -> T:  # type: ignore[no-untyped-def]
    records = list(records)
    kind = noun(kind)
    if not text or not str(text).strip():
        raise LookupFailed(msg("no {kind} given", kind=kind))
    text = str(text).strip()
    key = normalize_name(text)
    for matcher in (lambda n: n == text, lambda n: n.casefold() == text.casefold(),
                    lambda n: normalize_name(n) == key):
        found = _unique([r for r in records if any(n and matcher(n) for n in names_of(r))])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            options = ", ".join(sorted(f"{getattr(r, 'id', '?')} ({getattr(r, 'name', '')})" for r in found))
            raise LookupFailed(msg("{kind} {text!r} is ambiguous: {options}", kind=kind, text=text, options=options))
    partial = _unique([r for r in records if any(n and key and key in normalize_name(n) for n in names_of(r))])
    if len(partial) == 1:
        return partial[0]
    if partial:
        options = ", ".join(sorted(f"{getattr(r, 'id', '?')} ({getattr(r, 'name', '')})" for r in partial)[:10])
        raise LookupFailed(msg("{kind} {text!r} is ambiguous: {options}", kind=kind, text=text, options=options))
    every = {n: r for r in records for n in names_of(r) if n}
    import difflib  # only for a name that matched nothing

    close = difflib.get_close_matches(text, list(every), n=3, cutoff=0.5)
    if close:
        raise LookupFailed(msg("unknown {kind} {text!r}; did you mean {close}?", kind=kind, text=text,
                               close=", ".join(close)))
    if len(records) > 12:
        raise LookupFailed(msg("unknown {kind} {text!r}", kind=kind, text=text))
    raise LookupFailed(msg("unknown {kind} {text!r}; known: {known}", kind=kind, text=text,
                           known=", ".join(getattr(r, "id", "?") for r in records)))


def _unique(items: list[T]) -> list[T]:
    seen: list[T] = []
    for item in items:
        if not any(item is s for s in seen):
            seen.append(item)
    return seen


def evidence_to_json(ds: Dataset) -> str:
    """Coverage declarations and claims as one JSON text, for backends that keep only a dataset's structure."""
    import json

    coverage = [{"region": c.region, "kind": c.kind, "chain": c.chain, "as_of": str(c.as_of) if c.as_of else None,
                 "sources": c.sources, "note": c.note} for c in ds.info.coverage]
    claims = [{"region": c.region, "segment": c.segment, "asserts": c.asserts, "sources": c.sources,
               "evidence": c.evidence, "note": c.note} for c in ds.claims]
    return json.dumps({"coverage": coverage, "claims": claims}, ensure_ascii=False, sort_keys=True)


def evidence_from_json(text: str | None) -> tuple[list[Coverage], list[Claim]]:
    """The inverse of :func:`evidence_to_json` (empty lists for ``None`` or ``""``: older snapshots)."""
    import json

    from .model import parse_date

    data = json.loads(text) if text else {}
    coverage = [Coverage(region=c["region"], kind=c["kind"], chain=c["chain"],
                         as_of=parse_date(c["as_of"]) if c["as_of"] else None, sources=list(c["sources"]),
                         note=c["note"]) for c in data.get("coverage", [])]
    claims = [Claim(region=c["region"], segment=c["segment"], asserts=c["asserts"], sources=list(c["sources"]),
                    evidence=c["evidence"], note=c["note"]) for c in data.get("claims", [])]
    return coverage, claims

