"""Reading firm registries: encodings, header variants, deregistered firms, and bad files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from chaingraph.dataset.fixtures import REGISTRY_SMALL, write_registry_small
from chaingraph.sources.registry import country_hint, industry_class, parent_brand, read_registry
from chaingraph.sources.sheets import SheetError


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_every_usual_encoding_reads_the_same_rows(tmp_path: Path, encoding: str) -> None:
    registry = read_registry(write_registry_small(tmp_path / "r.csv", encoding))
    assert len(registry.rows) == 11
    assert registry.rows[0].name == "平湖示例精密刀具有限公司"
    assert registry.rows[0].industry_code == "3321"
    assert "切削工具制造" in registry.rows[0].scope


def test_deregistered_firms_are_skipped_and_counted(tmp_path: Path) -> None:
    registry = read_registry(write_registry_small(tmp_path / "r.csv"))
    assert registry.deregistered == 1
    assert "平湖示例数控机床有限公司" not in {r.name for r in registry.rows}


def test_header_variants_need_no_mapping_file(tmp_path: Path) -> None:
    text = REGISTRY_SMALL.replace("企业名称", "企业(机构)名称", 1).replace("注册地址", "住所", 1) \
        .replace("国民经济行业代码", "行业代码", 1).replace("登记状态", "经营状态", 1) \
        .replace("企业类型", "市场主体类型", 1)
    path = tmp_path / "variants.csv"
    path.write_text(text, encoding="utf-8")
    registry = read_registry(path)
    assert len(registry.rows) == 11 and registry.deregistered == 1
    assert registry.rows[1].address == "浙江省平湖经济技术开发区示例路2号"
    assert registry.rows[1].kind == "有限责任公司（外国法人独资）"


def _xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名录"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _table() -> list[list[object]]:
    return [list(r) for r in csv.reader(io.StringIO(REGISTRY_SMALL))]


def test_xlsx_with_a_title_row_above_the_header_reads(tmp_path: Path) -> None:
    rows = [["平湖市企业名录（导出）"], *_table()]
    path = _xlsx(tmp_path / "r.xlsx", rows, merge="A1:I1")
    registry = read_registry(path)
    assert len(registry.rows) == 11
    assert registry.rows[0].row == 3  # the spreadsheet row, for messages and the review workbook


def test_merged_header_cells_are_refused_with_sheet_and_row(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "r.xlsx", _table(), merge="C1:D1")
    with pytest.raises(SheetError) as caught:
        read_registry(path)
    assert "r.xlsx[名录]:1: C1:D1: merged header cells" in str(caught.value)


def test_formulas_are_refused_with_sheet_row_and_column(tmp_path: Path) -> None:
    rows = _table()
    rows[2][2] = "=A1&B1"
    with pytest.raises(SheetError) as caught:
        read_registry(_xlsx(tmp_path / "r.xlsx", rows))
    assert "r.xlsx[名录]:3: scope (C): holds a formula" in str(caught.value)


def test_no_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("公司代号,经营范围\n1,模具制造\n", encoding="utf-8")
    with pytest.raises(SheetError, match="no sheet has a firm name column"):
        read_registry(path)


def test_rows_without_a_name_or_with_missing_cells_are_named(tmp_path: Path) -> None:
    lines = REGISTRY_SMALL.splitlines()
    lines[3] = "," + lines[3].split(",", 1)[1]
    lines[5] = "只有名称"
    path = tmp_path / "r.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SheetError) as caught:
        read_registry(path)
    message = str(caught.value)
    assert "r.csv:4: name (A): the firm name is empty" in message
    assert "r.csv:6: has 1 cells, the header has 9" in message


def test_codes_brands_and_country_hints() -> None:
    assert industry_class("C3421 金属切削机床制造") == "3421"
    assert industry_class("") == ""
    assert parent_brand("示例汽车部件（平湖）有限公司") == "示例汽车部件"
    assert parent_brand("平湖示例精密刀具有限公司") == ""
    assert country_hint("有限责任公司（台港澳法人独资）", "某某") == "HK/MO/TW"
    assert country_hint("有限责任公司（外国法人独资）", "Sample Precision (Pinghu) Co., Ltd.") == "foreign"
    assert country_hint("股份有限公司", "示例株式会社") == "JP"
    assert country_hint("有限责任公司（自然人投资或控股）", "平湖示例机械有限公司") == ""
