"""Spreadsheets in: firms and projects from a planner's .xlsx or .csv into a dataset folder (``chaingraph import``).

Planners keep their lists in Excel with Chinese headers (企业名称, 统一社会信用代码, 所属环节, 所在园区, 总投资,
注册资本, 国别, 签约时间, 项目状态 ...). :func:`plan_import` reads such a file, validates every row and either
raises :class:`SheetError` listing every problem with its sheet, row and column, or returns an
:class:`ImportPlan`: what would be added or updated. :func:`import_sheet` applies the plan atomically (the
dataset folder is swapped in whole, and only after the result loads without a problem).

A firm already in the dataset is never added twice: a row matches a firm by 统一社会信用代码 first, then by
normalised name, legal name and aliases. Matching rows fill the firm's empty fields and add new aliases; a
different non-empty value is kept and reported. A row with project columns (项目名称, 总投资, 签约时间, 项目状态 ...)
becomes a project of that firm in its segments; a row without them says the firm operates in its segments
(links.csv).

Projects' histories become events (events.csv, docs/time.md): on a project row, 签约时间, 开工时间 and 试生产时间
give signed, started and trial events (a date later than the row's 项目状态 reaches, or later than today, is a plan
and gives none), and 状态日期 dates the status itself (投产 on 2024-10-11). A sheet with 项目 and 事件 columns and
no firm name column is an **events sheet**: each row is one event (项目, 事件, 日期, 来源, 金额, 原文). An event
already recorded is not added twice; one that contradicts the recorded history (another date for the same step,
operating before signed, anything after a cancellation) is a problem naming its row, and nothing is written.

Headers that are not recognised can be mapped with a YAML file::

    columns:                 # header as written -> field (see FIELDS)
      公司: name
      投资额: investment
    units:                   # unit of bare numbers in a column
      投资额: 万美元
    defaults:                # value for a field when the row leaves it empty
      region: pinghu-etdz
    sheets: [企业清单]        # only these sheets (default: every sheet with a name column)

Examples
--------
>>> canonical_header("总投资（万美元）")
('investment', '万美元')
>>> credit_code_problem("91330482MA2JDKJ17A") is None
True
>>> credit_code_problem("91330482MA2JDKJ17B")
"check character is 'B', expected 'A': a digit is probably mistyped"
"""

from __future__ import annotations

import codecs
import copy
import csv
import datetime as _dt
import hashlib
import io
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..countries import COUNTRY_CODES, COUNTRY_NAMES_ZH
from ..dataset.events import (
    EVENT_STATUS,
    STAGE_ORDER,
    STATUS_EVENT,
    STATUS_RANK,
    order_problems,
    recorded_steps,
    same_step,
    sorted_events,
    status_as_of,
)
from ..dataset.journal import Transaction
from ..dataset.locking import dataset_lock
from ..dataset.model import (
    Citation,
    Firm,
    Link,
    PartialDate,
    Project,
    ProjectEvent,
    Quantity,
    Source,
    parse_bool,
    parse_date,
    parse_quantity,
)
from ..dataset.reader import _Checker as _YamlChecker
from ..dataset.reader import load_dataset
from ..dataset.store import Dataset, normalize_name
from ..errors import DatasetError, LookupFailed, ParseError, Problem
from ..labels import EVENT_LABELS
from ..limits import (
    MAX_CELL_CHARS,
    MAX_SHEET_BYTES,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNCOMPRESSED_BYTES,
    human_bytes,
)
from ..messages import Message, message_of, msg, noun
from ..safety import CONTROL_RE, fragment, text_issues

__all__ = [
    "FIELDS",
    "HEADER_ALIASES",
    "SheetError",
    "Change",
    "ImportPlan",
    "SheetMapping",
    "canonical_header",
    "credit_code_problem",
    "read_mapping",
    "plan_import",
    "import_sheet",
    "apply_dataset_changes",
    "FirmMatcher",
]

# field -> headers planners write (compared after NFKC, case folding and removing spaces)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "企业", "公司名称", "公司", "企业名", "名称", "name", "firm"),
    "legal_name": ("企业全称", "工商登记名称", "注册名称", "登记名称", "全称", "legal_name"),
    "name_en": ("英文名称", "英文名", "name_en"),
    "aliases": ("简称", "企业简称", "别名", "曾用名", "aliases"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "credit_code"),
    "chain": ("所属产业链", "产业链", "chain"),
    "segments": ("所属环节", "产业链环节", "环节", "所属链条环节", "segments", "segment"),
    "region": ("所在园区", "园区", "所在地区", "所在地", "落户园区", "区域", "region", "park"),
    "country": ("国别", "投资国别", "资本来源国", "来源国", "国家", "country"),
    "group": ("所属集团", "母公司", "集团", "group"),
    "size": ("企业规模", "规模", "size"),
    "fortune500": ("世界500强", "是否世界500强", "fortune500"),
    "headquarters": ("总部", "总部所在地", "headquarters"),
    "note": ("备注", "说明", "note"),
    "project": ("项目名称", "项目", "project"),
    "kind": ("项目类型", "项目性质", "kind"),
    "status": ("项目状态", "状态", "进展", "status"),
    "date": ("签约时间", "签约日期", "落户时间", "date"),
    "start_date": ("开工时间", "开工日期", "start_date"),
    "trial_date": ("试生产时间", "投产时间", "trial_date"),
    "investment": ("总投资", "总投资额", "投资额", "投资总额", "investment"),
    "registered_capital": ("注册资本", "registered_capital"),
    "fixed_asset_investment": ("固定资产投资", "fixed_asset_investment"),
    "capital_increase": ("增资", "增资额", "capital_increase"),
    "area_mu": ("用地面积", "用地", "占地面积", "供地面积", "area_mu"),
    "expected_output": ("预计产值", "达产产值", "预计年产值", "expected_output"),
    # a project's history (events.csv): a status date on a project sheet, or an events sheet
    "status_date": ("状态日期", "状态时间", "进展日期", "进展时间", "status_date"),
    "event": ("事件", "事件类型", "进展事件", "项目事件", "event"),
    "event_date": ("事件日期", "事件时间", "日期", "时间", "发生日期", "event_date"),
    "amount": ("金额", "事件金额", "amount"),
    "source": ("来源", "信息来源", "出处", "来源链接", "source"),
    "evidence": ("原文", "依据", "摘录", "evidence"),
}
FIELDS = tuple(HEADER_ALIASES)
PROJECT_FIELDS = ("project", "kind", "status", "date", "start_date", "trial_date", "investment", "registered_capital",
                  "fixed_asset_investment", "capital_increase", "area_mu", "expected_output", "status_date")
EVENT_SHEET_FIELDS = ("project", "event")
"""A sheet with these columns (and no firm name column) is an events sheet: one project event per row."""
MONEY_FIELDS = ("investment", "registered_capital", "fixed_asset_investment", "capital_increase", "expected_output")

_STATUS = {"签约": "signed", "已签约": "signed", "落户": "signed", "已落户": "signed", "在谈": None,
           "在建": "under_construction", "开工": "under_construction", "已开工": "under_construction",
           "试生产": "trial", "试产": "trial", "投产": "operating", "已投产": "operating", "运营": "operating",
           "达产": "operating", "取消": "cancelled", "终止": "cancelled", "已取消": "cancelled"}
_EVENT = {"签约": "signed", "落户": "signed", "签约落户": "signed", "开工": "started", "动工": "started",
          "开工建设": "started", "在建": "started", "试生产": "trial", "试产": "trial", "投产": "operating",
          "正式投产": "operating", "运营": "operating", "达产": "operating", "取消": "cancelled", "终止": "cancelled",
          "增资": "capital_increase", "增资扩股": "capital_increase"}
_EVENT_CN = EVENT_LABELS["zh"]
_STATUS_RANK = {"signed": 0, "under_construction": 1, "trial": 2, "operating": 3, "cancelled": 3}
_URL_RE = re.compile(r"https?://[^\s]+", re.IGNORECASE)
_SIZE = {"龙头": "leader", "链主": "leader", "大型": "large", "大": "large", "中型": "medium", "中": "medium",
         "小型": "small", "小": "small", "小微": "small"}
_KIND = {"新建": "new", "新引进": "new", "新设": "new", "增资": "expansion", "扩建": "expansion",
         "技改": "expansion", "增资扩建": "expansion"}
_COUNTRY = {name: code for code, name in COUNTRY_NAMES_ZH.items()} | {
    "台湾": "TW", "中国台湾地区": "TW", "香港": "HK", "中国香港特别行政区": "HK", "中国大陆": "CN", "内资": "CN",
    "国内": "CN", "澳门": "MO", "中国澳门": "MO", "澳大利亚": "AU", "马来西亚": "MY", "越南": "VN"}
_MONEY_UNIT_RE = re.compile(r"^(万|亿|千|百万|千万)?(人民币|美元|欧元|日元|港元|港币|英镑|韩元|元)$")
_SPLIT_RE = re.compile(r"[、,，;；|/\n]+")
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class SheetError(DatasetError):
    """A spreadsheet (or its mapping file) has problems; ``problems`` lists every one with sheet, row, column."""

    def __init__(self, problems: list[Problem], source: str) -> None:
        super().__init__(problems, root=source)

    def head(self) -> Message:
        count = len(self.problems)
        return msg("{path}: {count} problem{s}", path=self.root, count=count, s="s" if count != 1 else "")


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


_HEADER_INDEX = {_fold(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}


def canonical_header(header: str) -> tuple[str | None, str | None]:
    """The field a header stands for and the unit its parentheses give: ``总投资（万美元）`` -> investment, 万美元."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    unit = None
    match = re.fullmatch(r"(.*?)\s*[(\[]\s*([^)\]]*?)\s*[)\]]\s*", text)
    if match:
        text, unit = match.group(1), match.group(2) or None
    return _HEADER_INDEX.get(_fold(text)), unit


def credit_code_problem(code: str) -> str | None:
    """Why a 统一社会信用代码 is malformed (GB 32100-2015: 18 characters and a check character), else None.

    >>> credit_code_problem("12345")
    'a credit code has 18 characters, not 5'
    """
    if len(code) != 18:
        return msg("a credit code has 18 characters, not {count}", count=len(code))
    bad = sorted({c for c in code if c not in _CREDIT_CHARS})
    if bad:
        return msg("a credit code has no {bad!r} (digits and capitals except I O Z S V)", bad="".join(bad))
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    expected = _CREDIT_CHARS[(31 - total % 31) % 31]
    if code[17] != expected:
        return msg("check character is {given!r}, expected {expected!r}: a digit is probably mistyped",
                   given=code[17], expected=expected)
    return None


# --------------------------------------------------------------------------------------------- mapping


@dataclass
class SheetMapping:
    """How to read a spreadsheet whose headers chaingraph does not know (see the module docstring)."""

    columns: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)


def read_mapping(path: str | Path | None) -> SheetMapping:
    """Read a mapping YAML file; ``None`` gives the empty mapping. Problems raise :class:`SheetError`."""
    if path is None:
        return SheetMapping()
    path = Path(path)
    problems: list[Problem] = []
    checker = _YamlChecker(path.parent)  # the dataset's own guarded YAML reading: limits, depth, aliases
    data = checker.read_yaml(path.name, required=True)
    if checker.problems:
        raise SheetError([p for p in checker.problems if p.is_error] or checker.problems, path.name)
    if not isinstance(data, dict):
        raise SheetError([Problem(path.name, None, None, msg("must be a mapping with columns/units/defaults/sheets"))],
                         path.name)
    mapping = SheetMapping()
    for key in data:
        if key not in ("columns", "units", "defaults", "sheets"):
            problems.append(Problem(path.name, None, str(key), msg("unknown key; use columns, units, defaults, sheets",
                                                                   )))
    for key in ("columns", "units", "defaults"):
        if data.get(key) is not None and not isinstance(data.get(key), dict):
            problems.append(Problem(path.name, None, key, msg("must be a mapping of header: value")))
    if problems:
        raise SheetError(problems, path.name)
    for header, target in (data.get("columns") or {}).items():
        if target not in FIELDS:
            problems.append(Problem(path.name, None, f"columns.{header}",
                                    msg("unknown field {target}; fields: {FIELDS}",
                                        target=fragment(target), FIELDS=", ".join(FIELDS))))
        else:
            mapping.columns[_fold(str(header))] = str(target)
    for header, unit in (data.get("units") or {}).items():
        mapping.units[_fold(str(header))] = str(unit)
    for name, value in (data.get("defaults") or {}).items():
        if name not in FIELDS:
            problems.append(Problem(path.name, None, f"defaults.{name}", msg("unknown field {name}",
                                                                             name=fragment(name))))
        else:
            mapping.defaults[str(name)] = str(value)
    sheets = data.get("sheets") or []
    mapping.sheets = [str(s) for s in (sheets if isinstance(sheets, list) else [sheets])]
    if problems:
        raise SheetError(problems, path.name)
    return mapping


# --------------------------------------------------------------------------------------------- reading cells


@dataclass
class Cell:
    value: Any
    column: str  # spreadsheet column letter (A, B, ...)
    header: str
    unit: str | None = None


@dataclass
class SheetRow:
    sheet: str | None
    row: int
    cells: dict[str, Cell]
    events: bool = False  # a row of an events sheet (one project event)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _refuse(path: Path, message: str, line: int | None = None, field_name: str | None = None) -> SheetError:
    return SheetError([Problem(path.name, line, field_name, message)], path.name)


def _check_xlsx_sizes(path: Path) -> None:
    """Refuse a zip bomb from the sizes the archive declares, before anything is decompressed."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO:
                    raise _refuse(path, msg("part {filename} expands {ratio:.0f}-fold to "
                                            "{file_size} (limit {MAX_XLSX_RATIO}-fold): refused as a "
                                            "possible zip bomb",
                                            filename=fragment(info.filename), ratio=ratio,
                                            file_size=human_bytes(info.file_size), MAX_XLSX_RATIO=MAX_XLSX_RATIO))
            if total > MAX_XLSX_UNCOMPRESSED_BYTES:
                raise _refuse(path, msg("expands to {total}, over the limit of "
                                        "{MAX_XLSX_UNCOMPRESSED_BYTES}",
                                        total=human_bytes(total),
                                        MAX_XLSX_UNCOMPRESSED_BYTES=human_bytes(MAX_XLSX_UNCOMPRESSED_BYTES)))
            for info in archive.infolist():
                # a row takes at least ~10 bytes of XML: only a part that large can hold too many rows
                if info.filename.startswith("xl/worksheets/") and info.file_size > MAX_SHEET_ROWS * 10:
                    rows = _count_rows(archive, info)
                    if rows > MAX_SHEET_ROWS:
                        raise _refuse(path, msg("a sheet ({filename}) has more than {MAX_SHEET_ROWS:,} "
                                                "rows (the limit)",
                                                filename=fragment(info.filename), MAX_SHEET_ROWS=MAX_SHEET_ROWS))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse(path, msg("not a readable .xlsx workbook ({type_name})",
                                type_name=type(exc).__name__)) from exc


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _count_rows(archive: Any, info: Any) -> int:
    """Rows of a worksheet part, counted on the decompressed stream (far cheaper than parsing them)."""
    count, tail = 0, b""
    with archive.open(info) as handle:
        while count <= MAX_SHEET_ROWS:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            data = tail + chunk
            count += len(_ROW_TAG.findall(data, 0, len(data) - 16)) if len(data) > 16 else 0
            tail = data[-16:] if len(data) > 16 else data
    if tail:
        count += len(_ROW_TAG.findall(tail))
    return count


def _merged_ranges(book: Any, sheet: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range of a read-only sheet (0-based columns)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    archive = getattr(book, "_archive", None)
    part = getattr(sheet, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    ranges = []
    with archive.open(part) as handle:
        for _, element in iterparse(handle):
            if element.tag.endswith("}mergeCell") or element.tag == "mergeCell":
                try:
                    min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                except (ValueError, TypeError):
                    continue
                if None not in (min_col, min_row, max_col, max_row):
                    ranges.append((min_row, min_col - 1, max_row, max_col - 1))  # type: ignore[operator]
            element.clear()
    return ranges


def _fill_merged(rows: list[tuple[int, list[Any]]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Give the value of a merged range's first cell to every cell of the range (as Excel shows it)."""
    by_number = {number: cells for number, cells in rows}
    for min_row, min_col, max_row, max_col in ranges:
        first = by_number.get(min_row)
        if first is None or min_col >= len(first):
            continue
        value = first[min_col]
        for number in range(min_row, min(max_row, min_row + MAX_SHEET_ROWS) + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            for column in range(min_col, min(max_col, MAX_SHEET_COLUMNS) + 1):
                if column >= len(cells):
                    cells.extend([None] * (column + 1 - len(cells)))
                if cells[column] is None:
                    cells[column] = value


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text without a byte-order mark, else None.

    UTF-8 and GB18030 text never hold a NUL byte; in UTF-16 every ASCII character (separators, digits, line ends)
    has one, always on the same side of its pair.
    """
    head = raw[:2000]
    head = head[:len(head) - len(head) % 2]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    if odd >= 2 and even == 0:
        return "utf-16-le"
    if even >= 2 and odd == 0:
        return "utf-16-be"
    return None


def _decode_text(name: str, raw: bytes) -> str:
    """A CSV's text: UTF-16 (with a byte-order mark, as Excel's "Unicode text" saves it, or without), else UTF-8
    (with or without BOM), else GB18030 (Excel's "CSV" on Chinese Windows)."""
    candidates: tuple[str, ...]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        utf16 = _utf16_without_bom(raw)
        candidates = (utf16,) if utf16 else ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError([Problem(name, None, None, msg("cannot read the text as {candidates}: save it as "
                                                    "UTF-8 CSV or .xlsx", candidates=" or ".join(candidates)))], name)


def _read_table(path: Path) -> Iterator[tuple[str | None, list[tuple[int, list[Any]]]]]:
    """(sheet name or None for CSV, [(row number, cells)]) for every sheet, within the limits of chaingraph.limits."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise _refuse(path, msg("unsupported file type: save it as .xlsx or .csv "
                                "(Excel: 文件 > 另存为 > Excel 工作簿 .xlsx)"))
    try:
        info = path.stat()
    except OSError as exc:
        raise _refuse(path, msg("cannot be read: {strerror}", strerror=exc.strerror or exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, msg("is not a regular file (a device, pipe or folder): refused"))
    if info.st_size > MAX_SHEET_BYTES:
        raise _refuse(path, msg("is {st_size}, over the limit of {MAX_SHEET_BYTES}",
                                st_size=human_bytes(info.st_size), MAX_SHEET_BYTES=human_bytes(MAX_SHEET_BYTES)))
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        _check_xlsx_sizes(path)
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise _refuse(path, msg("not a readable .xlsx workbook: {exc}", exc=fragment(exc, 120))) from exc
        try:
            for sheet in book.worksheets:
                declared = getattr(sheet, "max_row", None)
                if isinstance(declared, int) and declared > MAX_SHEET_ROWS:
                    raise _refuse(path, msg("sheet {title} declares {declared:,} rows, over the limit "
                                            "of {MAX_SHEET_ROWS:,} rows per sheet",
                                            title=fragment(sheet.title), declared=declared,
                                            MAX_SHEET_ROWS=MAX_SHEET_ROWS))
                rows: list[tuple[int, list[Any]]] = []
                try:
                    # no max_col: openpyxl would pad every row to it
                    for i, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                        if i > MAX_SHEET_ROWS:
                            raise _refuse(path, msg("sheet {title} has more than {MAX_SHEET_ROWS:,} "
                                                    "rows (the limit)",
                                                    title=fragment(sheet.title), MAX_SHEET_ROWS=MAX_SHEET_ROWS))
                        rows.append((i, list(values[:MAX_SHEET_COLUMNS])))
                    _fill_merged(rows, _merged_ranges(book, sheet))
                except SheetError:
                    raise
                except Exception as exc:  # a damaged part inside a readable archive
                    raise _refuse(path, msg("sheet {title} cannot be read: {exc}",
                                            title=fragment(sheet.title), exc=fragment(exc, 120))) \
                        from exc
                yield sheet.title, rows
        finally:
            book.close()
        return
    text = _decode_text(path.name, path.read_bytes())
    first = text.split("\n", 1)[0]
    # Excel's "Unicode text" (UTF-16) is tab-separated
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            if len(rows) >= MAX_SHEET_ROWS:
                raise _refuse(path, msg("more than {MAX_SHEET_ROWS:,} rows (the limit)",
                                        MAX_SHEET_ROWS=MAX_SHEET_ROWS), reader.line_num)
            rows.append((reader.line_num, cells[:MAX_SHEET_COLUMNS]))
    except csv.Error as exc:
        message = (msg("a cell is longer than {MAX_CELL_CHARS:,} characters (the limit): is a quote left open?",
                       MAX_CELL_CHARS=MAX_CELL_CHARS) if "field larger" in str(exc) else
                   msg("not valid CSV: {exc}", exc=exc))
        raise _refuse(path, message, reader.line_num) from exc
    yield None, rows


def _header_fields(cells: list[Any], mapping: SheetMapping) -> dict[int, tuple[str, str, str | None]]:
    found: dict[int, tuple[str, str, str | None]] = {}
    for index, value in enumerate(cells):
        if value is None or not str(value).strip():
            continue
        header = str(value).strip()
        target = mapping.columns.get(_fold(header))
        field_name, unit = (target, None) if target else canonical_header(header)
        unit = mapping.units.get(_fold(header), unit)
        if field_name:
            found[index] = (field_name, header, unit)
    return found


def read_rows(path: Path, mapping: SheetMapping, problems: list[Problem]) -> tuple[list[SheetRow], list[str]]:
    """Every non-empty data row of every sheet that has a name column, and the headers that were ignored."""
    rows: list[SheetRow] = []
    ignored: list[str] = []
    sheets_with_names = 0
    for sheet, table in _read_table(path):
        if mapping.sheets and sheet is not None and sheet not in mapping.sheets:
            continue
        header_at = None
        events_sheet = False
        for position, (_, cells) in enumerate(table[:10]):
            names = {f for f, _, _ in _header_fields(cells, mapping).values()}
            if "name" in names or set(EVENT_SHEET_FIELDS) <= names:
                header_at, events_sheet = position, "name" not in names
                break
        if header_at is None:
            continue
        sheets_with_names += 1
        header_cells = table[header_at][1]
        fields = _header_fields(header_cells, mapping)
        seen: dict[str, str] = {}
        for index, (field_name, header, _) in fields.items():
            if field_name in seen:
                problems.append(Problem(_where(path, sheet), table[header_at][0], f"{header} ({_letter(index)})",
                                        msg("column says {field_name} like {seen!r}: keep one of them",
                                            field_name=field_name, seen=seen[field_name])))
            seen[field_name] = header
        ignored += [str(v).strip() for i, v in enumerate(header_cells)
                    if i not in fields and v is not None and str(v).strip()]
        for number, cells in table[header_at + 1:]:
            values = {f: Cell(cells[i], _letter(i), h, u) for i, (f, h, u) in fields.items()
                      if i < len(cells) and cells[i] is not None and str(cells[i]).strip() != ""}
            bad = [c for c in values.values() if isinstance(c.value, str) and CONTROL_RE.search(c.value)]
            for cell in bad:
                char = CONTROL_RE.search(cell.value).group()  # type: ignore[union-attr]
                problems.append(Problem(_where(path, sheet), number, f"{cell.header} ({cell.column})",
                                        msg("holds control character U+{ord:04X}: remove it", ord=ord(char))))
            if bad:
                continue
            if values:
                rows.append(SheetRow(sheet, number, values, events_sheet))
    if not sheets_with_names:
        known = "、".join(HEADER_ALIASES["name"][:4])
        problems.append(Problem(path.name, None, None, msg("no sheet has a firm name column ({known} ...) nor the "
                                                           "项目 and 事件 columns of an events sheet; "
                                                           "map your header with --mapping", known=known)))
    return rows, ignored


def _where(path: Path, sheet: str | None) -> str:
    return f"{path.name}[{sheet}]" if sheet is not None else path.name


# --------------------------------------------------------------------------------------------- values


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip() if not isinstance(value, str) else value.strip()


def _number_text(value: Any) -> str:
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


def parse_money(cell: Cell) -> Quantity:
    """Money as planners write it: 3400万美元, 约1.8亿美元, 6000万元, or a bare number in a column with a unit."""
    value = cell.value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if not cell.unit:
            raise ParseError(msg("{number_text} has no unit: write 3400万美元, or put the unit in the header, "
                                 "e.g. 总投资（万美元）", number_text=_number_text(value)))
        unit = cell.unit if _MONEY_UNIT_RE.match(cell.unit) else cell.unit
        return parse_quantity(f"{_number_text(value)}{unit}")
    text = _text(value).replace(" ", "")
    if cell.unit and re.fullmatch(r"[约超近]?\d+(?:,\d{3})*(?:\.\d+)?", text):
        text = f"{text}{cell.unit}"
    return parse_quantity(text)


def parse_sheet_date(value: Any) -> PartialDate:
    """A date from a cell: a spreadsheet date, 2022-04-15, 2022/4/15, 2022.4, 2022年4月, 2022-Q2 ..."""
    if isinstance(value, _dt.datetime):
        return parse_date(value.date())
    if isinstance(value, _dt.date):
        return parse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1800 <= value <= 2200:
        return parse_date(str(int(value)))
    text = _text(value)
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?", text)
    if match:
        year, month, day = match.groups()
        text = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return parse_date(text)


def _country(text: str) -> str:
    code = text.strip()
    if code.upper() in COUNTRY_CODES:
        return code.upper()
    if code in _COUNTRY:
        return _COUNTRY[code]
    raise ParseError(msg("unknown country {text}: write 日本, 德国 ... or a two-letter code (JP, DE)",
                         text=fragment(text)))


# --------------------------------------------------------------------------------------------- matching


class FirmMatcher:
    """Finds a firm already in a dataset: by credit code, then by normalised name, legal name and aliases."""

    def __init__(self, firms: Iterable[Firm]) -> None:
        self.by_code: dict[str, Firm] = {}
        self.by_name: dict[str, list[Firm]] = {}
        for firm in firms:
            self.add(firm)

    def add(self, firm: Firm) -> None:
        if firm.credit_code:
            self.by_code[firm.credit_code.upper()] = firm
        for name in firm.names():
            key = normalize_name(name)
            if key:
                bucket = self.by_name.setdefault(key, [])
                if not any(f is firm for f in bucket):
                    bucket.append(firm)

    def match(self, names: Iterable[str], credit_code: str = "") -> tuple[Firm | None, list[Firm]]:
        """(the firm, []) when one matches; (None, [candidates]) when several do; (None, []) for a new firm."""
        if credit_code and credit_code.upper() in self.by_code:
            return self.by_code[credit_code.upper()], []
        found: list[Firm] = []
        for name in names:
            for firm in self.by_name.get(normalize_name(name), []):
                if not any(f is firm for f in found):
                    found.append(firm)
        if len(found) == 1:
            return found[0], []
        return None, found


def new_id(prefix: str, text: str, taken: set[str]) -> str:
    """A fresh id: ``prefix-`` + an ASCII slug of ``text`` (or a short hash of it), unique among ``taken``.

    >>> new_id("firm", "Allnex Resins", set()), new_id("firm", "湛新", set())
    ('firm-allnex-resins', 'firm-13ac4d30')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-")
    if len(slug) < 3:
        slug = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    base = f"{prefix}-{slug}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


# --------------------------------------------------------------------------------------------- the plan


@dataclass
class Change:
    """One change an import makes (or would make, with ``--dry-run``)."""

    action: str  # add | update | same
    kind: str  # firm | link | project | source | citation | event
    id: str
    label: str
    where: str = ""
    details: list[str] = field(default_factory=list)
    label_en: str = ""
    """The label in English when it holds words besides data (``甲 在 环节`` -> ``甲 in segment``)."""

    def __str__(self) -> str:
        return self.render("zh")

    def render(self, lang: str = "zh") -> str:
        """The report line in ``lang``: the English label (if any) with ``en``."""
        sign = {"add": "+", "update": "~", "same": "="}[self.action]
        label = self.label_en if lang == "en" and self.label_en else self.label
        text = f"{sign} {self.kind} {label} ({self.id})"
        if self.where:
            text += f"  <- {self.where}"
        return text + "".join(f"\n    {d}" for d in self.details)


@dataclass
class ImportPlan:
    """What an import changes: new and updated records, with the row each comes from."""

    source: str
    rows: int
    changes: list[Change]
    ignored_columns: list[str]
    dataset: Dataset = field(repr=False)
    applied: bool = False
    skipped: int = 0
    """Records of the source that were left out on purpose (e.g. listed companies of no mapped industry)."""
    skipped_what: str = msg("skipped as unmapped")
    """How the report names the skipped records."""
    warnings: list[str] = field(default_factory=list)
    """Rows imported but worth a look: formula-like, HTML-looking or bidi names (docs/input-safety.md)."""

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes:
            key = f"{change.action} {change.kind}"
            counts[key] = counts.get(key, 0) + 1
        return counts

    @property
    def changed(self) -> bool:
        return any(c.action != "same" for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "rows": self.rows, "applied": self.applied, "skipped": self.skipped,
                "counts": self.counts(),
                "ignored_columns": list(self.ignored_columns),
                "warnings": list(self.warnings),
                "changes": [{"action": c.action, "kind": c.kind, "id": c.id, "label": c.label, "where": c.where,
                             "details": list(c.details)} for c in self.changes]}


class _Planner:
    def __init__(self, ds: Dataset, path: Path, mapping: SheetMapping) -> None:
        self.ds, self.path, self.mapping = ds, path, mapping
        self.problems: list[Problem] = []
        self.changes: list[Change] = []
        self.matcher = FirmMatcher(ds.firms.values())
        self.taken: set[str] = {rid for _, r in ds.iter_records() for rid in [getattr(r, "id", "")] if rid}
        self.taken |= set(ds.segments)
        self.links = {(link.firm, link.segment) for link in ds.links}
        self.project_names = {normalize_name(p.name): p for p in ds.projects.values()}
        self.touched: dict[str, Change] = {}
        self.sheet_values: dict[tuple[str, str], tuple[Any, str]] = {}
        self.warnings: list[str] = []
        # kept up to date as rows add citations and looked-up segments: rebuilt per row, a 20,000-row sheet
        # took minutes
        self.cited = {(c.subject, c.field) for c in ds.citations}
        self.segment_ids: dict[tuple[str, str | None], str | LookupFailed] = {}
        self.source_id = self._source()
        self.events_of: dict[str, list[ProjectEvent]] = {}
        for event in ds.events:
            self.events_of.setdefault(event.project, []).append(event)
        self.event_sources: dict[str, str] = {}

    def segment_id(self, text: str, chain: str | None) -> str:
        """The id of the segment named ``text`` (a lookup per distinct name, not per row)."""
        key = (text, chain)
        if key not in self.segment_ids:
            try:
                self.segment_ids[key] = self.ds.segment(text, chain=chain).id
            except LookupFailed as exc:
                self.segment_ids[key] = exc
        found = self.segment_ids[key]
        if isinstance(found, LookupFailed):
            raise LookupFailed(message_of(found))
        return found

    def _source(self) -> str:
        stem = self.path.stem
        for source in self.ds.sources.values():
            if source.title == self.path.name and source.kind == "list":
                return source.id
        source_id = new_id("sheet", stem, self.taken)
        self.ds.sources[source_id] = Source(id=source_id, title=self.path.name, kind="list",
                                            note="导入自规划人员的企业清单（chaingraph import）")
        self.changes.append(Change("add", "source", source_id, self.path.name))
        return source_id

    def problem(self, row: SheetRow, cell: Cell | None, message: str) -> None:
        where = f"{cell.header} ({cell.column})" if cell is not None else None
        self.problems.append(Problem(_where(self.path, row.sheet), row.row, where, message))

    def value(self, row: SheetRow, name: str) -> Cell | None:
        cell = row.cells.get(name)
        if cell is None and name in self.mapping.defaults:
            return Cell(self.mapping.defaults[name], "-", f"defaults.{name}")
        return cell

    def parse(self, row: SheetRow, name: str, parser: Any) -> Any:
        cell = self.value(row, name)
        if cell is None:
            return None
        try:
            return parser(cell)
        except (ParseError, LookupFailed) as exc:
            self.problem(row, cell, message_of(exc))
            return None

    def handle(self, row: SheetRow) -> None:
        if row.events:
            self.handle_event(row)
            return
        ds = self.ds
        text = lambda c: _text(c.value)  # noqa: E731
        name = self.parse(row, "name", text)
        if not name:
            cell = next(iter(row.cells.values()))
            self.problem(row, None, msg("企业名称 is empty (row has {header} = {text})",
                                        header=cell.header, text=fragment(_text(cell.value))))
            return
        where = f"{_where(self.path, row.sheet)}:{row.row}"
        code = self.parse(row, "credit_code",
                          lambda c: unicodedata.normalize("NFKC", text(c)).upper().replace(" ", "")) or ""
        if code and (why := credit_code_problem(code)):
            self.problem(row, row.cells.get("credit_code"), msg("{code}: {why}", code=code, why=why))
            code = ""
        chain = self.parse(row, "chain", lambda c: ds.chain(text(c)).id)
        segments: list[str] = []
        seg_cell = self.value(row, "segments")
        if seg_cell is not None:
            for part in _SPLIT_RE.split(text(seg_cell)):
                if part.strip():
                    try:
                        segments.append(self.segment_id(part.strip(), chain))
                    except LookupFailed as exc:
                        self.problem(row, seg_cell, message_of(exc) if chain else
                                     msg("{exc} (add a 所属产业链 column)", exc=exc))
        values: dict[str, Any] = {
            "legal_name": self.parse(row, "legal_name", text),
            "name_en": self.parse(row, "name_en", text),
            "country": self.parse(row, "country", lambda c: _country(text(c))),
            "region": self.parse(row, "region", lambda c: ds.region(text(c)).id),
            "group": self.parse(row, "group", lambda c: self._group(text(c))),
            "size": self.parse(row, "size", lambda c: _choice(text(c), _SIZE, "size", "龙头、大型、中型、小型")),
            "fortune500": self.parse(row, "fortune500", lambda c: parse_bool(text(c))),
            "headquarters": self.parse(row, "headquarters", text),
            "credit_code": code,
        }
        aliases = [a.strip() for a in _SPLIT_RE.split(self.parse(row, "aliases", text) or "") if a.strip()]
        project_values = {f: row.cells[f] for f in PROJECT_FIELDS if f in row.cells}
        project: dict[str, Any] = {}
        if project_values:
            project = {
                "name": self.parse(row, "project", text),
                "kind": self.parse(row, "kind", lambda c: _choice(text(c), _KIND, "kind", "新建、增资、扩建")),
                "status": self.parse(row, "status", lambda c: _choice(text(c), _STATUS, "status",
                                                                      "签约、在建、试生产、投产、取消")),
                "area_mu": self.parse(row, "area_mu", _area),
                "note": self.parse(row, "note", text),
            }
            for date_field in ("date", "start_date", "trial_date", "status_date"):
                project[date_field] = self.parse(row, date_field, lambda c: parse_sheet_date(c.value))
            if project["status_date"] is not None and project["status"] is None and "status" not in row.cells:
                self.problem(row, row.cells.get("status_date"), msg("状态日期 dates the 项目状态: add the 项目状态"))
            for money in MONEY_FIELDS:
                project[money] = self.parse(row, money, parse_money)
        note = self.parse(row, "note", text)

        firm, several = self.matcher.match([name, values["legal_name"] or "", *aliases], code)
        if several:
            self.problem(row, row.cells.get("name"), msg("{name} matches several firms: {firms}; add 统一社会信用代码 "
                                                         "to tell them apart", name=fragment(name),
                                                         firms=", ".join(f"{f.id} ({f.name})" for f in several)))
            return
        if firm is not None and code and firm.credit_code and firm.credit_code.upper() != code:
            self.problem(row, row.cells.get("credit_code"),
                         msg("{name} matches firm {id} ({name2}) whose credit code is "
                             "{credit_code}",
                             name=fragment(name), id=firm.id, name2=firm.name, credit_code=firm.credit_code))
            return
        if firm is not None:  # the same firm on two rows of this sheet must not say two different things
            for key, value in values.items():
                earlier = self.sheet_values.get((firm.id, key))
                if value not in (None, "") and earlier is not None and earlier[0] != value:
                    self.problem(row, row.cells.get(key), msg("{value} conflicts with {earlier} "
                                                              "given for the same firm at {earlier2}: keep one",
                                                              value=fragment(value), earlier=fragment(earlier[0]),
                                                              earlier2=earlier[1]))
        if self.problems_in(row):
            return
        for severity, message in text_issues(name):
            if severity == "warning":
                self.warnings.append(msg("{where}: {header}: warning: {message}", where=where, message=message,
                                         header=row.cells["name"].header if "name" in row.cells else "name"))
        firm_id = self._firm(firm, name, aliases, values, note if not project else None, where)
        for key, value in values.items():
            if value not in (None, ""):
                self.sheet_values.setdefault((firm_id, key), (value, where))
        if project:
            self._project(row, firm_id, name, project, segments, where)
        else:
            for segment in segments:
                if (firm_id, segment) in self.links:
                    continue
                self.links.add((firm_id, segment))
                ds.links.append(Link(firm=firm_id, segment=segment, confidence="confirmed", sources=[self.source_id],
                                     evidence=_short(text(row.cells["segments"]) if "segments" in row.cells else "")))
                seg = ds.segments[segment]
                self.changes.append(Change("add", "link", f"{firm_id} -> {segment}", f"{name} 在 {seg.name}", where,
                                           label_en=f"{name} in {seg.name_en or seg.name}"))

    def problems_in(self, row: SheetRow) -> bool:
        label = _where(self.path, row.sheet)
        return any(p.file == label and p.line == row.row for p in self.problems)

    def _group(self, text: str) -> str:
        for group in self.ds.groups.values():
            if text in (group.id, group.name, group.name_en, *group.aliases) or \
                    normalize_name(text) == normalize_name(group.name):
                return group.id
        raise ParseError(msg("unknown group {text}: add it to groups.csv first", text=fragment(text)))

    def _firm(self, firm: Firm | None, name: str, aliases: list[str], values: dict[str, Any], note: str | None,
              where: str) -> str:
        if firm is None:
            firm_id = new_id("firm", values["name_en"] or name, self.taken)
            firm = Firm(id=firm_id, name=name, aliases=[a for a in aliases if a != name], sources=[self.source_id],
                        note=note or "")
            for key, value in values.items():
                if value not in (None, ""):
                    setattr(firm, key, value)
            self.ds.firms[firm_id] = firm
            self.matcher.add(firm)
            change = Change("add", "firm", firm_id, name, where)
            self.changes.append(change)
            self.touched[firm_id] = change
            return firm.id
        details: list[str] = []
        for key, value in values.items():
            if value in (None, ""):
                continue
            old = getattr(firm, key)
            if old in (None, ""):
                setattr(firm, key, value)
                details.append(f"{key}: {value}")
            elif old != value:
                details.append(f"{key}: kept {old!r} (the sheet says {value!r})")
        for alias in [name, *aliases]:
            if alias and normalize_name(alias) not in {normalize_name(n) for n in firm.names()}:
                firm.aliases.append(alias)
                details.append(f"aliases: + {alias}")
        if details and any(not d.split(": ", 1)[1].startswith("kept") for d in details):
            if self.source_id not in firm.sources:
                firm.sources.append(self.source_id)
            self.matcher.add(firm)
            previous = self.touched.get(firm.id)
            if previous is not None:
                previous.details.extend(details)
            else:
                change = Change("update", "firm", firm.id, firm.name, where, details)
                self.changes.append(change)
                self.touched[firm.id] = change
        elif firm.id not in self.touched:
            change = Change("same", "firm", firm.id, firm.name, where, details)
            self.changes.append(change)
            self.touched[firm.id] = change
        return firm.id

    def _project(self, row: SheetRow, firm_id: str, firm_name: str, values: dict[str, Any], segments: list[str],
                 where: str) -> None:
        ds = self.ds
        name = values.pop("name") or f"{firm_name}项目"
        status_date = values.pop("status_date", None)
        existing = self.project_names.get(normalize_name(name))
        region = ds.firms[firm_id].region
        before = copy.copy(existing) if existing is not None else None  # what the dataset said, for its events
        if existing is None:
            project_id = new_id("project", name if not ds.firms[firm_id].name_en else ds.firms[firm_id].name_en,
                                self.taken)
            project = Project(id=project_id, name=name, firms=[firm_id], region=region, segments=list(segments),
                              sources=[self.source_id])
            for key, value in values.items():
                if value is not None:
                    setattr(project, key, value)
            ds.projects[project_id] = project
            self.project_names[normalize_name(name)] = project
            self.changes.append(Change("add", "project", project_id, name, where))
        else:
            project = existing
            details = []
            for key, value in values.items():
                old = getattr(project, key)
                if value is None or value == old:
                    continue
                if old in (None, "") or key == "status":  # a project's status moves on: the sheet is newer
                    setattr(project, key, value)
                    details.append(f"{key}: {old or '—'} -> {value}")
                else:
                    details.append(f"{key}: kept {str(old)!r} (the sheet says {str(value)!r})")
            for segment in segments:
                if segment not in project.segments:
                    project.segments.append(segment)
                    details.append(f"segments: + {segment}")
            if firm_id not in project.firms:
                project.firms.append(firm_id)
                details.append(f"firms: + {firm_id}")
            changed = any(": kept " not in d for d in details)
            if changed and self.source_id not in project.sources:
                project.sources.append(self.source_id)
            self.changes.append(Change("update" if changed else "same", "project", project.id, name, where, details))
            if not changed:
                self._row_events(row, project, values, status_date, where, before)
                return
        self._row_events(row, project, values, status_date, where, before)
        for money in MONEY_FIELDS:
            cell = row.cells.get(money)
            if cell is not None and values.get(money) is not None and (project.id, money) not in self.cited:
                unit = "" if isinstance(cell.value, str) else cell.unit or ""
                evidence = f"{cell.header}{_text(cell.value)}{unit}"
                ds.citations.append(Citation(subject=project.id, field=money, source=self.source_id,
                                             evidence=_short(evidence)))
                self.cited.add((project.id, money))


    # ------------------------------------------------------------------------------------------ events
    def _row_events(self, row: SheetRow, project: Project, values: dict[str, Any], status_date: PartialDate | None,
                    where: str, before: Project | None) -> None:
        """The events a project row gives: its dated stages up to its status, and its status on 状态日期."""
        status = values.get("status")
        reach = _STATUS_RANK.get(status, 3) if status else 3
        today = _dt.date.today()
        steps: list[tuple[str, ProjectEvent]] = []
        for date_field, kind in (("date", "signed"), ("start_date", "started"), ("trial_date", "trial")):
            when = values.get(date_field)
            # a date beyond what the status reaches, or still to come, is a plan, not a step taken
            if when is None or STAGE_ORDER[kind] > reach or when.start() > today:
                continue
            cell = row.cells.get(date_field)
            evidence = f"{cell.header}{_text(cell.value)}" if cell is not None and isinstance(cell.value, str) \
                else f"{cell.header} {when}" if cell is not None else ""
            steps.append((date_field, ProjectEvent(project.id, when, kind, sources=[self.source_id],
                                                   evidence=_short(evidence))))
        if status and status_date is not None:
            kind = STATUS_EVENT[status]
            if not any(e.kind == kind and same_step(e, ProjectEvent(project.id, status_date, kind)) for _, e in steps):
                steps.append(("status_date", ProjectEvent(project.id, status_date, kind, sources=[self.source_id],
                                                          evidence=_short(f"{_EVENT_CN[kind]} {status_date}"))))
        had_events = bool(self.events_of.get(project.id))
        added: list[tuple[ProjectEvent, Change]] = []
        for date_field, event in steps:
            change = self._add_event(row, row.cells.get(date_field), event, where,
                                     before or Project(id=project.id, name=project.name))
            if change is not None and change.action == "add":
                added.append((event, change))
        history = self.events_of.get(project.id, [])
        from_events = status_as_of(sorted_events(history), None) if history else None
        target = status or (before.status if before is not None and not had_events else None)
        if target and from_events is not None and from_events != target and (
                status or STATUS_RANK.get(from_events, 0) < STATUS_RANK.get(target, 0)):
            if had_events:
                self.problem(row, row.cells.get("status"),
                             msg("项目状态 {EVENT_CN} does not match the project's events "
                                 "(events.csv says {from_events}): give its 状态日期 to record it as an event, or "
                                 "correct the row", EVENT_CN=_EVENT_CN[STATUS_EVENT[target]], from_events=from_events))
                return
            for event, change in added:  # the row's dates alone would give the project an older status
                self.events_of[project.id].remove(event)
                self.ds.events.remove(event)
                self.changes.remove(change)
            if added:
                self.warnings.append(msg("{where}: 项目状态 {status} has no 状态日期, so the row's dates were not "
                                         "recorded as events (add 状态日期 to record the history)", where=where,
                                         status=_EVENT_CN[STATUS_EVENT[target]]))
            return
        if from_events is not None:
            project.status = from_events

    def _add_event(self, row: SheetRow, cell: Cell | None, event: ProjectEvent, where: str,
                   project: Project | None = None) -> Change | None:
        """Add ``event`` unless it is already recorded (in events.csv, or as a stage date of ``project``, by
        default the dataset's); a contradiction is a problem. The change, or None."""
        history = self.events_of.setdefault(event.project, [])
        if project is None:
            project = self.ds.projects.get(event.project)
        steps = recorded_steps(project, history)
        label = f"{event.project} {_EVENT_CN[event.kind]} {event.date}"
        event_id = f"{event.project}:{event.kind}:{event.date}"
        for old in history:
            if same_step(old, event) and (event.kind != "capital_increase" or old.amount == event.amount):
                change = Change("same", "event", event_id, label, where)
                self.changes.append(change)
                return change
        if event.kind in EVENT_STATUS:
            # a stage date of projects.csv that agrees is recorded as this event, with its source
            earlier = next((old for old in steps if old.kind == event.kind and not same_step(old, event)), None)
            if earlier is not None:
                self.problem(row, cell, msg("{event} on {date} contradicts the {event} of {date2} already "
                                            "recorded for {project} ({note}): correct one of them",
                                            event=noun(EVENT_LABELS["en"][event.kind]), date=event.date,
                                            date2=earlier.date, project=event.project,
                                            note=earlier.note or "events.csv"))
                return None
        known = {(id(e), m) for e, _, m in order_problems(project, steps)}
        new = [m for e, _, m in order_problems(project, [*steps, event]) if (id(e), m) not in known]
        if new:
            self.problem(row, cell, msg("{new} ({project}): the history would be out of order",
                                        new=new[0], project=event.project))
            return None
        history.append(event)
        self.ds.events.append(event)
        change = Change("add", "event", event_id, label, where)
        self.changes.append(change)
        return change

    def handle_event(self, row: SheetRow) -> None:
        """One row of an events sheet: 项目, 事件, 日期 (required), 来源, 金额, 原文, 备注."""
        text = lambda c: _text(c.value)  # noqa: E731
        where = f"{_where(self.path, row.sheet)}:{row.row}"
        project = self.parse(row, "project", lambda c: self._project_ref(text(c)))
        kind = self.parse(row, "event", lambda c: _event_kind(text(c)))
        date_field = next((f for f in ("event_date", "date", "status_date") if f in row.cells), None)
        date = self.parse(row, date_field, lambda c: parse_sheet_date(c.value)) if date_field else None
        amount = None
        for money_field in ("amount", "capital_increase"):
            if money_field in row.cells:
                amount = self.parse(row, money_field, parse_money)
                break
        source = self.parse(row, "source", lambda c: self._event_source(text(c)))
        for needed, value in (("project", project), ("event", kind)):
            if value is None and needed not in row.cells:
                self.problem(row, None, msg("{HEADER_ALIASES} is empty: every event names it",
                                            HEADER_ALIASES=HEADER_ALIASES[needed][0]))
        if date_field is None:
            self.problem(row, None, msg("日期 is empty: every event needs its date"))
        if kind == "capital_increase" and amount is None and not self.problems_in(row):
            self.problem(row, row.cells.get("event"), msg("a capital increase needs its 金额 (the amount added)"))
        if kind in ("started", "trial", "operating", "cancelled") and amount is not None:
            self.problem(row, row.cells.get("amount") or row.cells.get("capital_increase"),
                         msg("a {EVENT_CN} event has no amount (amounts go with 签约 or 增资)",
                             EVENT_CN=_EVENT_CN[kind]))
        if self.problems_in(row) or project is None or kind is None or date is None:
            return
        if date.start() > _dt.date.today():
            self.problem(row, row.cells.get(date_field) if date_field else None,
                         msg("{date} is still to come: an event is a step taken, record it once it happened",
                             date=date))
            return
        evidence = self.parse(row, "evidence", text) or ""
        note = self.parse(row, "note", text) or ""
        event = ProjectEvent(project.id, date, kind, amount, sources=[source or self.source_id],
                             evidence=_short(evidence), note=note)
        if self._add_event(row, row.cells.get("event"), event, where) is not None:
            history = sorted_events(self.events_of[project.id])
            status = status_as_of(history, None)
            if status is not None:
                project.status = status

    def _project_ref(self, text: str) -> Project:
        project = self.ds.projects.get(text) or self.project_names.get(normalize_name(text))
        if project is None:
            raise ParseError(msg("unknown project {text}: name it by its id or its name in projects.csv",
                                 text=fragment(text)))
        return project

    def _event_source(self, text: str) -> str:
        """A source id for the 来源 cell: a source of the dataset (id, URL or title), else a new source."""
        if text in self.event_sources:
            return self.event_sources[text]
        if text in self.ds.sources:
            return text
        url = _URL_RE.fullmatch(text)
        found = next((s.id for s in self.ds.sources.values() if (url and s.url == text) or s.title == text), None)
        if found is None:
            if url:
                host = re.sub(r"^https?://(www\.)?", "", text, flags=re.IGNORECASE).split("/", 1)[0]
                found = new_id("src", host, self.taken)
                self.ds.sources[found] = Source(id=found, title=host, url=text, kind="article",
                                                note="事件来源（chaingraph import）")
            else:
                found = new_id("src", text, self.taken)
                self.ds.sources[found] = Source(id=found, title=text, kind="article",
                                                note="事件来源（chaingraph import）")
            self.changes.append(Change("add", "source", found, text))
        self.event_sources[text] = found
        return found


def _event_kind(text: str) -> str:
    from ..dataset.model import EVENT_KINDS

    value = text.strip()
    if value in _EVENT:
        return _EVENT[value]
    if value.lower() in EVENT_KINDS:
        return value.lower()
    raise ParseError(msg("unknown event {text}: write 签约、开工、试生产、投产、取消 or 增资", text=fragment(text)))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _choice(text: str, table: Mapping[str, str | None], what: str, known: str) -> str:
    from ..dataset.model import PROJECT_STATUSES, SIZES

    value = text.strip()
    if value in table and table[value] is not None:
        return str(table[value])
    allowed = {"size": SIZES, "status": PROJECT_STATUSES, "kind": ("new", "expansion")}[what]
    if value.lower() in allowed:
        return value.lower()
    raise ParseError(msg("unknown {what} {text}: write {known}", what=noun(what), text=fragment(text), known=known))


def _area(cell: Cell) -> float:
    text = _text(cell.value).replace("亩", "").replace(",", "").strip()
    try:
        value = float(text)
    except ValueError as exc:
        raise ParseError(msg("{text} is not an area in 亩 (write e.g. 27.8)",
                             text=fragment(_text(cell.value)))) from exc
    return int(value) if value.is_integer() else value


# --------------------------------------------------------------------------------------------- entry points


def plan_import(dataset: str | Path, sheet: str | Path, mapping: str | Path | SheetMapping | None = None,
                progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """Read and validate ``sheet`` against the dataset folder ``dataset``; nothing is written.

    ``progress(done, total)`` is called as rows are checked (for a progress bar). Raises :class:`SheetError`
    listing every problem (sheet, row, column) when any row is invalid.
    """
    root, path = Path(dataset), Path(sheet)
    if not path.exists():
        raise SheetError([Problem(str(path), None, None, msg("file does not exist"))], str(path))
    the_mapping = mapping if isinstance(mapping, SheetMapping) else read_mapping(mapping)
    ds = load_dataset(root)
    problems: list[Problem] = []
    rows, ignored = read_rows(path, the_mapping, problems)
    planner = _Planner(ds, path, the_mapping)
    planner.problems = problems
    for done, row in enumerate(rows):
        if progress is not None and done % 200 == 0:
            progress(done, len(rows))
        planner.handle(row)
    if progress is not None:
        progress(len(rows), len(rows))
    if planner.problems:
        raise SheetError(planner.problems, path.name)
    return ImportPlan(source=path.name, rows=len(rows), changes=planner.changes, ignored_columns=ignored, dataset=ds,
                      warnings=planner.warnings)


def import_sheet(dataset: str | Path, sheet: str | Path, mapping: str | Path | SheetMapping | None = None,
                 dry_run: bool = False, wait: float | None = None,
                 progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """Import a spreadsheet into a dataset folder: validate everything, then write atomically (unless ``dry_run``).

    The dataset lock (:mod:`chaingraph.dataset.locking`, waiting up to ``wait`` seconds) is held from reading the
    dataset to the last file written, so a concurrent writer's change is never lost. Returns the :class:`ImportPlan`
    (``applied`` tells whether files were written).
    """
    if dry_run:
        return plan_import(dataset, sheet, mapping, progress)
    with dataset_lock(dataset, wait):
        plan = plan_import(dataset, sheet, mapping, progress)
        if plan.changed:
            apply_dataset_changes(plan.dataset, dataset, wait=wait)
            plan.applied = True
    return plan


_CHANGED_FILES = ("sources.csv", "firms.csv", "links.csv", "projects.csv", "citations.csv", "events.csv")


def apply_dataset_changes(ds: Dataset, root: str | Path, files: Iterable[str] = _CHANGED_FILES,
                          wait: float | None = None) -> Path:
    """Rewrite ``files`` of the dataset folder ``root`` from ``ds``, all or nothing, keeping every other file.

    The new files are staged beside the old ones, the dataset they make is loaded (it must be valid), and they
    are swapped in one by one under the dataset lock with a journal (:mod:`chaingraph.dataset.journal`): a crash at any
    point leaves the old dataset or the new one. Files that do not change are not touched, so merge backups,
    snapshots and files held open by other programs stay as they are.
    """
    from ..dataset.writer import _csv_text

    target = Path(root)
    records = {"sources.csv": ds.sources.values(), "firms.csv": ds.firms.values(), "links.csv": ds.links,
               "ties.csv": ds.ties, "projects.csv": ds.projects.values(), "groups.csv": ds.groups.values(),
               "citations.csv": ds.citations, "region_facts.csv": ds.region_facts,
               "rejections.csv": ds.rejections, "events.csv": ds.events}
    with Transaction(target, wait=wait) as txn:
        for name in files:
            if name == "events.csv" and not ds.events and not (target / name).exists():
                continue  # a dataset without a history gets no empty events.csv
            text = _csv_text(name, records[name])
            try:
                if (target / name).read_bytes() == text.encode("utf-8"):
                    continue
            except OSError:
                pass
            txn.write_text(name, text)
        try:
            load_dataset(txn.preview())  # refuse to swap in anything that does not load
        except DatasetError as exc:
            raise DatasetError(exc.problems, root=f"{target} (after the change; nothing was written)") from None
        txn.commit()
    return target
