"""The review loop: workbook written and re-read, planner edits, rejections remembered, CLI contracts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.cli import cli
from chaingraph.dataset import bundled_dataset_path
from chaingraph.dataset.fixtures import write_registry_small
from chaingraph.sources.review import (
    REVIEW_SHEET,
    apply_proposals,
    apply_review,
    is_review_workbook,
    propose,
    write_review,
)
from chaingraph.sources.sheets import SheetError


def _review(county: Path, registry: Path, tmp_path: Path) -> Path:
    ds = load_dataset(county)
    return write_review(propose(ds, registry), ds, tmp_path / "review.xlsx")


def _rows(path: Path) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path)
    sheet = book[REVIEW_SHEET]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_review_workbook_has_its_sheets_and_prefills_confirmed(county: Path, registry: Path, tmp_path: Path) -> None:
    path = _review(county, registry, tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["挂链建议", "未挂链", "未匹配地址", "汇总"]
    rows = _rows(path)
    assert {(r["企业名称"], r["环节"]) for r in rows} >= {("平湖示例精密刀具有限公司", "mt-cutting-tool"),
                                                        ("平湖示例电机科技有限公司", "auto-drive-motor")}
    assert all((r["采纳"] == "是") == (r["置信度"] == "确定") for r in rows)
    tool = next(r for r in rows if r["环节"] == "mt-cutting-tool")
    assert "切削工具制造" in str(tool["依据"]) and tool["所在地"] == "pinghu"
    motor = next(r for r in rows if r["环节"] == "auto-drive-motor")
    assert motor["所在地"] == "dushangang"  # 独山港镇 is covered by the park
    header = [c.value for c in book["未挂链"][1]]
    assert header[:5] == ["采纳", "企业名称", "环节", "候选环节", "原因"]
    unlinked = {row[1].value: row[4].value for row in book["未挂链"].iter_rows(min_row=2)}
    assert "只销售" in unlinked["嘉兴示例汽配贸易有限公司"]
    assert [row[0].value for row in book["未匹配地址"].iter_rows(min_row=2)] == ["示例精工（平湖）有限公司"]
    summary = {row[0].value: row[1].value for row in book["汇总"].iter_rows()}
    assert summary["跳过的注销、吊销企业"] == 1
    assert is_review_workbook(path)


def test_planner_decisions_apply_and_rerun_proposes_nothing_new(county: Path, registry: Path,
                                                                 tmp_path: Path) -> None:
    path = _review(county, registry, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book[REVIEW_SHEET]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in header}
    decided = {}
    for row in sheet.iter_rows(min_row=2):
        segment = row[col["环节"]].value
        if segment == "mt-ball-screw":
            row[col["采纳"]].value = "否"  # the planner knows the firm makes guides only
        elif segment == "nm-electrical-steel":
            row[col["采纳"]].value = None  # decide later
        decided[segment] = row[col["采纳"]].value
    book.save(path)

    plan = apply_review(county, path)
    assert plan.applied
    ds = load_dataset(county)
    firm = next(f for f in ds.firms.values() if f.name == "平湖示例精密刀具有限公司")
    assert firm.credit_code == "91330482MA2D0001XD" and firm.region == "pinghu"
    assert any(link.firm == firm.id and link.segment == "mt-cutting-tool" for link in ds.links)
    assert [(r.name, r.segment) for r in ds.rejections] == [("示例精工（平湖）有限公司", "mt-ball-screw")]
    assert (county / "rejections.csv").read_text(encoding="utf-8").startswith("name,segment,credit_code")
    undecided = {segment for segment, value in decided.items() if not value}
    assert plan.skipped == len(undecided)

    again = propose(ds, registry)
    left = {p.segment for r in again.results for p in r.proposals}
    assert left == undecided and "nm-electrical-steel" in left  # only the undecided ones come back
    assert again.rejected_links == 1 and again.known_links == len([v for v in decided.values() if v == "是"])
    assert apply_review(county, path).changes == []  # applying the same workbook twice changes nothing


def test_a_bad_decision_changes_nothing(county: Path, registry: Path, tmp_path: Path) -> None:
    path = _review(county, registry, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book[REVIEW_SHEET]
    sheet["C2"] = "no-such-segment"
    sheet["A3"] = "也许"
    book.save(path)
    before = _files(county)
    with pytest.raises(SheetError) as caught:
        apply_review(county, path)
    message = str(caught.value)
    assert "review.xlsx[挂链建议]:2: 环节" in message and "review.xlsx[挂链建议]:3: 采纳" in message
    assert _files(county) == before  # the lock file aside, nothing changed


def test_a_firm_left_unlinked_is_linked_by_the_planner_from_its_candidates(county: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("企业名称,统一社会信用代码,经营范围,国民经济行业代码,注册地址\n"
                    "平湖示例电动机有限公司,91330482MA2D0009XA,一般项目：电动机制造；泵及真空设备制造,C3812,平湖市钟埭街道\n"
                    "平湖示例铸造有限公司,91330482MA2D0010XB,一般项目：黑色金属铸造,C3391,平湖市钟埭街道\n",
                    encoding="utf-8")
    ds = load_dataset(county)
    out = write_review(propose(ds, path), ds, tmp_path / "review.xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book["未挂链"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in header}
    rows = {row[col["企业名称"]].value: row for row in sheet.iter_rows(min_row=2)}
    motor, foundry = rows["平湖示例电动机有限公司"], rows["平湖示例铸造有限公司"]
    # a class of mostly other trades: no link, the candidates listed; one candidate is pre-written as the segment
    assert motor[col["环节"]].value == "auto-drive-motor" and not motor[col["采纳"]].value
    assert "auto-die-casting" in foundry[col["候选环节"]].value and not foundry[col["环节"]].value
    motor[col["采纳"]].value = "是"
    foundry[col["采纳"]].value = "是"  # ... but no segment written: refused, nothing changes
    book.save(out)
    before = _files(county)
    with pytest.raises(SheetError) as caught:
        apply_review(county, out)
    assert "review.xlsx[未挂链]:3: 环节" in str(caught.value)
    assert _files(county) == before
    foundry[col["环节"]].value = "mt-casting"
    book.save(out)
    assert apply_review(county, out).applied
    ds = load_dataset(county)
    links = {(ds.firms[link.firm].name, link.segment): link for link in ds.links if link.firm in ds.firms}
    motor_link = links[("平湖示例电动机有限公司", "auto-drive-motor")]
    assert motor_link.confidence == "guessed" and "3812" in motor_link.evidence
    assert ("平湖示例铸造有限公司", "mt-casting") in links
    assert apply_review(county, out).changes == []  # the same decisions twice change nothing


def test_formula_like_text_is_neutralised_in_the_workbook(county: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("企业名称,经营范围,国民经济行业代码,注册地址\n示例模具有限公司,模具制造,3525,@SUM(1)示例路\n",
                    encoding="utf-8")
    ds = load_dataset(county)
    out = write_review(propose(ds, path), ds, tmp_path / "review.xlsx")
    (row,) = _rows(out)
    assert row["注册地址"] == "'@SUM(1)示例路"


def test_one_step_import_takes_proposals_at_the_minimum_confidence(county: Path, registry: Path) -> None:
    plan = apply_proposals(county, registry, "confirmed")
    assert plan.applied
    ds = load_dataset(county)
    assert {link.confidence for link in ds.links if link.sources == [plan.changes[0].id]} == {"confirmed"}
    assert apply_proposals(county, registry, "confirmed").changes == []


# --------------------------------------------------------------------------------------------- CLI


def test_cli_csv_and_json_keep_the_output_contract(registry: Path) -> None:
    result = CliRunner().invoke(cli, ["classify", str(registry), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0])[:4] == ["name", "segment", "confidence", "evidence"]
    trader = next(r for r in rows if r["name"] == "嘉兴示例汽配贸易有限公司")
    assert trader["segment"] == "" and "只销售" in trader["reason"] and trader["evidence"] == trader["reason"]
    assert {r["confidence"] for r in rows if r["segment"]} <= {"confirmed", "probable", "guessed"}
    data = json.loads(CliRunner().invoke(cli, ["classify", str(registry), "--format", "json"]).output)
    assert data["deregistered"] == 1 and len(data["rows"]) == len(rows)


def test_cli_review_loop_and_exit_codes(county: Path, registry: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    review = tmp_path / "review.xlsx"
    result = runner.invoke(cli, ["--data", str(county), "classify", str(registry), "-o", str(review)])
    assert result.exit_code == 0 and review.exists()
    assert "确定" in result.output and (county / "firms.csv").read_text() == \
        (bundled_dataset_path() / "firms.csv").read_text()  # classify writes nothing to the dataset
    undecided = {(r["企业名称"], r["环节"]) for r in _rows(review) if not r["采纳"]}
    result = runner.invoke(cli, ["--data", str(county), "import", str(review)])
    assert result.exit_code == 0, result.output
    assert "新增环节关联" in result.output
    result = runner.invoke(cli, ["--data", str(county), "classify", str(registry), "--format", "csv"])
    assert {(r["name"], r["segment"]) for r in csv.DictReader(io.StringIO(result.output)) if r["segment"]} == \
        undecided

    bad = tmp_path / "bad.csv"
    bad.write_text("代号,经营范围\n1,模具制造\n", encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "classify", str(bad), "-o", str(tmp_path / "never.xlsx")])
    assert result.exit_code == 3 and "no sheet has a firm name column" in result.output
    assert not (tmp_path / "never.xlsx").exists()


def test_cli_one_step_import(county: Path, registry: Path) -> None:
    result = CliRunner().invoke(cli, ["--data", str(county), "import", str(registry), "--classify",
                                      "--min-confidence", "probable", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "新增环节关联" in result.output and "已写入" not in result.output


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".chaingraph")}


def test_propose_reports_progress_to_the_end(county: Path, registry: Path) -> None:
    calls: list[tuple[int, int]] = []
    proposals = propose(load_dataset(county), registry, progress=lambda done, total: calls.append((done, total)))
    total = len(proposals.results)
    assert calls[0] == (0, total) and calls[-1] == (total, total)


def test_cli_classify_progress_bar_for_large_registries_only(tmp_path: Path) -> None:
    from chaingraph.cli.classify import PROGRESS_FROM

    small = write_registry_small(tmp_path / "small.csv")
    lines = small.read_text(encoding="utf-8-sig").splitlines()
    large = tmp_path / "large.csv"
    body = [line for line in lines[1:] if "注销" not in line]
    large.write_text("\n".join([lines[0], *(body * (PROGRESS_FROM // len(body) + 1))]) + "\n", encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli, ["classify", str(large), "--format", "csv", "--progress"])
    assert shown.exit_code == 0, shown.output
    assert "classify" in shown.stderr and "classify" not in shown.stdout
    assert shown.stdout.startswith("name,segment,confidence,evidence")
    quiet = runner.invoke(cli, ["classify", str(large), "--format", "csv"])  # not a terminal: no bar
    assert quiet.exit_code == 0 and "classify" not in quiet.stderr
    few = runner.invoke(cli, ["classify", str(small), "--format", "csv", "--progress"])
    assert few.exit_code == 0 and "classify" not in few.stderr
