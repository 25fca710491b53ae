"""Import a user's copy of ChainKnowledgeGraph into a dataset (``chaingraph import-chainkg``).

liuhuanyong/ChainKnowledgeGraph is a public industry-chain graph of Chinese listed companies: JSON Lines files
``company.json`` (name, fullname, code, location, time), ``industry.json``, ``product.json``,
``company_industry.json`` (company_name, industry_name, rel), ``industry_industry.json`` (from_industry,
to_industry, rel 上级行业, from_code, to_code), ``company_product.json`` (company_name, product_name, rel,
rel_weight) and ``product_product.json`` (from_entity, to_entity, rel). It has no licence, so chaingraph does
not ship it: users download it themselves, and this module turns their copy into *reference firms* (firms with no
region: candidates for every region's target lists) and their *segment links*, through a mapping from its
industries and products to chain segments. chaingraph ships such a mapping for the three bundled chains
(``chaingraph/data/chainkg-industries.yaml``, :func:`default_mapping_path`).

Firms already in the dataset are matched (by normalised name, full name and aliases, as spreadsheet imports do) and
get the new links only; listed companies that map to no segment are left out. The import is atomic and
``dry_run`` shows what it would change.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..dataset.locking import dataset_lock
from ..dataset.model import CONFIDENCES, Firm, Link, Source
from ..dataset.reader import load_dataset
from ..dataset.store import Dataset
from ..errors import Problem
from ..messages import msg
from .sheets import Change, FirmMatcher, ImportPlan, SheetError, apply_dataset_changes, new_id

__all__ = ["CHAINKG_FILES", "SOURCE_ID", "ChainKG", "IndustryMapping", "default_mapping_path", "read_chainkg",
           "read_industry_mapping", "plan_chainkg", "import_chainkg"]

CHAINKG_FILES = ("company", "industry", "product", "company_industry", "industry_industry", "company_product",
                 "product_product")
SOURCE_ID = "chainkg"
_CONFIDENCE_RANK = {c: i for i, c in enumerate(CONFIDENCES)}  # confirmed < probable < guessed


def default_mapping_path() -> Path:
    """The industry mapping chaingraph ships for its three chains."""
    return Path(str(resources.files("chaingraph") / "data" / "chainkg-industries.yaml"))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


@dataclass
class ChainKG:
    """The parts of a ChainKnowledgeGraph copy the import uses."""

    companies: list[dict[str, str]] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)  # industry -> parent industry (folded names)
    codes: dict[str, str] = field(default_factory=dict)  # industry code -> folded name
    company_industries: dict[str, list[str]] = field(default_factory=dict)  # company name -> industry names
    company_products: dict[str, list[str]] = field(default_factory=dict)  # company name -> products
    counts: dict[str, int] = field(default_factory=dict)


def _json_lines(path: Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        problems.append(Problem(path.name, None, None, msg("cannot be read: {strerror}", strerror=exc.strerror)))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(path.name, number, None, msg("not JSON: {msg}", msg=exc.msg)))
                continue
            if not isinstance(record, dict):
                problems.append(Problem(path.name, number, None, msg("expected a JSON object")))
                continue
            yield number, record


def _need(record: dict[str, Any], keys: tuple[str, ...], file: str, line: int, problems: list[Problem]) -> bool:
    missing = [k for k in keys if not str(record.get(k) or "").strip()]
    for key in missing:
        problems.append(Problem(file, line, key, msg("missing")))
    return not missing


def read_chainkg(folder: str | Path) -> ChainKG:
    """Read a ChainKnowledgeGraph folder (its ``data/`` folder, or the repository root holding ``data/``)."""
    root = Path(folder)
    if not (root / "company.json").exists() and (root / "data" / "company.json").exists():
        root = root / "data"
    problems: list[Problem] = []
    kg = ChainKG()
    if not root.is_dir():
        raise SheetError([Problem(str(root), None, None, msg("folder does not exist"))], str(root))
    for required in ("company", "company_industry"):
        if not (root / f"{required}.json").exists():
            problems.append(Problem(f"{required}.json", None, None, msg("file is missing in {root}", root=root)))
    if problems:
        raise SheetError(problems, str(root))
    for name in CHAINKG_FILES:
        path = root / f"{name}.json"
        if not path.exists():
            continue
        count = 0
        for line, record in _json_lines(path, problems):
            count += 1
            file = path.name
            if name == "company":
                if _need(record, ("name",), file, line, problems):
                    kg.companies.append({k: str(v).strip() for k, v in record.items() if v is not None})
            elif name == "industry":
                if record.get("code") and record.get("name"):
                    kg.codes[str(record["code"]).strip()] = _fold(record["name"])
            elif name == "industry_industry":
                if _need(record, ("from_industry", "to_industry"), file, line, problems):
                    child, parent = _fold(record["from_industry"]), _fold(record["to_industry"])
                    kg.parents[child] = parent
                    for code_key, value in (("from_code", child), ("to_code", parent)):
                        if record.get(code_key):
                            kg.codes[str(record[code_key]).strip()] = value
            elif name == "company_industry":
                if _need(record, ("company_name", "industry_name"), file, line, problems):
                    kg.company_industries.setdefault(str(record["company_name"]).strip(), []).append(
                        _fold(record["industry_name"]))
            elif name == "company_product":
                if _need(record, ("company_name", "product_name"), file, line, problems):
                    kg.company_products.setdefault(str(record["company_name"]).strip(), []).append(
                        str(record["product_name"]).strip())
        kg.counts[name] = count
    if problems:
        raise SheetError(problems, str(root))
    return kg


@dataclass
class IndustryMapping:
    """Industries (by folded name or code) and product keywords -> (segment ids, confidence)."""

    industries: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    products: list[tuple[list[str], list[str]]] = field(default_factory=list)
    # industry -> every segment its companies may be in; a product placing a company in one of them decides alone
    spans: dict[str, list[str]] = field(default_factory=dict)

    def for_industry(self, industry: str, kg: ChainKG) -> tuple[list[str], str, str] | None:
        """(segments, confidence, the industry whose mapping applied), walking up 上级行业; None if unmapped."""
        seen: set[str] = set()
        current: str | None = industry
        while current and current not in seen:
            seen.add(current)
            if current in self.industries:
                segments, confidence = self.industries[current]
                return segments, confidence, current
            current = kg.parents.get(current)
        return None


def read_industry_mapping(path: str | Path | None, ds: Dataset) -> IndustryMapping:
    """Read a mapping file (default: the one chaingraph ships); unknown segments are reported with their line."""
    path = Path(path) if path is not None else default_mapping_path()
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SheetError([Problem(path.name, None, None, msg("cannot be read as YAML: {exc}",
                                                             exc=exc))], path.name) from exc
    lines = text.splitlines()

    def line_of(needle: str) -> int | None:
        return next((i for i, line in enumerate(lines, start=1) if needle in line), None)

    mapping = IndustryMapping()
    segments = ds.segments
    for entry in data.get("industries") or []:
        name = str(entry.get("name") or "")
        confidence = str(entry.get("confidence") or "guessed")
        targets = [str(s) for s in entry.get("segments") or []]
        spans = [str(s) for s in entry.get("spans") or []]
        where = line_of(f"name: {name}") if name else None
        if confidence not in CONFIDENCES:
            problems.append(Problem(path.name, where, "confidence", msg("{confidence!r}: use {CONFIDENCES}",
                                                                        confidence=confidence,
                                                                        CONFIDENCES=", ".join(CONFIDENCES))))
        for field_name, ids in (("segments", targets), ("spans", spans)):
            for segment in ids:
                if segment not in segments:
                    problems.append(Problem(path.name, where, field_name,
                                            msg("unknown segment {segment!r} in this dataset", segment=segment)))
        if not name and not entry.get("code"):
            problems.append(Problem(path.name, where, "name", msg("an industry needs a name or a code")))
        for key in (name, str(entry.get("code") or "")):
            if key:
                mapping.industries[_fold(key)] = (targets, confidence)
                if spans:
                    mapping.spans[_fold(key)] = list(dict.fromkeys(targets + spans))
    for entry in data.get("products") or []:
        words = [str(w) for w in entry.get("match") or []]
        targets = [str(s) for s in entry.get("segments") or []]
        for segment in targets:
            if segment not in segments:
                problems.append(Problem(path.name, line_of(segment), "segments",
                                        msg("unknown segment {segment!r} in this dataset", segment=segment)))
        mapping.products.append((words, targets))
    if problems:
        raise SheetError(problems, path.name)
    return mapping


def _segments_of(company: dict[str, str], kg: ChainKG, mapping: IndustryMapping) -> dict[str, tuple[str, str]]:
    """segment -> (confidence, evidence) for one company; products first (probable), then industries."""
    name = company["name"]
    found: dict[str, tuple[str, str]] = {}

    def offer(segment: str, confidence: str, evidence: str) -> None:
        old = found.get(segment)
        if old is None or _CONFIDENCE_RANK[confidence] < _CONFIDENCE_RANK[old[0]]:
            found[segment] = (confidence, evidence)

    for product in kg.company_products.get(name, []):
        for words, targets in mapping.products:
            if any(w and w.casefold() in product.casefold() for w in words):
                for segment in targets:
                    offer(segment, "probable", f"主营产品 {product}")
    by_product = set(found)
    for industry in kg.company_industries.get(name, []):
        folded = kg.codes.get(industry, industry)
        hit = mapping.for_industry(folded, kg)
        if hit is not None:
            targets, confidence, via = hit
            if by_product & set(mapping.spans.get(via, ())):
                # a coarse industry (轮胎轮毂, 车身附件及饰件) spans sibling segments: the product already said which
                continue
            label = industry if via == folded else f"{industry}（属 {via}）"
            for segment in targets:
                offer(segment, confidence, f"申万行业 {label}")
    return found


def plan_chainkg(dataset: str | Path, folder: str | Path, mapping: str | Path | None = None) -> ImportPlan:
    """What importing a ChainKnowledgeGraph copy into the dataset folder would change; nothing is written."""
    ds = load_dataset(dataset)
    kg = read_chainkg(folder)
    industry_mapping = read_industry_mapping(mapping, ds)
    changes: list[Change] = []
    if SOURCE_ID not in ds.sources:
        ds.sources[SOURCE_ID] = Source(
            id=SOURCE_ID, title="ChainKnowledgeGraph（A股上市公司产业链图谱，用户本地副本）", kind="list",
            url="https://github.com/liuhuanyong/ChainKnowledgeGraph",
            note="上市公司、申万行业、主营产品；chaingraph 不随附该数据，经 import-chainkg 映射为参考企业与环节关联")
        changes.append(Change("add", "source", SOURCE_ID, ds.sources[SOURCE_ID].title))
    matcher = FirmMatcher(ds.firms.values())
    taken = {rid for _, r in ds.iter_records() for rid in [getattr(r, "id", "")] if rid} | set(ds.segments)
    links = {(link.firm, link.segment) for link in ds.links}
    skipped = 0
    for number, company in enumerate(kg.companies, start=1):
        segments = _segments_of(company, kg, industry_mapping)
        if not segments:
            skipped += 1
            continue
        where = f"company.json:{number}"
        names = [company["name"], company.get("fullname", "")]
        firm, several = matcher.match([n for n in names if n])
        if several:
            firm = several[0]  # reference data: attach to the first match rather than refuse the whole import
        if firm is None:
            code = company.get("code", "")
            firm = Firm(id=new_id("ckg", code if code.isalnum() else company["name"], taken), name=company["name"],
                        legal_name=company.get("fullname", ""), country="CN", sources=[SOURCE_ID],
                        note=f"A股上市公司 {code}（{company.get('location', '')}）".replace("（）", ""))
            if code and code not in firm.names():
                firm.aliases.append(code)
            ds.firms[firm.id] = firm
            matcher.add(firm)
            changes.append(Change("add", "firm", firm.id, firm.name, where))
        for segment, (confidence, evidence) in segments.items():
            if (firm.id, segment) in links:
                continue
            links.add((firm.id, segment))
            ds.links.append(Link(firm=firm.id, segment=segment, confidence=confidence, sources=[SOURCE_ID],
                                 evidence=evidence))
            if SOURCE_ID not in firm.sources:
                firm.sources.append(SOURCE_ID)
            seg = ds.segments[segment]
            changes.append(Change("add", "link", f"{firm.id} -> {segment}",
                                  f"{firm.name} 在 {seg.name}（{confidence}）", where,
                                  label_en=f"{firm.name} in {seg.name_en or seg.name} ({confidence})"))
    return ImportPlan(source=str(folder), rows=len(kg.companies), changes=changes, ignored_columns=[], dataset=ds,
                      skipped=skipped)


def import_chainkg(dataset: str | Path, folder: str | Path, mapping: str | Path | None = None,
                   dry_run: bool = False, wait: float | None = None) -> ImportPlan:
    """Import a ChainKnowledgeGraph copy into a dataset folder, atomically (unless ``dry_run``).

    Holds the dataset lock (waiting up to ``wait`` seconds) from reading the dataset to writing it.
    """
    if dry_run:
        return plan_chainkg(dataset, folder, mapping)
    with dataset_lock(dataset, wait):
        plan = plan_chainkg(dataset, folder, mapping)
        if plan.changed:
            apply_dataset_changes(plan.dataset, dataset, files=("sources.csv", "firms.csv", "links.csv"), wait=wait)
            plan.applied = True
    return plan
