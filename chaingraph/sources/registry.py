"""Read a county's firm registry (企业名录 exported from the 市场监管 system) as plain rows.

The registry has no segment column; :mod:`chaingraph.sources.classify` proposes one. This module only reads:
.xlsx or .csv (UTF-8, UTF-8 with BOM, GB18030, UTF-16), headers recognised by name and their usual variants
(企业名称 / 名称 / 企业(机构)名称, 经营范围 / 经营项目, 国民经济行业代码 / 行业代码 ...) without a mapping file.
Deregistered firms (注销, 吊销) are skipped and counted. From the name and the enterprise type come a country
hint (外商投资, 台港澳 types; foreign legal forms such as GmbH or 株式会社) and the parent brand for group matching
(德西福格汽车配件（平湖）有限公司 -> 德西福格汽车配件).

A file chaingraph cannot read gets a :class:`~chaingraph.sources.sheets.SheetError` naming sheet, row and column: no
name column, merged header cells, formulas, ragged rows, empty names. Nothing is written by this module.

Examples
--------
>>> industry_class("C3670"), industry_class("汽车零部件及配件制造(3670)"), industry_class("C36")
('3670', '3670', '36')
>>> parent_brand("德西福格汽车配件（平湖）有限公司"), parent_brand("Hirschvogel Automotive (Pinghu) Co., Ltd.")
('德西福格汽车配件', 'Hirschvogel Automotive')
>>> country_hint("外商投资企业法人独资", "某某（平湖）有限公司"), country_hint("有限责任公司(自然人独资)", "Foo GmbH")
('foreign', 'DE')
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..messages import msg
from .sheets import SheetError, _letter, _where

__all__ = [
    "REGISTRY_HEADERS",
    "RegistryRow",
    "Registry",
    "read_registry",
    "industry_class",
    "parent_brand",
    "country_hint",
    "is_deregistered",
]

# field -> headers the 市场监管 exports and the usual third-party lists use (compared after NFKC, case folding,
# removing spaces and brackets)
REGISTRY_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "名称", "公司名称", "企业(机构)名称", "市场主体名称", "主体名称", "单位名称", "企业名",
             "name", "company", "companyname"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "统一代码", "uscc",
                    "creditcode", "credit_code"),
    "scope": ("经营范围", "经营项目", "业务范围", "许可经营项目", "一般经营项目", "scope", "businessscope"),
    "industry": ("国民经济行业代码", "国民经济行业", "行业代码", "所属行业", "国标行业", "行业分类", "行业",
                 "国民经济行业分类", "industry", "industrycode"),
    "capital": ("注册资本", "注册资金", "注册资本(万元)", "registeredcapital", "capital"),
    "founded": ("成立日期", "成立时间", "注册日期", "设立日期", "founded", "establishdate"),
    "address": ("注册地址", "住所", "地址", "住所(经营场所)", "经营场所", "企业地址", "注册地", "address"),
    "status": ("登记状态", "经营状态", "企业状态", "状态", "status"),
    "kind": ("企业类型", "企业(机构)类型", "公司类型", "市场主体类型", "类型", "kind", "companytype"),
}

_DEREGISTERED = ("注销", "吊销")
_FOREIGN_TYPES = ("外商投资", "外国法人", "外资", "中外合资", "中外合作", "外国(地区)")
_HMT_TYPES = ("台港澳",)
# Legal forms that say where a foreign parent is registered (written in its own language or in English).
_LEGAL_FORMS: tuple[tuple[str, str], ...] = (
    (r"\bGmbH\b|\bAG\b|\bKG\b", "DE"), (r"株式会社|\bK\.K\.|\bKabushiki Kaisha\b", "JP"),
    (r"주식회사", "KR"), (r"\bS\.p\.A\.|\bS\.r\.l\.", "IT"), (r"\bS\.A\.S\.|\bSARL\b", "FR"),
    (r"\bB\.V\.|\bN\.V\.", "NL"), (r"\bInc\.|\bLLC\b|\bCorp\.", "US"), (r"\bPte\.? Ltd", "SG"),
)
_COUNTRY_WORDS = {"日本": "JP", "日资": "JP", "德国": "DE", "德资": "DE", "美国": "US", "韩国": "KR", "法国": "FR",
                  "意大利": "IT", "瑞士": "CH", "荷兰": "NL", "新加坡": "SG", "香港": "HK", "台湾": "TW", "英国": "GB"}
_LEGAL_SUFFIX_RE = re.compile(r"(股份有限公司|有限责任公司|有限公司|分公司|集团公司|公司|厂)$")
_BRAND_RE = re.compile(r"^(?P<brand>.+?)\s*[（(](?P<place>[^()（）]{1,12})[)）]\s*"
                       r"(?P<suffix>股份有限公司|有限责任公司|有限公司|"
                       r"Co\.?,?\s*Ltd\.?|Company Limited|Limited|Ltd\.?|Inc\.?|GmbH)\s*$", re.IGNORECASE)
_CODE_RE = re.compile(r"(?<!\d)([A-T]?)\s*(\d{2,4})(?!\d)")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"[\s()（）\[\]【】]+", "", text).casefold()


_HEADER_INDEX = {_fold(alias): name for name, aliases in REGISTRY_HEADERS.items() for alias in aliases}


def industry_class(text: str) -> str:
    """The GB/T 4754 code in a cell, without the section letter: '3670' (a class), '36' (a division), or ''."""
    match = _CODE_RE.search(unicodedata.normalize("NFKC", str(text)))
    return match.group(2) if match else ""


def parent_brand(name: str) -> str:
    """The part of a legal name before a bracketed place and the legal form, or '' if there is none."""
    match = _BRAND_RE.match(unicodedata.normalize("NFKC", name).strip())
    return match.group("brand").strip() if match else ""


def country_hint(kind: str, name: str) -> str:
    """An ISO country code when the name says so, 'foreign' or 'HK/MO/TW' when only the type does, else ''."""
    text = unicodedata.normalize("NFKC", name)
    for pattern, code in _LEGAL_FORMS:
        if re.search(pattern, text):
            return code
    for word, code in _COUNTRY_WORDS.items():
        if word in text:
            return code
    kind_text = unicodedata.normalize("NFKC", kind)
    if any(word in kind_text for word in _HMT_TYPES):
        return "HK/MO/TW"
    if any(word in kind_text for word in _FOREIGN_TYPES):
        return "foreign"
    return ""


def is_deregistered(status: str) -> bool:
    """注销 and 吊销 firms (whatever else the cell says) are no longer in business."""
    return any(word in status for word in _DEREGISTERED)


@dataclass
class RegistryRow:
    """One firm of the registry, as written (cells stripped), with where it came from."""

    row: int
    name: str
    sheet: str | None = None
    credit_code: str = ""
    scope: str = ""
    industry: str = ""
    capital: str = ""
    founded: str = ""
    address: str = ""
    status: str = ""
    kind: str = ""

    @property
    def industry_code(self) -> str:
        return industry_class(self.industry)

    @property
    def brand(self) -> str:
        return parent_brand(self.name)

    @property
    def country(self) -> str:
        return country_hint(self.kind, self.name)


@dataclass
class Registry:
    """The rows of a registry file and what was left out."""

    source: str
    rows: list[RegistryRow] = field(default_factory=list)
    deregistered: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    head = raw[:4000]
    if 0 in head:  # UTF-8 and GB18030 text has no zero bytes; UTF-16 has one in every ASCII character
        odd = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
        even = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
        try:
            return raw.decode("utf-16-le" if odd >= even else "utf-16-be")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError([Problem(name, None, None, msg("not UTF-8, GB18030 or UTF-16 text"))], name)


def _merged_ranges(path: Path) -> dict[str, list[str]]:
    """Merged cell ranges of every worksheet, by sheet name (read from the file; openpyxl's read-only mode
    does not expose them)."""
    result: dict[str, list[str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
            targets |= {k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)}
            for sheet_name, rel_id in re.findall(r'<sheet[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
                target = targets.get(rel_id, "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                try:
                    xml = archive.read(member).decode("utf-8", "replace")
                except KeyError:
                    continue
                import html

                result[html.unescape(sheet_name)] = re.findall(r'<mergeCell[^>]*ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    return result


def _tables(path: Path) -> Iterator[tuple[str | None, Iterator[tuple[int, tuple[Any, ...]]], list[str]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        merged = _merged_ranges(path)
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise SheetError([Problem(path.name, None, None, msg("not a readable .xlsx workbook: {exc}", exc=exc))],
                             path.name) from exc
        try:
            for sheet in book.worksheets:
                rows = ((i, values) for i, values in enumerate(sheet.iter_rows(values_only=True), start=1))
                yield sheet.title, rows, merged.get(sheet.title, [])
        finally:
            book.close()
        return
    if suffix in (".csv", ".txt", ".tsv"):
        text = _decode(path.read_bytes(), path.name)
        delimiter = "\t" if suffix == ".tsv" or ("\t" in text[:2000] and "," not in text[:200]) else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        yield None, ((reader.line_num, tuple(row)) for row in reader), []
        return
    raise SheetError([Problem(path.name, None, None, msg("unsupported file type: save it as .xlsx or .csv",
                                                         ))], path.name)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value).strip()


def _merged_rows(ranges: list[str]) -> set[int]:
    rows: set[int] = set()
    for ref in ranges:
        first, last = ref.split(":")
        top, bottom = int(re.sub(r"[A-Z]", "", first)), int(re.sub(r"[A-Z]", "", last))
        rows.update(range(top, bottom + 1))
    return rows


def read_registry(path: str | Path) -> Registry:
    """Read every firm row of every sheet that has a name column.

    Raises :class:`~chaingraph.sources.sheets.SheetError` listing every problem (sheet, row, column) if the file cannot
    be read as a registry.
    """
    path = Path(path)
    if not path.is_file():
        raise SheetError([Problem(str(path), None, None, msg("file does not exist"))], str(path))
    registry = Registry(source=path.name)
    problems: list[Problem] = []
    found_name = False
    for sheet, rows, merged in _tables(path):
        where = _where(path, sheet)
        merged_rows = _merged_rows(merged)
        header: dict[int, str] | None = None
        width = 0
        for number, cells in rows:
            if header is None:
                fields = {i: _HEADER_INDEX.get(_fold(v)) for i, v in enumerate(cells) if v is not None}
                if "name" not in fields.values():
                    if number >= 10:
                        break
                    continue
                if number in merged_rows:
                    refs = ", ".join(r for r in merged if number in _merged_rows([r]))
                    problems.append(Problem(where, number, refs, msg("merged header cells: unmerge them so that "
                                                                     "every column has its own header")))
                    break
                header = {i: f for i, f in fields.items() if f}
                seen: dict[str, int] = {}
                for index, name in header.items():
                    if name in seen:
                        problems.append(Problem(where, number, f"{cells[index]} ({_letter(index)})",
                                                msg("a second {name} column (first: {letter})",
                                                    name=name, letter=_letter(seen[name]))))
                    seen.setdefault(name, index)
                header = {i: f for i, f in header.items() if seen[f] == i}
                registry.ignored_columns += [str(v).strip() for i, v in enumerate(cells)
                                             if i not in header and v is not None and str(v).strip()]
                width, found_name = len(cells), True
                continue
            if not any(v is not None and str(v).strip() for v in cells):
                continue
            if sheet is None and len(cells) != width:
                problems.append(Problem(where, number, None, msg("has {cells_count} cells, the header has {width}",
                                                                 cells_count=len(cells), width=width)))
                continue
            values: dict[str, str] = {}
            bad = False
            for index, name in header.items():
                value = cells[index] if index < len(cells) else None
                if isinstance(value, str) and value.startswith("=") and len(value) > 1:
                    problems.append(Problem(where, number, f"{name} ({_letter(index)})",
                                            msg("holds a formula ({value}): paste the values instead",
                                                value=value[:30])))
                    bad = True
                values[name] = _cell_text(value)
            if bad:
                continue
            if not values.get("name"):
                column = next(_letter(i) for i, f in header.items() if f == "name")
                problems.append(Problem(where, number, f"name ({column})", msg("the firm name is empty")))
                continue
            if is_deregistered(values.get("status", "")):
                registry.deregistered += 1
                continue
            registry.rows.append(RegistryRow(row=number, sheet=sheet, **values))
        close = getattr(rows, "close", None)
        if close is not None:  # a sheet left half-read keeps the workbook file open
            close()
    if not found_name and not problems:
        known = "、".join(REGISTRY_HEADERS["name"][:4])
        problems.append(Problem(path.name, None, None, msg("no sheet has a firm name column ({known} ...)",
                                                           known=known)))
    if problems:
        raise SheetError(problems, path.name)
    return registry
