"""The review loop: classify a registry, write a review workbook, read the planner's decisions back in.

:func:`propose` runs the classifier over a registry and drops what the dataset already knows: links it already
has (the firm matched by credit code or name) and links a planner rejected before (``rejections.csv``).
:func:`write_review` writes the workbook: sheet 挂链建议 (one row per proposed link, 采纳 pre-filled 是 for
confirmed links), 未挂链 (firms linked to nothing, with the reason), 未匹配地址 (addresses placed nowhere) and
汇总 (counts). :func:`apply_review` reads the 采纳 column (是 = accept, 否 = reject, empty = decide later) and
changes the dataset atomically: accepted links come in with their firm, rejected ones go to rejections.csv and
are never proposed again. :func:`apply_proposals` does the same without a workbook (``import --classify``).

Spreadsheet cells that begin like a formula (= + - @, tab, CR) are written with a leading apostrophe so that
no spreadsheet program runs them.
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dataset.locking import dataset_lock
from ..dataset.model import Firm, Link, Rejection, Source
from ..dataset.store import Dataset, normalize_name
from ..errors import ExportError, Problem
from ..messages import message_of, msg
from ..safety import is_formula_like, xlsx_text
from .classify import Classifier, FirmResult, NoLinkReason, confidence_at_least, firm_keys, reason_code, reason_text
from .places import PlaceMatcher
from .registry import Registry, RegistryRow, read_registry
from .sheets import Change, FirmMatcher, ImportPlan, SheetError, apply_dataset_changes, new_id

__all__ = [
    "REVIEW_SHEET",
    "REVIEW_COLUMNS",
    "Proposals",
    "propose",
    "write_review",
    "is_review_workbook",
    "read_review",
    "apply_review",
    "apply_proposals",
]

PROGRESS_EVERY = 500
"""Rows classified between two progress reports."""

REVIEW_SHEET = "挂链建议"
UNLINKED_SHEET = "未挂链"
ADDRESS_SHEET = "未匹配地址"
SUMMARY_SHEET = "汇总"
REVIEW_COLUMNS = ("采纳", "企业名称", "环节", "环节名称", "产业链", "置信度", "依据", "角色", "统一社会信用代码",
                  "注册地址", "所在地", "国别提示", "母品牌", "所属集团", "来源", "行")
UNLINKED_COLUMNS = ("采纳", "企业名称", "环节", "候选环节", "原因", "角色", "统一社会信用代码", "所在地", "国别提示",
                    "所属集团", "经营范围", "行业代码", "行")
"""未挂链: a planner who knows better writes a segment (one of the candidates, or any) and 是 to link the firm."""
_CONFIDENCE_CN = {"confirmed": "确定", "probable": "较可能", "guessed": "猜测"}
_ROLE_CN = {"producer": "生产", "seller": "销售", "servicer": "服务", "research": "研发", "investor": "投资控股",
            "recycler": "回收利用", "unknown": "不明"}
_YES = {"是", "y", "yes", "1", "✓", "√", "true", "采纳", "接受", "ok", "accept"}
_NO = {"否", "n", "no", "0", "×", "x", "false", "拒绝", "不采纳", "reject"}
ALREADY_LINKED = NoLinkReason("already_linked")

_SHEETS_EN = {REVIEW_SHEET: "Proposed links", UNLINKED_SHEET: "Not linked", ADDRESS_SHEET: "Unmatched addresses",
              SUMMARY_SHEET: "Summary"}
_HEADERS_EN = {
    "采纳": "accept", "企业名称": "firm name", "环节": "segment", "环节名称": "segment name", "产业链": "chain",
    "置信度": "confidence", "依据": "evidence", "角色": "role", "统一社会信用代码": "credit code",
    "注册地址": "registered address", "所在地": "region", "国别提示": "country hint", "母品牌": "brand",
    "所属集团": "group", "来源": "source", "行": "row", "原因": "reason", "候选环节": "candidate segments",
    "经营范围": "business scope", "行业代码": "industry code",
}
"""The review workbook's sheets and headers under ``--lang en``; :func:`read_review` reads either language."""
_HEADERS_ZH = {en: zh for zh, en in _HEADERS_EN.items()}
_YES_LABEL = {"zh": ("是", "否"), "en": ("yes", "no")}


def _sheet(name: str, lang: str) -> str:
    return _SHEETS_EN[name] if lang == "en" else name


def _headers(names: tuple[str, ...], lang: str) -> list[str]:
    return [_HEADERS_EN[n] if lang == "en" else n for n in names]


def _review_sheet(sheetnames: list[str], sheet: str = REVIEW_SHEET) -> str | None:
    """The proposals sheet (or another ``sheet``) of a review workbook in either language."""
    for name in (sheet, _SHEETS_EN[sheet]):
        if name in sheetnames:
            return name
    return None


def _canonical(header: str) -> str:
    """A review header in either language -> its Chinese name (the one the code reads by)."""
    return _HEADERS_ZH.get(header.casefold(), header)


def _summary_lines(lang: str) -> dict[str, str]:
    if lang != "en":
        return {}
    return {
        "企业名录": "registry", "生成时间": "written at", "读入企业（在业）": "firms read (active)",
        "跳过的注销、吊销企业": "deregistered or revoked firms skipped", "建议挂链的企业": "firms with proposed links",
        "未挂链的企业": "firms not linked",
        "建议链接：确定（已预填“是”）": "proposed links: confirmed (pre-filled yes)",
        "建议链接：较可能": "proposed links: probable", "建议链接：猜测": "proposed links: guessed",
        "数据集中已有、不再建议的链接": "links already in the dataset, not proposed again",
        "曾被拒绝、不再建议的链接": "links rejected before, not proposed again",
        "地址未能匹配到区域或园区的企业": "firms whose address matched no region or park", "怎么审核": "how to review",
    }


def _unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and len(text) > 1 and is_formula_like(text[1:]) else text


@dataclass
class Proposals:
    """The classifier's results for a registry, minus what the dataset already holds."""

    source: str
    results: list[FirmResult]
    regions: dict[int, str] = field(default_factory=dict)  # registry row -> region id
    groups: dict[int, str] = field(default_factory=dict)  # registry row -> group id
    unmatched_addresses: list[RegistryRow] = field(default_factory=list)
    known_links: int = 0
    rejected_links: int = 0
    deregistered: int = 0

    def rows(self, lang: str = "zh") -> list[dict[str, Any]]:
        """One row per proposed link, then one per firm linked to nothing (the CLI output contract).

        ``evidence`` and ``reason`` are written in ``lang``; ``evidence_codes`` and ``reason_code`` are the stable
        codes they are rendered from (:class:`~chaingraph.sources.classify.Evidence`,
        :class:`~chaingraph.sources.classify.NoLinkReason`)."""
        out = []
        for result in self.results:
            row = result.row
            assert row is not None
            base = {"name": result.name, "credit_code": row.credit_code, "role": result.role,
                    "region": self.regions.get(row.row, ""), "country_hint": row.country, "brand": row.brand,
                    "group": self.groups.get(row.row, ""), "row": str(row.row)}
            for proposal in result.proposals:
                out.append({"name": result.name, "segment": proposal.segment, "confidence": proposal.confidence,
                            "evidence": proposal.evidence_in(lang), "reason": "",
                            "primary": "yes" if proposal.primary else "no", **base,
                            "evidence_codes": proposal.evidence_codes, "reason_code": ""})
            if not result.proposals:
                reason = reason_text(result.reason, lang)
                out.append({"name": result.name, "segment": "", "confidence": "", "evidence": reason,
                            "reason": reason, "primary": "", **base, "evidence_codes": [],
                            "reason_code": reason_code(result.reason)})
        return out

    def counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        counts["firms"] = len(self.results)
        for result in self.results:
            if result.proposals:
                counts["linked"] += 1
            else:
                counts["known" if result.reason == ALREADY_LINKED else "unlinked"] += 1
            for proposal in result.proposals:
                counts[proposal.confidence] += 1
        return dict(counts)


def propose(dataset: Dataset, registry: Registry | str | Path,
            progress: Callable[[int, int], None] | None = None, reference: bool = True) -> Proposals:
    """Classify every row of a registry against ``dataset``'s templates; drop known and rejected links.

    ``reference=False`` leaves chaingraph's reference list of known firms out (the dataset's own firms still count;
    :mod:`chaingraph.sources.known`).

    ``progress(done, total)`` is called every :data:`PROGRESS_EVERY` rows and at the end (for a progress bar,
    :func:`chaingraph.cli.progress.progress_bar`)."""
    if not isinstance(registry, Registry):
        registry = read_registry(registry)
    rejected = {(key, r.segment) for r in dataset.rejections for key in firm_keys(r.name, r.credit_code)}
    classifier = Classifier(dataset, rejected=rejected, reference=reference)
    places = PlaceMatcher(dataset)
    matcher = FirmMatcher(dataset.firms.values())
    linked = {(link.firm, link.segment) for link in dataset.links}
    groups = [(normalize_name(n), g.id) for g in dataset.groups.values()
              for n in (g.name, g.name_en, *g.aliases) if n and len(normalize_name(n)) >= 2]
    out = Proposals(source=registry.source, results=[], deregistered=registry.deregistered)
    total = len(registry.rows)
    for done, row in enumerate(registry.rows):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        result = classifier.classify(row)
        before = len(result.proposals)
        out.rejected_links += result.rejected
        firm, _ = matcher.match([row.name], row.credit_code)
        if firm is not None:
            result.proposals = [p for p in result.proposals if (firm.id, p.segment) not in linked]
            out.known_links += before - len(result.proposals)
            if result.proposals and not any(p.primary for p in result.proposals):
                result.proposals[0].primary = True  # the main segment is linked already: the next one leads
            if before and not result.proposals:
                result.reason = ALREADY_LINKED
        place = places.match(row.address)
        if place is not None:
            out.regions[row.row] = place.region
        elif row.address:
            out.unmatched_addresses.append(row)
        brand = normalize_name(row.brand or row.name)
        for key, group_id in groups:
            if brand.startswith(key):
                out.groups[row.row] = group_id
                break
        out.results.append(result)
    if progress is not None:
        progress(total, total)
    return out


# --------------------------------------------------------------------------------------------- writing


def write_review(proposals: Proposals, dataset: Dataset, path: str | Path, lang: str = "zh") -> Path:
    """Write the review workbook to ``path`` (through a temporary file and a rename).

    ``lang="en"`` writes English sheet names, headers, labels, evidence and reasons (names from the data stay as
    written; segments and chains with a ``name_en`` show it); :func:`read_review` reads back either language."""
    en = lang == "en"
    yes, no = _YES_LABEL["en" if en else "zh"]
    import xlsxwriter

    path = Path(path)
    segments = dataset.segments
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise ExportError(msg("cannot write {path}: {strerror}", path=path, strerror=exc.strerror or exc)) from exc
    try:
        book = xlsxwriter.Workbook(tmp, {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False})
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        sheet = book.add_worksheet(_sheet(REVIEW_SHEET, lang))
        sheet.write_row(0, 0, _headers(REVIEW_COLUMNS, lang), bold)
        sheet.freeze_panes(1, 2)
        for column, width in enumerate((6, 30, 22, 16, 10, 8, 60, 8, 20, 30, 14, 8, 20, 12, 20, 6)):
            sheet.set_column(column, column, width)
        r = 0
        for result in proposals.results:
            row = result.row
            assert row is not None
            for proposal in result.proposals:
                r += 1
                segment = segments[proposal.segment]
                chain = dataset.chains[segment.chain]
                values = [yes if proposal.confidence == "confirmed" else "", result.name, proposal.segment,
                          (segment.name_en or segment.name) if en else segment.name,
                          (chain.name_en or chain.name) if en else chain.name,
                          proposal.confidence if en else _CONFIDENCE_CN[proposal.confidence],
                          proposal.evidence_in(lang), result.role if en else _ROLE_CN.get(result.role, result.role),
                          row.credit_code, row.address,
                          proposals.regions.get(row.row, ""), row.country, row.brand,
                          proposals.groups.get(row.row, ""), proposals.source, row.row]
                for column, value in enumerate(values):
                    if isinstance(value, int):
                        sheet.write_number(r, column, value)
                    else:
                        sheet.write_string(r, column, xlsx_text(str(value)))
        if r:
            sheet.data_validation(1, 0, r, 0, {"validate": "list", "source": [yes, no],
                                               "ignore_blank": True})
        sheet.autofilter(0, 0, max(r, 1), len(REVIEW_COLUMNS) - 1)

        unlinked = book.add_worksheet(_sheet(UNLINKED_SHEET, lang))
        unlinked.write_row(0, 0, _headers(UNLINKED_COLUMNS, lang), bold)
        unlinked.freeze_panes(1, 2)
        for column, width in enumerate((6, 30, 22, 30, 50, 8, 20, 14, 8, 12, 50, 16, 6)):
            unlinked.set_column(column, column, width)
        u = 0
        for result in proposals.results:
            row = result.row
            assert row is not None
            if result.proposals:
                continue
            u += 1
            # one candidate is written as the segment, so that 是 is all a planner who agrees has to write
            values = ["", result.name, result.candidates[0] if len(result.candidates) == 1 else "",
                      (", " if en else "、").join(result.candidates), reason_text(result.reason, lang),
                      result.role if en else _ROLE_CN.get(result.role, result.role), row.credit_code,
                      proposals.regions.get(row.row, ""), row.country, proposals.groups.get(row.row, ""),
                      row.scope[:200], row.industry]
            for column, value in enumerate(values):
                unlinked.write_string(u, column, xlsx_text(value))
            unlinked.write_number(u, len(values), row.row)
        if u:
            unlinked.data_validation(1, 0, u, 0, {"validate": "list", "source": [yes, no], "ignore_blank": True})
        unlinked.autofilter(0, 0, max(u, 1), len(UNLINKED_COLUMNS) - 1)

        addresses = book.add_worksheet(_sheet(ADDRESS_SHEET, lang))
        addresses.write_row(0, 0, _headers(("企业名称", "注册地址", "行"), lang), bold)
        addresses.set_column(0, 1, 40)
        for a, row in enumerate(proposals.unmatched_addresses, start=1):
            addresses.write_string(a, 0, xlsx_text(row.name))
            addresses.write_string(a, 1, xlsx_text(row.address))
            addresses.write_number(a, 2, row.row)

        summary = book.add_worksheet(_sheet(SUMMARY_SHEET, lang))
        summary.set_column(0, 0, 36)
        summary.set_column(1, 1, 60)
        counts = proposals.counts()
        lines: list[tuple[str, Any]] = [
            ("企业名录", proposals.source), ("生成时间", _dt.datetime.now().isoformat(timespec="seconds")),
            ("读入企业（在业）", counts.get("firms", 0)), ("跳过的注销、吊销企业", proposals.deregistered),
            ("建议挂链的企业", counts.get("linked", 0)), ("未挂链的企业", counts.get("unlinked", 0)),
            ("建议链接：确定（已预填“是”）", counts.get("confirmed", 0)),
            ("建议链接：较可能", counts.get("probable", 0)), ("建议链接：猜测", counts.get("guessed", 0)),
            ("数据集中已有、不再建议的链接", proposals.known_links),
            ("曾被拒绝、不再建议的链接", proposals.rejected_links),
            ("地址未能匹配到区域或园区的企业", len(proposals.unmatched_addresses)), ("", ""),
            ("怎么审核", "在“挂链建议”的“采纳”列填 是 或 否（空白 = 以后再定），也可改“环节”列；“未挂链”的企业"
                         "也可在“环节”列填环节（如候选环节之一）并在“采纳”列填 是；"
                         "然后运行 chaingraph --data 数据集 import 本文件" if not en else
             "write yes or no in the accept column of the Proposed links sheet (empty = decide later); the segment "
             "column may be changed too. A firm of the Not linked sheet is linked by writing a segment (one of its "
             "candidates, or any) and yes. Then run chaingraph --data DATASET import THIS-FILE"),
        ]
        labels = _summary_lines(lang)
        lines = [(labels.get(label, label), value) for label, value in lines]
        by_chain: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        for result in proposals.results:
            for proposal in result.proposals:
                chain = dataset.chains[segments[proposal.segment].chain]
                by_chain[(chain.name_en or chain.name) if en else chain.name] += 1
            if not result.proposals:
                text = reason_text(result.reason, lang)
                reasons[text.split(": ")[0].split(" (")[0] if en else text.split("：")[0].split("（")[0]] += 1
        if en:
            lines += [("", "")] + [(f"proposed links: {name} chain", n) for name, n in sorted(by_chain.items())]
            lines += [("", "")] + [(f"not linked: {reason}", n) for reason, n in reasons.most_common()]
        else:
            lines += [("", "")] + [(f"建议链接：{name}产业链", n) for name, n in sorted(by_chain.items())]
            lines += [("", "")] + [(f"未挂链：{reason}", n) for reason, n in reasons.most_common()]
        for i, (label, value) in enumerate(lines):
            summary.write_string(i, 0, label)
            if isinstance(value, int):
                summary.write_number(i, 1, value)
            else:
                summary.write_string(i, 1, xlsx_text(str(value)))
        book.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(msg("cannot write {path}: {strerror}", path=path, strerror=exc.strerror or exc)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# --------------------------------------------------------------------------------------------- reading


@dataclass
class Decision:
    """One reviewed row of 挂链建议."""

    row: int
    accept: bool | None  # None: not decided yet
    name: str
    segment: str
    confidence: str
    evidence: str
    credit_code: str
    region: str
    country: str
    group: str
    source: str
    sheet: str = REVIEW_SHEET


def is_review_workbook(path: str | Path) -> bool:
    """True when ``path`` is an .xlsx with a 挂链建议 sheet whose header has 采纳 and 环节 (or their English
    names: a Proposed links sheet with accept and segment)."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return False
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # not a workbook: the normal import reports it
        return False
    try:
        sheet = _review_sheet(book.sheetnames)
        if sheet is None:
            return False
        header = [_canonical(str(h).strip()) for h in next(book[sheet].iter_rows(max_row=1, values_only=True), ())
                  if h is not None]
        return "采纳" in header and "环节" in header
    finally:
        book.close()


def read_review(path: str | Path, problems: list[Problem] | None = None) -> list[Decision]:
    """The planner's decisions; :class:`~chaingraph.sources.sheets.SheetError` (sheet, row, column) for bad cells.

    Reads 挂链建议 and, when it has the 采纳 and 环节 columns, 未挂链 (a firm linked there by the planner: its link
    is a guess, with the classifier's reason as evidence). With a ``problems`` list, problems are added to it
    instead of raised (the caller checks more first).
    """
    import openpyxl

    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        raise SheetError([Problem(path.name, None, None, msg("not a readable .xlsx workbook: {exc}", exc=exc))],
                         path.name) from exc
    collect = problems is not None
    problems = problems if problems is not None else []
    decisions: list[Decision] = []
    try:
        sheet_name = _review_sheet(book.sheetnames) or REVIEW_SHEET
        decisions += _read_sheet(book, path, sheet_name, REVIEW_COLUMNS, problems, proposals=True)
        unlinked = _review_sheet(book.sheetnames, UNLINKED_SHEET)
        if unlinked is not None:  # older workbooks have no 采纳 there: nothing to read
            decisions += _read_sheet(book, path, unlinked, UNLINKED_COLUMNS, problems, proposals=False)
    finally:
        book.close()
    if problems and not collect:
        raise SheetError(problems, path.name)
    return decisions


def _read_sheet(book: Any, path: Path, sheet_name: str, columns: tuple[str, ...], problems: list[Problem],
                proposals: bool) -> list[Decision]:
    """The decisions of 挂链建议 (``proposals``) or 未挂链; a missing 采纳/企业名称/环节 column is an error only in
    挂链建议 (an older workbook's 未挂链 has none)."""
    where = f"{path.name}[{sheet_name}]"
    rows = book[sheet_name].iter_rows(values_only=True)
    written = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    header = [_canonical(h) for h in written]
    english = sheet_name in _SHEETS_EN.values() or ("采纳" not in written and "accept" in written)
    missing = [c for c in ("采纳", "企业名称", "环节") if c not in header]
    if missing:
        if not proposals:
            return []
        raise SheetError([Problem(where, 1, _HEADERS_EN[c] if english else c, msg("column is missing"))
                          for c in missing], path.name)
    index = {name: header.index(name) for name in columns if name in header}
    accept_column = "accept" if english else "采纳"
    decisions: list[Decision] = []
    for number, cells in enumerate(rows, start=2):
        def cell(name: str, cells: tuple[Any, ...] = cells) -> str:
            i = index.get(name)
            value = cells[i] if i is not None and i < len(cells) else None
            if value is None:
                return ""
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return _unneutralise(str(value).strip())

        if not any(v is not None and str(v).strip() for v in cells):
            continue
        raw = cell("采纳")
        if raw.startswith("="):
            problems.append(Problem(where, number, f"{accept_column} (A)",
                                    msg("holds a formula ({raw}): write 是 or 否", raw=raw[:20])))
            continue
        decision = raw.casefold()
        if decision and decision not in _YES and decision not in _NO:
            problems.append(Problem(where, number, accept_column, msg("{raw!r}: write 是 (accept), 否 (reject) or "
                                                                      "leave it empty", raw=raw)))
            continue
        if not proposals:
            if not decision or (decision in _NO and not cell("环节")):
                continue  # the classifier's own verdict, or the planner's agreeing 否: no link, nothing to remember
            if not cell("环节"):
                problems.append(Problem(where, number, "segment" if english else "环节",
                                        msg("is empty: write the segment to link the firm to (one of its candidates)")))
                continue
            confidence, evidence, source = "guessed", cell("原因"), ""
        else:
            confidence = {v: k for k, v in _CONFIDENCE_CN.items()}.get(cell("置信度"), cell("置信度").casefold())
            confidence = confidence if confidence in _CONFIDENCE_CN else "guessed"
            evidence, source = cell("依据"), cell("来源")
        decisions.append(Decision(
            row=number, accept=None if not decision else decision in _YES, name=cell("企业名称"),
            segment=cell("环节"), confidence=confidence, evidence=evidence,
            credit_code=cell("统一社会信用代码").upper(), region=cell("所在地"), country=cell("国别提示"),
            group=cell("所属集团"), source=source, sheet=sheet_name))
        if not decisions[-1].name:
            problems.append(Problem(where, number, "firm name" if english else "企业名称", msg("is empty")))
    return decisions


# --------------------------------------------------------------------------------------------- applying


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


REFERENCE_SOURCE_ID = "src-chaingraph-reference-firms"
"""The source a link imported on the strength of chaingraph's reference list cites (beside the registry)."""
_REFERENCE_MARKERS = ("参考企业库", "reference list")  # how the evidence names it (classify's known_* kinds)
_OUTSIDE_MARKERS = ("主业不在各产业链内", "lies outside the chains")  # ... unless it only says the firm is a look-alike


class _Applier:
    def __init__(self, dataset: Dataset, origin: str, source_title: str) -> None:
        self.ds = dataset
        self.origin = origin
        self.changes: list[Change] = []
        self.problems: list[Problem] = []
        self.matcher = FirmMatcher(dataset.firms.values())
        self.taken: set[str] = {rid for _, r in dataset.iter_records() for rid in [getattr(r, "id", "")] if rid}
        self.links = {(link.firm, link.segment) for link in dataset.links}
        self.rejections = {(key, r.segment) for r in dataset.rejections for key in firm_keys(r.name, r.credit_code)}
        self.source_id = self._source(source_title)

    def _source(self, title: str) -> str:
        for source in self.ds.sources.values():
            if source.title == title and source.kind == "registry":
                return source.id
        source_id = new_id("src", Path(title).stem, self.taken)
        self.ds.sources[source_id] = Source(id=source_id, title=title, kind="registry",
                                            note="企业名录，经 chaingraph classify 挂链、规划人员审核")
        self.changes.append(Change("add", "source", source_id, title))
        return source_id

    def _reference_source(self) -> str:
        if REFERENCE_SOURCE_ID not in self.ds.sources:
            self.ds.sources[REFERENCE_SOURCE_ID] = Source(
                id=REFERENCE_SOURCE_ID, title="chaingraph 参考企业库（chaingraph/data/reference-firms）",
                kind="reference", note="三条产业链龙头企业及其集团的环节，chaingraph 内置；见 docs/registry.md")
            self.taken.add(REFERENCE_SOURCE_ID)
            self.changes.append(Change("add", "source", REFERENCE_SOURCE_ID, "chaingraph reference-firms"))
        return REFERENCE_SOURCE_ID

    def segment(self, text: str, where: str, number: int) -> str | None:
        try:
            return self.ds.segment(text).id
        except Exception as exc:  # LookupFailed: a segment the planner typed that the templates lack
            self.problems.append(Problem(where, number, "环节", message_of(exc)))
            return None

    def accept(self, name: str, credit_code: str, segment: str, confidence: str, evidence: str, region: str,
               country: str, group: str, where: str) -> None:
        firm, several = self.matcher.match([name], credit_code)
        if several:
            self.problems.append(Problem(where.split(":")[0], None, "企业名称",
                                         msg("{name!r} matches several firms: {ids}", name=name,
                                             ids=", ".join(f.id for f in several))))
            return
        if firm is None:
            from ..countries import COUNTRY_CODES

            firm = Firm(id=new_id("firm", name, self.taken), name=name, legal_name=name,
                        credit_code=credit_code, sources=[self.source_id],
                        region=region if region in self.ds.regions else None,
                        country=country if country in COUNTRY_CODES else "",
                        group=group if group in self.ds.groups else None)
            self.ds.firms[firm.id] = firm
            self.matcher.add(firm)
            self.changes.append(Change("add", "firm", firm.id, name, where))
        if (firm.id, segment) in self.links:
            return
        self.links.add((firm.id, segment))
        sources = [self.source_id]
        if any(marker in evidence for marker in _REFERENCE_MARKERS) and \
                not any(marker in evidence for marker in _OUTSIDE_MARKERS):
            # the link rests on chaingraph's reference list of known firms: it is cited beside the registry
            sources.append(self._reference_source())
        self.ds.links.append(Link(firm=firm.id, segment=segment, confidence=confidence, sources=sources,
                                  evidence=_short(evidence)))
        seg = self.ds.segments[segment]
        self.changes.append(Change("add", "link", f"{firm.id} -> {segment}", f"{name} 在 {seg.name}", where,
                                   label_en=f"{name} in {seg.name_en or seg.name}"))

    def reject(self, name: str, credit_code: str, segment: str, where: str) -> None:
        keys = firm_keys(name, credit_code)
        if any((key, segment) in self.rejections for key in keys):
            return
        self.rejections |= {(key, segment) for key in keys}
        self.ds.rejections.append(Rejection(name=name, segment=segment, credit_code=credit_code,
                                            reason="审核未采纳", source=self.source_id))
        self.changes.append(Change("add", "rejection", f"{name} -> {segment}", f"{name} 不在 {segment}", where,
                                   label_en=f"{name} not in {segment}"))

    def finish(self, root: Path, dry_run: bool, rows: int, skipped: int, skipped_what: str,
               wait: float | None = None) -> ImportPlan:
        if self.problems:
            raise SheetError(self.problems, self.origin)
        plan = ImportPlan(source=self.origin, rows=rows, changes=self.changes, ignored_columns=[], dataset=self.ds,
                          skipped=skipped, skipped_what=skipped_what)
        if not dry_run and any(c.action == "add" and c.kind != "source" for c in self.changes):
            apply_dataset_changes(self.ds, root, ("sources.csv", "firms.csv", "links.csv", "rejections.csv"), wait=wait)
            plan.applied = True
        elif not any(c.kind != "source" for c in self.changes):
            plan.changes = []
        return plan


def apply_review(dataset: str | Path, workbook: str | Path, dry_run: bool = False,
                 wait: float | None = None) -> ImportPlan:
    """Apply the decisions of a review workbook to the dataset folder, atomically.

    Accepted rows add the firm (if new) and the link; rejected rows go to rejections.csv; rows left empty are
    counted in ``skipped`` and will be proposed again by the next ``classify``. Unless ``dry_run``, the dataset
    lock is held from reading the dataset to the last file written (waiting up to ``wait`` seconds).
    """
    root = Path(dataset)
    with nullcontext() if dry_run else dataset_lock(root, wait):
        return _apply_review(root, Path(workbook), dry_run, wait)


def _apply_review(root: Path, path: Path, dry_run: bool, wait: float | None) -> ImportPlan:
    from ..dataset.reader import load_dataset

    problems: list[Problem] = []
    decisions = read_review(path, problems)
    ds = load_dataset(root)
    sources = Counter(d.source for d in decisions if d.source)
    title = sources.most_common(1)[0][0] if sources else path.name
    applier = _Applier(ds, path.name, title)
    applier.problems += problems
    undecided = 0
    for d in decisions:
        where = f"{path.name}[{d.sheet}]:{d.row}"
        if d.accept is None:
            undecided += 1
            continue
        segment = applier.segment(d.segment, f"{path.name}[{d.sheet}]", d.row)
        if segment is None:
            continue
        if d.accept:
            applier.accept(d.name, d.credit_code, segment, d.confidence, d.evidence, d.region, d.country, d.group,
                           where)
        else:
            applier.reject(d.name, d.credit_code, segment, where)
    return applier.finish(root, dry_run, len(decisions), undecided,
                         msg("left undecided, proposed again next time"), wait)


def apply_proposals(dataset: str | Path, registry: str | Path, min_confidence: str = "probable",
                    dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    wait: float | None = None, reference: bool = True) -> ImportPlan:
    """Classify a registry and accept every proposal at ``min_confidence`` or better, in one step (under the
    dataset lock unless ``dry_run``)."""
    root = Path(dataset)
    with nullcontext() if dry_run else dataset_lock(root, wait):
        return _apply_proposals(root, Path(registry), min_confidence, dry_run, progress, wait, reference)


def _apply_proposals(root: Path, path: Path, min_confidence: str, dry_run: bool,
                     progress: Callable[[int, int], None] | None,
                     wait: float | None, reference: bool = True) -> ImportPlan:
    from ..dataset.reader import load_dataset

    ds = load_dataset(root)
    proposals = propose(ds, path, progress=progress, reference=reference)
    applier = _Applier(ds, path.name, path.name)
    left = 0
    for result in proposals.results:
        row = result.row
        assert row is not None
        for proposal in result.proposals:
            if not confidence_at_least(proposal.confidence, min_confidence):
                left += 1
                continue
            applier.accept(result.name, row.credit_code, proposal.segment, proposal.confidence,
                           proposal.evidence_text, proposals.regions.get(row.row, ""), row.country,
                           proposals.groups.get(row.row, ""),
                           f"{path.name}[{row.sheet}]:{row.row}" if row.sheet else f"{path.name}:{row.row}")
    return applier.finish(root, dry_run, len(proposals.results), left,
                         msg("proposals below {min_confidence} not imported", min_confidence=min_confidence), wait)
