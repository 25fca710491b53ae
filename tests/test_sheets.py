"""Spreadsheets in: Chinese headers, money forms, GB18030 CSV, mappings, row/column errors, dry run, no duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import chaingraph as cgr
from chaingraph.cli import cli
from chaingraph.sources.sheets import SheetError, credit_code_problem, import_sheet, plan_import

_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(first17: str) -> str:
    total = sum(_CHARS.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + _CHARS[(31 - total % 31) % 31]


CODE_MOTOR = credit_code("91330482MA2JDKJ17")
CODE_NEW = credit_code("91330482MA28A0QX1")
HEADERS = ["企业名称", "统一社会信用代码", "所属环节", "所在园区", "国别", "项目名称", "总投资", "注册资本",
           "签约时间", "项目状态", "备注"]


def workbook(path: Path, rows: list[list[object]], headers: list[str] = HEADERS, title: str = "企业清单") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(["2024年招商企业清单"])  # a title row above the header, as planners make them
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = [
    ["新铁芯科技", "", "电机铁芯", "中日演示园", "日本", "新铁芯项目", "3400万美元", "约1.8亿美元",
     dt.datetime(2024, 3, 5), "签约", "新引进"],
    ["电机甲", CODE_MOTOR, "驱动电机", "", "", "", "", "", "", "", ""],  # an alias of motor-local
    ["新钢板", CODE_NEW, "电工钢", "演示市", "中国", "", "", "", "", "", ""],
    ["另一铁芯", "", "铁芯", "演示", "德国", "", "6000万元", "", "2024年4月", "在建", ""],
]


def test_import_xlsx_chinese_headers_and_money(tiny_path: Path, tmp_path: Path) -> None:
    plan = import_sheet(tiny_path, workbook(tmp_path / "firms.xlsx", GOOD))
    assert plan.applied
    ds = cgr.load_dataset(tiny_path)
    firm = ds.firm("新铁芯科技")
    assert (firm.country, firm.region) == ("JP", "town-park")
    project = next(p for p in ds.projects.values() if p.name == "新铁芯项目")
    assert str(project.investment) == "34000000 USD"
    assert str(project.registered_capital) == "~180000000 USD"
    assert str(project.date) == "2024-03-05" and project.status == "signed"
    assert project.segments == ["core"] and project.firms == [firm.id]
    other = next(p for p in ds.projects.values() if p.firms == [ds.firm("另一铁芯").id])
    assert str(other.investment) == "60000000 CNY" and str(other.date) == "2024-04"
    assert other.status == "under_construction"
    # the alias row updated motor-local instead of adding a firm
    motor = ds.firms["motor-local"]
    assert motor.credit_code == CODE_MOTOR
    assert len(ds.firms) == 8 + 3
    steel = ds.firm("新钢板")
    assert any(link.firm == steel.id and link.segment == "steel" for link in ds.links)
    assert {(c.subject, c.field) for c in ds.citations} >= {(project.id, "investment")}


def test_reimport_changes_nothing_and_dedupes_by_credit_code(tiny_path: Path, tmp_path: Path) -> None:
    sheet = workbook(tmp_path / "firms.xlsx", GOOD)
    import_sheet(tiny_path, sheet)
    before = {p.name: p.read_bytes() for p in tiny_path.glob("*.csv")}
    again = import_sheet(tiny_path, sheet)
    assert not again.changed and not again.applied
    assert {p.name: p.read_bytes() for p in tiny_path.glob("*.csv")} == before
    # the same credit code under another name is the same firm, which gains the name as an alias
    row: list[object] = ["新钢板加工厂", CODE_NEW, "电工钢", "", "", "", "", "", "", "", ""]
    renamed = workbook(tmp_path / "renamed.xlsx", [row])
    plan = import_sheet(tiny_path, renamed)
    ds = cgr.load_dataset(tiny_path)
    assert len(ds.firms) == 11
    assert "新钢板加工厂" in ds.firm("新钢板").aliases
    assert [c.kind for c in plan.changes if c.action == "add"] == ["source"]


def test_bad_rows_report_sheet_row_and_column(tiny_path: Path, tmp_path: Path) -> None:
    rows = [*GOOD[:1],
            ["坏企业", "12345", "不存在的环节", "火星园区", "XX", "坏项目", "3400万美刀", "", "2024-13", "完成", ""],
            ["", "", "电工钢", "", "", "", "", "", "", "", ""],
            ["错码企业", CODE_MOTOR[:-1] + ("0" if CODE_MOTOR[-1] != "0" else "1"), "", "", "", "", "", "", "", "", ""]]
    before = (tiny_path / "firms.csv").read_bytes()
    with pytest.raises(SheetError) as caught:
        import_sheet(tiny_path, workbook(tmp_path / "bad.xlsx", rows))
    text = str(caught.value)
    for expected in ("bad.xlsx[企业清单]:4: 统一社会信用代码 (B)", "bad.xlsx[企业清单]:4: 所属环节 (C)",
                     "bad.xlsx[企业清单]:4: 所在园区 (D)", "bad.xlsx[企业清单]:4: 国别 (E)",
                     "bad.xlsx[企业清单]:4: 总投资 (G): '3400万美刀' is not an amount",
                     "bad.xlsx[企业清单]:4: 签约时间 (I)", "bad.xlsx[企业清单]:4: 项目状态 (J)",
                     "bad.xlsx[企业清单]:5:", "企业名称 is empty", "bad.xlsx[企业清单]:6: 统一社会信用代码 (B)",
                     "check character"):
        assert expected in text, expected
    assert len(caught.value.problems) == 9
    assert (tiny_path / "firms.csv").read_bytes() == before  # nothing half-imported


def test_dry_run_writes_nothing(tiny_path: Path, tmp_path: Path) -> None:
    sheet = workbook(tmp_path / "firms.xlsx", GOOD)
    before = {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "import", str(sheet), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output and "新铁芯科技" in result.output and "+ firm" in result.output
    assert {p.name: p.read_bytes() for p in tiny_path.rglob("*") if p.is_file()} == before
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "import", str(sheet), "--format", "json"])
    assert result.exit_code == 0 and '"applied": true' in result.output


def test_gb18030_csv_with_mapping(tiny_path: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "名单.csv"
    csv_path.write_bytes("招商对象,引资金额,载体,链上位置,阶段\n铁芯二厂,3400,中日演示园,电机铁芯,已投产\n".encode("gb18030"))
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  招商对象: name\n  引资金额: investment\n  载体: region\n  链上位置: segments\n"
                       "  阶段: status\nunits:\n  引资金额: 万美元\ndefaults:\n  country: 日本\n", encoding="utf-8")
    with pytest.raises(SheetError, match="no sheet has a firm name column"):
        plan_import(tiny_path, csv_path)
    import_sheet(tiny_path, csv_path, mapping)
    ds = cgr.load_dataset(tiny_path)
    firm = ds.firm("铁芯二厂")
    assert firm.country == "JP"
    project = next(p for p in ds.projects.values() if firm.id in p.firms)
    assert str(project.investment) == "34000000 USD" and project.status == "operating"
    assert cgr.gap_report(cgr.build_graph(ds), "demo-auto", "town").segment("core").status == "weak"


def test_bare_number_without_unit_is_an_error(tiny_path: Path, tmp_path: Path) -> None:
    sheet = workbook(tmp_path / "n.xlsx", [["甲", "", "", "", "", "甲项目", 3400, "", "", "签约", ""]])
    with pytest.raises(SheetError, match=r"总投资 \(G\): 3400 has no unit"):
        plan_import(tiny_path, sheet)
    headers = [h if h != "总投资" else "总投资（万美元）" for h in HEADERS]
    row: list[object] = ["甲", "", "", "", "", "甲项目", 3400, "", "", "签约", ""]
    plan = plan_import(tiny_path, workbook(tmp_path / "u.xlsx", [row], headers))
    project = next(p for p in plan.dataset.projects.values() if p.name == "甲项目")
    assert str(project.investment) == "34000000 USD"


def test_import_needs_an_explicit_dataset(tmp_path: Path) -> None:
    sheet = workbook(tmp_path / "firms.xlsx", GOOD)
    result = CliRunner().invoke(cli, ["import", str(sheet)])
    assert result.exit_code == 2 and "--data" in result.output


def test_credit_code_check() -> None:
    assert credit_code_problem(CODE_MOTOR) is None
    assert "18 characters" in (credit_code_problem("9133") or "")
    assert "no 'I'" in (credit_code_problem("I" * 18) or "")


@pytest.mark.parametrize("encoding,sep", [("utf-16", "\t"), ("utf-16", ","), ("utf-16-le", ","),
                                          ("utf-16-be", "\t")])
def test_utf16_csv_excel_unicode_text(tiny_path: Path, tmp_path: Path, encoding: str, sep: str) -> None:
    # Excel's "Unicode text" is UTF-16 with a byte-order mark and tabs; other tools write it without a BOM
    text = sep.join(["企业名称", "所属环节", "所在园区", "国别", "总投资"]) + "\r\n" \
        + sep.join(["铁芯三厂", "电机铁芯", "中日演示园", "日本", "3400万美元"]) + "\r\n"
    path = tmp_path / "名单.txt"
    path.write_bytes(text.encode(encoding))
    plan = import_sheet(tiny_path, path)
    assert plan.applied
    firm = cgr.load_dataset(tiny_path).firm("铁芯三厂")
    assert (firm.country, firm.region) == ("JP", "town-park")


def test_large_dry_run_prints_a_summary(tiny_path: Path, tmp_path: Path) -> None:
    n = 300
    path = tmp_path / "many.csv"
    path.write_text("企业名称,所属环节,国别\n" + "".join(f"批量企业{i:04d},电机铁芯,日本\n" for i in range(n)),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) < 40
    assert f"新增企业 {n}" in lines[1] and "批量企业0000" in result.output and "批量企业0299" not in result.output
    listed = sum(1 for line in lines if line.startswith("  ") and "批量企业" in line)
    more = next(line for line in lines if "more" in line)
    assert f"and {2 * n - listed} more" in more  # a firm and its segment link per row
    result = CliRunner().invoke(cli, ["--data", str(tiny_path), "import", str(path), "--dry-run", "--verbose"])
    assert result.exit_code == 0 and "批量企业0299" in result.output and "more" not in result.output


def test_import_progress_counts_rows_and_json_stays_silent(tiny_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    rows = "".join(f"进度企业{i:04d},电机铁芯\n" for i in range(450))
    path.write_text("企业名称,所属环节\n" + rows, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    plan_import(tiny_path, path, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 450) and calls[-1] == (450, 450) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    args = ["--data", str(tiny_path), "import", str(path), "--dry-run", "--progress"]
    assert "checking rows" in CliRunner().invoke(cli, args).stderr
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0 and "checking rows" not in result.stderr
