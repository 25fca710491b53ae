"""``--lang`` on classify, the review workbook, import, extract and merge (issue 16): English output holds no
Chinese beyond the data (firm names, addresses, scope words quoted as evidence, article text), and the Chinese
default is unchanged."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from chaingraph import load_dataset
from chaingraph.cli import cli
from chaingraph.outputs.lang import cjk_outside, data_texts
from chaingraph.sources.registry import read_registry
from chaingraph.sources.review import is_review_workbook, propose, read_review, write_review

_QUOTED = re.compile(r"\"[^\"]*\"")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _registry_texts(path: Path) -> list[str]:
    """Every cell of a registry: data an English output may quote as written."""
    table = read_registry(path)
    return [v for row in table.rows for v in [*vars(row).values(), row.brand, row.country] if isinstance(v, str)]


def _untranslated(text: str, names: list[str]) -> list[str]:
    """Chinese left in ``text`` once the data and the quoted evidence words ("切削工具制造") are taken out."""
    return cjk_outside(_QUOTED.sub(" ", text), names)


# ------------------------------------------------------------------------------------------------ classify


def test_classify_table_csv_and_json_in_english(registry: Path) -> None:
    names = _registry_texts(registry)
    table = _run("--lang", "en", "classify", str(registry))
    assert _untranslated(table, names) == []
    assert "1 address not matched" in table and "6 firms linked" in table
    assert "mt-cutting-tool Cutting tools" in table
    assert 'scope item 1: "切削工具制造"; name "刀具"; industry code 3321' in table
    assert "sells only (wholesale, retail, import/export); not a producer" in table

    rows = list(csv.DictReader(io.StringIO(_run("--lang", "en", "classify", str(registry), "--format", "csv"))))
    assert list(rows[0])[:5] == ["name", "segment", "confidence", "evidence", "reason"]
    for row in rows:
        assert _untranslated(row["evidence"] + " " + row["reason"], names) == [], row
    trader = next(r for r in rows if r["name"] == "嘉兴示例汽配贸易有限公司")
    assert trader["reason"] == trader["evidence"] == "sells only (wholesale, retail, import/export); not a producer"

    en = json.loads(_run("--lang", "en", "classify", str(registry), "--format", "json"))
    zh = json.loads(_run("classify", str(registry), "--format", "json"))
    for row in en["rows"]:
        assert _untranslated(" ".join(str(v) for v in row.values()), names) == [], row
    # the codes are the same in either language; the texts are rendered from them
    assert [(r["evidence_codes"], r["reason_code"]) for r in en["rows"]] == \
        [(r["evidence_codes"], r["reason_code"]) for r in zh["rows"]]
    codes = {r["reason_code"] for r in en["rows"] if not r["segment"]}
    assert codes == {"seller", "investor", "research", "unrelated", "vague_terms"}
    tool = next(r for r in en["rows"] if r["segment"] == "mt-cutting-tool")
    assert tool["evidence_codes"] == ["scope_term", "name_term", "code"]


def test_classify_chinese_default_is_unchanged(registry: Path) -> None:
    table = _run("classify", str(registry))
    assert table.splitlines()[0] == ("registry.csv: 11 家在业企业 · 跳过注销/吊销 1 · 建议挂链 6 家（确定 7、较可能 0、"
                                     "猜测 1 条）· 未挂链 5 家 · 地址未匹配 1")
    assert "经营范围第1项“切削工具制造”；名称“刀具”；行业代码3321" in table
    assert "经营范围第1项“电工钢”；经营范围第1项“硅钢”；经营范围第1项泛指“分条”；名称“硅钢”；行业代码3130" in table
    assert "只有泛指的词（机械零件、零部件加工），行业代码3484也不指向相应环节" in table
    rows = list(csv.DictReader(io.StringIO(_run("classify", str(registry), "--format", "csv"))))
    assert list(rows[0]) == ["name", "segment", "confidence", "evidence", "reason", "primary", "role", "credit_code",
                             "region", "country_hint", "brand", "group", "row"]
    trader = next(r for r in rows if r["name"] == "嘉兴示例汽配贸易有限公司")
    assert trader["reason"] == "只销售（批发、零售、进出口），不是生产企业"


def test_classify_code_only_and_tie_reasons_name_segments_in_english() -> None:
    from chaingraph.sources.classify import Classifier

    ds = load_dataset()
    classifier = Classifier(ds)
    seen = {}
    for name, scope, code in (("某某电池材料有限公司", "电池材料生产", ""),
                              ("某某有限公司", "一般项目：塑料制品制造", "2921")):
        result = classifier.classify_fields(name, scope, code)
        if not result.proposals:
            seen[result.reason.code] = result.reason
    for reason in seen.values():
        en = reason.render("en")
        names = [c["name"] for c in reason.params.get("candidates", []) if not c["name_en"]]
        assert cjk_outside(_QUOTED.sub(" ", en), names) == [], en
        for candidate in reason.params.get("candidates", []):
            assert candidate["id"] in en and candidate["id"] in reason  # the Chinese text is the str itself
            assert (candidate["name_en"] or candidate["name"]) in en and candidate["name"] in reason


# ---------------------------------------------------------------------------------------- review workbook


def _sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path)
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_english_review_workbook_and_its_import(county: Path, registry: Path, tmp_path: Path) -> None:
    review = tmp_path / "review-en.xlsx"
    _run("--lang", "en", "--data", str(county), "classify", str(registry), "-o", str(review))
    book = openpyxl.load_workbook(review)
    assert book.sheetnames == ["Proposed links", "Not linked", "Unmatched addresses", "Summary"]
    names = _registry_texts(registry) + ["registry.csv"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert _untranslated(value, names) == [], (sheet.title, value)
    rows = _sheet_rows(review, "Proposed links")
    assert list(rows[0])[:7] == ["accept", "firm name", "segment", "segment name", "chain", "confidence", "evidence"]
    assert {r["accept"] for r in rows} == {"yes", ""}  # confirmed links pre-filled
    assert is_review_workbook(review)

    # the planner decides: accept the probable one, reject a confirmed one
    sheet = book["Proposed links"]
    header = [c.value for c in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        row = dict(zip(header, cells, strict=True))
        if row["segment"].value == "auto-electric-control":
            row["accept"].value = "yes"
        elif row["segment"].value == "mt-ball-screw":
            row["accept"].value = "no"
    book.save(review)
    decisions = {(d.segment, d.accept) for d in read_review(review)}
    assert ("auto-electric-control", True) in decisions and ("mt-ball-screw", False) in decisions

    result = CliRunner().invoke(cli, ["--lang", "en", "--data", str(county), "import", str(review)])
    assert result.exit_code == 0, result.output
    ds = load_dataset(county)
    assert "+ link 平湖示例电机科技有限公司 in Motor controllers and inverters (" in result.output
    assert "+ rejection 示例精工（平湖）有限公司 not in mt-ball-screw (" in result.output
    assert _untranslated(result.output, names + data_texts(ds) + [str(review.name)]) == [], result.output
    assert {(r.name, r.segment) for r in ds.rejections} >= {("示例精工（平湖）有限公司", "mt-ball-screw")}


def test_chinese_review_workbook_and_import_lines_are_unchanged(county: Path, registry: Path,
                                                                tmp_path: Path) -> None:
    ds = load_dataset(county)
    review = write_review(propose(ds, registry), ds, tmp_path / "review.xlsx")
    book = openpyxl.load_workbook(review)
    assert book.sheetnames == ["挂链建议", "未挂链", "未匹配地址", "汇总"]
    rows = _sheet_rows(review, "挂链建议")
    assert list(rows[0])[:7] == ["采纳", "企业名称", "环节", "环节名称", "产业链", "置信度", "依据"]
    tool = next(r for r in rows if r["环节"] == "mt-cutting-tool")
    assert tool["依据"] == "经营范围第1项“切削工具制造”；名称“刀具”；行业代码3321" and tool["置信度"] == "确定"
    # the English workbook of the same registry is read back to the same decisions
    english = write_review(propose(ds, registry), ds, tmp_path / "review-en.xlsx", lang="en")
    assert [(d.name, d.segment, d.accept, d.confidence) for d in read_review(review)] == \
        [(d.name, d.segment, d.accept, d.confidence) for d in read_review(english)]
    result = CliRunner().invoke(cli, ["--data", str(county), "import", str(review)])
    assert result.exit_code == 0, result.output
    assert "+ link 平湖示例精密刀具有限公司 在 刀具 (" in result.output
    assert "新增环节关联" in result.output and "已写入 / written" in result.output


def test_one_step_import_report_per_language(county: Path, registry: Path) -> None:
    args = ("--data", str(county), "import", str(registry), "--classify", "--min-confidence", "confirmed",
            "--dry-run")
    en = _run("--lang", "en", *args).splitlines()
    assert en[:2] == ["dry run: nothing is written", "registry.csv: 11 rows · new firm 6 · new link 7 · new source 1"
                      " · proposals below confirmed not imported 1"]
    assert "  + link 平湖示例精密刀具有限公司 in Cutting tools (" in "\n".join(en)
    names = _registry_texts(registry) + data_texts(load_dataset(county)) + ["registry.csv"]
    assert _untranslated("\n".join(en), names) == []
    zh = _run(*args).splitlines()
    assert zh[:2] == ["试运行（--dry-run）：以下改动不会写入 / dry run: nothing is written",
                      "registry.csv: 11 行 · 新增企业 6 · 新增环节关联 7 · 新增来源 1 · "
                      "低于 confirmed 而未导入的建议 1"]
    assert "  + link 平湖示例精密刀具有限公司 在 刀具 (" in "\n".join(zh)


# ------------------------------------------------------------------------------------------ extract, merge

ARTICLE = (
    "今年1月，铁芯新公司铁芯项目签约落户中日演示园，总投资3500万美元，注册资本1666万美元，占地面积27.8亩。"
    "同月，日本东洋精工株式会社投资的驱动电机项目签约落户中日演示园，总投资约2000万美元，年产值超5亿元。"
    "本地电机有限公司今年实现增资800万美元。"
)


def _extract(tiny_path: Path, tmp_path: Path, *lang: str) -> tuple[Path, str]:
    article = tmp_path / "demo-news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "proposed.csv"
    result = CliRunner().invoke(cli, [*lang, "--data", str(tiny_path), "extract", str(article), "--date",
                                      "2024-01-12", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out, result.stderr


def test_extract_summary_and_merge_report_follow_lang(tiny_path: Path, tmp_path: Path) -> None:
    out, zh = _extract(tiny_path, tmp_path)
    assert re.fullmatch(r"demo-news\.txt（utf-8）：\d+ 条事实，涉及企业 \d+ 家、项目 \d+ 个、地区数据 \d+ 条"
                        r"（去除重复文字与版式 \d+ 个字符）\n", zh), zh
    _, en = _extract(tiny_path, tmp_path, "--lang", "en")
    assert re.fullmatch(r"demo-news\.txt \(utf-8\): \d+ facts about \d+ firms, \d+ projects, \d+ region facts "
                        r"\(\d+ characters of doubled text and layout removed\)\n", en), en

    facts = [cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for cell in row]
    names = facts + data_texts(load_dataset(tiny_path)) + [ARTICLE]
    report_en = _run("--lang", "en", "--data", str(tiny_path), "merge", str(out), "--dry-run")
    lines = report_en.splitlines()
    assert re.fullmatch(r"\d+ new records, \d+ changed fields, \d+ already there, \d+ conflicts, \d+ skipped", lines[0])
    assert lines[-1] == "dry run: nothing written"
    assert any(line.startswith("+ new ") for line in lines)
    assert _untranslated(report_en, names) == [], report_en
    report_zh = _run("--data", str(tiny_path), "merge", str(out), "--dry-run")
    lines_zh = report_zh.splitlines()
    assert re.fullmatch(r"新增记录 \d+ 条，改动字段 \d+ 个，已有 \d+ 项，冲突 \d+ 项，跳过 \d+ 项", lines_zh[0])
    assert lines_zh[-1] == "试运行：未写入任何内容"
    assert len(lines_zh) == len(lines)
    assert any(line.startswith("+ 新增 企业 ") for line in lines_zh)
    assert not any(" new " in line or "CONFLICT" in line or "skipped" in line for line in lines_zh)
    written = _run("--data", str(tiny_path), "merge", str(out))
    assert "：已写入 " in written and "撤销：chaingraph --data" in written


def test_import_chainkg_link_lines_follow_lang(county: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "chainkg"
    zh = _run("--data", str(county), "import-chainkg", str(fixture), "--dry-run", "--verbose")
    en = _run("--lang", "en", "--data", str(county), "import-chainkg", str(fixture), "--dry-run", "--verbose")
    links_zh = [line for line in zh.splitlines() if line.startswith("  + link ")]
    links_en = [line for line in en.splitlines() if line.startswith("  + link ")]
    assert links_zh and len(links_zh) == len(links_en)
    assert all(" 在 " in line for line in links_zh) and not any(" 在 " in line for line in links_en)
    assert all(re.search(r" in .+ \((confirmed|probable|guessed)\) \(", line) for line in links_en), links_en
    assert en.splitlines()[0] == "dry run: nothing is written"
